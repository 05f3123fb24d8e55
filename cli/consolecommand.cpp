#include "cli/consolecommand.h"

#include "cli/clisupport.h"
#include "cli/connectionoptions.h"
#include "console/consolesession.h"
#include "history/attemptrecorder.h"

#include "i18n/translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <cerrno>
#include <optional>
#include <unistd.h>

namespace {

// The context of this command's texts for people.
class ConsoleText
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleText)
};

const char *const ExitCodeHelp =
    "Exit status:\n"
    "   0  the session ended after QUIT (typed, or sent at the end of the input)\n"
    "   2  bad command line (the option is named)\n"
    "   3  cannot connect\n"
    "   4  the server refused the session in its greeting\n"
    "   5  TLS failed, or STARTTLS is required (--security starttls) and not offered\n"
    "  12  no greeting in time\n"
    "  13  cancelled (Ctrl+C; QUIT is sent where it can be)\n"
    "  17  the session ended without QUIT: the server closed the connection, sent what is\n"
    "      not SMTP, or the input ended inside the message data\n";

// Input lines wait here while the session waits for a reply; reading stops at this much.
constexpr qsizetype MaxBufferedInput = 1024 * 1024;

struct Options
{
    ConsoleSettings settings;
    bool explain = false;
    bool keepHistory = true;
};

Options parseOptions(QCommandLineParser &parser, const QStringList &arguments)
{
    auto add = [&parser](const QString &name, const QString &help, const QString &value = {}) {
        parser.addOption(QCommandLineOption(name, help, value));
    };
    parser.setApplicationDescription(ConsoleText::tr(
        "A raw SMTP session: prints the server's greeting, then sends each line read from "
        "stdin with CRLF and prints the reply before reading the next line. After DATA's 354, "
        "lines are message content until a line with only \".\"; nothing is added or "
        "dot-stuffed. At the end of the input QUIT is sent, unless it was typed.\n"
        "Escapes give exact bytes: \\r, \\n, \\xHH and \\\\ (a line with \\r or \\n in it is sent "
        "without the added CRLF). STARTTLS really starts TLS; \"AUTH <MECH>\" alone runs the "
        "mechanism with --user and the password; a whole AUTH line is sent as typed. Secrets "
        "are masked in the output.\n"
        "Output: C: client, S: server, TLS: encryption, -- notes, !! errors and warnings, each "
        "with the milliseconds since the connection started."));
    parser.addHelpOption();
    parser.addOption(Translations::languageOption());
    add(QStringLiteral("server"),
        ConsoleText::tr("The server, HOST[:PORT] or [IPv6]:PORT (port 25; 587 with --security "
                        "starttls, 465 with tls)."),
        QStringLiteral("HOST[:PORT]"));
    add(QStringLiteral("security"),
        ConsoleText::tr("none (default: TLS when you type STARTTLS), starttls (Postwire sends EHLO "
                        "and STARTTLS first; required), starttls-optional, or tls (implicit)."),
        QStringLiteral("MODE"));
    add(QStringLiteral("ca-file"),
        ConsoleText::tr("Also trust the CA certificates in this PEM file."), QStringLiteral("F"));
    add(QStringLiteral("insecure"),
        ConsoleText::tr(
            "Do not verify the server's certificate (debugging only; warned in the transcript)."));
    add(QStringLiteral("user"), ConsoleText::tr("User name for \"AUTH <MECH>\" typed alone."),
        QStringLiteral("U"));
    add(QStringLiteral("password-env"),
        ConsoleText::tr("Read the password (or XOAUTH2 token) from this environment variable."),
        QStringLiteral("VAR"));
    add(QStringLiteral("password-file"),
        ConsoleText::tr("Read the password (or XOAUTH2 token) from the first line of this file."),
        QStringLiteral("F"));
    add(QStringLiteral("allow-plaintext-auth"),
        ConsoleText::tr(
            "Allow AUTH over an unencrypted connection to a host that is not loopback."));
    add(QStringLiteral("helo"),
        ConsoleText::tr("The EHLO name Postwire gives with --security starttls."),
        QStringLiteral("NAME"));
    add(QStringLiteral("timeout"),
        ConsoleText::tr("Wait this many seconds for the connection, the greeting and each reply "
                        "(default: RFC 5321's); a line left unanswered is reported and the next "
                        "one is read."),
        QStringLiteral("S"));
    add(QStringLiteral("explain"),
        ConsoleText::tr("After each line and reply, say in plain words what it means."));
    add(QStringLiteral("no-history"),
        ConsoleText::tr("Do not keep this session in the history (see postwire history)."));
    if (!parser.parse(arguments))
        throw UsageError{parser.errorText()};

    Options o;
    ConsoleSettings &s = o.settings;
    s.security = ConnectionOptions::parseSecurity(parser.value(QStringLiteral("security")),
                                                  SmtpSettings::Security::None);
    if (!parser.isSet(QStringLiteral("server")))
        throw UsageError{ConsoleText::tr(
            "--server: missing; give the server, e.g. --server mail.example.org:25")};
    const quint16 port = s.security == SmtpSettings::Security::ImplicitTls ? 465
                         : s.security == SmtpSettings::Security::None      ? 25
                                                                           : 587;
    ConnectionOptions::parseServer(parser.value(QStringLiteral("server")), &s,
                                   QStringLiteral("--server"), port);
    ConnectionOptions::parseCommon(parser, &s); // --helo, --timeout, --ca-file
    s.verifyPeer = !parser.isSet(QStringLiteral("insecure"));
    s.credentials.user = parser.value(QStringLiteral("user"));
    s.credentials.secret = readSecret(parser);
    if (!s.credentials.secret.isEmpty() && s.credentials.user.isEmpty())
        throw UsageError{ConsoleText::tr("--user: a password was given, but no user name")};
    s.allowPlaintextAuth = parser.isSet(QStringLiteral("allow-plaintext-auth"));
    o.explain = parser.isSet(QStringLiteral("explain"));
    o.keepHistory = !parser.isSet(QStringLiteral("no-history"));
    if (!parser.positionalArguments().isEmpty())
        throw UsageError{ConsoleText::tr("unexpected argument \"%1\"; the dialogue is read from "
                                         "stdin")
                             .arg(parser.positionalArguments().first())};
    return o;
}

