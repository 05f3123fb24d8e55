#include "cli/sendcommand.h"
#include "smtp/tlstrustdecision.h"

#include "cli/clisupport.h"
#include "cli/connectionoptions.h"
#include "cli/oauthoptions.h"
#include "cli/stepprompt.h"

#include "delivery/mxdelivery.h"
#include "history/attemptexport.h"
#include "history/attemptrecorder.h"
#include "mime/mimemessagesource.h"
#include "oauth/oauthsession.h"
#include "smtp/explain.h"
#include "smtp/printable.h"
#include "smtp/smtpclient.h"

#include "i18n/translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QTextStream>

#include <algorithm>
#include <functional>
#include <memory>

#include <unistd.h>

namespace {

// The context of this command's texts for people.
class SendText
{
    Q_DECLARE_TR_FUNCTIONS(SendText)
};

const char *const ExitCodeHelp =
    "Exit status:\n"
    "   0  sent (also when some, not all, recipients were refused: a WARNING line says which)\n"
    "   2  bad command line or input (the option is named)\n"
    "   3  cannot connect\n"
    "   4  the server refused the session in its greeting\n"
    "   5  TLS failed or STARTTLS is required and not offered\n"
    "   6  EHLO and HELO refused\n"
    "   7  authentication failed or not possible (also: the OAuth2 provider refused the\n"
    "      refresh token or the token request; its error is quoted)\n"
    "   8  MAIL FROM refused\n"
    "   9  every recipient refused (RCPT TO)\n"
    "  10  DATA refused\n"
    "  11  the message was refused after its content (end of data)\n"
    "  12  timeout (the step is named in words)\n"
    "  13  cancelled (Ctrl+C, or q and the end of input with --step)\n"
    "  14  delivery unknown: the connection ended after the whole message was sent\n"
    "      and before the server's reply; it may or may not have been delivered\n"
    "  15  the message could not be read (a file vanished or is unreadable)\n"
    "  16  --mx: a recipient domain's DNS lookup failed (no such domain, no answer,\n"
    "      server failure, timeout) or it takes no mail (null MX)\n"
    "With --mx the status is 0 when every recipient domain took the message, otherwise\n"
    "that of the first domain that did not (3 when none of its mail servers could be reached).\n";

int exitCodeFor(const SendResult &result)
{
    using O = SendResult::Outcome;
    using E = SendResult::Error;
    if (result.outcome == O::Success || result.outcome == O::PartialSuccess)
        return ExitOk;
    if (result.outcome == O::DeliveryUnknown)
        return ExitDeliveryUnknown;
    switch (result.error) {
    case E::InvalidInput:
        return ExitUsage;
    case E::ConnectFailed:
        return ExitConnect;
    case E::Tls:
        return ExitTls;
    case E::Authentication:
        return ExitAuth;
    case E::AllRecipientsRefused:
        return ExitRcpt;
    case E::Timeout:
        return ExitTimeout;
    case E::Cancelled:
        return ExitCancelled;
    case E::MessageSource:
        return ExitMessage;
    default:
        break;
    }
    const QString &step = result.step;
    if (step == QLatin1String("Connecting"))
        return ExitConnect;
    if (step == QLatin1String("Greeting"))
        return ExitGreeting;
    if (step == QLatin1String("StartTls") || step == QLatin1String("TlsHandshake") ||
        step == QLatin1String("CertificateReview"))
        return ExitTls;
    if (step == QLatin1String("Ehlo") || step == QLatin1String("Helo"))
        return ExitEhlo;
    if (step == QLatin1String("Authenticating") || step == QLatin1String("AwaitingCredentials"))
        return ExitAuth;
    if (step == QLatin1String("MailFrom"))
        return ExitMail;
    if (step == QLatin1String("RcptTo"))
        return ExitRcpt;
    if (step == QLatin1String("Data"))
        return ExitData;
    return ExitEndOfData;
}

// The command a failed step's reply answered, so its meaning is looked up for that command
// (a 554 to RCPT is not "no SMTP service here", which it means only in a greeting).
struct Options
{
    SmtpSettings settings;
    Message message;
    QString emlPath;
    int dsnNotify = 0;
    bool quiet = false;
    bool explain = false;
    bool step = false;
    bool keepHistory = true;
    bool mx = false;
    MxDeliverySettings mxSettings;
    std::optional<OAuthCliOptions> oauth; // the access token comes from a refresh token
};

QList<Mailbox> parseAddresses(const QStringList &values, const QString &option)
{
    QList<Mailbox> out;
    for (const QString &value : values) {
        for (const MailboxParseResult &r : Mailbox::parseList(value)) {
            if (!r.isValid())
                throw UsageError{QStringLiteral("--%1: %2").arg(option, r.error)};
            out.append(r.mailbox);
        }
    }
    return out;
}

// --mx: what a submission server needs makes no sense for a recipient's MX, and is refused
// by name rather than silently ignored.
void parseMxOptions(const QCommandLineParser &parser, MxDeliverySettings *mx)
{
    for (const char *name :
         {"server", "auth", "user", "password-env", "password-file", "security",
          "allow-plaintext-auth", "pin", "insecure", "oauth-token-url", "oauth-client-id",
          "oauth-client-secret-env", "oauth-refresh-token-env"}) {
        if (parser.isSet(QLatin1String(name)))
            throw UsageError{SendText::tr("--%1: not with --mx, which delivers to each "
                                          "recipient domain's mail server on port 25 without "
                                          "AUTH, with STARTTLS when offered")
                                 .arg(QLatin1String(name))};
    }
    if (parser.isSet(QStringLiteral("dns-server"))) {
        const QString value = parser.value(QStringLiteral("dns-server")).trimmed();
        mx->dnsServer = QHostAddress(value);
        if (mx->dnsServer.isNull())
            throw UsageError{
                QStringLiteral("--dns-server: \"%1\" is not an IP address").arg(value)};
    }
    if (parser.isSet(QStringLiteral("mx-port"))) {
        bool ok = false;
        const int port = parser.value(QStringLiteral("mx-port")).toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            throw UsageError{SendText::tr("--mx-port: give a port from 1 to 65535")};
        mx->port = quint16(port);
    }
}

Options parseOptions(QCommandLineParser &parser, const QStringList &arguments)
{
    auto add = [&parser](const QString &name, const QString &help, const QString &value = {}) {
        parser.addOption(QCommandLineOption(name, help, value));
    };
    parser.setApplicationDescription(SendText::tr(
        "Sends one message and prints the SMTP dialogue as it happens: C: client, S: server, "
        "TLS: encryption, -- notes, !! errors and warnings, each with the milliseconds since "
        "the connection started and each reply with the server's latency."));
    parser.addHelpOption();
    parser.addOption(Translations::languageOption());
    add(QStringLiteral("server"),
        SendText::tr("The submission server, HOST[:PORT] or [IPv6]:PORT (port 587, or 465 with "
                     "--security tls)."),
        QStringLiteral("HOST[:PORT]"));
    add(QStringLiteral("from"),
        SendText::tr("Sender, e.g. \"Ana <ana@example.org>\"; also the envelope's MAIL FROM."),
        QStringLiteral("ADDR"));
    add(QStringLiteral("to"), SendText::tr("Recipients, comma-separated; repeatable."),
        QStringLiteral("ADDR[,ADDR...]"));
    add(QStringLiteral("cc"), SendText::tr("Cc recipients, comma-separated; repeatable."),
        QStringLiteral("ADDR[,ADDR...]"));
    add(QStringLiteral("bcc"),
        SendText::tr("Bcc recipients: in the envelope only, never in a header."),
        QStringLiteral("ADDR[,ADDR...]"));
    add(QStringLiteral("subject"), QStringLiteral("Subject."), QStringLiteral("S"));
    add(QStringLiteral("body"), SendText::tr("Plain-text body."), QStringLiteral("TEXT"));
    add(QStringLiteral("body-file"), SendText::tr("Read the plain-text body (UTF-8) from a file."),
        QStringLiteral("F"));
    add(QStringLiteral("attach"), SendText::tr("Attach a file; repeatable."),
        QStringLiteral("FILE"));
    add(QStringLiteral("security"),
        SendText::tr("none, starttls (default: required), starttls-optional (debugging only), or "
                     "tls (implicit, port 465)."),
        QStringLiteral("MODE"));
    add(QStringLiteral("auth"),
        SendText::tr("Authenticate with this SASL mechanism (PLAIN, LOGIN, CRAM-MD5, XOAUTH2, "
                     "OAUTHBEARER, SCRAM-SHA-256), or \"best\" for the strongest both sides "
                     "offer."),
        QStringLiteral("MECH"));
    add(QStringLiteral("user"), SendText::tr("User name for AUTH (implies --auth best)."),
        QStringLiteral("U"));
    add(QStringLiteral("password-env"),
        SendText::tr("Read the password (or OAuth2 access token) from this environment variable."),
        QStringLiteral("VAR"));
    add(QStringLiteral("password-file"),
        SendText::tr("Read the password (or OAuth2 access token) from the first line of this "
                     "file."),
        QStringLiteral("F"));
    addOAuthOptions(parser);
    add(QStringLiteral("helo"),
        SendText::tr("The name to give in EHLO/HELO (default: this machine's name)."),
        QStringLiteral("NAME"));
    add(QStringLiteral("timeout"),
        SendText::tr(
            "Give up on any step after this many seconds (default: RFC 5321's per-step timeouts)."),
        QStringLiteral("S"));
    add(QStringLiteral("no-pipelining"), SendText::tr("Do not use PIPELINING even when offered."));
    add(QStringLiteral("no-chunking"),
        SendText::tr("Do not use CHUNKING (BDAT) even when offered."));
    add(QStringLiteral("quiet"), SendText::tr("Print only the outcome, not the dialogue."));
    add(QStringLiteral("explain"),
        SendText::tr(
            "After each command and reply, say in plain words what it means (for learning SMTP)."));
    add(QStringLiteral("step"),
        SendText::tr("Step through the dialogue: before each command it is shown with what it "
                     "will do and why, and a line read from stdin decides: ") +
            StepPrompt::help() + SendText::tr(". The end of input stops."));
    add(QStringLiteral("step-pipelining"),
        SendText::tr("With --step: keep PIPELINING, so each pipelined group is one step."));
    add(QStringLiteral("no-history"),
        SendText::tr("Do not keep this attempt in the history (see postwire history)."));
    add(QStringLiteral("eml"),
        SendText::tr("Send this RFC 5322 file as it is (line endings made CRLF); --from and "
                     "--to/--cc/--bcc give the envelope."),
        QStringLiteral("FILE"));
    add(QStringLiteral("ca-file"), SendText::tr("Also trust the CA certificates in this PEM file."),
        QStringLiteral("F"));
    add(QStringLiteral("pin"),
        SendText::tr("Trust the server certificate with this SHA-256 fingerprint (hex) despite "
                     "verification errors; repeatable."),
        QStringLiteral("SHA256"));
    add(QStringLiteral("insecure"),
        SendText::tr(
            "Do not verify the server's certificate (debugging only; warned in the transcript)."));
    add(QStringLiteral("allow-plaintext-auth"),
        SendText::tr("Allow AUTH over an unencrypted connection to a host that is not loopback."));
    add(QStringLiteral("dsn"),
        SendText::tr("Ask for delivery status notifications: comma-separated SUCCESS, FAILURE, "
                     "DELAY, or NEVER."),
        QStringLiteral("WHEN"));
    add(QStringLiteral("dsn-ret"), SendText::tr("With --dsn: return FULL message or HDRS only."),
        QStringLiteral("FULL|HDRS"));
    add(QStringLiteral("mx"),
        SendText::tr("Deliver straight to each recipient domain's mail server (MX) on port 25, "
                     "as a mail server does: no --server, no AUTH, STARTTLS when offered."));
    add(QStringLiteral("dns-server"),
        SendText::tr("With --mx: ask this DNS server (an IP address) instead of the system's "
                     "resolver."),
        QStringLiteral("ADDR"));
    add(QStringLiteral("mx-port"),
        SendText::tr("With --mx: connect to this port instead of 25 (test setups only)."),
        QStringLiteral("N"));
    add(QStringLiteral("envid"),
        SendText::tr("With --dsn: the envelope id to quote in notifications."),
        QStringLiteral("ID"));
    // parse(), not process(): a bad option must end with our exit code 2 and a line naming it.
    if (!parser.parse(arguments))
        throw UsageError{parser.errorText()};

    Options o;
    o.settings.security = ConnectionOptions::parseSecurity(parser.value(QStringLiteral("security")),
                                                           SmtpSettings::Security::StartTls);

    o.mx = parser.isSet(QStringLiteral("mx"));
    if (o.mx) {
        parseMxOptions(parser, &o.mxSettings);
    } else {
        for (const char *name : {"dns-server", "mx-port"}) {
            if (parser.isSet(QLatin1String(name)))
                throw UsageError{SendText::tr("--%1: only with --mx").arg(QLatin1String(name))};
        }
        if (!parser.isSet(QStringLiteral("server")))
            throw UsageError{SendText::tr("--server: missing; give the submission server, e.g. "
                                          "--server mail.example.org:587, or --mx")};
        ConnectionOptions::parseServer(parser.value(QStringLiteral("server")), &o.settings,
                                       QStringLiteral("--server"));
    }

    if (!parser.isSet(QStringLiteral("from")))
        throw UsageError{SendText::tr("--from: missing; give the sender's address")};
    const MailboxParseResult from = Mailbox::parse(parser.value(QStringLiteral("from")));
    if (!from.isValid())
        throw UsageError{QStringLiteral("--from: %1").arg(from.error)};
    o.message.from = from.mailbox;
    o.message.to = parseAddresses(parser.values(QStringLiteral("to")), QStringLiteral("to"));
    o.message.cc = parseAddresses(parser.values(QStringLiteral("cc")), QStringLiteral("cc"));
    o.message.bcc = parseAddresses(parser.values(QStringLiteral("bcc")), QStringLiteral("bcc"));
    if (o.message.to.isEmpty() && o.message.cc.isEmpty() && o.message.bcc.isEmpty())
        throw UsageError{QStringLiteral("--to: no recipient; give --to, --cc or --bcc")};
    o.message.subject = parser.value(QStringLiteral("subject"));
    if (parser.isSet(QStringLiteral("body")) && parser.isSet(QStringLiteral("body-file")))
        throw UsageError{SendText::tr("--body and --body-file: give one, not both")};
    o.message.text = parser.value(QStringLiteral("body"));
    if (parser.isSet(QStringLiteral("body-file"))) {
        const QString path = parser.value(QStringLiteral("body-file"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw UsageError{
                SendText::tr("--body-file: cannot read %1: %2").arg(path, file.errorString())};
        o.message.text = QString::fromUtf8(file.readAll());
    }
    for (const QString &path : parser.values(QStringLiteral("attach"))) {
        if (!QFileInfo(path).isFile())
            throw UsageError{SendText::tr("--attach: %1 is not a readable file").arg(path)};
        Attachment a;
        a.path = path;
        o.message.attachments.append(a);
    }
    if (parser.isSet(QStringLiteral("eml"))) {
        o.emlPath = parser.value(QStringLiteral("eml"));
        if (!QFileInfo(o.emlPath).isFile())
            throw UsageError{SendText::tr("--eml: %1 is not a readable file").arg(o.emlPath)};
        if (parser.isSet(QStringLiteral("subject")) || parser.isSet(QStringLiteral("body")) ||
            parser.isSet(QStringLiteral("body-file")) || parser.isSet(QStringLiteral("attach")))
            throw UsageError{SendText::tr("--eml: the file is sent as it is; --subject, --body, "
                                          "--body-file and --attach cannot change it")};
    } else {
        const QString problem = o.message.validate();
        if (!problem.isEmpty())
            throw UsageError{problem};
    }

    ConnectionOptions::parseCommon(parser, &o.settings);
    o.settings.usePipelining = !parser.isSet(QStringLiteral("no-pipelining"));
    o.settings.useChunking = !parser.isSet(QStringLiteral("no-chunking"));
    o.quiet = parser.isSet(QStringLiteral("quiet"));
    o.explain = parser.isSet(QStringLiteral("explain"));
    o.step = parser.isSet(QStringLiteral("step"));
    if (parser.isSet(QStringLiteral("step-pipelining")) && !o.step)
        throw UsageError{SendText::tr("--step-pipelining: only with --step")};
    o.settings.stepMode = o.step;
    o.settings.stepKeepsPipelining = parser.isSet(QStringLiteral("step-pipelining"));
    o.keepHistory = !parser.isSet(QStringLiteral("no-history"));

    const QString auth = parser.value(QStringLiteral("auth"));
    o.settings.authenticate = !auth.isEmpty() || parser.isSet(QStringLiteral("user"));
    if (o.settings.authenticate) {
        if (auth.compare(QLatin1String("best"), Qt::CaseInsensitive) != 0 && !auth.isEmpty()) {
            o.settings.authMechanism = auth.toUpper().toLatin1();
            if (!SaslMechanism::supported().contains(o.settings.authMechanism))
                throw UsageError{
                    SendText::tr("--auth: %1 is not one of %2, best")
                        .arg(auth, QString::fromLatin1(SaslMechanism::supported().join(", ")))};
        }
        o.settings.credentials.user = parser.value(QStringLiteral("user"));
        if (o.settings.credentials.user.isEmpty())
            throw UsageError{SendText::tr("--user: AUTH needs a user name")};
        o.oauth = parseOAuthOptions(parser, o.settings.authMechanism);
        if (!o.oauth)
            o.settings.credentials.secret = readSecret(parser);
        if (o.settings.credentials.secret.isEmpty() && !o.oauth)
            throw UsageError{
                SendText::tr("--password-env or --password-file: AUTH needs a password (never "
                             "given on the command line, where other users can see it)")};
    } else
        parseOAuthOptions(parser, QByteArray()); // refuses an --oauth-* option without --auth
    o.settings.allowPlaintextAuth = parser.isSet(QStringLiteral("allow-plaintext-auth"));
    o.settings.verifyPeer = !parser.isSet(QStringLiteral("insecure"));
    for (const QString &pin : parser.values(QStringLiteral("pin"))) {
        const QByteArray stored = TlsTrustDecision::pinFromText(pin);
        if (stored.isEmpty())
            throw UsageError{
                QStringLiteral("--pin: \"%1\" is not a SHA-256 fingerprint (64 hex digits)")
                    .arg(pin)};
        o.settings.pinnedFingerprints.append(stored);
    }
    if (parser.isSet(QStringLiteral("dsn"))) {
        int notify = 0;
        for (const QString &w :
             parser.value(QStringLiteral("dsn")).toUpper().split(QLatin1Char(','))) {
            if (w == QLatin1String("NEVER"))
                notify |= DsnOptions::Never;
            else if (w == QLatin1String("SUCCESS"))
                notify |= DsnOptions::Success;
            else if (w == QLatin1String("FAILURE"))
                notify |= DsnOptions::Failure;
            else if (w == QLatin1String("DELAY"))
                notify |= DsnOptions::Delay;
            else
                throw UsageError{
                    QStringLiteral("--dsn: \"%1\" is not one of SUCCESS, FAILURE, DELAY, NEVER")
                        .arg(w)};
        }
        if ((notify & DsnOptions::Never) && notify != DsnOptions::Never)
            throw UsageError{
                SendText::tr("--dsn: NEVER cannot be combined with other values (RFC 3461)")};
        o.dsnNotify = notify;
    }
    o.mxSettings.smtp = o.settings;
    return o;
}

QStringList parserArguments(const QStringList &arguments)
{
    QStringList args = arguments;
    args.removeAt(1); // "send": the parser sees "postwire --server ..."
    args[0] = args.value(0) + QStringLiteral(" send");
    return args;
}

int exitCodeFor(const DomainDelivery &d)
{
    using O = DomainDelivery::Outcome;
    if (d.delivered())
        return ExitOk;
    if (d.outcome == O::NoMail || d.outcome == O::DnsFailed)
        return ExitDns;
    if (d.outcome == O::Cancelled)
        return ExitCancelled;
    return exitCodeFor(d.result);
}

// --mx: one section per recipient domain, then one line per domain and per recipient.
int runMxDelivery(const Options &options, const Envelope &envelope, MessageSource *source,
                  TranscriptPrinter &printer)
{
    const auto say = [&printer](const QString &line) { printer.say(line); };
    MxDelivery delivery;
    QObject::connect(&delivery, &MxDelivery::domainStarted,
                     [&](const QString &domain, const QStringList &recipients) {
                         if (!options.quiet)
                             say(QStringLiteral("=== %1: %2")
                                     .arg(domain, recipients.join(QStringLiteral(", "))));
                     });
    QObject::connect(&delivery, &MxDelivery::transcriptEntry,
                     [&printer](const TranscriptEntry &e) { printer.print(e); });
    // One attempt per recipient domain, with the server that held its session.
    std::optional<AttemptRecorder> recorder;
    if (options.keepHistory) {
        recorder.emplace(HistoryStore(), Attempt::Kind::Send);
        recorder->follow(&delivery);
        QObject::connect(&*recorder, &AttemptRecorder::saveFailed, [](const QString &why) {
            QTextStream(stderr) << "WARNING: " << why << '\n';
        });
    }
    int exitCode = ExitOk;
    QObject::connect(&delivery, &MxDelivery::finished, [&](const MxDeliveryResult &r) {
        if (!r.error.isEmpty()) {
            QTextStream(stderr) << "postwire send: " << r.error << '\n';
            QCoreApplication::exit(exitCode = ExitUsage);
            return;
        }
        int delivered = 0;
        for (const DomainDelivery &d : r.domains) {
            QString line = QStringLiteral("DOMAIN %1: %2")
                               .arg(d.domain, DomainDelivery::outcomeLabel(d.outcome));
            if (!d.host.isEmpty() && d.result.outcome != SendResult::Outcome::Failure)
                line += QStringLiteral(" by %1 (%2)").arg(d.host, d.address);
            if (d.tls)
                line += d.tlsUnverified
                            ? SendText::tr(", encrypted (the certificate was NOT verified)")
                            : QStringLiteral(", encrypted");
            if (!d.result.queueId.isEmpty() && d.delivered())
                line += SendText::tr(", queue id %1").arg(d.result.queueId);
            if (!d.delivered())
                line += QStringLiteral(": %1").arg(d.message);
            say(line);
            for (const RecipientResult &rr : d.recipientResults) {
                if (rr.accepted)
                    say(QStringLiteral("  <%1>: accepted").arg(rr.address));
                else if (rr.reply.isValid())
                    say(QStringLiteral("  <%1>: refused: %2").arg(rr.address, rr.reply.toString()));
                else
                    say(SendText::tr("  <%1>: not sent").arg(rr.address));
            }
            if (d.delivered())
                ++delivered;
            else if (exitCode == ExitOk)
                exitCode = exitCodeFor(d);
        }
        const int total = int(r.domains.size());
        say(exitCode == ExitOk
                ? SendText::tr("OK: every recipient domain took the message (%1 of %2, %3 ms)")
                      .arg(delivered)
                      .arg(total)
                      .arg(r.elapsedMs)
                : SendText::tr("FAILED: %1 of %2 recipient domains took the message (%3 ms)")
                      .arg(delivered)
                      .arg(total)
                      .arg(r.elapsedMs));
        QCoreApplication::exit(exitCode);
    });
    onInterrupt(&delivery, [&delivery] { delivery.cancel(); });
    delivery.send(options.mxSettings, envelope, source);
    return QCoreApplication::exec();
}

} // namespace

QString checkSendArguments(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    try {
        parseOptions(parser, parserArguments(arguments));
        if (!parser.positionalArguments().isEmpty())
            return SendText::tr("unexpected argument \"%1\"")
                .arg(parser.positionalArguments().first());
    } catch (const UsageError &e) {
        return e.text;
    }
    return QString();
}

int runSendCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QStringList args = parserArguments(arguments);
    Options options;
    DsnOptions dsn;
    try {
        if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
            try {
                parseOptions(parser, QStringList{args[0]}); // defines the options for the text
            } catch (const UsageError &) {
            }
            out << parser.helpText() << '\n' << ExitCodeHelp;
            out.flush();
            return ExitOk;
        }
        options = parseOptions(parser, args);
        if (!parser.positionalArguments().isEmpty())
            throw UsageError{SendText::tr("unexpected argument \"%1\"")
                                 .arg(parser.positionalArguments().first())};
        dsn.notify = options.dsnNotify;
        if (parser.isSet(QStringLiteral("dsn-ret"))) {
            const QString ret = parser.value(QStringLiteral("dsn-ret")).toUpper();
            if (ret != QLatin1String("FULL") && ret != QLatin1String("HDRS"))
                throw UsageError{QStringLiteral("--dsn-ret: give FULL or HDRS")};
            dsn.ret = ret == QLatin1String("FULL") ? DsnOptions::Return::Full
                                                   : DsnOptions::Return::Headers;
        }
        dsn.envelopeId = parser.value(QStringLiteral("envid")).toLatin1();
        if (dsn.envelopeId.contains(' ') || dsn.envelopeId.contains('\n'))
            throw UsageError{SendText::tr("--envid: must not contain spaces or line breaks")};
    } catch (const UsageError &e) {
        err << "postwire send: " << e.text << '\n';
        return ExitUsage;
    }

