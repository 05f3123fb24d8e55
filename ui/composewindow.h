// The main window: the compose form on one side, the live SMTP transcript on the other, and the
// built-in sandbox (its inbox and settings) in a dock. It turns the form into a Message, hands
// it to a Submission with the chosen account, shows every step and the outcome, and keeps the
// draft safe (autosaved, restored at the next start).
#pragma once

#include "account/credentialstore.h"
#include "account/draft.h"
#include "account/draftstore.h"
#include "account/sentstore.h"
#include "account/sessionsecrets.h"
#include "account/submission.h"
#include "mime/replybuilder.h"
#include "smtp/smtpclient.h"

#include "lessonwindow.h"
#include "richtextedit.h"

#include <QMainWindow>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class AccountForm;
class AttemptRecorder;
class HistoryPanel;
class DirectSend;
class AccountStore;
class ConsolePanel;
class MainWindowSandbox;
class OAuthAccess;
class QDockWidget;
class SandboxPanel;
class SentPanel;
class ServerCheck;
class ServerKnowledgeStore;
class AddressField;
class AddressHistory;
class AttachmentList;
class EmlWriter;
class QAction;
class QFormLayout;
class QLabel;
class QMenu;
class QMessageBox;
class QLineEdit;
class RichEditor;
class QProgressBar;
class QSplitter;
class QTabWidget;
class QTimer;
class ResultPanel;
class StepBar;
class TranscriptModel;
class TranscriptView;
class WireLink;

class ComposeWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit ComposeWindow(QWidget *parent = nullptr);
    ~ComposeWindow() override;

    // The form as typed (what a draft holds) and back.
    Draft draft() const;
    void setDraft(const Draft &draft);
    // Fills the form from a mailto: URL (RFC 6068): to, cc, bcc, subject, body.
    void openMailto(const QUrl &url);
    bool openEml(const QString &path, QString *error);
    // Starts writing the form as an .eml file (in steps, the window stays live); emlSaved()
    // follows. False, with the reason shown, when the form cannot be written.
    bool saveEml(const QString &path);
    bool isSending() const { return m_sending; }
    QString statusText() const;
    // Delay of the autosave after the last change.
    void setAutosaveInterval(int ms);

    SmtpClient *client() const { return m_submission->client(); }
    Submission *submission() const { return m_submission; }
    // Sending from a direct-delivery (MX) account.
    DirectSend *directSend() const { return m_direct; }
    TranscriptModel *transcriptModel() const { return m_transcript; }
    TranscriptView *transcriptView() const { return m_transcriptView; }
    WireLink *wireLink() const { return m_wireLink; }
    // The console tab beside the transcript (issue 16), and the tabs holding both.
    ConsolePanel *consolePanel() const { return m_console; }
    QTabWidget *transcriptTabs() const { return m_transcriptTabs; }
    ResultPanel *resultPanel() const { return m_result; }
    StepBar *stepBar() const { return m_stepBar; }
    AccountForm *accountForm() const { return m_account; }
    AccountStore *accountStore() const { return m_accounts; }
    CredentialStore *credentialStore() const { return m_credentials; }
    // The access tokens of OAuth 2 accounts, renewed (or signed in again) before each send.
    OAuthAccess *oauthAccess() const { return m_oauth; }
    // What each account's server said about itself (learnt by checks and sends).
    ServerKnowledgeStore *serverKnowledge() const { return m_knowledge; }
    MainWindowSandbox *sandbox() const { return m_sandbox; }
    SandboxPanel *sandboxPanel() const { return m_sandboxPanel; }
    QDockWidget *sandboxDock() const { return m_sandboxDock; }
    HistoryPanel *historyPanel() const { return m_historyPanel; }
    QDockWidget *historyDock() const { return m_historyDock; }
    // Help > Learn SMTP: opens (or raises) the guided lessons; null until opened.
    LessonWindow *lessonWindow() const { return m_lessonWindow; }
    void showLessons();
    AttachmentList *attachmentList() const { return m_attachments; }
    AddressField *fromField() const { return m_from; }
    AddressField *toField() const { return m_to; }
    AddressField *ccField() const { return m_cc; }
    AddressField *bccField() const { return m_bcc; }
    AddressField *replyToField() const { return m_replyTo; }
    QLineEdit *subjectField() const { return m_subject; }
    // The message text; the whole editor (toolbar, modes, spelling, source) is editor().
    RichTextEdit *bodyField() const { return m_body; }
    RichEditor *editor() const { return m_editor; }
    QAction *sendAction() const { return m_sendAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    QProgressBar *progressBar() const { return m_progress; }
    // "Also sends: In-Reply-To, References, 2 more headers": what an opened message carries
    // that the form has no field for; hidden when there is none.
    QLabel *hiddenFieldsNote() const { return m_hiddenNote; }
    // Shown when another account was chosen while From names a different address.
    QLabel *fromNote() const { return m_fromNote; }
    QString draftPath() const { return m_drafts.path(); }

public Q_SLOTS:
    void send();
    void cancelSend();
    bool saveDraft(); // Ctrl+S: now, whatever the timer says
    void newMessage();
    // The last message sent back in the form, to send again or reuse.
    void editLastSentAsNew();
    void openEmlDialog();
    void saveEmlDialog();
    void setCcBccVisible(bool visible);
    void openAccounts();
    // "Check server" for the account chosen in the form (non-modal).
    void checkServer();
    // Shows the sandbox dock and puts the keyboard in its inbox.
    void showSandboxInbox();
    // Reply, reply all or forward the message in the file at path (an .eml): the form is
    // replaced, after asking when it holds a message.
    void replyToFile(const QString &path, ReplyBuilder::Kind kind);
    // As replyToFile(), with the message's bytes at hand (a sandbox message): path names it.
    void replyToContent(const QString &path, const std::optional<QByteArray> &content,
                        ReplyBuilder::Kind kind);
    // Message > Reply...: to the sandbox inbox's message when the inbox has the keyboard (or
    // no .eml was opened), else to the .eml opened last; asks for a file when there is none.
    void reply(ReplyBuilder::Kind kind);

public:
    QAction *replyAction(ReplyBuilder::Kind kind) const { return m_replyActions[int(kind)]; }
    // The Sent folder (View > Sent Messages): what the window sent, kept across runs.
    SentStore *sentStore() const { return m_sent.get(); }
    SentPanel *sentPanel() const { return m_sentPanel; }
    QDockWidget *sentDock() const { return m_sentDock; }
    // A sent message back in the form (after asking), sent at once when sendNow.
    void reuseSent(const QString &id, bool sendNow);

Q_SIGNALS:
    // Emitted when a send ends, after the result is shown.
    void sendFinished(const SendResult &result);
    // error is empty on success.
    void emlSaved(const QString &path, const QString &error);

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Keeps a server check in the history (started from the window or the accounts dialog).
    void recordCheck(ServerCheck *check, const SmtpSettings &settings, const QString &account);
    void createActions();
    // Reply, Reply All, Forward, Forward as Attachment, added to menu (composereplies.cpp).
    void createReplyActions(QMenu *menu);
    // The person's addresses: the account's, for leaving them out of a reply-all.
    QList<Mailbox> ownAddresses() const;
    // The Sent view's dock and the link from each send to its attempt (composesent.cpp).
    void createSentDock();
    // A delivered send into the Sent folder, from the form as it went out; eml may be empty.
    void keepSent(bool partial, const QString &outcome, const QByteArray &eml, const Draft &draft,
                  const QString &attemptId);
    // The one place the text is put in by code (a reply's quote), with the cursor at
    // cursorPosition: a plain API the rich editor can take over.
    void setBodyText(const QString &text, int cursorPosition);
    // The account's signature below the text after "-- ", replacing the one the previous
    // account put there; a signature the person edited stays theirs (composesignature.cpp).
    void applySignature();
    QString withoutSignature(const QString &body) const;
    // From > the account's other identities, offered from the From field.
    void chooseIdentity();
    void createForm();
    void restoreSettings();
    void saveSettings() const;
    void restoreDraft();
    void markChanged();
    void setSending(bool sending);
    void setStatus(const QString &text);
    // Stops with the reason shown and the field focused; returns false.
    bool refuse(const QString &reason, QWidget *field);
    // The message the form describes; nullopt after refuse() when the form cannot be sent.
    bool buildMessage(Message *message, bool forSending);
    QWidget *fieldNamed(const QString &problem) const;
    void setHiddenFields(const CarriedHeaders &carried);
    // Every action that puts another message in the form comes through here, so all ask
    // alike: replace runs at once when the form holds nothing, after "Discard?" otherwise.
    void replaceForm(const QString &title, const std::function<void()> &replace);
    // A fresh message from the same account and sender.
    void clearForm();
    // The attachments of the opened .eml have done their job (the draft was sent, discarded or
    // replaced): their folder goes, and so do any of its files still listed.
    void discardEmlFolder();

    void onStateChanged(SmtpClient::State state);
    void onProgress(qint64 sent, qint64 total);
    // "1.2 MiB of 3.4 MiB (35%)"
    static QString progressText(qint64 sent, qint64 total);
    void onFinished(const SendResult &result);
    // From follows the account's identity unless the person typed another sender.
    void applyIdentity();
    bool fromMatchesAccount() const;
    void createSandboxDock();
    // The sandbox dock's height in a window this high, when it has not been set by hand.
    static int dockShare(int windowHeight);

    AccountStore *m_accounts;
    CredentialStore *m_credentials;
    MainWindowSandbox *m_sandbox;
    SessionSecrets m_secrets; // typed this session, shared with the accounts dialog
    Submission *m_submission;
    DirectSend *m_direct = nullptr;
    SandboxPanel *m_sandboxPanel = nullptr;
    QDockWidget *m_sandboxDock = nullptr;
    HistoryPanel *m_historyPanel = nullptr;
    QDockWidget *m_historyDock = nullptr;
    AttemptRecorder *m_sendRecorder = nullptr;
    TranscriptModel *m_transcript;
    TranscriptView *m_transcriptView = nullptr;
    StepBar *m_stepBar = nullptr;
    WireLink *m_wireLink = nullptr; // the form and the transcript, linked both ways
    ConsolePanel *m_console = nullptr;
    QTabWidget *m_transcriptTabs = nullptr;
    AddressHistory *m_history;
    DraftStore m_drafts;
    EmlWriter *m_emlWriter = nullptr;

    AccountForm *m_account = nullptr;
    ResultPanel *m_result = nullptr;
    QFormLayout *m_fields = nullptr;
    AddressField *m_from = nullptr;
    AddressField *m_to = nullptr;
    AddressField *m_cc = nullptr;
    AddressField *m_bcc = nullptr;
    AddressField *m_replyTo = nullptr;
    QLineEdit *m_subject = nullptr;
    RichEditor *m_editor = nullptr;
    RichTextEdit *m_body = nullptr;
    AttachmentList *m_attachments = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_composeSplitter = nullptr;
    QLabel *m_step = nullptr;
    QLabel *m_hiddenNote = nullptr;
    QLabel *m_fromNote = nullptr; // From is not the account's address
    QString m_emlFolder;          // where the opened .eml's attachments were extracted, or empty
    CarriedHeaders m_carried;     // what the opened message had that the form cannot show
    QProgressBar *m_progress = nullptr;
    QTimer *m_autosave;

    QAction *m_sendAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveDraftAction = nullptr;
    QAction *m_saveEmlAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_attachAction = nullptr;
    QAction *m_editAsNewAction = nullptr;
    QAction *m_ccBccAction = nullptr;
    QAction *m_accountsAction = nullptr;
    QAction *m_sandboxInboxAction = nullptr;
    QPointer<LessonWindow> m_lessonWindow;
    QAction *m_replyActions[4] = {}; // by ReplyBuilder::Kind
    QString m_openedEml;             // the .eml opened last: what Reply answers
    std::unique_ptr<SentStore> m_sent;
    SentPanel *m_sentPanel = nullptr;
    QDockWidget *m_sentDock = nullptr;
    QString m_lastSignature; // the one the form's text ends with, put there by applySignature
    QString m_lastAttemptId; // the history's record of the send that just ended

    bool m_sending = false;
    bool m_dirty = false;
    bool m_applying = false;
    bool m_closeConfirmed = false;
    bool m_sendWhenSandboxReady = false;
    QString m_lastIdentity;          // the From the account put in
    Draft m_sendingDraft;            // the form as it went out
    std::optional<Draft> m_lastSent; // delivered, to all or to some
    QPointer<QMessageBox> m_sendAgainQuestion;
    ServerKnowledgeStore *m_knowledge = nullptr;
    // What the server said it would refuse, asked before sending; accepted for one send.
    QPointer<QMessageBox> m_serverWarning;
    bool m_serverWarningAccepted = false;
    bool askAboutServer(const Account &account, const Message &message);
    // The SMTP part of a send, once the account has what it needs.
    void startSubmission(const Account &account, const Message &message);
    // A send that did not start: the problem shown beside the field it names.
    void refuseStart(Submission::Start start, const Account &account, const QString &problem);
    // An OAuth 2 account's send: a fresh access token first (composeoauth.cpp).
    void createOAuth();
    void sendWithOAuth(const Account &account, const Message &message);
    void oauthNote(bool error, const QString &text);
    OAuthAccess *m_oauth = nullptr;
    std::optional<Message> m_oauthMessage; // waits for its access token
    Account m_oauthAccount;
    // "Ask for Delivery Notifications": shown where the account's server is known to offer
    // DSN (and while it is ticked, so a choice never vanishes unseen).
    QAction *m_dsnAction = nullptr;
    void updateDsnAction();
    SmtpClient::State m_state = SmtpClient::State::Idle;
};
