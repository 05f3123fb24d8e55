#include "lessonwindow.h"

#include "console/consolesession.h"
#include "inboxpanel.h"
#include "lessonconversation.h"
#include "mainwindowsandbox.h"
#include "sandbox/mailstore.h"
#include "sandbox/sandboxserver.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QCryptographicHash>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>

LessonWindow::LessonWindow(MainWindowSandbox *sandbox, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_sandbox(sandbox)
    , m_runner(new LessonRunner(this))
{
    setObjectName(QStringLiteral("lessonWindow"));
    setWindowTitle(tr("Learn SMTP \u2014 Postwire"));
    m_book.load();
    buildUi();

    connect(m_runner, &LessonRunner::connectionWanted, this, &LessonWindow::onConnectionWanted);
    connect(m_runner, &LessonRunner::stepChanged, this, &LessonWindow::onStepChanged);
    connect(m_runner, &LessonRunner::finished, this, &LessonWindow::onFinished);
    connect(m_runner, &LessonRunner::note, this, [this](const LessonNote &note) {
        m_conversation->addNote(note);
        if (note.kind == LessonNote::Kind::Unexpected &&
            m_runner->state() == LessonRunner::State::Connecting) {
            showCheck(note.text, QString(), false);
            m_reconnect->show();
        }
    });
    connect(m_sandbox, &MainWindowSandbox::started, this, [this] {
        if (m_wantedBehaviour)
            onConnectionWanted(*std::exchange(m_wantedBehaviour, std::nullopt));
    });
    connect(m_sandbox, &MainWindowSandbox::failed, this, [this](const QString &error) {
        if (!m_wantedBehaviour)
            return;
        m_wantedBehaviour.reset();
        showCheck(tr("The sandbox could not start: %1").arg(error), QString(), false);
        m_reconnect->show();
    });

    if (!m_book.lessons().isEmpty())
        startLesson(0);
}

LessonWindow::~LessonWindow()
{
    endSession();
    restoreBehaviour();
}

void LessonWindow::buildUi()
{
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    m_lessons = new QComboBox;
    m_lessons->setObjectName(QStringLiteral("lessonChooser"));
    for (const Lesson &lesson : m_book.lessons())
        m_lessons->addItem(lesson.title);
    auto *lessonLabel = new QLabel(tr("&Lesson:"));
    lessonLabel->setBuddy(m_lessons);
    m_restart = new QPushButton(tr("&Restart Lesson"));
    m_next = new QPushButton(tr("&Next Lesson"));
    m_next->setObjectName(QStringLiteral("nextLesson"));
    m_next->setEnabled(false);
    auto *top = new QHBoxLayout;
    top->addWidget(lessonLabel);
    top->addWidget(m_lessons, 1);
    top->addWidget(m_restart);
    top->addWidget(m_next);

    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_problems = new QLabel;
    m_problems->setObjectName(QStringLiteral("lessonProblems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problems->setVisible(!m_book.errors().isEmpty());
    m_problems->setText(m_book.errors().join(QLatin1Char('\n')));

    auto *card = new QFrame;
    card->setObjectName(QStringLiteral("stepCard"));
    card->setFrameShape(QFrame::StyledPanel);
    card->setBackgroundRole(QPalette::AlternateBase);
    card->setAutoFillBackground(true);
    m_progress = new QLabel;
    m_progress->setObjectName(QStringLiteral("stepProgress"));
    m_progress->setForegroundRole(QPalette::PlaceholderText);
    m_stepTitle = new QLabel;
    m_stepTitle->setObjectName(QStringLiteral("stepTitle"));
    QFont titleFont = m_stepTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_stepTitle->setFont(titleFont);
    m_instruction = new QLabel;
    m_instruction->setObjectName(QStringLiteral("stepInstruction"));
    m_instruction->setWordWrap(true);
    m_instruction->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_example = new QLabel;
    m_example->setObjectName(QStringLiteral("stepExample"));
    m_example->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *cardLayout = new QVBoxLayout(card);
    auto *heading = new QHBoxLayout;
    heading->addWidget(m_stepTitle, 1);
    heading->addWidget(m_progress);
    cardLayout->addLayout(heading);
    cardLayout->addWidget(m_instruction);
    cardLayout->addWidget(m_example);

    m_conversation = new LessonConversation;
    m_inbox = new InboxPanel(m_sandbox->store());
    m_inbox->setObjectName(QStringLiteral("lessonInbox"));
    m_inbox->setOrientation(Qt::Horizontal);
    m_inbox->hide();
    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_conversation);
    m_splitter->addWidget(m_inbox);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    m_input = new QLineEdit;
    m_input->setObjectName(QStringLiteral("lessonInput"));
    m_input->setFont(fixed);
    m_input->setAccessibleName(tr("Your line"));
    m_input->setPlaceholderText(tr("Type the line and press Enter"));
    m_input->installEventFilter(this);
    auto *inputLabel = new QLabel(tr("&Your line:"));
    inputLabel->setBuddy(m_input);
    m_send = new QPushButton(tr("&Send"));
    auto *line = new QHBoxLayout;
    line->addWidget(inputLabel);
    line->addWidget(m_input, 1);
    line->addWidget(m_send);

    m_check = new QFrame;
    m_check->setObjectName(QStringLiteral("lessonCheck"));
    m_check->setFrameShape(QFrame::StyledPanel);
    m_check->setStyleSheet(QStringLiteral(
        "#lessonCheck { background: #fff4e0; border: 1px solid #e0b060; border-radius: 3px; }"));
    m_checkText = new QLabel;
    m_checkText->setObjectName(QStringLiteral("lessonCheckText"));
    m_checkText->setWordWrap(true);
    m_checkText->setTextFormat(Qt::PlainText);
    m_sendAnyway = new QPushButton(tr("Send &Anyway"));
    m_sendAnyway->setObjectName(QStringLiteral("sendAnyway"));
    m_sendAnyway->setToolTip(
        tr("Send the line as typed and see what the server says (Ctrl+Enter)"));
    m_reconnect = new QPushButton(tr("Re&connect"));
    auto *checkLayout = new QHBoxLayout(m_check);
    checkLayout->addWidget(m_checkText, 1);
    checkLayout->addWidget(m_sendAnyway, 0, Qt::AlignTop);
    checkLayout->addWidget(m_reconnect, 0, Qt::AlignTop);
    m_check->hide();

    auto *note = new QLabel(tr("The lessons talk to the built-in sandbox. While this window is "
                               "open the sandbox behaves as each lesson needs; its own settings "
                               "come back when you close it. Your message form is not touched."));
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_problems);
    layout->addWidget(card);
    layout->addWidget(m_splitter, 1);
    layout->addLayout(line);
    layout->addWidget(m_check);
    layout->addWidget(note);
    resize(900, 680);

    // Choosing with the arrow keys starts each lesson it passes; the focus stays in the list.
    connect(m_lessons, &QComboBox::activated, this, [this](int index) {
        startLesson(index);
        m_lessons->setFocus();
    });
    connect(m_restart, &QPushButton::clicked, this, [this] { startLesson(m_lessonIndex); });
    connect(m_next, &QPushButton::clicked, this, [this] { startLesson(m_lessonIndex + 1); });
    connect(m_input, &QLineEdit::returnPressed, this, &LessonWindow::submit);
    connect(m_input, &QLineEdit::textEdited, this, [this] {
        if (!m_reconnect->isVisible())
            hideCheck();
    });
    connect(m_send, &QPushButton::clicked, this, &LessonWindow::submit);
    connect(m_sendAnyway, &QPushButton::clicked, this, &LessonWindow::sendAnyway);
    connect(m_reconnect, &QPushButton::clicked, this, [this] {
        hideCheck();
        m_runner->reconnect();
    });
    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *anyway = new QShortcut(keys, m_input, nullptr, nullptr, Qt::WidgetShortcut);
        connect(anyway, &QShortcut::activated, this, &LessonWindow::sendAnyway);
    }
}