int exitCodeFor(int endKind)
{
    switch (ConsoleSession::EndKind(endKind)) {
    case ConsoleSession::AfterQuit:
        return ExitOk;
    case ConsoleSession::ConnectFailed:
        return ExitConnect;
    case ConsoleSession::GreetingRefused:
        return ExitGreeting;
    case ConsoleSession::TlsFailed:
        return ExitTls;
    case ConsoleSession::TimedOut:
        return ExitTimeout;
    case ConsoleSession::Cancelled:
        return ExitCancelled;
    case ConsoleSession::ClosedByServer:
    case ConsoleSession::ProtocolError:
    case ConsoleSession::ClosedInData:
        break;
    }
    return ExitSessionLost;
}

// Feeds stdin to the session a line at a time, reading only when the session can take the
// next line, so the terminal (or a file) is never read ahead of the dialogue by much and the
// event loop never blocks on it.
class StdinFeeder : public QObject
{
public:
    StdinFeeder(ConsoleSession *session, TranscriptPrinter *printer)
        : m_session(session)
        , m_printer(printer)
        , m_notifier(new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this))
    {
        m_notifier->setEnabled(false);
        connect(m_notifier, &QSocketNotifier::activated, this, &StdinFeeder::read);
        connect(session, &ConsoleSession::readyForInput, this, &StdinFeeder::feed);
        connect(session, &ConsoleSession::ended, this, [this] { m_notifier->setEnabled(false); });
    }

