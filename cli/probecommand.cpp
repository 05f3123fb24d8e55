#include "cli/probecommand.h"

#include "cli/connectionoptions.h"
#include "history/attemptrecorder.h"
#include "smtp/printable.h"
#include "smtp/servercheck.h"

#include "i18n/translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDnsLookup>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>
#include <memory>
#include <optional>

namespace {

// The context of this command's texts for people.
class ProbeText
{
    Q_DECLARE_TR_FUNCTIONS(ProbeText)
};

// The check ran: its findings are in the report, whatever they say. A check that could not
// run exits with the send command's code for its step (cli/clisupport.h, README).
constexpr int ExitChecked = ExitOk;

const char *const ExitCodeHelp =
    "Exit status:\n"
    "   0  the check ran (the findings are in the report, also when it stopped after the\n"
    "      greeting: the report says where and why)\n"
    "   2  bad command line (the option is named)\n"
    "   3  cannot connect\n"
    "   4  the server refused the session in its greeting, or never greeted\n"
    "   5  the TLS handshake failed, or --security starttls and STARTTLS is not offered\n"
    "  16  --mx: the MX lookup failed, or the domain takes no mail (null MX)\n"
    "With --mx every MX is checked; the status is 0 when every check ran, else the first\n"
    "one's that could not.\n";

constexpr int DefaultTimeoutMs = 30'000;

struct Options
{
    QList<SmtpSettings> servers;
    bool json = false;
    QString mxDomain;        // --mx: servers come from its MX records
    SmtpSettings mxSettings; // the settings each MX is checked with
    QHostAddress dnsServer;  // --dns-server; null: the system's resolver
    bool keepHistory = true;
};

Options parseOptions(QCommandLineParser &parser, const QStringList &arguments)
{
    auto add = [&parser](const QString &name, const QString &help, const QString &value = {}) {
        parser.addOption(QCommandLineOption(name, help, value));
    };
    parser.setApplicationDescription(ProbeText::tr(
        "Checks an SMTP server: connects, reads the greeting, EHLO, STARTTLS when offered, EHLO "
        "again, QUIT. Never sends MAIL or AUTH. Prints what the server offers before and after "
        "TLS, its certificate chain, the time of each step, and findings with the RFC behind "
        "each. A certificate that does not verify is reported, and inspected all the same."));
    parser.addHelpOption();
    parser.addOption(Translations::languageOption());
    parser.addPositionalArgument(
        QStringLiteral("server"),
        ProbeText::tr("HOST[:PORT] or [IPv6]:PORT (port 25, or 465 with --security tls)."),
        QStringLiteral("HOST[:PORT]"));
    add(QStringLiteral("security"),
        ProbeText::tr("starttls-optional (default: STARTTLS when offered), starttls (required), "
                      "none, or tls (implicit, port 465)."),
        QStringLiteral("MODE"));
    add(QStringLiteral("ca-file"),
        ProbeText::tr("Also trust the CA certificates in this PEM file."), QStringLiteral("F"));
    add(QStringLiteral("helo"),
        ProbeText::tr("The name to give in EHLO/HELO (default: this machine's name)."),
        QStringLiteral("NAME"));
    add(QStringLiteral("timeout"),
        ProbeText::tr("Give up on any step after this many seconds (default: 30)."),
        QStringLiteral("S"));
    add(QStringLiteral("json"), ProbeText::tr("Print one JSON document instead of the report."));
    add(QStringLiteral("mx"),
        ProbeText::tr("Check every mail server (MX) of this domain, in preference order, "
                      "instead of HOST."),
        QStringLiteral("DOMAIN"));
    add(QStringLiteral("dns-server"),
        ProbeText::tr("With --mx: ask this resolver (an IP address) instead of the system's."),
        QStringLiteral("ADDR"));
    add(QStringLiteral("port"),
        ProbeText::tr("With --mx: the port to check on each MX (default 25; for test setups)."),
        QStringLiteral("N"));
    add(QStringLiteral("no-history"),
        ProbeText::tr("Do not keep the checks in the history (see postwire history)."));
    if (!parser.parse(arguments))
        throw UsageError{parser.errorText()};
    if (parser.isSet(QStringLiteral("help")))
        return {};

    SmtpSettings settings;
    settings.security = ConnectionOptions::parseSecurity(parser.value(QStringLiteral("security")),
                                                         SmtpSettings::Security::StartTlsIfOffered);
    settings.timeouts = SmtpTimeouts::uniform(DefaultTimeoutMs);
    ConnectionOptions::parseCommon(parser, &settings);

    Options o;
    o.json = parser.isSet(QStringLiteral("json"));
    o.keepHistory = !parser.isSet(QStringLiteral("no-history"));
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("mx"))) {
        o.mxDomain = parser.value(QStringLiteral("mx")).trimmed().toLower();
        if (o.mxDomain.endsWith(QLatin1Char('.')))
            o.mxDomain.chop(1);
        if (o.mxDomain.isEmpty() || o.mxDomain.contains(QLatin1Char(' ')) ||
            o.mxDomain.contains(QLatin1Char('@')) || o.mxDomain.contains(QLatin1Char(':')))
            throw UsageError{QStringLiteral("--mx: \"%1\" is not a domain name")
                                 .arg(parser.value(QStringLiteral("mx")))};
        if (!positional.isEmpty())
            throw UsageError{ProbeText::tr("HOST: give a server or --mx DOMAIN, not both")};
        if (parser.isSet(QStringLiteral("dns-server"))) {
            o.dnsServer = QHostAddress(parser.value(QStringLiteral("dns-server")));
            if (o.dnsServer.isNull())
                throw UsageError{QStringLiteral("--dns-server: \"%1\" is not an IP address")
                                     .arg(parser.value(QStringLiteral("dns-server")))};
        }
        settings.port = settings.security == SmtpSettings::Security::ImplicitTls ? 465 : 25;
        if (parser.isSet(QStringLiteral("port"))) {
            bool ok = false;
            const int port = parser.value(QStringLiteral("port")).toInt(&ok);
            if (!ok || port < 1 || port > 65535)
                throw UsageError{ProbeText::tr("--port: give a number from 1 to 65535")};
            settings.port = quint16(port);
        }
        o.mxSettings = settings;
        return o;
    }
    for (const char *mxOnly : {"dns-server", "port"}) {
        if (parser.isSet(QLatin1String(mxOnly)))
            throw UsageError{ProbeText::tr("--%1: only with --mx (give HOST:PORT for one server)")
                                 .arg(QLatin1String(mxOnly))};
    }
    if (positional.isEmpty())
        throw UsageError{
            ProbeText::tr("HOST: missing; give the server to check, e.g. mail.example.org:587")};
    if (positional.size() > 1)
        throw UsageError{ProbeText::tr("HOST: one server at a time; \"%1\" is one too many")
                             .arg(positional.at(1))};
    ConnectionOptions::parseServer(positional.first(), &settings, QStringLiteral("HOST"),
                                   settings.security == SmtpSettings::Security::ImplicitTls ? 465
                                                                                            : 25);
    o.servers << settings;
    return o;
}

