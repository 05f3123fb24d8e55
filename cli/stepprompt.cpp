#include "cli/stepprompt.h"

#include "smtp/printable.h"
#include "smtp/smtpclient.h"
#include "smtp/smtpstep.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QTextStream>

#include <unistd.h>

namespace {

// An answer line longer than any command could be is cut here; refuseLine() then says why.
constexpr qsizetype MaxAnswer = 64 * 1024;
const QString Indent = QStringLiteral("      ");

} // namespace

StepPrompt::StepPrompt(SmtpClient *client, QTextStream *out, int fd, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_out(out)
    , m_notifier(new QSocketNotifier(fd, QSocketNotifier::Read, this))
    , m_fd(fd)
    , m_terminal(::isatty(fd) == 1)
{
    // Read only while a pause waits: lines typed or piped ahead stay where they are until then.
    m_notifier->setEnabled(false);
    connect(m_notifier, &QSocketNotifier::activated, this, &StepPrompt::readInput);
    connect(client, &SmtpClient::paused, this, &StepPrompt::onPaused);
    connect(client, &SmtpClient::finished, this, [this] {
        m_waiting = false;
        m_notifier->setEnabled(false);
    });
}

QString StepPrompt::help()
{
    return tr("Enter sends it, a new line is sent instead, +LINE sends LINE first, "
              "#N LINE replaces command N of a group, q stops (QUIT)");
}

void StepPrompt::say(const QString &line)
{
    *m_out << line << '\n';
    m_out->flush();
}

void StepPrompt::onPaused(const QList<TranscriptCommand> &next)
{
    const SmtpStep::Content content = m_client->pendingContent();
    QList<TranscriptCommand> commands = next;
    const bool endOfData = content.present && !content.chunking && !commands.isEmpty() &&
                           commands.last().kind == TranscriptCommand::Kind::EndOfData;
    if (endOfData)
        commands.removeLast(); // the content step ends with it: said after the content
    if (content.present)
        say(QStringLiteral("   >> ") +
            (endOfData
                 ? tr("next: the message content, %n bytes, then \".\"", nullptr, int(content.size))
                 : tr("next: the message content, %n bytes", nullptr, int(content.size))));
    const bool group = commands.size() > 1;
    if (group)
        say(QStringLiteral("   >> ") +
            (content.present
                 ? tr("with it, one pipelined group of %n commands:", nullptr, int(commands.size()))
                 : tr("next, one pipelined group of %n commands:", nullptr, int(commands.size()))));
    for (qsizetype i = 0; i < commands.size(); ++i) {
        const TranscriptCommand &c = commands[i];
        const QString line = printableText(c.line);
        if (group)
            say(Indent + QStringLiteral("#%1 %2").arg(i + 1).arg(line));
        else
            say(QStringLiteral("   >> %1 %2")
                    .arg(content.present ? tr("with:") : tr("next:"), line));
        say(Indent + QStringLiteral("(%1)").arg(printableText(SmtpStep::explain(c))));
    }
    if (content.present) {
        for (const QString &line : content.firstLines)
            say(Indent + QStringLiteral("| ") + line);
        say(Indent + QStringLiteral("(%1)").arg(SmtpStep::explainContent(content)));
    }
    if (endOfData) {
        say(QStringLiteral("   >> ") + tr("then: ."));
        say(Indent + QStringLiteral("(%1)").arg(SmtpStep::explain(next.last())));
    }
    if (!m_helped) {
        m_helped = true;
        say(Indent + help());
    }
    m_waiting = true;
    prompt();
    // Answers already read (a pipe delivers many at once) are taken from the event loop, so
    // the paused() emitter has returned before the client is driven again.
    QMetaObject::invokeMethod(this, &StepPrompt::answerFromBuffer, Qt::QueuedConnection);
}

void StepPrompt::prompt()
{
    if (m_terminal) {
        *m_out << "step> ";
        m_out->flush();
    }
}

void StepPrompt::readInput()
{
    char chunk[4096];
    const ssize_t n = ::read(m_fd, chunk, sizeof chunk);
    if (n <= 0) {
        m_eof = true;
        m_notifier->setEnabled(false);
    } else {
        m_buffer.append(chunk, n);
    }
    answerFromBuffer();
}

void StepPrompt::answerFromBuffer()
{
    if (!m_waiting)
        return;
    qsizetype end = m_buffer.indexOf('\n');
    if (end < 0 && m_buffer.size() > MaxAnswer)
        end = m_buffer.size();
    if (end < 0 && m_eof && !m_buffer.isEmpty())
        end = m_buffer.size(); // a last line without its line break still counts
    if (end < 0) {
        if (m_eof) {
            m_waiting = false;
            say(QStringLiteral("   -- end of input: stopping (QUIT)"));
            m_client->stop();
            return;
        }
        m_notifier->setEnabled(true);
        return;
    }
    m_notifier->setEnabled(false);
    QByteArray line = m_buffer.left(end);
    m_buffer.remove(0, end + 1);
    if (line.endsWith('\r'))
        line.chop(1);
    answer(line);
}

void StepPrompt::answer(const QByteArray &line)
{
    if (!m_terminal) // a piped answer is echoed, so the output reads as a dialogue
        say(QStringLiteral("step> %1").arg(printableText(line)));
    m_waiting = false;
    QString refused;
    if (line.isEmpty()) {
        m_client->proceed();
        return;
    }
    if (line.trimmed().toLower() == "q") {
        m_client->stop();
        return;
    }
    if (line.startsWith('+')) {
        refused = m_client->sendExtra(line.mid(1));
    } else {
        static const QRegularExpression indexed(QStringLiteral("^#(\\d+) (.*)$"));
        const QRegularExpressionMatch m = indexed.match(QString::fromUtf8(line));
        refused = m.hasMatch()
                      ? m_client->proceedWith(m.captured(2).toUtf8(), m.captured(1).toInt() - 1)
                      : m_client->proceedWith(line);
    }
    if (refused.isEmpty())
        return;
    say(QStringLiteral("   !! refused: %1; answer again").arg(printableText(refused)));
    m_waiting = true;
    prompt();
    answerFromBuffer();
}
