#include "composewindow.h"

#include "directsend.h"

#include "account/accountstore.h"
#include "account/serverknowledge.h"
#include "accountdialog.h"
#include "accountform.h"
#include "addressfield.h"
#include "addresshistory.h"
#include "attachmentlist.h"
#include "consolepanel.h"
#include "dialogprompter.h"
#include "helpmenu.h"
#include "historypanel.h"
#include "inboxpanel.h"
#include "keychaincredentialstore.h"
#include "languagemenu.h"
#include "lessonwindow.h"
#include "mainwindowsandbox.h"
#include "mime/emlparser.h"
#include "mime/emlwriter.h"
#include "mime/mimemessagesource.h"
#include "oauthaccess.h"
#include "resultpanel.h"
#include "richeditor.h"
#include "sandbox/mailstore.h"
#include "sandbox/sandboxserver.h"
#include "sandboxpanel.h"
#include "servercheckdialog.h"
#include "smtp/explain.h"
#include "stepbar.h"
#include "transcriptmodel.h"
#include "transcriptview.h"
#include "wirelink.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QResizeEvent>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStringListModel>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

bool hasLocalFiles(const QMimeData *data)
{
    if (!data->hasUrls())
        return false;
    for (const QUrl &url : data->urls()) {
        if (!url.isLocalFile())
            return false;
    }
    return !data->urls().isEmpty();
}

QStringList localFiles(const QMimeData *data)
{
    QStringList paths;
    for (const QUrl &url : data->urls())
        paths << url.toLocalFile();
    return paths;
}

} // namespace

ComposeWindow::ComposeWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_accounts(new AccountStore(QString(), this))
    , m_credentials(new KeychainCredentialStore(this))
    , m_sandbox(new MainWindowSandbox(m_accounts, this))
    , m_submission(new Submission(m_credentials, &m_secrets, new DialogPrompter(this), this))
    , m_transcript(new TranscriptModel(this))
    , m_history(new AddressHistory(this))
    , m_autosave(new QTimer(this))
{
    setWindowTitle(tr("New Message"));
    setAcceptDrops(true);
    m_accounts->load();
    const QStringList accountProblems = m_accounts->loadProblems();
    // Before the form lists the accounts: on a first run this is the one to send with.
    m_sandbox->ensureAccount();
    createForm();
    createSandboxDock();
    // Every send, test connection, server check and console session is kept (View >
    // History); the lesson window's practice sessions are not (see LessonWindow).
    m_historyPanel = new HistoryPanel(HistoryStore());
    m_historyDock = m_historyPanel->makeDock(this);
    tabifyDockWidget(m_sandboxDock, m_historyDock);
    m_sendRecorder = m_historyPanel->follow(m_submission, Attempt::Kind::Send);
    m_historyPanel->follow(m_console->session(), Attempt::Kind::Console)
        ->setAccountSource([console = m_console] { return console->accountName(); });
    connect(m_historyPanel, &HistoryPanel::notice, this, &ComposeWindow::setStatus);
    createSentDock();
    createActions();
    if (!accountProblems.isEmpty())
        m_result->showMessage(ResultPanel::Kind::Problem, tr("Accounts"),
                              accountProblems.join(QLatin1Char('\n')));

    m_autosave->setSingleShot(true);
    m_autosave->setInterval(3000);
    connect(m_autosave, &QTimer::timeout, this, &ComposeWindow::saveDraft);

    // The sandbox's password is the server's own: given by Postwire, never in the keychain.
    m_secrets.setProvider([sandbox = QPointer(m_sandbox)](const QString &id) {
        return sandbox && sandbox->isSandboxAccount(id) ? sandbox->password() : QString();
    });
    m_submission->setAccountStore(m_accounts);
    m_knowledge = new ServerKnowledgeStore(m_accounts->fileName(), this);
    m_knowledge->watch(m_submission);
    connect(m_knowledge, &ServerKnowledgeStore::changed, this, &ComposeWindow::updateDsnAction);
    connect(m_submission, &Submission::transcriptEntry, m_transcript, &TranscriptModel::append);
    connect(m_submission, &Submission::finished, m_transcript, [this] {
        m_transcript->setMessage(m_transcript->sectionCount() - 1, m_submission->sentMessage());
    });
    connect(m_submission, &Submission::stateChanged, this, &ComposeWindow::onStateChanged);
    connect(m_submission, &Submission::progress, this, &ComposeWindow::onProgress);
    connect(m_submission, &Submission::finished, this, &ComposeWindow::onFinished);
    connect(m_submission, &Submission::status, this, &ComposeWindow::setStatus);
    m_direct = new DirectSend(m_transcript, this);
    connect(m_direct->delivery(), &MxDelivery::stateChanged, this, &ComposeWindow::onStateChanged);
    connect(m_direct->delivery(), &MxDelivery::progress, this, &ComposeWindow::onProgress);
    // One Send attempt per recipient domain, with the MX that held its session.
    m_historyPanel->follow(m_direct->delivery(), Attempt::Kind::Send)->setAccountSource([this] {
        return m_account->account().name;
    });
    connect(m_direct, &DirectSend::finished, this, [this](const MxDeliveryResult &r) {
        setSending(false);
        m_result->showMessage(r.allDelivered()   ? ResultPanel::Kind::Success
                              : r.anyDelivered() ? ResultPanel::Kind::Partial
                                                 : ResultPanel::Kind::Failure,
                              DirectSend::title(r), DirectSend::details(r));
        setStatus(DirectSend::title(r));
        if (r.anyDelivered()) {
            m_lastSent = m_sendingDraft;
            m_editAsNewAction->setEnabled(true);
            keepSent(!r.allDelivered(), DirectSend::title(r), QByteArray(), m_sendingDraft,
                     m_lastAttemptId);
        }
    });
    connect(m_credentials, &CredentialStore::notice, this, &ComposeWindow::setStatus);
    createOAuth();

    connect(m_sandbox, &MainWindowSandbox::noteChanged, this,
            [this] { m_account->setNote(m_sandbox->accountId(), m_sandbox->note()); });
    connect(m_sandbox, &MainWindowSandbox::notice, this, &ComposeWindow::setStatus);
    connect(m_sandbox, &MainWindowSandbox::started, this, [this] {
        if (std::exchange(m_sendWhenSandboxReady, false))
            send();
    });
    connect(m_sandbox, &MainWindowSandbox::failed, this, [this](const QString &error) {
        const bool waiting = std::exchange(m_sendWhenSandboxReady, false);
        if (waiting || m_sandbox->isSandboxAccount(m_account->currentId()))
            m_result->showMessage(ResultPanel::Kind::Problem, tr("The local sandbox did not start"),
                                  error);
        setStatus(error);
    });
    connect(m_account, &AccountForm::changed, this, &ComposeWindow::applyIdentity);
    connect(m_account, &AccountForm::changed, this, &ComposeWindow::applySignature);
    connect(m_account, &AccountForm::manageRequested, this, &ComposeWindow::openAccounts);
    connect(m_account, &AccountForm::changed, this, &ComposeWindow::updateDsnAction);
    updateDsnAction();

    restoreSettings();
    m_editor->setRich(m_account->account().richText);
    restoreDraft();
    // Left by a crash, or by a draft emptied by hand: no draft will look for them again.
    m_drafts.removeUnusedAttachmentFolders();
    applyIdentity();
    setSending(false);
    m_sandbox->start();
}

