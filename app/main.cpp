// Postwire's entry point: the window by default, or a headless command (send, sandbox).
#include "cli/consolecommand.h"
#include "cli/historycommand.h"
#include "cli/probecommand.h"
#include "cli/sandboxcommand.h"
#include "cli/sendcommand.h"
#include "composewindow.h"
#include "i18n/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>
#include <QTextStream>
#include <QUrl>

#include <cstring>
#include <strings.h>

namespace {

// Headless when a sub-command or a help/version option is asked for: those must work
// on a machine without any display.
bool isHeadless(int argc, char **argv)
{
    // "--lang CODE" may come before the command.
    int first = 1;
    while (first < argc && std::strncmp(argv[first], "--lang", 6) == 0)
        first += std::strcmp(argv[first], "--lang") == 0 ? 2 : 1;
    if (first < argc && argv[first][0] != '-' && strncasecmp(argv[first], "mailto:", 7) != 0)
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
                "  console   type a raw SMTP session (lines from stdin), printing the dialogue\n"
                "  history   the attempts kept: list, show, compare (diff), export, repeat\n"
                "  probe     check an SMTP server: extensions, TLS, certificate, findings"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(Translations::languageOption());
    parser.addPositionalArgument(
        QStringLiteral("command"),
        QCoreApplication::translate("main",
                                    "send, sandbox, console, history, probe, or a mailto: URL"),
        QStringLiteral("[command|mailto:...]"));
}

// --lang CODE (any command, and the window) wins over the language chosen in the window,
// which wins over the system's. The option is taken out here, so no command's parser trips
// on it; each lists it in its --help.
void installLanguage(QStringList *arguments)
{
    QString language = Translations::takeLanguageOption(arguments);
    if (language.isEmpty())
        language = QSettings().value(Translations::settingsKey()).toString();
    const QString notice = Translations::install(language);
    if (!notice.isEmpty())
        QTextStream(stderr) << notice << '\n';
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Postwire"));
    QCoreApplication::setApplicationName(QStringLiteral("postwire"));
    QCoreApplication::setApplicationVersion(QStringLiteral(POSTWIRE_VERSION));

    if (isHeadless(argc, argv)) {
        QCoreApplication app(argc, argv);
        QStringList arguments = QCoreApplication::arguments();
        installLanguage(&arguments);
        if (arguments.value(1) == QLatin1String("send"))
            return runSendCommand(arguments);
        if (arguments.value(1) == QLatin1String("sandbox"))
            return runSandboxCommand(arguments);
        if (arguments.value(1) == QLatin1String("console"))
            return runConsoleCommand(arguments);
        if (arguments.value(1) == QLatin1String("history"))
            return runHistoryCommand(arguments);
        if (arguments.value(1) == QLatin1String("probe"))
            return runProbeCommand(arguments);
        QCommandLineParser parser;
        describeCommands(parser);
        parser.process(arguments);
        if (!parser.positionalArguments().isEmpty()) {
            QTextStream(stderr) << QCoreApplication::translate(
                                       "main", "postwire: unknown command \"%1\" (commands: send, "
                                               "sandbox, console, history, probe; see --help)")
                                       .arg(parser.positionalArguments().first())
                                << '\n';
            return 2;
        }
        parser.showHelp(1);
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Postwire"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/postwire/postwire.svg")));
    QApplication::setDesktopFileName(QStringLiteral("postwire"));
    QStringList arguments = QCoreApplication::arguments();
    installLanguage(&arguments);
    QCommandLineParser parser;
    describeCommands(parser);
    parser.process(arguments);

    ComposeWindow window;
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        // The desktop opens "postwire %u" for mailto: links (postwire.desktop).
        const QUrl url(positional.first());
        if (url.scheme().compare(QLatin1String("mailto"), Qt::CaseInsensitive) != 0) {
            QTextStream(stderr)
                << QCoreApplication::translate(
                       "main", "postwire: \"%1\" is not a mailto: URL or a command (see --help)")
                       .arg(positional.first())
                << '\n';
            return 2;
        }
        window.openMailto(url);
    }
    window.show();
    return app.exec();
}