int exitCodeFor(const ServerReport &report)
{
    if (report.completed)
        return ExitChecked;
    if (!report.connected)
        return ExitConnect;
    if (report.stoppedStep == QLatin1String("Greeting"))
        return ExitGreeting;
    if (report.error == SendResult::Error::Tls || report.stoppedStep == QLatin1String("StartTls") ||
        report.stoppedStep == QLatin1String("TlsHandshake") ||
        report.stoppedStep == QLatin1String("CertificateReview"))
        return ExitTls;
    return ExitChecked;
}

// Runs the checks one after another and prints each report (or one JSON document at the end).
class ProbeRun : public QObject
{
public:
    explicit ProbeRun(const Options &options)
        : m_options(options)
        , m_out(stdout)
        , m_err(stderr)
    {
        // One attempt per checked host, like the window's checks; connected before onFinished
        // so the settings read at the end are still this host's. A failed save only warns.
        if (m_options.keepHistory) {
            m_recorder.emplace(HistoryStore(), Attempt::Kind::ServerCheck);
            m_recorder->follow(&m_check);
            m_recorder->setSettingsSource([this] { return m_options.servers.value(m_index); });
            connect(&*m_recorder, &AttemptRecorder::saveFailed, this, [this](const QString &why) {
                m_err << "WARNING: " << why << '\n' << Qt::flush;
            });
        }
        connect(&m_check, &ServerCheck::stepStarted, this, [this](const QString &label) {
            if (!m_options.json)
                m_err << printableText(label) << QStringLiteral("...\n") << Qt::flush;
        });
        connect(&m_check, &ServerCheck::finished, this, &ProbeRun::onFinished);
    }