ComposeWindow::~ComposeWindow() = default;

void ComposeWindow::createForm()
{
    m_result = new ResultPanel;
    m_account = new AccountForm(m_accounts);
    m_from = new AddressField(tr("From"), true);
    QAction *identities =
        m_from->addAction(style()->standardIcon(QStyle::SP_ArrowDown), QLineEdit::TrailingPosition);
    identities->setObjectName(QStringLiteral("chooseIdentityAction"));
    identities->setToolTip(tr("Choose one of the account's From addresses"));
    connect(identities, &QAction::triggered, this, &ComposeWindow::chooseIdentity);
    m_to = new AddressField(tr("To"), false);
    m_cc = new AddressField(tr("Cc"), false);
    m_bcc = new AddressField(tr("Bcc"), false);
    m_replyTo = new AddressField(tr("Reply-To"), false);
    m_subject = new QLineEdit;
    m_subject->setAccessibleName(tr("Subject"));
    m_editor = new RichEditor;
    m_body = m_editor->textEdit();
    m_body->viewport()->installEventFilter(this);
    m_attachments = new AttachmentList;
    m_bcc->setToolTip(tr("Recipients who get the message without the others seeing them: "
                         "they appear only in the SMTP envelope (RCPT TO), never in a header"));
    for (AddressField *f : {m_from, m_to, m_cc, m_bcc, m_replyTo}) {
        f->setCompletionModel(m_history->model());
        connect(f, &QLineEdit::textChanged, this, &ComposeWindow::markChanged);
    }
    connect(m_subject, &QLineEdit::textChanged, this, [this](const QString &subject) {
        setWindowTitle(subject.trimmed().isEmpty() ? tr("New Message") : subject.trimmed());
        markChanged();
    });
    connect(m_editor, &RichEditor::changed, this, &ComposeWindow::markChanged);
    connect(m_attachments, &AttachmentList::changed, this, &ComposeWindow::markChanged);
    connect(m_account, &AccountForm::changed, this, &ComposeWindow::markChanged);
    // An empty message takes the account's choice of rich or plain text.
    connect(m_account, &AccountForm::changed, this, [this] {
        if (!m_applying && m_editor->isEmpty())
            m_editor->setRich(m_account->account().richText);
    });

    auto *fieldsWidget = new QWidget;
    m_fields = new QFormLayout(fieldsWidget);
    m_fields->setContentsMargins(0, 0, 0, 0);
    m_fields->addRow(tr("F&rom:"), m_from);
    m_fromNote = new QLabel;
    m_fromNote->setObjectName(QStringLiteral("fromNote"));
    m_fromNote->setWordWrap(true);
    m_fromNote->setTextFormat(Qt::RichText);
    m_fromNote->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_fromNote->setFocusPolicy(Qt::TabFocus);
    m_fromNote->hide();
    connect(m_fromNote, &QLabel::linkActivated, this, [this] {
        const Account a = m_account->account();
        m_from->setText(Mailbox{a.displayName, a.address.trimmed()}.toString());
        m_fromNote->hide();
    });
    m_fields->addRow(m_fromNote);
    connect(m_from, &QLineEdit::textChanged, this, [this] {
        if (!m_fromNote->isHidden() && fromMatchesAccount())
            m_fromNote->hide();
    });
    m_fields->addRow(tr("T&o:"), m_to);
    m_fields->addRow(tr("&Cc:"), m_cc);
    m_fields->addRow(tr("&Bcc:"), m_bcc);
    m_fields->addRow(tr("Rep&ly-To:"), m_replyTo);
    m_fields->addRow(tr("Sub&ject:"), m_subject);

    m_hiddenNote = new QLabel;
    m_hiddenNote->setObjectName(QStringLiteral("hiddenFieldsNote"));
    m_hiddenNote->setWordWrap(true);
    m_hiddenNote->setTextFormat(Qt::RichText);
    m_hiddenNote->setTextInteractionFlags(Qt::LinksAccessibleByMouse |
                                          Qt::LinksAccessibleByKeyboard);
    m_hiddenNote->setFocusPolicy(Qt::TabFocus);
    m_hiddenNote->hide();
    connect(m_hiddenNote, &QLabel::linkActivated, this, [this] {
        setHiddenFields(CarriedHeaders());
        markChanged();
    });

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_result);
    topLayout->addWidget(m_account);
    topLayout->addWidget(fieldsWidget);
    topLayout->addWidget(m_hiddenNote);
    topLayout->addWidget(m_editor, 1);

    m_composeSplitter = new QSplitter(Qt::Vertical);
    m_composeSplitter->addWidget(top);
    m_composeSplitter->addWidget(m_attachments);
    m_composeSplitter->setStretchFactor(0, 4);
    m_composeSplitter->setStretchFactor(1, 1);
    m_composeSplitter->setChildrenCollapsible(false);

    m_transcriptView = new TranscriptView(m_transcript);
    m_wireLink = new WireLink(
        m_transcriptView,
        {m_account->accountSelector(), m_from, m_to, m_cc, m_bcc, m_replyTo, m_subject, m_body},
        this);
    connect(m_transcriptView, &TranscriptView::saved, this,
            [this](const QString &path) { setStatus(tr("Transcript saved to %1").arg(path)); });
    connect(m_transcriptView, &TranscriptView::saveFailed, this, [this](const QString &error) {
        m_result->showMessage(ResultPanel::Kind::Problem, tr("Transcript not saved"), error);
    });

    m_stepBar = new StepBar;
    m_stepBar->setClient(client());
    m_transcriptView->addFooter(m_stepBar);

    m_mainSplitter = new QSplitter(Qt::Horizontal);
    m_mainSplitter->addWidget(m_composeSplitter);
    // The console sits beside the transcript: a session typed by hand, its own transcript.
    m_console = new ConsolePanel(m_accounts, &m_secrets, new DialogPrompter(this), this);
    m_transcriptTabs = new QTabWidget;
    m_transcriptTabs->setObjectName(QStringLiteral("transcriptTabs"));
    m_transcriptTabs->setDocumentMode(true);
    m_transcriptTabs->addTab(m_transcriptView, tr("Transcript"));
    m_transcriptTabs->addTab(m_console, tr("Console"));
    m_mainSplitter->addWidget(m_transcriptTabs);
    m_mainSplitter->setStretchFactor(0, 1);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setChildrenCollapsible(false);
    auto *central = new QWidget;
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(6, 6, 6, 0);
    centralLayout->addWidget(m_mainSplitter);
    setCentralWidget(central);

    m_step = new QLabel;
    m_step->setAccessibleName(tr("Sending step"));
    m_progress = new QProgressBar;
    m_progress->setAccessibleName(tr("Sending progress"));
    m_progress->setRange(0, 1000);
    // How much has gone, readable: "1.2 MB of 3.4 MB (35%)".
    m_progress->setTextVisible(true);
    m_progress->setAlignment(Qt::AlignCenter);
    const qint64 widest = 999 * 1024 * 1024;
    m_progress->setMinimumWidth(
        m_progress->fontMetrics().horizontalAdvance(progressText(widest, widest)) + 24);
    statusBar()->addWidget(m_step, 1);
    // The message's format and spelling language, as mail programs show them; the text keeps
    // the height a row below it would take.
    statusBar()->addPermanentWidget(m_editor->settingsBar());
    statusBar()->addPermanentWidget(m_progress);
    resize(1280, 800);
}