private:
    void read()
    {
        char chunk[16 * 1024];
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            return;
        if (n <= 0)
            m_atEnd = true;
        else
            m_buffer.append(chunk, n);
        feed();
    }

    void feed()
    {
        while (m_session->isOpen() && !m_session->isWaiting()) {
            qsizetype lf = m_buffer.indexOf('\n');
            if (lf < 0 && !(m_atEnd && !m_buffer.isEmpty()))
                break;
            if (lf < 0)
                lf = m_buffer.size(); // the last line has no line break
            QByteArray line = m_buffer.left(lf);
            m_buffer.remove(0, lf + 1);
            if (line.endsWith('\r'))
                line.chop(1); // a script written with CRLF line endings
            ++m_lineNumber;
            const QString error = m_session->submitLine(QString::fromUtf8(line));
            if (!error.isEmpty())
                m_printer->say(
                    ConsoleText::tr("!! input line %1 not sent: %2").arg(m_lineNumber).arg(error));
        }
        if (!m_session->isOpen()) {
            m_notifier->setEnabled(false);
            return;
        }
        if (m_atEnd && m_buffer.isEmpty() && !m_session->isWaiting()) {
            m_notifier->setEnabled(false);
            m_session->close(); // QUIT unless it was typed, and wait for its reply
            return;
        }
        // Read more only when no complete line waits: a file is always readable, and reading
        // it while the session waits would spin.
        m_notifier->setEnabled(!m_atEnd && !m_buffer.contains('\n') &&
                               m_buffer.size() < MaxBufferedInput);
    }

    ConsoleSession *m_session;
    TranscriptPrinter *m_printer;
    QSocketNotifier *m_notifier;
    QByteArray m_buffer;
    int m_lineNumber = 0;
    bool m_atEnd = false;
};

} // namespace

int runConsoleCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QStringList args = arguments;
    args.removeAt(1); // "console": the parser sees "postwire --server ..."
    args[0] = args.value(0) + QStringLiteral(" console");
    Options options;
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
    } catch (const UsageError &e) {
        err << "postwire console: " << e.text << '\n';
        return ExitUsage;
    }

    ConsoleSession session;
    TranscriptPrinter printer(out, false, options.explain);
    StdinFeeder feeder(&session, &printer);
    QObject::connect(&session, &ConsoleSession::transcriptEntry,
                     [&printer](const TranscriptEntry &e) { printer.print(e); });
    // Secrets come from --password-env or --password-file: stdin is the dialogue, so there is
    // no one to ask.
    QObject::connect(&session, &ConsoleSession::credentialsNeeded,
                     [&session, &printer](const QString &, const QString &reason) {
                         printer.say(QStringLiteral("!! AUTH needs a password%1: give "
                                                    "--user with --password-env or "
                                                    "--password-file")
                                         .arg(reason.isEmpty()
                                                  ? QString()
                                                  : QStringLiteral(" (%1)").arg(reason)));
                         session.provideCredentials({});
                     });
    // One attempt per session, like the window's console; typed AUTH secrets are masked in
    // the entries already and the recorder checks the password given too.
    std::optional<AttemptRecorder> recorder;
    if (options.keepHistory) {
        recorder.emplace(HistoryStore(), Attempt::Kind::Console);
        recorder->follow(&session);
        QObject::connect(&*recorder, &AttemptRecorder::saveFailed, [&err](const QString &why) {
            err << "WARNING: " << why << '\n';
            err.flush();
        });
    }
    int exitCode = ExitOk;
    QObject::connect(&session, &ConsoleSession::ended, [&](int kind, const QString &reason) {
        exitCode = exitCodeFor(kind);
        printer.say(QStringLiteral("%1: %2").arg(exitCode == ExitOk ? QStringLiteral("OK")
                                                 : kind == ConsoleSession::Cancelled
                                                     ? QStringLiteral("CANCELLED")
                                                     : QStringLiteral("FAILED"),
                                                 reason));
        out.flush();
        QCoreApplication::exit(exitCode);
    });
    onInterrupt(&session, [&session] { session.cancel(); });

    session.open(options.settings);
    if (!session.isOpen())
        return exitCode; // refused before connecting; ended() already printed why
    return QCoreApplication::exec();
}
