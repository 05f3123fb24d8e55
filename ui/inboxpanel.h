// The sandbox inbox: every message received, newest first, with the envelope beside the
// headers, and views of one message (text, HTML without remote content, headers, raw
// source, attachments, and the server's side of the session that delivered it).
#pragma once

#include "mime/replybuilder.h"

#include <QWidget>

class InboxHtmlView;
class InboxModel;
class MailStore;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QSplitter;
class QTableView;

class InboxPanel : public QWidget
{
    Q_OBJECT
public:
    explicit InboxPanel(MailStore *store, QWidget *parent = nullptr);

    InboxModel *model() const { return m_model; }
    QString currentId() const { return m_currentId; }
    void selectMessage(const QString &id);
    // The list above the message (Vertical, the default) or beside it (Horizontal, for a wide,
    // low dock).
    void setOrientation(Qt::Orientation orientation);
    void focusList();
    // Writes attachment number index of the shown message to path; false with *error set.
    bool saveAttachment(int index, const QString &path, QString *error);

Q_SIGNALS:
    // Reply, Reply All, Forward... chosen for message id (its context menu, the Reply button).
    void replyRequested(const QString &id, ReplyBuilder::Kind kind);

public Q_SLOTS:
    void deleteCurrent();
    void deleteAll(); // asks first (without blocking: the question is a window-modal box)

private:
    void showMessage(const QString &id);
    void onSaveClicked();
    void updateCount();
    void createReplyActions();

    MailStore *m_store;
    InboxModel *m_model;
    QTableView *m_list;
    QSplitter *m_splitter;
    QLabel *m_count;
    QLineEdit *m_search;
    QLabel *m_envelope;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_text;
    InboxHtmlView *m_html;
    QLabel *m_htmlNote;
    QPlainTextEdit *m_headers;
    QPlainTextEdit *m_raw;
    QListWidget *m_attachments;
    QPushButton *m_saveAttachment;
    QPlainTextEdit *m_transcript;
    QPushButton *m_delete;
    QPushButton *m_deleteAll;
    QWidget *m_replyButton = nullptr;
    QString m_currentId;
};
