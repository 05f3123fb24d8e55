// A line edit for one address header (From, To, Cc, Bcc, Reply-To): every entry is checked as
// it is typed with the MIME engine's parser, an invalid one is flagged with its reason, and the
// entry under the cursor completes from addresses used before.
#pragma once

#include "mime/mailbox.h"

#include <QLineEdit>

class QAbstractItemModel;
class QAction;
class QCompleter;
class QTimer;

class AddressField : public QLineEdit
{
    Q_OBJECT
public:
    // single: the field takes exactly one mailbox (From).
    AddressField(const QString &fieldName, bool single, QWidget *parent = nullptr);

    QString fieldName() const { return m_fieldName; }
    void setCompletionModel(QAbstractItemModel *model);

    QList<MailboxParseResult> entries() const;
    QList<Mailbox> mailboxes() const;
    // The first problem as "To: "ana@" has no domain after the @", or empty. Empty text is
    // fine here (whether the field is required is the form's decision).
    QString problem() const;
    // Checks now (not waiting for the typing pause) and shows the verdict.
    bool validateNow();
    // Selects the first invalid entry, so the person sees which one is meant.
    void selectProblem();
    bool isFlagged() const { return m_flagged; }
    // While a send is under way: the text cannot change (typing, pasting, dropping, undo, the
    // context menu's edits) but can still be selected and copied. Unlike setReadOnly(), the field
    // is not laid out and painted again: a To field of 5,000 addresses costs the window's thread
    // 25 ms per paint (Qt lays the whole single line out), inside the click on Send.
    void setLocked(bool locked) { m_locked = locked; }
    bool isLocked() const { return m_locked; }

Q_SIGNALS:
    void validityChanged(bool valid);

protected:
    void focusOutEvent(QFocusEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void showVerdict();
    void updateCompletion();
    void insertCompletion(const QString &completion);
    // The entry the cursor is in: [start, end) in text().
    void currentEntry(qsizetype *start, qsizetype *end) const;

    QString m_fieldName;
    bool m_single;
    bool m_flagged = false;
    bool m_locked = false;
    QAction *m_warning;
    QCompleter *m_completer;
    QTimer *m_pause;
    QString m_baseToolTip;
    // The last parse, for the text it was made of: a click on Send asks for the entries several
    // times, and 5,000 addresses take milliseconds to parse each time.
    mutable QString m_parsedText;
    mutable QList<MailboxParseResult> m_parsed;
    mutable bool m_parsedValid = false;
};