    void start()
    {
        if (m_options.mxDomain.isEmpty()) {
            next();
            return;
        }
        auto *lookup = new QDnsLookup(QDnsLookup::MX, m_options.mxDomain, this);
        if (!m_options.dnsServer.isNull())
            lookup->setNameserver(m_options.dnsServer);
        connect(lookup, &QDnsLookup::finished, this, [this, lookup] {
            lookup->deleteLater();
            onMx(*lookup);
        });
        if (!m_options.json)
            m_err << ProbeText::tr("Looking up the MX of %1\n").arg(m_options.mxDomain)
                  << Qt::flush;
        lookup->lookup();
    }

    void next()
    {
        if (m_index >= m_options.servers.size()) {
            finish();
            return;
        }
        const SmtpSettings &s = m_options.servers.at(m_index);
        if (!m_options.json)
            m_err << ProbeText::tr("Checking %1 port %2\n").arg(s.host).arg(s.port) << Qt::flush;
        m_check.start(s);
    }

    int exitCode() const { return m_exitCode; }

private:
    void failDns(const QString &problem)
    {
        m_mx[QStringLiteral("dnsError")] = problem;
        if (!m_options.json)
            m_out << printableText(problem) << '\n';
        m_exitCode = ExitDns;
        finish();
    }

    void lookupAddress(const QString &mxProblem)
    {
        auto *lookup = new QDnsLookup(QDnsLookup::A, m_options.mxDomain, this);
        if (!m_options.dnsServer.isNull())
            lookup->setNameserver(m_options.dnsServer);
        connect(lookup, &QDnsLookup::finished, this, [this, lookup, mxProblem] {
            lookup->deleteLater();
            if (lookup->error() != QDnsLookup::NoError || lookup->hostAddressRecords().isEmpty()) {
                failDns(mxProblem + ProbeText::tr(", and it has no address either"));
                return;
            }
            m_mx[QStringLiteral("implicitMx")] = true;
            SmtpSettings s = m_options.mxSettings;
            s.host = m_options.mxDomain;
            m_options.servers << s;
            if (!m_options.json)
                m_out << printableText(ProbeText::tr("MX of %1: none; the domain itself takes its "
                                                     "mail (RFC 5321 section 5.1)")
                                           .arg(m_options.mxDomain))
                      << "\n\n"
                      << Qt::flush;
            next();
        });
        lookup->lookup();
    }