    std::unique_ptr<MessageSource> source;
    if (options.emlPath.isEmpty())
        source = std::make_unique<MimeMessageSource>(options.message);
    else
        source = std::make_unique<FileMessageSource>(options.emlPath);
    Envelope envelope = options.message.envelope();
    envelope.dsn = dsn;

    TranscriptPrinter printer(out, options.quiet, options.explain);
    if (options.mx)
        return runMxDelivery(options, envelope, source.get(), printer);
    SmtpClient client;
    const auto say = [&printer](const QString &line) { printer.say(line); };
    QObject::connect(&client, &SmtpClient::transcriptEntry,
                     [&printer](const TranscriptEntry &e) { printer.print(e); });
    // Kept like the window's attempts, for postwire history; a failed save is a warning only.
    std::optional<AttemptRecorder> recorder;
    if (options.keepHistory) {
        recorder.emplace(HistoryStore(), Attempt::Kind::Send);
        recorder->follow(&client);
        recorder->setEnvelope(envelope, options.message.subject);
        QObject::connect(&*recorder, &AttemptRecorder::saveFailed, [&err](const QString &why) {
            err << "WARNING: " << why << '\n';
            err.flush();
        });
    }
    int exitCode = ExitOk;
    QObject::connect(&client, &SmtpClient::finished, [&](const SendResult &r) {
        exitCode = exitCodeFor(r);
        QStringList facts;
        if (!r.queueId.isEmpty())
            facts << SendText::tr("queue id %1").arg(r.queueId);
        facts << SendText::tr("%n round trips", nullptr, int(r.roundTrips))
              << QStringLiteral("%1 ms").arg(r.elapsedMs);
        using O = SendResult::Outcome;
        if (r.outcome == O::Success || r.outcome == O::PartialSuccess) {
            say(QStringLiteral("OK: %1 (%2)").arg(r.message, facts.join(QStringLiteral(", "))));
            for (const RecipientResult &rr : r.recipients) {
                if (!rr.accepted)
                    say(SendText::tr("WARNING: recipient <%1> refused: %2 (%3)")
                            .arg(rr.address, rr.reply.toString(),
                                 SmtpExplain::reply(rr.reply.code, rr.reply.enhanced,
                                                    QStringLiteral("RCPT"))));
            }
        } else if (r.outcome == O::DeliveryUnknown) {
            say(QStringLiteral("UNKNOWN: %1").arg(r.message));
        } else {
            say(QStringLiteral("%1 %2: %3")
                    .arg(r.outcome == O::Cancelled ? QStringLiteral("CANCELLED")
                                                   : QStringLiteral("FAILED"),
                         r.stepLabel, r.message));
            if (r.reply.isValid())
                say(QStringLiteral("MEANING: %1")
                        .arg(SmtpExplain::reply(r.reply.code, r.reply.enhanced, r.stepVerb())));
        }
        out.flush();
        QCoreApplication::exit(exitCode);
    });

