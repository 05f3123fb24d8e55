// The Sent view: every message the window sent (SentStore), newest first, with a search, the
// message as it went out, and what can be done with one: use it as a new message, send it
// again, show its attempt in the history, delete it.
#pragma once

#include <QWidget>

class SentStore;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

class SentPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SentPanel(SentStore *store, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QLineEdit *searchField() const { return m_search; }
    QPlainTextEdit *preview() const { return m_preview; }
    QString currentId() const;
    void selectEntry(const QString &id);

public Q_SLOTS:
    // Lists the store again (after a send, a delete), keeping the search and the selection.
    void reload();
    void deleteCurrent(); // asks first (a window-modal box, no nested loop)

Q_SIGNALS:
    void useAsNewRequested(const QString &id);
    void sendAgainRequested(const QString &id);
    void attemptRequested(const QString &attemptId);
    void notice(const QString &text);

private:
    void showCurrent();

    SentStore *m_store;
    QLineEdit *m_search;
    QTreeWidget *m_list;
    QLabel *m_count;
    QLabel *m_details;
    QPlainTextEdit *m_preview;
    QPushButton *m_useAsNew;
    QPushButton *m_sendAgain;
    QPushButton *m_attempt;
    QPushButton *m_delete;
};