    // RFC 5321 section 5.1: MX in preference order; none at all means the domain itself (an
    // implicit MX); a lone "0 ." is a null MX (RFC 7505): the domain takes no mail.
    void onMx(const QDnsLookup &lookup)
    {
        QList<QDnsMailExchangeRecord> records = lookup.mailExchangeRecords();
        std::stable_sort(records.begin(), records.end(),
                         [](const QDnsMailExchangeRecord &a, const QDnsMailExchangeRecord &b) {
                             return a.preference() < b.preference();
                         });
        const auto hostOf = [](const QDnsMailExchangeRecord &r) {
            QString host = r.exchange();
            if (host.endsWith(QLatin1Char('.')))
                host.chop(1);
            return host;
        };
        QJsonArray mx;
        for (const QDnsMailExchangeRecord &r : records) {
            mx.append(QJsonObject{{QStringLiteral("preference"), int(r.preference())},
                                  {QStringLiteral("host"), hostOf(r)}});
        }
        m_mx = QJsonObject{{QStringLiteral("domain"), m_options.mxDomain},
                           {QStringLiteral("mx"), mx},
                           {QStringLiteral("implicitMx"), false},
                           {QStringLiteral("dnsError"), QJsonValue::Null}};
        QString problem;
        if (lookup.error() != QDnsLookup::NoError) {
            // Qt 6.4 tells "no MX records" from "no such domain" by neither: whether the domain
            // has an address decides (an implicit MX, RFC 5321 section 5.1).
            lookupAddress(ProbeText::tr("MX lookup of %1 failed: %2")
                              .arg(m_options.mxDomain, lookup.errorString()));
            return;
        }
        if (records.size() == 1 && hostOf(records.first()).isEmpty())
            problem = ProbeText::tr("%1 takes no mail: its MX is the null MX \"0 .\" (RFC 7505)")
                          .arg(m_options.mxDomain);
        if (!problem.isEmpty()) {
            failDns(problem);
            return;
        }
        QStringList shown;
        if (records.isEmpty()) {
            m_mx[QStringLiteral("implicitMx")] = true;
            SmtpSettings s = m_options.mxSettings;
            s.host = m_options.mxDomain;
            m_options.servers << s;
            shown << ProbeText::tr("none; the domain itself takes its mail (RFC 5321 section 5.1)");
        }
        for (const QDnsMailExchangeRecord &r : records) {
            SmtpSettings s = m_options.mxSettings;
            s.host = hostOf(r);
            m_options.servers << s;
            shown << QStringLiteral("%1 %2").arg(r.preference()).arg(s.host);
        }
        if (!m_options.json)
            m_out << printableText(ProbeText::tr("MX of %1: %2")
                                       .arg(m_options.mxDomain, shown.join(QStringLiteral(", "))))
                  << "\n\n"
                  << Qt::flush;
        next();
    }

    void onFinished(const ServerReport &report)
    {
        const int code = exitCodeFor(report);
        if (m_exitCode == ExitChecked)
            m_exitCode = code; // every check ran, or the first one that could not
        if (m_options.json)
            m_reports.append(report.toJson());
        else
            printLines(report.toText());
        ++m_index;
        QMetaObject::invokeMethod(this, &ProbeRun::next, Qt::QueuedConnection);
    }

    // Server text (greeting lines, certificate names) never reaches the terminal raw.
    void printLines(const QString &text)
    {
        for (const QString &line : text.split(QLatin1Char('\n')))
            m_out << printableText(line) << '\n';
        m_out.flush();
    }

    void finish()
    {
        if (m_options.json) {
            QJsonObject mx = m_mx;
            mx[QStringLiteral("reports")] = m_reports;
            const QJsonDocument doc(m_options.mxDomain.isEmpty() ? m_reports.first().toObject()
                                                                 : mx);
            m_out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented)) << Qt::flush;
        }
        QCoreApplication::exit(m_exitCode);
    }

    Options m_options;
    ServerCheck m_check;
    std::optional<AttemptRecorder> m_recorder;
    QTextStream m_out;
    QTextStream m_err;
    QJsonArray m_reports;
    QJsonObject m_mx;
    qsizetype m_index = 0;
    int m_exitCode = ExitChecked;
};

} // namespace

int runProbeCommand(const QStringList &arguments)
{
    QTextStream err(stderr);
    QCommandLineParser parser;
    QStringList args = arguments;
    args.removeAt(1); // "probe": the parser sees "postwire probe HOST ..."
    args[0] = args.value(0) + QStringLiteral(" probe");
    Options options;
    try {
        options = parseOptions(parser, args);
    } catch (const UsageError &e) {
        err << "postwire probe: " << e.text << "\n(see postwire probe --help)\n";
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText() << '\n' << ExitCodeHelp;
        return ExitChecked;
    }
    ProbeRun run(options);
    QMetaObject::invokeMethod(&run, &ProbeRun::start, Qt::QueuedConnection);
    QCoreApplication::exec();
    return run.exitCode();
}