    onInterrupt(&client, [&client] { client.cancel(); });

    if (options.step)
        new StepPrompt(&client, &out, STDIN_FILENO, &client);
    if (options.oauth) {
        // The access token first: a refused refresh token is an authentication failure that
        // quotes the provider, and nothing is sent.
        auto *session = new OAuthSession(options.oauth->settings, &client);
        OAuthTokens tokens;
        tokens.refreshToken = options.oauth->refreshToken;
        session->setTokens(tokens);
        QObject::connect(session, &OAuthSession::ready, [&](const QString &accessToken) {
            const QDateTime expires = session->tokens().expiresAt;
            say(expires.isValid()
                    ? QStringLiteral("-- OAuth2: access token obtained from %1 (valid for %2 s)")
                          .arg(options.oauth->settings.tokenUrl.toString())
                          .arg(QDateTime::currentDateTimeUtc().secsTo(expires))
                    : QStringLiteral("-- OAuth2: access token obtained from %1")
                          .arg(options.oauth->settings.tokenUrl.toString()));
            options.settings.credentials.secret = accessToken;
            client.send(options.settings, envelope, source.get());
        });
        QObject::connect(session, &OAuthSession::failed,
                         [&](OAuthSession::Error, const QString &message) {
                             say(QStringLiteral("FAILED OAuth2 token: %1").arg(message));
                             out.flush();
                             QCoreApplication::exit(exitCode = ExitAuth);
                         });
        session->renew();
        return QCoreApplication::exec();
    }
    client.send(options.settings, envelope, source.get());
    if (client.state() == SmtpClient::State::Finished)
        return exitCode; // refused before connecting; finished() already printed why
    return QCoreApplication::exec();
}
