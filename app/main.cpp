// Postwire's entry point: the window by default, or a headless command (send, sandbox).
#include "cli/consolecommand.h"
#include "cli/sandboxcommand.h"
#include "cli/sendcommand.h"
#include "composewindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTextStream>
#include <QUrl>

#include <cstring>
#include <strings.h>

namespace {

// Headless when a sub-command or a help/version option is asked for: those must work
// on a machine without any display.
bool isHeadless(int argc, char **argv)
{
    if (argc > 1 && argv[1][0] != '-' && strncasecmp(argv[1], "mailto:", 7) != 0)
        return true;
    for (int i = 1; i < argc; ++i) {
        for (const char *opt : {"-h", "--help", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], opt) == 0)
                return true;
        }
    }
    return false;
}

void describeCommands(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "A mail composer that shows the wire.\n\n"
                "Commands (each has its own --help):\n"
                "  send      send one message from the command line, printing the SMTP dialogue\n"
                "  sandbox   run the built-in local SMTP server alone\n"
                "  console   type a raw SMTP session (lines from stdin), printing the dialogue"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("command"),
        QCoreApplication::translate("main", "send, sandbox, console, or a mailto: URL"),
        QStringLiteral("[command|mailto:...]"));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Postwire"));
    QCoreApplication::setApplicationName(QStringLiteral("postwire"));
    QCoreApplication::setApplicationVersion(QStringLiteral(POSTWIRE_VERSION));

    if (isHeadless(argc, argv)) {
        QCoreApplication app(argc, argv);
        const QStringList arguments = QCoreApplication::arguments();
        if (arguments.value(1) == QLatin1String("send"))
            return runSendCommand(arguments);
        if (arguments.value(1) == QLatin1String("sandbox"))
            return runSandboxCommand(arguments);
        if (arguments.value(1) == QLatin1String("console"))
            return runConsoleCommand(arguments);
        QCommandLineParser parser;
        describeCommands(parser);
        parser.process(app);
        if (!parser.positionalArguments().isEmpty()) {
            QTextStream(stderr) << "postwire: unknown command \""
                                << parser.positionalArguments().first()
                                << "\" (commands: send, sandbox, console; see --help)\n";
            return 2;
        }
        parser.showHelp(1);
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Postwire"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/postwire/postwire.svg")));
    QApplication::setDesktopFileName(QStringLiteral("postwire"));
    QCommandLineParser parser;
    describeCommands(parser);
    parser.process(app);

    ComposeWindow window;
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        // The desktop opens "postwire %u" for mailto: links (postwire.desktop).
        const QUrl url(positional.first());
        if (url.scheme().compare(QLatin1String("mailto"), Qt::CaseInsensitive) != 0) {
            QTextStream(stderr) << "postwire: \"" << positional.first()
                                << "\" is not a mailto: URL or a command (see --help)\n";
            return 2;
        }
        window.openMailto(url);
    }
    window.show();
    return app.exec();
}
