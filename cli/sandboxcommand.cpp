#include "cli/sandboxcommand.h"
#include "smtp/tlstrustdecision.h"

#include "sandbox/mailstore.h"
#include "sandbox/sandboxserver.h"
#include "sandboxapi/sandboxapi.h"

#include "i18n/translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// SIGINT/SIGTERM arrive at any moment; the handler only writes a byte, and the event loop
// sees it through a socket notifier and stops the server cleanly (RFC-polite 421 not needed:
// sessions are simply closed).
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(signalPipe[1], &byte, 1);
}

bool installSignalHandlers()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return false;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return sigaction(SIGINT, &action, nullptr) == 0 && sigaction(SIGTERM, &action, nullptr) == 0;
}

// The context of this command's texts for people.
class SandboxText
{
    Q_DECLARE_TR_FUNCTIONS(SandboxText)
};

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

qint64 parseCount(const QString &text, bool *ok)
{
    // Accepts 1000, 100k, 25M: sizes people type.
    QString t = text.trimmed().toUpper();
    qint64 factor = 1;
    if (t.endsWith(QLatin1Char('K')))
        factor = 1024;
    else if (t.endsWith(QLatin1Char('M')))
        factor = 1024 * 1024;
    if (factor != 1)
        t.chop(1);
    const qint64 value = t.toLongLong(ok);
    return value * factor;
}

} // namespace

int runSandboxCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(SandboxText::tr(
        "Runs Postwire's built-in SMTP server alone and prints its side of every session.\n"
        "Behaviour options change how it answers, to see how a client copes."));
    parser.addHelpOption();
    parser.addOption(Translations::languageOption());
    const QCommandLineOption port(
        {QStringLiteral("p"), QStringLiteral("port")},
        SandboxText::tr("Port to listen on (0: any free port). Default 2525."),
        SandboxText::tr("N"), QStringLiteral("2525"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    SandboxText::tr("Address to listen on. Default 127.0.0.1."),
                                    SandboxText::tr("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption tlsCert(
        QStringLiteral("tls-cert"),
        SandboxText::tr("PEM certificate for STARTTLS (default: one generated "
                        "for this installation)."),
        SandboxText::tr("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
                                    SandboxText::tr("PEM private key for --tls-cert."),
                                    SandboxText::tr("FILE"));
    const QCommandLineOption noTls(QStringLiteral("no-tls"),
                                   SandboxText::tr("Do not offer STARTTLS at all."));
    const QCommandLineOption user(QStringLiteral("user"),
                                  SandboxText::tr("AUTH user name (default: sandbox)."),
                                  SandboxText::tr("NAME"));
    const QCommandLineOption password(
        QStringLiteral("password"),
        SandboxText::tr(
            "AUTH password (default: the one generated for this installation). Visible to "
            "other users of this computer (ps, /proc) while the server runs: prefer "
            "--password-file."),
        SandboxText::tr("SECRET"));
    const QCommandLineOption passwordFile(
        QStringLiteral("password-file"),
        SandboxText::tr("Read the AUTH password from the first line of FILE (keep it owner-only)."),
        SandboxText::tr("FILE"));
    const QCommandLineOption showPassword(
        QStringLiteral("show-password"),
        SandboxText::tr(
            "Print the generated AUTH password at start (it is kept in the data folder)."));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     SandboxText::tr("Folder for credentials and the certificate."),
                                     SandboxText::tr("DIR"));
    const QCommandLineOption store(QStringLiteral("store"),
                                   SandboxText::tr("Folder the received messages are kept in."),
                                   SandboxText::tr("DIR"));
    const QCommandLineOption storeCap(
        QStringLiteral("store-cap"),
        SandboxText::tr("Size cap of the store in bytes (k/M suffixes)."),
        SandboxText::tr("BYTES"));
    const QCommandLineOption noStore(QStringLiteral("no-store"),
                                     SandboxText::tr("Accept messages without keeping them."));
    const QCommandLineOption hostName(
        QStringLiteral("hostname"),
        SandboxText::tr("Name the server gives itself. Default localhost."),
        SandboxText::tr("NAME"));
    const QCommandLineOption quiet(
        {QStringLiteral("q"), QStringLiteral("quiet")},
        SandboxText::tr("Print only session starts, messages and problems."));
    // Behaviours.
    const QCommandLineOption noExt(
        QStringLiteral("no-ext"),
        SandboxText::tr(
            "Do not advertise (and refuse) an extension; repeatable or comma-separated: %1.")
            .arg(SandboxBehaviour::allExtensions().join(QLatin1Char(' '))),
        SandboxText::tr("KEYWORD"));
    const QCommandLineOption requireAuth(
        QStringLiteral("require-auth"),
        SandboxText::tr("Refuse MAIL until the client authenticated (530)."));
    const QCommandLineOption requireStartTls(
        QStringLiteral("require-starttls"),
        SandboxText::tr("Refuse AUTH and MAIL before STARTTLS (530)."));
    const QCommandLineOption rejectRcpt(
        QStringLiteral("reject-rcpt"),
        SandboxText::tr("Refuse recipients matching REGEX with 550 5.1.1."),
        SandboxText::tr("REGEX"));
    const QCommandLineOption deferRcpt(
        QStringLiteral("defer-rcpt"),
        SandboxText::tr("Defer recipients matching REGEX (see --defer-code)."),
        SandboxText::tr("REGEX"));
    const QCommandLineOption deferCode(
        QStringLiteral("defer-code"),
        SandboxText::tr("450 or 451 for deferred recipients. Default 451."),
        SandboxText::tr("CODE"), QStringLiteral("451"));
    const QCommandLineOption rejectData(
        QStringLiteral("reject-data"),
        SandboxText::tr("Refuse every message after its data (554 5.6.0)."));
    const QCommandLineOption lenientEndOfData(
        QStringLiteral("lenient-end-of-data"),
        SandboxText::tr("End the message data also at \".\" between bare line endings (<LF>.<LF>, "
                        "<CR>.<CR>, <LF>.<CR><LF>, ...), as servers open to SMTP smuggling did "
                        "(CVE-2023-51764, -51765, -51766). Default: only <CR><LF>.<CR><LF>."));
    const QCommandLineOption delay(QStringLiteral("delay"),
                                   SandboxText::tr("Wait MS before every reply."),
                                   SandboxText::tr("MS"));
    const QCommandLineOption closeAfter(
        QStringLiteral("close-after"),
        SandboxText::tr("Drop the connection when this command arrives, before replying: %1.")
            .arg(SandboxBehaviour::closableCommands().join(QLatin1Char(' '))),
        SandboxText::tr("CMD"));
    const QCommandLineOption greeting421(QStringLiteral("greeting-421"),
                                         SandboxText::tr("Greet with 421 and close."));
    const QCommandLineOption sizeLimit(
        QStringLiteral("size-limit"),
        SandboxText::tr("SIZE limit in bytes (k/M suffixes; 0: none). "
                        "Default 25M."),
        SandboxText::tr("N"));
    const QCommandLineOption idleTimeout(QStringLiteral("idle-timeout"),
                                         SandboxText::tr("Close idle sessions after MS (421)."),
                                         SandboxText::tr("MS"));
    const QCommandLineOption maxRecipients(
        QStringLiteral("max-recipients"),
        SandboxText::tr("Recipients per message; one more gets 452 4.5.3. Default 100, the "
                        "least RFC 5321 allows a server; at most %1.")
            .arg(SandboxBehaviour::MaxRecipientsLimit),
        SandboxText::tr("N"));
    const QCommandLineOption apiPort(
        QStringLiteral("api-port"),
        SandboxText::tr(
            "Also serve the JSON API for test suites on this port (0: any free port); see "
            "the README. Off by default."),
        SandboxText::tr("N"));
    const QCommandLineOption apiListen(
        QStringLiteral("api-listen"),
        SandboxText::tr(
            "Address the API listens on. Default 127.0.0.1; any other needs --api-token-file."),
        SandboxText::tr("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption apiTokenFile(
        QStringLiteral("api-token-file"),
        SandboxText::tr(
            "API requests must send \"Authorization: Bearer TOKEN\", TOKEN being the first "
            "line of FILE."),
        SandboxText::tr("FILE"));
    parser.addOptions(
        {apiPort, apiListen, apiTokenFile, showPassword, lenientEndOfData, maxRecipients});
    parser.addOptions(
        {port,         listen,      tlsCert,         tlsKey,     noTls,      user,      password,
         passwordFile, dataDir,     store,           storeCap,   noStore,    hostName,  quiet,
         noExt,        requireAuth, requireStartTls, rejectRcpt, deferRcpt,  deferCode, rejectData,
         delay,        closeAfter,  greeting421,     sizeLimit,  idleTimeout});

    QStringList args = arguments;
    if (args.size() > 1)
        args.removeAt(1); // "sandbox": the parser sees its options only
    if (!parser.parse(args)) {
        err() << "postwire sandbox: " << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText().replace(QStringLiteral("[options]"),
                                           QStringLiteral("sandbox [options]"));
        out().flush();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err() << "postwire sandbox: unexpected argument \"" << parser.positionalArguments().first()
              << "\"" << Qt::endl;
        return 2;
    }
    auto fail = [](const QString &what) {
        err() << "postwire sandbox: " << what << Qt::endl;
        return 2;
    };

    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535)
        return fail(SandboxText::tr("--port: not a port number: %1").arg(parser.value(port)));
    const QHostAddress address(parser.value(listen));
    if (address.isNull())
        return fail(SandboxText::tr("--listen: not an IP address: %1").arg(parser.value(listen)));
    if (parser.isSet(tlsCert) != parser.isSet(tlsKey))
        return fail(SandboxText::tr("--tls-cert and --tls-key go together"));
    QString filePassword;
    if (parser.isSet(passwordFile)) {
        if (parser.isSet(password))
            return fail(SandboxText::tr("--password and --password-file: give one of them"));
        QFile file(parser.value(passwordFile));
        if (!file.open(QIODevice::ReadOnly))
            return fail(SandboxText::tr("--password-file: cannot read %1: %2")
                            .arg(parser.value(passwordFile), file.errorString()));
        // The first line, as `echo secret > file` writes it; the line ending is not part of it.
        QByteArray line = file.readLine(4096);
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        filePassword = QString::fromUtf8(line);
        if (filePassword.isEmpty())
            return fail(SandboxText::tr("--password-file: %1 has no password on its first line")
                            .arg(parser.value(passwordFile)));
    }

    SandboxBehaviour behaviour;
    for (const QString &value : parser.values(noExt)) {
        for (const QString &keyword : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            behaviour.disabledExtensions.insert(keyword.trimmed().toUpper());
    }
    behaviour.requireAuth = parser.isSet(requireAuth);
    behaviour.requireStartTls = parser.isSet(requireStartTls);
    behaviour.rejectRecipients = parser.value(rejectRcpt);
    behaviour.deferRecipients = parser.value(deferRcpt);
    behaviour.deferCode = parser.value(deferCode).toInt();
    behaviour.rejectData = parser.isSet(rejectData);
    behaviour.lenientEndOfData = parser.isSet(lenientEndOfData);
    if (parser.isSet(delay)) {
        behaviour.delayMs = parser.value(delay).toInt(&ok);
        if (!ok)
            return fail(SandboxText::tr("--delay: not a number of milliseconds: %1")
                            .arg(parser.value(delay)));
    }
    behaviour.closeAfter = parser.value(closeAfter).toUpper();
    behaviour.greeting421 = parser.isSet(greeting421);
    if (parser.isSet(sizeLimit)) {
        behaviour.sizeLimit = parseCount(parser.value(sizeLimit), &ok);
        if (!ok)
            return fail(
                SandboxText::tr("--size-limit: not a size: %1").arg(parser.value(sizeLimit)));
    }
    if (parser.isSet(idleTimeout)) {
        behaviour.idleTimeoutMs = parser.value(idleTimeout).toInt(&ok);
        if (!ok)
            return fail(
                SandboxText::tr("--idle-timeout: not a number: %1").arg(parser.value(idleTimeout)));
    }
    if (parser.isSet(maxRecipients)) {
        behaviour.maxRecipients = parser.value(maxRecipients).toInt(&ok);
        if (!ok)
            return fail(SandboxText::tr("--max-recipients: not a number: %1")
                            .arg(parser.value(maxRecipients)));
    }
    const QString problem = behaviour.validate();
    if (!problem.isEmpty())
        return fail(problem);

    SandboxServer server;
    QString error;
    if (!server.useDataFolder(parser.isSet(dataDir) ? parser.value(dataDir)
                                                    : SandboxCredentials::defaultFolder(),
                              &error))
        err() << "postwire sandbox: " << error << Qt::endl;
    SandboxCredentials credentials = server.credentials();
    if (parser.isSet(user))
        credentials.user = parser.value(user);
    if (parser.isSet(password))
        credentials.password = parser.value(password);
    else if (!filePassword.isEmpty())
        credentials.password = filePassword;
    server.setCredentials(credentials);
    server.setBehaviour(behaviour);
    if (parser.isSet(hostName))
        server.setHostName(parser.value(hostName));
    if (parser.isSet(noTls))
        server.setTlsEnabled(false);
    else if (parser.isSet(tlsCert))
        server.setCertificateFiles(parser.value(tlsCert), parser.value(tlsKey));

    std::unique_ptr<MailStore> mailStore;
    if (!parser.isSet(noStore)) {
        mailStore = std::make_unique<MailStore>(parser.isSet(store) ? parser.value(store)
                                                                    : MailStore::defaultFolder());
        if (!mailStore->lastError().isEmpty())
            return fail(mailStore->lastError());
        if (parser.isSet(storeCap)) {
            const qint64 cap = parseCount(parser.value(storeCap), &ok);
            if (!ok)
                return fail(
                    SandboxText::tr("--store-cap: not a size: %1").arg(parser.value(storeCap)));
            mailStore->setSizeCap(cap);
        }
        server.setStore(mailStore.get());
    }

    std::unique_ptr<SandboxApi> api;
    if (parser.isSet(apiPort)) {
        const uint number = parser.value(apiPort).toUInt(&ok);
        if (!ok || number > 65535)
            return fail(
                SandboxText::tr("--api-port: not a port number: %1").arg(parser.value(apiPort)));
        const QHostAddress apiAddress(parser.value(apiListen));
        if (apiAddress.isNull())
            return fail(SandboxText::tr("--api-listen: not an IP address: %1")
                            .arg(parser.value(apiListen)));
        if (!mailStore)
            return fail(
                SandboxText::tr("--api-port: the API serves the stored messages; it cannot be used "
                                "with --no-store"));
        api = std::make_unique<SandboxApi>(mailStore.get());
        if (parser.isSet(apiTokenFile)) {
            QFile file(parser.value(apiTokenFile));
            if (!file.open(QIODevice::ReadOnly))
                return fail(SandboxText::tr("--api-token-file: cannot read %1: %2")
                                .arg(parser.value(apiTokenFile), file.errorString()));
            const QByteArray token = file.readLine().trimmed();
            if (token.isEmpty())
                return fail(SandboxText::tr("--api-token-file: the first line of %1 is empty")
                                .arg(parser.value(apiTokenFile)));
            api->setToken(token);
        }
        if (!api->start(apiAddress, quint16(number), &error))
            return fail(SandboxText::tr("--api-port: %1").arg(error));
    }

    const bool isQuiet = parser.isSet(quiet);
    QObject::connect(&server, &SandboxServer::started, [&](const QHostAddress &a, quint16 p) {
        const QString host = a.protocol() == QAbstractSocket::IPv6Protocol
                                 ? QStringLiteral("[%1]").arg(a.toString())
                                 : a.toString();
        // The first line is what scripts wait for: keep its form.
        out() << "listening on " << host << ':' << p << Qt::endl;
        // A password is printed only where the person already showed it (--password) or asks
        // for it (--show-password): one kept in a file stays there, and --quiet prints none.
        QString shown;
        if (isQuiet)
            shown = SandboxText::tr("not shown (--quiet)");
        else if (parser.isSet(password) ||
                 (parser.isSet(showPassword) && !parser.isSet(passwordFile)))
            shown = server.credentials().password;
        else if (parser.isSet(passwordFile))
            shown = SandboxText::tr("the first line of %1").arg(parser.value(passwordFile));
        else
            shown = SandboxText::tr("generated, kept in %1 (--show-password prints it)")
                        .arg(server.dataFolder());
        out()
            << SandboxText::tr("AUTH user: %1  password: %2").arg(server.credentials().user, shown)
            << Qt::endl;
        if (server.isTlsAvailable())
            out() << SandboxText::tr("STARTTLS certificate SHA-256: %1")
                         .arg(TlsTrustDecision::fingerprint(server.certificate()))
                  << Qt::endl;
        if (mailStore)
            out() << SandboxText::tr("storing messages in %1").arg(mailStore->folder()) << Qt::endl;
        if (api) {
            const QHostAddress a = api->address();
            out() << SandboxText::tr("API on http://%1:%2/api/v1/messages")
                         .arg(a.protocol() == QAbstractSocket::IPv6Protocol
                                  ? QStringLiteral("[%1]").arg(a.toString())
                                  : a.toString())
                         .arg(api->port())
                  << Qt::endl;
        }
    });
    QObject::connect(&server, &SandboxServer::failed, [](const QString &e) {
        err() << "postwire sandbox: " << e << Qt::endl;
        QCoreApplication::exit(1);
    });
    QObject::connect(&server, &SandboxServer::notice, [](const QString &text) {
        err() << "postwire sandbox: " << text << Qt::endl;
    });
    QObject::connect(&server, &SandboxServer::sessionStarted, [](quint64 id, const QString &peer) {
        out() << "[" << id << "] " << SandboxText::tr("session from %1").arg(peer) << Qt::endl;
    });
    QObject::connect(&server, &SandboxServer::transcriptEntry,
                     [isQuiet](quint64 id, const TranscriptEntry &entry) {
                         if (isQuiet && entry.direction != TranscriptEntry::Direction::Error)
                             return;
                         out() << "[" << id << "] " << entry.toPlainText() << Qt::endl;
                     });
    QObject::connect(&server, &SandboxServer::messageReceived,
                     [](quint64 id, const StoredMessage &m) {
                         out() << "[" << id << "] "
                               << SandboxText::tr("message %1: %2 bytes from <%3> to %4")
                                      .arg(m.id)
                                      .arg(m.size)
                                      .arg(m.mailFrom, m.rcptTo.join(QStringLiteral(", ")))
                               << Qt::endl;
                     });

    if (!installSignalHandlers())
        return fail(SandboxText::tr("cannot install the signal handlers"));
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, [&] {
        char byte = 0;
        [[maybe_unused]] const auto n = ::read(signalPipe[0], &byte, 1);
        out() << SandboxText::tr("stopping (%1 sessions served)").arg(server.sessionsStarted())
              << Qt::endl;
        server.stop();
        QCoreApplication::quit();
    });

    server.start(address, quint16(portNumber));
    const int code = QCoreApplication::exec();
    server.stop();
    return code;
}
