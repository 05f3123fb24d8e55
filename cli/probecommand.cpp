#include "cli/probecommand.h"

#include "cli/connectionoptions.h"
#include "smtp/printable.h"
#include "smtp/servercheck.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <memory>

namespace {

// The send command's codes for the steps a check can fail at (README, "postwire probe").
enum ExitCode
{
    ExitChecked = 0,
    ExitUsage = 2,
    ExitConnect = 3,
    ExitGreeting = 4,
    ExitTls = 5,
};

const char *const ExitCodeHelp =
    "Exit status:\n"
    "   0  the check ran (the findings are in the report, also when it stopped after the\n"
    "      greeting: the report says where and why)\n"
    "   2  bad command line (the option is named)\n"
    "   3  cannot connect\n"
    "   4  the server refused the session in its greeting, or never greeted\n"
    "   5  the TLS handshake failed, or --security starttls and STARTTLS is not offered\n";

constexpr int DefaultTimeoutMs = 30'000;

struct Options
{
    QList<SmtpSettings> servers;
    bool json = false;
};

Options parseOptions(QCommandLineParser &parser, const QStringList &arguments)
{
    auto add = [&parser](const QString &name, const QString &help, const QString &value = {}) {
        parser.addOption(QCommandLineOption(name, help, value));
    };
    parser.setApplicationDescription(QStringLiteral(
        "Checks an SMTP server: connects, reads the greeting, EHLO, STARTTLS when offered, EHLO "
        "again, QUIT. Never sends MAIL or AUTH. Prints what the server offers before and after "
        "TLS, its certificate chain, the time of each step, and findings with the RFC behind "
        "each. A certificate that does not verify is reported, and inspected all the same."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("server"),
        QStringLiteral("HOST[:PORT] or [IPv6]:PORT (port 25, or 465 with --security tls)."),
        QStringLiteral("HOST[:PORT]"));
    add(QStringLiteral("security"),
        QStringLiteral("starttls-optional (default: STARTTLS when offered), starttls (required), "
                       "none, or tls (implicit, port 465)."),
        QStringLiteral("MODE"));
    add(QStringLiteral("ca-file"),
        QStringLiteral("Also trust the CA certificates in this PEM file."), QStringLiteral("F"));
    add(QStringLiteral("helo"),
        QStringLiteral("The name to give in EHLO/HELO (default: this machine's name)."),
        QStringLiteral("NAME"));
    add(QStringLiteral("timeout"),
        QStringLiteral("Give up on any step after this many seconds (default: 30)."),
        QStringLiteral("S"));
    add(QStringLiteral("json"), QStringLiteral("Print one JSON document instead of the report."));
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
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        throw UsageError{
            QStringLiteral("HOST: missing; give the server to check, e.g. mail.example.org:587")};
    if (positional.size() > 1)
        throw UsageError{QStringLiteral("HOST: one server at a time; \"%1\" is one too many")
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
        connect(&m_check, &ServerCheck::stepStarted, this, [this](const QString &label) {
            if (!m_options.json)
                m_err << printableText(label) << QStringLiteral("...\n") << Qt::flush;
        });
        connect(&m_check, &ServerCheck::finished, this, &ProbeRun::onFinished);
    }

    void next()
    {
        if (m_index >= m_options.servers.size()) {
            finish();
            return;
        }
        const SmtpSettings &s = m_options.servers.at(m_index);
        if (!m_options.json)
            m_err << QStringLiteral("Checking %1 port %2\n").arg(s.host).arg(s.port) << Qt::flush;
        m_check.start(s);
    }

    int exitCode() const { return m_exitCode; }

private:
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
            const QJsonDocument doc(m_reports.size() == 1
                                        ? m_reports.first().toObject()
                                        : QJsonObject{{QStringLiteral("reports"), m_reports}});
            m_out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented)) << Qt::flush;
        }
        QCoreApplication::exit(m_exitCode);
    }

    Options m_options;
    ServerCheck m_check;
    QTextStream m_out;
    QTextStream m_err;
    QJsonArray m_reports;
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
    QMetaObject::invokeMethod(&run, &ProbeRun::next, Qt::QueuedConnection);
    QCoreApplication::exec();
    return run.exitCode();
}
