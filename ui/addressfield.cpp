#include "addressfield.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCompleter>
#include <QContextMenuEvent>
#include <QDropEvent>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QStyle>
#include <QTimer>

#include <algorithm>
#include <limits>

AddressField::AddressField(const QString &fieldName, bool single, QWidget *parent)
    : QLineEdit(parent)
    , m_fieldName(fieldName)
    , m_single(single)
    , m_warning(new QAction(this))
    , m_completer(new QCompleter(this))
    , m_pause(new QTimer(this))
{
    setAccessibleName(fieldName);
    // QLineEdit cuts its text at 32,767 characters by default: a list of a few thousand
    // recipients (pasted, or from a draft) would lose its tail silently.
    setMaxLength(std::numeric_limits<int>::max());
    m_baseToolTip = single ? tr("One address, e.g. Ana Lima <ana@example.org>")
                           : tr("Addresses separated by commas or semicolons, e.g. "
                                "Ana Lima <ana@example.org>, bo@example.net");
    setToolTip(m_baseToolTip);
    setPlaceholderText(single ? tr("Name <address@example.org>")
                              : tr("name@example.org, Other Name <other@example.org>"));
    m_warning->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    addAction(m_warning, QLineEdit::TrailingPosition);
    // Hidden after adding: the line edit shows an action's button as it is when added.
    m_warning->setVisible(false);

    m_completer->setWidget(this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &AddressField::insertCompletion);

    // Judge an entry after a pause in typing, not at every keystroke of "ana@ex".
    m_pause->setSingleShot(true);
    m_pause->setInterval(500);
    connect(m_pause, &QTimer::timeout, this, &AddressField::showVerdict);
    connect(this, &QLineEdit::textChanged, this, [this] {
        if (m_flagged)
            showVerdict(); // clear a flag as soon as the entry is fixed
        m_pause->start();
    });
    connect(this, &QLineEdit::textEdited, this, &AddressField::updateCompletion);
}

void AddressField::setCompletionModel(QAbstractItemModel *model)
{
    m_completer->setModel(model);
}

QList<MailboxParseResult> AddressField::entries() const
{
    const QString now = text();
    if (m_parsedValid && now == m_parsedText)
        return m_parsed;
    if (m_single)
        m_parsed = now.trimmed().isEmpty() ? QList<MailboxParseResult>{}
                                           : QList<MailboxParseResult>{Mailbox::parse(now)};
    else
        m_parsed = Mailbox::parseList(now);
    m_parsedText = now;
    m_parsedValid = true;
    return m_parsed;
}

QList<Mailbox> AddressField::mailboxes() const
{
    QList<Mailbox> out;
    for (const MailboxParseResult &r : entries()) {
        if (r.isValid())
            out.append(r.mailbox);
    }
    return out;
}

QString AddressField::problem() const
{
    for (const MailboxParseResult &r : entries()) {
        if (!r.isValid())
            return QStringLiteral("%1: %2").arg(m_fieldName, r.error);
    }
    return QString();
}

void AddressField::showVerdict()
{
    m_pause->stop();
    QStringList reasons;
    for (const MailboxParseResult &r : entries()) {
        if (!r.isValid())
            reasons << r.error;
    }
    const bool flagged = !reasons.isEmpty();
    const QString verdict = reasons.join(QLatin1Char('\n'));
    m_warning->setVisible(flagged);
    m_warning->setToolTip(verdict);
    setToolTip(flagged ? verdict : m_baseToolTip);
    setAccessibleDescription(flagged ? tr("Invalid: %1").arg(verdict) : QString());
    if (flagged != m_flagged) {
        m_flagged = flagged;
        // Tint the field so the flag does not rely on the icon alone.
        QPalette pal = palette();
        if (flagged) {
            const QColor base = QPalette().color(QPalette::Base);
            const QColor red(0xd0, 0x30, 0x30);
            pal.setColor(QPalette::Base,
                         QColor::fromRgbF(base.redF() * 0.82 + red.redF() * 0.18,
                                          base.greenF() * 0.82 + red.greenF() * 0.18,
                                          base.blueF() * 0.82 + red.blueF() * 0.18));
        } else {
            pal.setColor(QPalette::Base, QPalette().color(QPalette::Base));
        }
        setPalette(pal);
        Q_EMIT validityChanged(!flagged);
    }
}

