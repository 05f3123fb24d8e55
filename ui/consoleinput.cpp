#include "consoleinput.h"

#include "smtp/capabilities.h"

#include <QKeyEvent>

namespace {

// What any server understands (RFC 5321), in the order a session uses them.
const QStringList BaseVerbs = {
    QStringLiteral("EHLO"),      QStringLiteral("HELO"), QStringLiteral("MAIL FROM:<"),
    QStringLiteral("RCPT TO:<"), QStringLiteral("DATA"), QStringLiteral("RSET"),
    QStringLiteral("NOOP"),      QStringLiteral("VRFY"), QStringLiteral("EXPN"),
    QStringLiteral("HELP"),      QStringLiteral("QUIT"),
};

} // namespace

ConsoleInput::ConsoleInput(QWidget *parent)
    : QLineEdit(parent)
    , m_verbs(BaseVerbs)
{}

void ConsoleInput::setCapabilities(const Capabilities &capabilities)
{
    m_verbs = BaseVerbs;
    m_parameters.clear();
    m_mechanisms.clear();
    // Extensions that bring a command of their own, and those that bring parameters.
    if (capabilities.startTls())
        m_verbs << QStringLiteral("STARTTLS");
    if (!capabilities.authMechanisms().isEmpty())
        m_verbs << QStringLiteral("AUTH");
    if (capabilities.chunking())
        m_verbs << QStringLiteral("BDAT");
    for (const QByteArray &m : capabilities.authMechanisms())
        m_mechanisms << QString::fromLatin1(m);
    if (capabilities.size())
        m_parameters << QStringLiteral("SIZE=");
    if (capabilities.eightBitMime())
        m_parameters << QStringLiteral("BODY=8BITMIME");
    if (capabilities.smtpUtf8())
        m_parameters << QStringLiteral("SMTPUTF8");
    if (capabilities.dsn())
        m_parameters << QStringLiteral("RET=") << QStringLiteral("ENVID=")
                     << QStringLiteral("NOTIFY=") << QStringLiteral("ORCPT=");
    if (capabilities.requireTls())
        m_parameters << QStringLiteral("REQUIRETLS");
}

void ConsoleInput::remember(const QString &line)
{
    if (!line.isEmpty() && m_history.value(m_history.size() - 1) != line)
        m_history << line;
    m_historyIndex = -1;
    m_typing.clear();
}

QStringList ConsoleInput::candidates() const
{
    qsizetype start = 0;
    return candidates(&start);
}

QStringList ConsoleInput::candidates(qsizetype *start) const
{
    const QString before = text().left(cursorPosition());
    const auto matching = [](const QStringList &pool, const QString &word) {
        QStringList out;
        for (const QString &c : pool) {
            if (c.startsWith(word, Qt::CaseInsensitive) && c.size() > word.size())
                out << c;
        }
        return out;
    };
    // A verb, the whole line so far ("MAIL F" -> "MAIL FROM:<").
    *start = 0;
    if (const QStringList verbs = matching(m_verbs, before); !verbs.isEmpty())
        return verbs;
    const qsizetype space = before.lastIndexOf(QLatin1Char(' '));
    if (space < 0)
        return {};
    *start = space + 1;
    const QString word = before.mid(space + 1);
    const QString verb = before.section(QLatin1Char(' '), 0, 0).toUpper();
    if (verb == QLatin1String("AUTH") && space == before.indexOf(QLatin1Char(' ')))
        return matching(m_mechanisms, word);
    if (verb == QLatin1String("MAIL") || verb == QLatin1String("RCPT"))
        return matching(m_parameters, word);
    return {};
}

void ConsoleInput::complete()
{
    qsizetype start = 0;
    const QStringList found = candidates(&start);
    if (found.isEmpty())
        return;
    // The longest start all candidates share, so Tab never chooses for the person.
    QString common = found.first();
    for (const QString &c : found) {
        qsizetype n = 0;
        while (n < common.size() && n < c.size() && common[n].toUpper() == c[n].toUpper())
            ++n;
        common.truncate(n);
    }
    const bool whole = found.size() == 1 && !common.endsWith(QLatin1Char('<')) &&
                       !common.endsWith(QLatin1Char('='));
    const QString replacement = common + (whole ? QStringLiteral(" ") : QString());
    const QString after = text().mid(cursorPosition());
    setText(text().left(start) + replacement + after);
    setCursorPosition(int(start + replacement.size()));
    if (found.size() > 1)
        Q_EMIT choices(found);
}

bool ConsoleInput::event(QEvent *event)
{
    // Tab completes here instead of moving the focus.
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Tab && key->modifiers() == Qt::NoModifier) {
            complete();
            return true;
        }
    }
    return QLineEdit::event(event);
}

void ConsoleInput::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down) {
        if (m_history.isEmpty())
            return;
        const bool up = event->key() == Qt::Key_Up;
        if (m_historyIndex < 0) {
            if (!up)
                return;
            m_typing = text();
            m_historyIndex = int(m_history.size());
        }
        m_historyIndex += up ? -1 : 1;
        if (m_historyIndex < 0)
            m_historyIndex = 0;
        if (m_historyIndex >= m_history.size()) {
            m_historyIndex = -1;
            setText(m_typing);
            return;
        }
        setText(m_history.at(m_historyIndex));
        return;
    }
    QLineEdit::keyPressEvent(event);
}