void LessonWindow::startLesson(int index)
{
    if (index < 0 || index >= m_book.lessons().size())
        return;
    m_lessonIndex = index;
    m_lessons->setCurrentIndex(index);
    const Lesson &lesson = m_book.lessons().at(index);
    m_summary->setText(lesson.summary);
    m_next->setEnabled(false);
    m_inbox->hide();
    m_conversation->clear();
    hideCheck();
    endSession();
    updateVariables();
    m_runner->start(lesson);
    m_input->setFocus();
}

void LessonWindow::updateVariables()
{
    const SandboxCredentials credentials = m_sandbox->server()->credentials();
    m_runner->setVariables({{QStringLiteral("user"), credentials.user},
                            {QStringLiteral("password"), credentials.password},
                            {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                            {QStringLiteral("port"), QString::number(m_sandbox->port())}});
}

void LessonWindow::onConnectionWanted(const SandboxBehaviour &behaviour)
{
    endSession();
    if (m_sandbox->status() != MainWindowSandbox::Status::Running) {
        // The sandbox may still be starting (first run makes a certificate) or may have
        // failed before: the step connects once it runs.
        m_wantedBehaviour = behaviour;
        if (m_sandbox->status() != MainWindowSandbox::Status::Starting)
            m_sandbox->start();
        TranscriptEntry starting;
        starting.text = tr("starting the sandbox\u2026");
        m_conversation->addEntry(starting);
        return;
    }
    SandboxServer *server = m_sandbox->server();
    if (!m_savedBehaviour)
        m_savedBehaviour = server->behaviour();
    if (!server->setBehaviour(behaviour)) {
        showCheck(tr("The lesson's sandbox behaviour cannot be used: %1").arg(behaviour.validate()),
                  QString(), false);
        return;
    }
    updateVariables();
    openSession();
}

void LessonWindow::openSession()
{
    SandboxServer *server = m_sandbox->server();
    ConsoleSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = m_sandbox->port();
    settings.security = SmtpSettings::Security::None; // STARTTLS is what the person types
    settings.credentials = {server->credentials().user, server->credentials().password, {}};
    // The sandbox's own certificate, trusted as the sandbox account trusts it.
    if (!server->certificate().isNull())
        settings.pinnedFingerprints
            << server->certificate().digest(QCryptographicHash::Sha256).toHex();

    m_session = new ConsoleSession(this);
    ConsoleSession *session = m_session;
    connect(session, &ConsoleSession::transcriptEntry, m_conversation,
            &LessonConversation::addEntry);
    connect(session, &ConsoleSession::replyReceived, this, [this](const SmtpReply &reply) {
        m_runner->replyReceived(reply.code, reply.message());
    });
    connect(
        session, &ConsoleSession::ended, this, [this, session](int kind, const QString &reason) {
            if (session != m_session)
                return;
            // The console says how a session ended only through ended(): the transcript says it.
            TranscriptEntry end;
            end.direction = kind == ConsoleSession::AfterQuit ? TranscriptEntry::Direction::Info
                                                              : TranscriptEntry::Direction::Error;
            end.text = reason.isEmpty() ? tr("the session ended") : reason;
            m_conversation->addEntry(end);
            m_runner->connectionEnded(reason);
        });
    connect(session, &ConsoleSession::certificateReview, session,
            &ConsoleSession::rejectCertificate);
    connect(session, &ConsoleSession::credentialsNeeded, session,
            [session] { session->provideCredentials({}); });
    session->open(settings);
}

void LessonWindow::endSession()
{
    if (!m_session)
        return;
    ConsoleSession *old = m_session;
    m_session = nullptr;
    old->disconnect(this);
    old->disconnect(m_conversation);
    if (old->isOpen()) {
        connect(old, &ConsoleSession::ended, old, &QObject::deleteLater);
        old->cancel();
    } else {
        old->deleteLater();
    }
}

void LessonWindow::restoreBehaviour()
{
    if (m_savedBehaviour && m_sandbox)
        m_sandbox->server()->setBehaviour(*std::exchange(m_savedBehaviour, std::nullopt));
}

void LessonWindow::onStepChanged()
{
    const LessonStep *step = m_runner->currentStep();
    if (!step)
        return;
    m_progress->setText(m_runner->progressText());
    m_stepTitle->setText(m_runner->expand(step->title));
    m_instruction->setText(m_runner->expand(step->instruction));
    m_example->setVisible(!step->example.isEmpty());
    m_example->setText(tr("Type for example:") + QStringLiteral("  <code><b>") +
                       m_runner->expand(step->example).toHtmlEscaped() +
                       QStringLiteral("</b></code>"));
    m_conversation->addStep(m_runner->progressText(), m_runner->expand(step->title));
    if (!m_reconnect->isVisible())
        hideCheck();
}

void LessonWindow::onFinished()
{
    const Lesson &lesson = m_runner->lesson();
    m_progress->setText(m_runner->progressText());
    m_stepTitle->setText(tr("Well done: %1").arg(lesson.title));
    m_instruction->setText(m_runner->expand(lesson.conclusion));
    m_example->hide();
    m_next->setEnabled(m_lessonIndex + 1 < m_book.lessons().size());
    if (lesson.showMessage)
        showDeliveredMessage();
    if (m_next->isEnabled())
        m_next->setFocus();
}

void LessonWindow::showDeliveredMessage()
{
    const QString id = m_runner->queueId();
    MailStore *store = m_sandbox->store();
    if (id.isEmpty() || !store)
        return;
    m_inbox->show();
    if (store->contains(id)) {
        m_inbox->selectMessage(id);
        return;
    }
    // The store lists a message once its writer has it on disk.
    auto *once = new QObject(this);
    connect(store, &MailStore::messageAdded, once, [this, id, once](const StoredMessage &m) {
        if (m.id != id)
            return;
        m_inbox->selectMessage(id);
        once->deleteLater();
    });
}

QString LessonWindow::checkText() const
{
    return m_check->isHidden() ? QString() : m_checkText->text();
}

void LessonWindow::showCheck(const QString &text, const QString &hint, bool canSendAnyway)
{
    m_checkText->setText(hint.isEmpty() ? text : text + QLatin1Char('\n') + hint);
    m_sendAnyway->setVisible(canSendAnyway);
    m_reconnect->hide();
    m_check->show();
}

void LessonWindow::hideCheck()
{
    m_check->hide();
    m_checkText->clear();
    m_reconnect->hide();
}

void LessonWindow::submit()
{
    const QString line = m_input->text();
    const LessonCheck check = m_runner->check(line);
    switch (check.verdict) {
    case LessonCheck::Verdict::Accepted:
        send(line);
        return;
    case LessonCheck::Verdict::Closed:
        showCheck(check.explanation, check.hint, false);
        return;
    case LessonCheck::Verdict::Refused:
    case LessonCheck::Verdict::Early:
        // Shown beside the line, which stays as typed to be corrected or sent anyway.
        showCheck(check.explanation, check.hint, true);
        return;
    }
}

void LessonWindow::sendAnyway()
{
    if (m_runner->check(m_input->text()).verdict == LessonCheck::Verdict::Closed) {
        submit();
        return;
    }
    send(m_input->text());
}

void LessonWindow::send(const QString &line)
{
    if (!m_session) {
        showCheck(tr("Not connected: nothing was sent."), QString(), false);
        return;
    }
    const QString problem = m_session->submitLine(line);
    if (!problem.isEmpty()) {
        showCheck(tr("Not sent: %1").arg(problem), QString(), false);
        return;
    }
    hideCheck();
    if (m_history.isEmpty() || m_history.constLast() != line)
        m_history << line;
    m_historyIndex = int(m_history.size());
    m_input->clear();
    m_runner->lineSent(line);
}

bool LessonWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Up && m_historyIndex > 0) {
            m_input->setText(m_history.at(--m_historyIndex));
            return true;
        }
        if (key->key() == Qt::Key_Down && m_historyIndex < m_history.size()) {
            ++m_historyIndex;
            m_input->setText(m_history.value(m_historyIndex));
            return true;
        }
        if (key->key() == Qt::Key_Escape && m_check->isVisible()) {
            hideCheck();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void LessonWindow::closeEvent(QCloseEvent *event)
{
    endSession();
    restoreBehaviour();
    QWidget::closeEvent(event);
}