bool AddressField::validateNow()
{
    showVerdict();
    return !m_flagged;
}

void AddressField::selectProblem()
{
    const QString t = text();
    // Entry positions count from the first non-blank character.
    qsizetype lead = 0;
    while (lead < t.size() && t[lead].isSpace())
        ++lead;
    for (const MailboxParseResult &r : entries()) {
        if (!r.isValid()) {
            if (r.length > 0)
                setSelection(int(lead + r.start), int(r.length));
            return;
        }
    }
}

void AddressField::focusOutEvent(QFocusEvent *event)
{
    QLineEdit::focusOutEvent(event);
    showVerdict();
}

namespace {

// What a locked field still does with a key: copy, select, move the cursor, leave.
bool changesText(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy) || event->matches(QKeySequence::SelectAll))
        return false;
    for (const auto edit : {QKeySequence::Cut, QKeySequence::Paste, QKeySequence::Undo,
                            QKeySequence::Redo, QKeySequence::Delete, QKeySequence::Backspace,
                            QKeySequence::DeleteEndOfWord, QKeySequence::DeleteStartOfWord,
                            QKeySequence::DeleteEndOfLine, QKeySequence::DeleteCompleteLine}) {
        if (event->matches(edit))
            return true;
    }
    switch (event->key()) {
    case Qt::Key_Backspace:
    case Qt::Key_Delete:
    case Qt::Key_Insert:
        return true;
    default:
        break;
    }
    const QString text = event->text();
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isPrint(); });
}

} // namespace

void AddressField::inputMethodEvent(QInputMethodEvent *event)
{
    if (m_locked) {
        event->ignore();
        return;
    }
    QLineEdit::inputMethodEvent(event);
}

void AddressField::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_locked) {
        event->ignore();
        return;
    }
    QLineEdit::dragEnterEvent(event);
}

void AddressField::dropEvent(QDropEvent *event)
{
    if (m_locked) {
        event->ignore();
        return;
    }
    QLineEdit::dropEvent(event);
}

void AddressField::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createStandardContextMenu();
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (m_locked) {
        for (QAction *a : menu->actions()) {
            if (!a->isSeparator() && a->objectName() != QLatin1String("edit-copy") &&
                a->objectName() != QLatin1String("select-all"))
                a->setEnabled(false);
        }
    }
    menu->popup(event->globalPos());
}

void AddressField::keyPressEvent(QKeyEvent *event)
{
    if (m_locked && changesText(event)) {
        event->accept(); // taken, and nothing happens: the message is on its way
        return;
    }
    // While the completion list is open, Enter/Tab/Escape belong to it.
    if (m_completer->popup() && m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore();
            return;
        default:
            break;
        }
    }
    QLineEdit::keyPressEvent(event);
}

void AddressField::currentEntry(qsizetype *start, qsizetype *end) const
{
    const QString t = text();
    const qsizetype cursor = cursorPosition();
    qsizetype s = cursor;
    while (s > 0 && t[s - 1] != QLatin1Char(',') && t[s - 1] != QLatin1Char(';'))
        --s;
    qsizetype e = cursor;
    while (e < t.size() && t[e] != QLatin1Char(',') && t[e] != QLatin1Char(';'))
        ++e;
    *start = s;
    *end = e;
}

void AddressField::updateCompletion()
{
    if (!m_completer->model())
        return;
    qsizetype start = 0;
    qsizetype end = 0;
    currentEntry(&start, &end);
    const QString prefix = text().mid(start, cursorPosition() - start).trimmed();
    if (prefix.size() < 1) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(prefix);
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->complete();
}

void AddressField::insertCompletion(const QString &completion)
{
    qsizetype start = 0;
    qsizetype end = 0;
    currentEntry(&start, &end);
    QString t = text();
    const QString lead = start > 0 ? QStringLiteral(" ") : QString();
    const QString replacement = lead + completion + (m_single ? QString() : QStringLiteral(", "));
    t.replace(start, end - start, replacement);
    setText(t);
    setCursorPosition(int(start + replacement.size()));
}
