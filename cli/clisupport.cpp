#include "cli/clisupport.h"

#include "history/attemptexport.h"
#include "smtp/printable.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <unistd.h>

namespace {

// The context of these texts for people.
class CliText
{
    Q_DECLARE_TR_FUNCTIONS(CliText)
};

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

} // namespace

QString readSecret(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("password-env"))) {
        const QString var = parser.value(QStringLiteral("password-env"));
        if (!qEnvironmentVariableIsSet(var.toLocal8Bit().constData()))
            throw UsageError{
                CliText::tr("--password-env: the environment variable %1 is not set").arg(var)};
        return qEnvironmentVariable(var.toLocal8Bit().constData());
    }
    if (parser.isSet(QStringLiteral("password-file"))) {
        const QString path = parser.value(QStringLiteral("password-file"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw UsageError{
                CliText::tr("--password-file: cannot read %1: %2").arg(path, file.errorString())};
        QByteArray secret = file.readLine();
        while (secret.endsWith('\n') || secret.endsWith('\r'))
            secret.chop(1);
        return QString::fromUtf8(secret);
    }
    return QString();
}

TranscriptPrinter::TranscriptPrinter(QTextStream &out, bool quiet, bool explain)
    : m_out(out)
    , m_quiet(quiet)
    , m_explain(explain)
{}

// Every line goes through printableText(): text that quotes the server (a reply, a refusal,
// an address it echoed) must not move the terminal's cursor or overwrite a line.
void TranscriptPrinter::say(const QString &line)
{
    m_out << printableText(line) << '\n';
}

void TranscriptPrinter::print(const TranscriptEntry &e)
{
    if (m_quiet)
        return;
    say(e.toPlainText());
    // The rule the history's exports follow: a reply explained once, under its last line,
    // against the command it answers; the message's header lines once, under the first.
    if (const QString meaning = AttemptExport::explanationFor(e, &m_inContent);
        m_explain && !meaning.isEmpty())
        say(QStringLiteral("              (%1)").arg(meaning));
    m_out.flush();
}

void onInterrupt(QObject *context, std::function<void()> onInterrupt)
{
    if (::pipe(g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [onInterrupt] {
        char byte;
        [[maybe_unused]] const auto n = ::read(g_signalPipe[0], &byte, 1);
        onInterrupt();
    });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}