void ComposeWindow::createActions()
{
    m_newAction = new QAction(tr("&New Message"), this);
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, &ComposeWindow::newMessage);
    m_openAction = new QAction(tr("&Open .eml\u2026"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &ComposeWindow::openEmlDialog);
    m_saveDraftAction = new QAction(tr("&Save Draft"), this);
    m_saveDraftAction->setShortcut(QKeySequence::Save);
    m_saveDraftAction->setToolTip(tr("Save the draft now (it is also saved automatically)"));
    m_saveDraftAction->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    connect(m_saveDraftAction, &QAction::triggered, this, [this] {
        if (saveDraft())
            setStatus(tr("Draft saved"));
    });
    m_saveEmlAction = new QAction(tr("Save &As .eml\u2026"), this);
    m_saveEmlAction->setShortcut(QKeySequence(tr("Ctrl+Shift+S")));
    connect(m_saveEmlAction, &QAction::triggered, this, &ComposeWindow::saveEmlDialog);
    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_sendAction = new QAction(tr("&Send"), this);
    m_sendAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_sendAction->setToolTip(tr("Send the message (Ctrl+Return)"));
    m_sendAction->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    connect(m_sendAction, &QAction::triggered, this, &ComposeWindow::send);
    m_cancelAction = new QAction(tr("&Cancel Sending"), this);
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelAction->setToolTip(tr("Stop sending (Esc); the message is kept"));
    m_cancelAction->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    connect(m_cancelAction, &QAction::triggered, this, &ComposeWindow::cancelSend);
    m_editAsNewAction = new QAction(tr("&Edit Last Sent as New"), this);
    m_editAsNewAction->setObjectName(QStringLiteral("editAsNewAction"));
    m_editAsNewAction->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    m_editAsNewAction->setToolTip(tr("Put the last message sent back in the form"));
    m_editAsNewAction->setEnabled(false);
    connect(m_editAsNewAction, &QAction::triggered, this, &ComposeWindow::editLastSentAsNew);
    m_attachAction = new QAction(tr("&Attach Files\u2026"), this);
    m_attachAction->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    m_attachAction->setIcon(style()->standardIcon(QStyle::SP_FileIcon));
    connect(m_attachAction, &QAction::triggered, m_attachments, &AttachmentList::chooseFiles);
    m_ccBccAction = new QAction(tr("Show Cc and &Bcc"), this);
    m_ccBccAction->setCheckable(true);
    m_ccBccAction->setShortcut(QKeySequence(tr("Ctrl+Shift+B")));
    connect(m_ccBccAction, &QAction::toggled, this, &ComposeWindow::setCcBccVisible);
    m_accountsAction = new QAction(tr("A&ccounts\u2026"), this);
    m_accountsAction->setObjectName(QStringLiteral("accountsAction"));
    m_accountsAction->setToolTip(tr("Add, remove and edit accounts"));
    connect(m_accountsAction, &QAction::triggered, this, &ComposeWindow::openAccounts);
    auto *checkServerAction = new QAction(tr("Chec&k Server\u2026"), this);
    checkServerAction->setObjectName(QStringLiteral("checkServerAction"));
    checkServerAction->setToolTip(tr("What the account's server offers, its certificate, and "
                                     "what could be better; sends no mail"));
    connect(checkServerAction, &QAction::triggered, this, &ComposeWindow::checkServer);
    m_dsnAction = new QAction(tr("Ask for Delivery &Notifications"), this);
    m_dsnAction->setObjectName(QStringLiteral("dsnAction"));
    m_dsnAction->setCheckable(true);
    m_dsnAction->setToolTip(tr("The server reports back when the message is delivered or "
                               "fails (DSN, RFC 3461); offered only by servers that said so"));
    connect(m_dsnAction, &QAction::toggled, this, &ComposeWindow::updateDsnAction);
    // Names for tests and accessibility tools that look actions up.
    m_newAction->setObjectName(QStringLiteral("newAction"));
    m_openAction->setObjectName(QStringLiteral("openAction"));
    m_saveDraftAction->setObjectName(QStringLiteral("saveDraftAction"));
    m_saveEmlAction->setObjectName(QStringLiteral("saveEmlAction"));
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_sendAction->setObjectName(QStringLiteral("sendAction"));
    m_cancelAction->setObjectName(QStringLiteral("cancelAction"));
    m_attachAction->setObjectName(QStringLiteral("attachAction"));
    m_ccBccAction->setObjectName(QStringLiteral("ccBccAction"));

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    file->addSeparator();
    file->addAction(m_saveDraftAction);
    file->addAction(m_saveEmlAction);
    file->addSeparator();
    file->addAction(m_accountsAction);
    file->addAction(checkServerAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    QMenu *message = menuBar()->addMenu(tr("&Message"));
    message->addAction(m_sendAction);
    message->addAction(m_cancelAction);
    message->addAction(m_stepBar->toggleAction());
    message->addAction(m_stepBar->keepPipeliningAction());
    message->addAction(m_editAsNewAction);
    createReplyActions(message);
    message->addSeparator();
    message->addAction(m_attachAction);
    message->addAction(m_ccBccAction);
    message->addAction(m_dsnAction);
    QMenu *transcript = menuBar()->addMenu(tr("&Transcript"));
    transcript->addAction(m_transcriptView->findAction());
    transcript->addAction(m_transcriptView->copyAction());
    transcript->addAction(m_transcriptView->saveAction());
    transcript->addAction(m_transcriptView->clearAction());
    QAction *focusTranscript = transcript->addAction(tr("&Go to Transcript"));
    focusTranscript->setShortcut(QKeySequence(tr("Ctrl+T")));
    connect(focusTranscript, &QAction::triggered, this, [this] { m_transcriptView->setFocus(); });
    QAction *focusForm = transcript->addAction(tr("Go to &Message"));
    focusForm->setShortcut(QKeySequence(tr("Ctrl+M")));
    connect(focusForm, &QAction::triggered, this, [this] { m_to->setFocus(); });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *toggleSandbox = m_sandboxDock->toggleViewAction();
    toggleSandbox->setText(tr("&Local Sandbox"));
    toggleSandbox->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    toggleSandbox->setToolTip(tr("Show or hide the built-in server's inbox and settings"));
    toggleSandbox->setObjectName(QStringLiteral("sandboxToggleAction"));
    view->addAction(toggleSandbox);
    m_sandboxInboxAction = view->addAction(tr("Go to Sandbox &Inbox"));
    m_sandboxInboxAction->setShortcut(QKeySequence(tr("Ctrl+I")));
    m_sandboxInboxAction->setObjectName(QStringLiteral("sandboxInboxAction"));
    connect(m_sandboxInboxAction, &QAction::triggered, this, &ComposeWindow::showSandboxInbox);
    QAction *toggleHistory = m_historyDock->toggleViewAction();
    toggleHistory->setText(tr("&History"));
    toggleHistory->setShortcut(QKeySequence(tr("Ctrl+Shift+H")));
    toggleHistory->setObjectName(QStringLiteral("historyToggleAction"));
    connect(toggleHistory, &QAction::triggered, m_historyDock, [this](bool on) {
        if (!on)
            return;
        // A tab beside the sandbox's, brought to the front with room for a transcript.
        m_historyDock->raise();
        if (m_historyDock->height() < height() * 2 / 5)
            resizeDocks({m_historyDock}, {height() * 2 / 5}, Qt::Vertical);
    });
    view->addAction(toggleHistory);
    view->addAction(m_sentDock->toggleViewAction());
    view->addSeparator();
    view->addAction(m_ccBccAction);
    auto *language = new LanguageMenu(this);
    view->addMenu(language);
    connect(language, &LanguageMenu::languageChosen, this,
            [this](const QString &, const QString &note) { statusBar()->showMessage(note); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *learn = help->addAction(tr("&Learn SMTP\u2026"));
    learn->setObjectName(QStringLiteral("learnSmtpAction"));
    learn->setToolTip(tr("Guided lessons: type an SMTP dialogue yourself, against the sandbox"));
    connect(learn, &QAction::triggered, this, &ComposeWindow::showLessons);
    help->addSeparator();
    HelpMenu::addItems(help, this);

    QToolBar *bar = addToolBar(tr("Compose"));
    bar->setObjectName(QStringLiteral("composeToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_sendAction);
    bar->addAction(m_stepBar->toggleAction());
    bar->addAction(m_cancelAction);
    bar->addSeparator();
    bar->addAction(m_attachAction);
    bar->addAction(m_saveDraftAction);
    bar->addSeparator();
    bar->addAction(m_ccBccAction);
}

void ComposeWindow::setCcBccVisible(bool visible)
{
    m_fields->setRowVisible(m_cc, visible);
    m_fields->setRowVisible(m_bcc, visible);
    if (m_ccBccAction->isChecked() != visible)
        m_ccBccAction->setChecked(visible);
}

void ComposeWindow::restoreSettings()
{
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    if (!restoreState(s.value(QStringLiteral("window/state")).toByteArray()))
        resizeDocks({m_sandboxDock}, {dockShare(height())}, Qt::Vertical);
    m_mainSplitter->restoreState(s.value(QStringLiteral("window/mainSplitter")).toByteArray());
    m_composeSplitter->restoreState(
        s.value(QStringLiteral("window/composeSplitter")).toByteArray());
    m_transcriptView->splitter()->restoreState(
        s.value(QStringLiteral("window/transcriptSplitter")).toByteArray());
    // By id: a name can be renamed or, in a file edited by hand, repeated. The name is what
    // earlier versions saved; it is read until the id replaces it.
    const QString lastId = s.value(QStringLiteral("window/lastAccountId")).toString();
    if (!lastId.isEmpty())
        m_account->selectAccountId(lastId);
    else
        m_account->selectAccount(s.value(QStringLiteral("window/lastAccount")).toString());
    setCcBccVisible(s.value(QStringLiteral("compose/showCcBcc"), false).toBool());
}

void ComposeWindow::saveSettings() const
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/mainSplitter"), m_mainSplitter->saveState());
    s.setValue(QStringLiteral("window/composeSplitter"), m_composeSplitter->saveState());
    s.setValue(QStringLiteral("window/transcriptSplitter"),
               m_transcriptView->splitter()->saveState());
    s.setValue(QStringLiteral("window/lastAccountId"), m_account->currentId());
    s.remove(QStringLiteral("window/lastAccount"));
    s.setValue(QStringLiteral("compose/showCcBcc"), m_ccBccAction->isChecked());
    m_account->save();
}

Draft ComposeWindow::draft() const
{
    Draft d;
    d.accountId = m_account->currentId();
    d.account = m_account->currentAccount();
    d.from = m_from->text();
    d.to = m_to->text();
    d.cc = m_cc->text();
    d.bcc = m_bcc->text();
    d.replyTo = m_replyTo->text();
    d.subject = m_subject->text();
    m_editor->writeTo(&d);
    d.showCcBcc = m_ccBccAction->isChecked();
    d.attachments = m_attachments->attachments();
    d.carried = m_carried;
    return d;
}

void ComposeWindow::setDraft(const Draft &d)
{
    m_applying = true;
    // The name only for a draft saved before ids were: with an id, a gone account is not
    // replaced by another that happens to carry its name.
    if (!d.accountId.isEmpty())
        m_account->selectAccountId(d.accountId);
    else if (!d.account.isEmpty())
        m_account->selectAccount(d.account);
    m_from->setText(d.from);
    m_to->setText(d.to);
    m_cc->setText(d.cc);
    m_bcc->setText(d.bcc);
    m_replyTo->setText(d.replyTo);
    m_subject->setText(d.subject);
    m_editor->readFrom(d);
    if (d.body.isEmpty())
        m_editor->setRich(m_account->account().richText);
    setCcBccVisible(d.showCcBcc || !d.cc.isEmpty() || !d.bcc.isEmpty());
    m_attachments->setAttachments(d.attachments);
    setHiddenFields(d.carried);
    m_applying = false;
}

void ComposeWindow::setHiddenFields(const CarriedHeaders &carried)
{
    m_carried = carried;
    if (carried.isEmpty()) {
        m_hiddenNote->hide();
        m_hiddenNote->clear();
        return;
    }
    const QStringList names = carried.names();
    const QStringList details = carried.lines();
    // The form cannot show these, yet they go out: the person should know, and be able to
    // drop them (e.g. when the opened message is reused for something else).
    m_hiddenNote->setText(tr("Also sends: %1 (from the opened message). "
                             "<a href=\"drop\">Do not send them</a>")
                              .arg(names.join(QStringLiteral(", ")).toHtmlEscaped()));
    m_hiddenNote->setToolTip(details.join(QLatin1Char('\n')));
    m_hiddenNote->setAccessibleName(tr("Also sends"));
    m_hiddenNote->setAccessibleDescription(details.join(QLatin1Char('\n')));
    m_hiddenNote->show();
}

void ComposeWindow::restoreDraft()
{
    QString error;
    const std::optional<Draft> d = m_drafts.load(&error);
    if (d) {
        setDraft(*d);
        m_emlFolder = m_drafts.attachmentFolderOf(*d);
        m_dirty = false;
        if (!d->isEmpty())
            setStatus(tr("Draft restored from your last session"));
    } else if (!error.isEmpty()) {
        m_result->showMessage(ResultPanel::Kind::Problem, tr("Draft not restored"), error);
    }
}

void ComposeWindow::setAutosaveInterval(int ms)
{
    m_autosave->setInterval(ms);
}

void ComposeWindow::markChanged()
{
    if (m_applying)
        return;
    // A new message is being written: the last one's "sent" is old news.
    if (m_result->kind() == ResultPanel::Kind::Success)
        m_result->dismiss();
    m_dirty = true;
    m_autosave->start();
}

bool ComposeWindow::saveDraft()
{
    m_autosave->stop();
    const Draft d = draft();
    if (d.isEmpty()) {
        m_drafts.remove();
        m_dirty = false;
        return true;
    }
    QString error;
    if (!m_drafts.save(d, &error)) {
        m_result->showMessage(ResultPanel::Kind::Problem, tr("Draft not saved"), error);
        return false;
    }
    m_dirty = false;
    return true;
}

void ComposeWindow::setStatus(const QString &text)
{
    m_step->setText(text);
}

QString ComposeWindow::statusText() const
{
    return m_step->text();
}

void ComposeWindow::setSending(bool sending)
{
    m_sending = sending;
    // Locked, not read-only: see AddressField::setLocked().
    for (AddressField *f : {m_from, m_to, m_cc, m_bcc, m_replyTo})
        f->setLocked(sending);
    m_subject->setReadOnly(sending);
    m_editor->setReadOnly(sending);
    m_attachments->setReadOnly(sending);
    m_account->setReadOnly(sending);
    m_sendAction->setEnabled(!sending);
    m_cancelAction->setEnabled(sending);
    m_newAction->setEnabled(!sending);
    m_openAction->setEnabled(!sending);
    m_attachAction->setEnabled(!sending);
    m_accountsAction->setEnabled(!sending);
    m_hiddenNote->setEnabled(!sending);
    // Reset while hidden: QProgressBar::setValue() repaints at once, and a repaint at this
    // moment would paint every field the lines above changed (a To field of 5,000 addresses
    // is laid out again) inside the click on Send instead of in the next paint.
    if (sending) {
        m_progress->setValue(0);
        m_progress->setFormat(QString());
    }
    m_progress->setVisible(sending);
}

bool ComposeWindow::refuse(const QString &reason, QWidget *field)
{
    m_result->showMessage(ResultPanel::Kind::Problem, tr("Not sent"), reason);
    setStatus(reason);
    if (field) {
        field->setFocus(Qt::OtherFocusReason);
        if (auto *address = qobject_cast<AddressField *>(field))
            address->selectProblem();
    }
    return false;
}

QWidget *ComposeWindow::fieldNamed(const QString &problem) const
{
    const QList<QPair<QString, QWidget *>> prefixes = {
        {QStringLiteral("From"), m_from},
        {QStringLiteral("Sender"), m_from},
        {QStringLiteral("Reply-To"), m_replyTo},
        {QStringLiteral("To"), m_to},
        {QStringLiteral("Cc"), m_cc},
        {QStringLiteral("Bcc"), m_bcc},
        {QStringLiteral("Subject"), m_subject},
        {QStringLiteral("Attachment"), static_cast<QWidget *>(m_attachments->tree())},
    };
    for (const auto &p : prefixes) {
        if (problem.startsWith(p.first + QLatin1Char(':')) ||
            problem.startsWith(p.first + QLatin1Char(' ')))
            return p.second;
    }
    return m_body;
}

bool ComposeWindow::buildMessage(Message *message, bool forSending)
{
    for (AddressField *f : {m_from, m_to, m_cc, m_bcc, m_replyTo}) {
        if (!f->validateNow()) {
            if (f == m_cc || f == m_bcc)
                setCcBccVisible(true);
            return refuse(f->problem(), f);
        }
    }
    const QList<Mailbox> from = m_from->mailboxes();
    if (forSending && from.isEmpty())
        return refuse(tr("From: give your own address, e.g. Ana Lima <ana@example.org>"), m_from);
    if (forSending && m_to->mailboxes().isEmpty() && m_cc->mailboxes().isEmpty() &&
        m_bcc->mailboxes().isEmpty())
        return refuse(tr("To: give at least one recipient (To, Cc or Bcc)"), m_to);
    const QString missing = m_attachments->problem();
    if (!missing.isEmpty())
        return refuse(missing, m_attachments->tree());

    // The plain alternative straight from the editor's blocks: lists, quotes and links as
    // the rich text has them.
    *message =
        draft().toMessage([this](const QString &) { return m_editor->plainText(); },
                          [this](const QString &text) {
                              // Each field keeps the parse of its text (validateNow() above made
                              // it).
                              for (AddressField *f : {m_from, m_to, m_cc, m_bcc, m_replyTo}) {
                                  if (f->text() == text)
                                      return f->mailboxes();
                              }
                              return Draft::addressesIn(text);
                          });
    if (m_dsnAction->isChecked())
        message->dsn.notify = DsnOptions::Success | DsnOptions::Failure;
    if (forSending) {
        const QString why = message->validate();
        if (!why.isEmpty())
            return refuse(why, fieldNamed(why));
    }
    return true;
}

void ComposeWindow::send()
{
    if (m_sending || m_sendAgainQuestion || m_serverWarning)
        return;
    if (m_lastSent && draft() == *m_lastSent) {
        // Ctrl+Return pressed once more on what already went out: a duplicate the recipients
        // would get without a word, unless the person means it.
        auto *box = new QMessageBox(QMessageBox::Question, tr("Send Again"),
                                    tr("This message has already been sent. Send it again?"),
                                    QMessageBox::NoButton, this);
        box->setObjectName(QStringLiteral("sendAgainQuestion"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        QPushButton *again = box->addButton(tr("Send &Again"), QMessageBox::AcceptRole);
        box->addButton(QMessageBox::Cancel);
        box->setDefaultButton(QMessageBox::Cancel);
        m_sendAgainQuestion = box;
        connect(box, &QMessageBox::finished, this, [this, box, again] {
            if (box->clickedButton() != again)
                return;
            m_lastSent.reset();
            send();
        });
        box->open();
        return;
    }
    m_result->dismiss();
    QWidget *field = nullptr;
    const QString accountProblem = m_account->problem(&field);
    if (!accountProblem.isEmpty()) {
        m_account->showDetails();
        refuse(accountProblem, field);
        return;
    }
    Message message;
    if (!buildMessage(&message, true))
        return;
    const Account account = m_account->account();
    QString problem;
    if (const auto start = m_submission->check(account, message, &problem);
        start != Submission::Start::Started) {
        refuseStart(start, account, problem);
        return;
    }
    if (askAboutServer(account, message))
        return;
    const bool toSandbox = m_sandbox->isSandboxAccount(account.id);
    if (toSandbox && m_sandbox->status() == MainWindowSandbox::Status::Starting) {
        // Pressed in the first moments of a first run, while the certificate is being made:
        // the send goes out as soon as the server listens.
        m_sendWhenSandboxReady = true;
        setStatus(tr("Waiting for the local sandbox to start\u2026"));
        return;
    }
    if (toSandbox && m_sandbox->status() == MainWindowSandbox::Status::Failed) {
        refuse(tr("Account \"%1\": the local sandbox did not start: %2")
                   .arg(m_account->currentAccount(), m_sandbox->problem()),
               m_account->accountSelector());
        return;
    }
    saveDraft();
    // Remembering the addresses (5,000 of them, for a large send) and writing the settings come
    // in turns of the event loop of their own, after the send has started: each is a write of
    // the settings file, and together with the start they stalled the window.
    QTimer::singleShot(
        0, this,
        [this, addresses = message.to + message.cc + message.bcc + message.replyTo +
                           QList<Mailbox>{message.from}] { m_history->remember(addresses); });
    QTimer::singleShot(0, this, &ComposeWindow::saveSettings);
    if (account.kind == Account::Kind::DirectMx) {
        // Each recipient domain gets its own transcript section from DirectSend.
        if (const QString why = m_direct->start(account, message); !why.isEmpty()) {
            refuse(tr("Account \"%1\": %2").arg(account.name, why), m_account->manageButton());
            return;
        }
        m_sendingDraft = draft();
        setSending(true);
        setStatus(tr("Looking up the recipients' mail servers (MX)\u2026"));
        return;
    }
    m_transcript->beginSection(m_account->serverLabel(), m_account->currentAccount());
    if (account.usesOAuth())
        sendWithOAuth(account, message);
    else
        startSubmission(account, message);
}

void ComposeWindow::startSubmission(const Account &account, const Message &message)
{
    m_submission->setStepMode(m_stepBar->toggleAction()->isChecked(),
                              m_stepBar->keepPipeliningAction()->isChecked());
    m_sendRecorder->setEnvelope(message.envelope(), message.subject);
    QString problem;
    if (const auto start = m_submission->send(account, message, &problem);
        start != Submission::Start::Started) {
        setSending(false);
        refuseStart(start, account, problem);
        return;
    }
    m_sendingDraft = draft();
    setSending(true);
    setStatus(tr("Connecting to %1\u2026").arg(account.serverLabel()));
}

void ComposeWindow::refuseStart(Submission::Start start, const Account &account,
                                const QString &problem)
{
    if (start == Submission::Start::BadEnvelope)
        refuse(problem, m_to);
    else
        refuse(tr("Account \"%1\": %2").arg(account.name, problem), m_account->manageButton());
}

void ComposeWindow::cancelSend()
{
    if (!m_sending)
        return;
    setStatus(tr("Cancelling\u2026"));
    if (m_direct->isBusy())
        m_direct->cancel();
    else if (m_oauthMessage)
        m_oauth->cancel();
    else
        m_submission->cancel();
}

void ComposeWindow::onStateChanged(SmtpClient::State state)
{
    m_state = state;
    using S = SmtpClient::State;
    QString text;
    switch (state) {
    case S::Idle:
    case S::Finished:
        return;
    case S::Connecting:
        text = tr("Connecting to %1\u2026").arg(m_account->serverLabel());
        break;
    case S::Greeting:
        text = tr("Waiting for the server's greeting\u2026");
        break;
    case S::Ehlo:
    case S::Helo:
        text = tr("Introducing ourselves (EHLO)\u2026");
        break;
    case S::StartTls:
    case S::TlsHandshake:
        text = tr("Starting TLS\u2026");
        break;
    case S::CertificateReview:
        text = tr("Waiting for your decision on the server's certificate\u2026");
        break;
    case S::Authenticating:
        text = tr("Authenticating\u2026");
        break;
    case S::AwaitingCredentials:
        text = tr("Waiting for the password\u2026");
        break;
    case S::MailFrom:
        text = tr("Giving the sender (MAIL FROM)\u2026");
        break;
    case S::RcptTo:
        text = tr("Giving the recipients (RCPT TO)\u2026");
        break;
    case S::Data:
        text = tr("Starting the message (DATA)\u2026");
        break;
    case S::Content:
        text = tr("Sending the message\u2026");
        break;
    case S::EndOfData:
        text = tr("Waiting for the server to accept the message\u2026");
        break;
    case S::Reset:
        text = tr("Resetting the transaction (RSET)\u2026");
        break;
    case S::Quit:
        text = tr("Closing the connection (QUIT)\u2026");
        break;
    }
    if (m_sending)
        setStatus(text);
}

QString ComposeWindow::progressText(qint64 sent, qint64 total)
{
    const qint64 percent = total > 0 ? qMin<qint64>(100, sent * 100 / total) : 0;
    return tr("%1 of %2 (%3%)")
        .arg(SmtpExplain::formatSize(sent), SmtpExplain::formatSize(total))
        .arg(percent);
}

void ComposeWindow::onProgress(qint64 sent, qint64 total)
{
    const int permille = total > 0 ? int(qMin<qint64>(1000, sent * 1000 / total)) : 0;
    m_progress->setValue(permille);
    m_progress->setFormat(progressText(sent, total));
    if (m_sending && m_state == SmtpClient::State::Content)
        setStatus(tr("Sending %1 of %2")
                      .arg(SmtpExplain::formatSize(sent), SmtpExplain::formatSize(total)));
}

void ComposeWindow::onFinished(const SendResult &result)
{
    setSending(false);
    m_result->showResult(result);
    if (result.delivered() && m_sandbox->isSandboxAccount(m_submission->account().id) &&
        m_sandbox->store()->contains(result.queueId)) {
        // The other side of the dialogue: the message as the sandbox stored it.
        m_sandboxDock->show();
        m_sandboxPanel->showMessage(result.queueId);
    }
    setStatus(result.delivered() ? m_result->title() : result.message);
    const bool sent = result.outcome == SendResult::Outcome::Success;
    std::function<void()> keep;
    if (result.delivered()) {
        m_lastSent = m_sendingDraft;
        m_editAsNewAction->setEnabled(true);
        // Kept on the next turn: with the attempt saved to the history in this one, a send to
        // 5,000 recipients held the window for longer than a frame at its end.
        keep = [this, partial = result.outcome == SendResult::Outcome::PartialSuccess,
                title = m_result->title(), eml = m_submission->sentMessage(),
                draft = m_sendingDraft,
                attemptId = m_lastAttemptId] { keepSent(partial, title, eml, draft, attemptId); };
    }
    if (sent) {
        // Sent: the form moves on to a fresh message, as mail programs do; the sent one comes
        // back with Edit as New. The banner stays until the next message is being written.
        m_autosave->stop();
        m_drafts.remove();
        m_result->showMessage(
            m_result->kind(), m_result->title(),
            m_result->text() + QLatin1Char('\n') +
                tr("The form is ready for a new message; Message \u25b8 Edit Last Sent as New "
                   "brings this one back."));
        clearForm();
        m_dirty = false;
    }
    // On the next turn, once the submission has let go of the files the message was read
    // from (some systems do not remove open files).
    QTimer::singleShot(0, this, [this, sent, keep, result] {
        if (keep)
            keep();
        if (!m_sending && sent)
            discardEmlFolder();
        Q_EMIT sendFinished(result);
    });
}

void ComposeWindow::applyIdentity()
{
    const Account a = m_account->account();
    const QString identity =
        a.address.trimmed().isEmpty() ? QString() : Mailbox{a.displayName, a.address}.toString();
    const QString typed = m_from->text().trimmed();
    if (typed.isEmpty() || typed == m_lastIdentity) {
        const bool applying = std::exchange(m_applying, true);
        m_from->setText(identity);
        m_applying = applying;
    }
    // Another account (or its address changed) while a hand-typed sender stays: said, never
    // silently, since the server may refuse a sender the account does not own.
    if (identity != m_lastIdentity) {
        const bool mismatch = !fromMatchesAccount();
        if (mismatch)
            m_fromNote->setText(
                tr("This sender is not the address of the account \"%1\" (%2). "
                   "<a href=\"use\">Use the account's address</a>")
                    .arg(a.name.toHtmlEscaped(), a.address.trimmed().toHtmlEscaped()));
        m_fromNote->setVisible(mismatch);
    }
    m_lastIdentity = identity;
}

bool ComposeWindow::fromMatchesAccount() const
{
    const QString address = m_account->account().address.trimmed();
    const QString typed = Mailbox::parse(m_from->text()).mailbox.address;
    if (address.isEmpty() || typed.isEmpty())
        return true;
    const QList<Mailbox> identities = m_account->account().fromIdentities();
    return std::any_of(identities.begin(), identities.end(), [&typed](const Mailbox &m) {
        return typed.compare(m.address, Qt::CaseInsensitive) == 0;
    });
}

void ComposeWindow::openAccounts()
{
    auto *dialog = new AccountDialog(m_accounts, m_credentials, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // One session: a password typed for a send is not asked again by Test connection, nor
    // the other way round.
    dialog->setSessionSecrets(&m_secrets);
    m_historyPanel->follow(dialog->submission(), Attempt::Kind::TestConnection);
    connect(dialog, &AccountDialog::serverCheckStarting, this, &ComposeWindow::recordCheck);
    dialog->selectAccount(m_account->currentId());
    dialog->open();
}

void ComposeWindow::recordCheck(ServerCheck *check, const SmtpSettings &settings,
                                const QString &account)
{
    AttemptRecorder *recorder = m_historyPanel->follow(check, Attempt::Kind::ServerCheck);
    recorder->setSettingsSource([settings] { return settings; });
    recorder->setAccountSource([account] { return account; });
}

void ComposeWindow::checkServer()
{
    const Account account = m_account->account();
    QWidget *field = nullptr;
    if (const QString problem = m_account->problem(&field); !problem.isEmpty()) {
        m_account->showDetails();
        refuse(problem, field);
        return;
    }
    QString caProblem;
    const SmtpSettings settings = account.toSmtpSettings(QString(), &caProblem);
    if (!caProblem.isEmpty()) {
        refuse(caProblem, m_account->manageButton());
        return;
    }
    auto *dialog = ServerCheckDialog::open(
        this, settings, tr("%1 (%2)").arg(account.name, account.serverLabel()),
        [this, settings, name = account.name](ServerCheck *check) {
            recordCheck(check, settings, name);
        });
    connect(dialog, &ServerCheckDialog::finished, m_knowledge,
            [knowledge = m_knowledge, id = account.id,
             server = account.serverLabel()](const ServerReport &report) {
                if (report.ehloAnswered)
                    knowledge->learn(
                        id, ServerKnowledge::from(report.effective(), server, report.tlsActive));
            });
}

// Says before sending what the account's server said it would refuse; true while the person
// decides (Send Anyway sends, with the question not asked again for this send).
bool ComposeWindow::askAboutServer(const Account &account, const Message &message)
{
    if (std::exchange(m_serverWarningAccepted, false))
        return false;
    MimeMessageSource source(message);
    const ServerKnowledge knowledge = m_knowledge->knowledge(account);
    const QStringList warnings =
        m_editor->imagesTooLarge(knowledge.isValid() ? knowledge.capabilities().sizeLimit() : 0) +
        knowledge.preflight(source, message.dsn);
    if (warnings.isEmpty())
        return false;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("The Server Would Refuse This"),
                                tr("What %1 said about itself:").arg(account.serverLabel()),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("serverWarning"));
    box->setInformativeText(warnings.join(QStringLiteral("\n\n")));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *anyway = box->addButton(tr("Send &Anyway"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    m_serverWarning = box;
    connect(box, &QMessageBox::finished, this, [this, box, anyway] {
        if (box->clickedButton() != anyway)
            return;
        m_serverWarningAccepted = true;
        QMetaObject::invokeMethod(this, &ComposeWindow::send, Qt::QueuedConnection);
    });
    box->open();
    return true;
}

void ComposeWindow::updateDsnAction()
{
    if (!m_dsnAction || !m_account)
        return;
    const ServerKnowledge known = m_knowledge->knowledge(m_account->account());
    m_dsnAction->setVisible(m_dsnAction->isChecked() ||
                            (known.isValid() && known.capabilities().dsn()));
}

void ComposeWindow::createSandboxDock()
{
    m_sandboxPanel = new SandboxPanel(m_sandbox->server(), m_sandbox->store());
    m_sandboxDock = new QDockWidget(tr("Local sandbox"), this);
    m_sandboxDock->setObjectName(QStringLiteral("sandboxDock"));
    m_sandboxDock->setAccessibleName(tr("Local sandbox"));
    m_sandboxDock->setWidget(m_sandboxPanel);
    // The panel's own minimum (a list over a message view) would make the window taller than
    // a laptop screen together with the compose form; the dock may be made low instead.
    m_sandboxPanel->setMinimumHeight(140);
    // Below compose and transcript, so both sides of the dialogue are in view at once.
    addDockWidget(Qt::BottomDockWidgetArea, m_sandboxDock);
    // The inbox stacks its list over the message; in a wide, low dock they go side by side.
    auto orient = [this](Qt::DockWidgetArea area) {
        const bool wide = area == Qt::TopDockWidgetArea || area == Qt::BottomDockWidgetArea;
        m_sandboxPanel->inbox()->setOrientation(wide ? Qt::Horizontal : Qt::Vertical);
    };
    orient(Qt::BottomDockWidgetArea);
    connect(m_sandboxDock, &QDockWidget::dockLocationChanged, this, orient);
}

void ComposeWindow::showSandboxInbox()
{
    m_sandboxDock->show();
    m_sandboxDock->raise();
    m_sandboxPanel->inbox()->focusList();
}

void ComposeWindow::newMessage()
{
    replaceForm(tr("New Message"), [this] {
        clearForm();
        m_result->dismiss();
        saveDraft();
        discardEmlFolder();
    });
}

void ComposeWindow::clearForm()
{
    Draft empty;
    empty.accountId = m_account->currentId();
    empty.from = m_from->text(); // the sender usually stays the same
    empty.showCcBcc = m_ccBccAction->isChecked();
    setDraft(empty);
    applySignature();
    m_to->setFocus();
}

void ComposeWindow::editLastSentAsNew()
{
    if (!m_lastSent)
        return;
    replaceForm(tr("Edit as New"), [this] {
        Draft d = *m_lastSent;
        // The opened .eml's extracted files went after the send; what is still on disk stays.
        d.attachments.removeIf([](const Attachment &a) { return !QFileInfo::exists(a.path); });
        setDraft(d);
        markChanged();
        m_subject->setFocus();
    });
}

void ComposeWindow::replaceForm(const QString &title, const std::function<void()> &replace)
{
    if (m_sending)
        return;
    Draft typed = draft();
    typed.body = withoutSignature(typed.body); // the account put it there, not the person
    if (typed.isEmpty()) {
        replace();
        return;
    }
    auto *box =
        new QMessageBox(QMessageBox::Question, title, tr("Discard the message you are writing?"),
                        QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("discardQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, replace] {
        // The answer may come after a send started from the form behind the box.
        if (box->clickedButton() == box->button(QMessageBox::Discard) && !m_sending)
            replace();
    });
    box->open();
}

bool ComposeWindow::openEml(const QString &path, QString *error)
{
    const QString folder = m_drafts.attachmentFolder();
    const std::optional<Message> message = EmlParser::parseFile(path, folder, error);
    if (!message) {
        m_drafts.removeAttachmentFolder(folder);
        return false;
    }
    Draft d = Draft::fromMessage(*message);
    d.accountId = m_account->currentId();
    setDraft(d);
    m_openedEml = QFileInfo(path).absoluteFilePath();
    markChanged();
    // Saved at once: the draft on disk must stop pointing at the folder about to go.
    saveDraft();
    discardEmlFolder();
    if (message->attachments.isEmpty())
        m_drafts.removeAttachmentFolder(folder);
    else
        m_emlFolder = folder;
    return true;
}

void ComposeWindow::discardEmlFolder()
{
    const QString folder = std::exchange(m_emlFolder, QString());
    if (folder.isEmpty())
        return;
    const QString prefix = QDir::cleanPath(folder) + QLatin1Char('/');
    QList<Attachment> kept;
    const QList<Attachment> listed = m_attachments->attachments();
    for (const Attachment &a : listed) {
        if (!QDir::cleanPath(a.path).startsWith(prefix))
            kept.append(a);
    }
    if (kept.size() != listed.size()) {
        const bool applying = std::exchange(m_applying, true);
        m_attachments->setAttachments(kept);
        m_applying = applying;
    }
    m_drafts.removeAttachmentFolder(folder);
}

void ComposeWindow::openEmlDialog()
{
    auto *dialog = new QFileDialog(this, tr("Open Message"), QString(),
                                   tr("Mail messages (*.eml);;All files (*)"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        replaceForm(tr("Open Message"), [this, path] {
            QString error;
            if (openEml(path, &error))
                setStatus(tr("Opened %1").arg(QFileInfo(path).fileName()));
            else
                m_result->showMessage(ResultPanel::Kind::Problem, tr("Cannot open the message"),
                                      error);
        });
    });
    dialog->open();
}

bool ComposeWindow::saveEml(const QString &path)
{
    Message message;
    if (!buildMessage(&message, false))
        return false;
    if (!m_emlWriter) {
        m_emlWriter = new EmlWriter(this);
        connect(m_emlWriter, &EmlWriter::progress, this, [this](qint64 done, qint64 total) {
            setStatus(tr("Saving %1 of %2")
                          .arg(SmtpExplain::formatSize(done), SmtpExplain::formatSize(total)));
        });
        connect(m_emlWriter, &EmlWriter::finished, this,
                [this](const QString &saved, const QString &error) {
                    if (error.isEmpty())
                        setStatus(tr("Saved %1").arg(saved));
                    else
                        m_result->showMessage(ResultPanel::Kind::Problem, tr("Message not saved"),
                                              error);
                    Q_EMIT emlSaved(saved, error);
                });
    }
    if (!m_emlWriter->start(message, path)) {
        setStatus(tr("A save is already running"));
        return false;
    }
    return true;
}

void ComposeWindow::saveEmlDialog()
{
    Message message;
    // Checked before asking for a file name, so a bad field is named at once.
    if (!buildMessage(&message, false))
        return;
    auto *dialog =
        new QFileDialog(this, tr("Save Message As"), QString(), tr("Mail messages (*.eml)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("eml"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString &path) { saveEml(path); });
    dialog->open();
}

void ComposeWindow::openMailto(const QUrl &url)
{
    if (url.scheme().compare(QLatin1String("mailto"), Qt::CaseInsensitive) != 0)
        return;
    replaceForm(tr("Open Link"), [this, url] {
        // A fresh message from the link: nothing of the form before it mixes in.
        Draft d;
        d.accountId = m_account->currentId();
        d.from = m_from->text();
        d.showCcBcc = m_ccBccAction->isChecked();
        d.applyMailto(url);
        setDraft(d);
        markChanged();
        saveDraft(); // no longer pointing at the opened .eml's attachments, which go
        discardEmlFolder();
        (d.subject.isEmpty() ? static_cast<QWidget *>(m_subject) : m_body)->setFocus();
    });
}

int ComposeWindow::dockShare(int windowHeight)
{
    // The message text is what a composer is for: the sandbox takes a quarter at most.
    return qBound(140, windowHeight / 4, 300);
}

void ComposeWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    // A lower window takes its height from the sandbox first, not from the message text.
    const bool lower =
        event->oldSize().isValid() && event->size().height() < event->oldSize().height();
    const Qt::DockWidgetArea area = dockWidgetArea(m_sandboxDock);
    if (lower && m_sandboxDock->isVisible() && !m_sandboxDock->isFloating() &&
        (area == Qt::BottomDockWidgetArea || area == Qt::TopDockWidgetArea)) {
        const int share = dockShare(event->size().height());
        if (m_sandboxDock->height() > share)
            resizeDocks({m_sandboxDock}, {share}, Qt::Vertical);
    }
}

void ComposeWindow::closeEvent(QCloseEvent *event)
{
    if (m_sending && !m_closeConfirmed) {
        event->ignore();
        auto *box = new QMessageBox(QMessageBox::Question, tr("Sending"),
                                    tr("The message is still being sent. Stop sending and "
                                       "close? Your message is kept as a draft."),
                                    QMessageBox::NoButton, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        QPushButton *stop = box->addButton(tr("&Stop and Close"), QMessageBox::DestructiveRole);
        QPushButton *keep = box->addButton(tr("&Keep Sending"), QMessageBox::RejectRole);
        box->setDefaultButton(keep);
        box->setObjectName(QStringLiteral("closeWhileSending"));
        connect(box, &QMessageBox::finished, this, [this, box, stop] {
            if (box->clickedButton() != stop)
                return;
            m_closeConfirmed = true;
            m_submission->cancel();
            close();
        });
        // Whatever the answer, the draft is already safe.
        saveDraft();
        box->open();
        return;
    }
    if (m_dirty || m_autosave->isActive())
        saveDraft();
    saveSettings();
    event->accept();
}

void ComposeWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!m_sending && hasLocalFiles(event->mimeData()))
        event->acceptProposedAction();
}

void ComposeWindow::dropEvent(QDropEvent *event)
{
    if (m_sending || !hasLocalFiles(event->mimeData()))
        return;
    m_attachments->addFiles(localFiles(event->mimeData()));
    event->acceptProposedAction();
}

bool ComposeWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Files dropped on the text become attachments, as in every mail program.
    if (watched == m_body->viewport() &&
        (event->type() == QEvent::DragEnter || event->type() == QEvent::Drop)) {
        auto *drop = static_cast<QDropEvent *>(event);
        // Images go into a rich text (RichTextEdit takes them inline); other files attach.
        if (hasLocalFiles(drop->mimeData()) && !m_body->takesImages(drop->mimeData())) {
            if (event->type() == QEvent::Drop && !m_sending)
                m_attachments->addFiles(localFiles(drop->mimeData()));
            if (!m_sending)
                drop->acceptProposedAction();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void ComposeWindow::showLessons()
{
    // Its own window, so the form stays as it is; closing it ends the lesson and gives the
    // sandbox its settings back.
    if (!m_lessonWindow) {
        m_lessonWindow = new LessonWindow(m_sandbox, this);
        m_lessonWindow->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_lessonWindow->show();
    m_lessonWindow->raise();
    m_lessonWindow->activateWindow();
}
