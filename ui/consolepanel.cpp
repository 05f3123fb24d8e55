#include "consolepanel.h"

#include "consoleinput.h"
#include "transcriptmodel.h"
#include "transcriptview.h"

#include "account/account.h"
#include "account/accountstore.h"
#include "account/sessionsecrets.h"
#include "console/consolesession.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

// Apart from the ids a Submission takes, so one window's Prompter serves both.
quint64 nextRequestId()
{
    static quint64 last = quint64(1) << 62;
    return ++last;
}

} // namespace

ConsolePanel::ConsolePanel(AccountStore *accounts, SessionSecrets *secrets, Prompter *prompter,
                           QWidget *parent)
    : QWidget(parent)
    , m_accounts(accounts)
    , m_secrets(secrets)
    , m_prompter(prompter)
    , m_session(new ConsoleSession(this))
    , m_model(new TranscriptModel(this))
    , m_view(new TranscriptView(m_model))
    , m_accountBox(new QComboBox)
    , m_connect(new QPushButton)
    , m_state(new QLabel)
    , m_input(new ConsoleInput)
    , m_send(new QPushButton(tr("Send Line")))
    , m_problem(new QLabel)
    , m_hint(new QLabel)
{
    m_view->setPlaceholderText(
        tr("Choose a server and Connect: its greeting appears here, then each line you type "
           "(C:) and what the server answers (S:). Select a line to read what it means."));
    m_accountBox->setObjectName(QStringLiteral("consoleAccount"));
    m_accountBox->setAccessibleName(tr("Server to talk to"));
    m_accountBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_connect->setObjectName(QStringLiteral("consoleConnect"));
    m_state->setObjectName(QStringLiteral("consoleState"));
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_input->setObjectName(QStringLiteral("consoleInput"));
    m_input->setAccessibleName(tr("Line to send"));
    m_input->setPlaceholderText(tr("an SMTP line, e.g. EHLO me.example"));
    m_input->setClearButtonEnabled(true);
    m_send->setObjectName(QStringLiteral("consoleSend"));
    m_problem->setObjectName(QStringLiteral("consoleProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->setAccessibleName(tr("Why the line was not sent"));
    m_problem->hide();
    m_hint->setObjectName(QStringLiteral("consoleHint"));
    m_hint->setWordWrap(true);
    m_hint->setText(tr("Enter sends the line with CRLF. \\r, \\n and \\xHH send exact bytes "
                       "(\\\\ is a backslash). Tab completes, Up and Down recall lines. After "
                       "DATA's 354, lines are the message until a lone \".\"."));
    QFont small = m_hint->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_hint->setFont(small);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto *server = new QLabel(tr("Server:"));
    server->setBuddy(m_accountBox);
    auto *top = new QHBoxLayout;
    top->addWidget(server);
    top->addWidget(m_accountBox);
    top->addWidget(m_connect);
    top->addWidget(m_state, 1);
    auto *line = new QHBoxLayout;
    line->addWidget(m_input, 1);
    line->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addLayout(line);
    layout->addWidget(m_problem);
    layout->addWidget(m_hint);

    fillAccounts();
    connect(m_accounts, &AccountStore::changed, this, &ConsolePanel::fillAccounts);
    connect(m_connect, &QPushButton::clicked, this, [this] {
        if (m_session->isOpen())
            disconnectFromServer();
        else
            connectToServer();
    });
    connect(m_input, &QLineEdit::returnPressed, this, &ConsolePanel::sendLine);
    connect(m_send, &QPushButton::clicked, this, &ConsolePanel::sendLine);
    connect(m_input, &QLineEdit::textEdited, this, [this] { showProblem(QString()); });
    connect(m_input, &ConsoleInput::choices, this, [this](const QStringList &words) {
        m_hint->setText(tr("Tab: %1").arg(words.join(QStringLiteral("  "))));
    });

    connect(m_session, &ConsoleSession::transcriptEntry, m_model, &TranscriptModel::append);
    connect(m_session, &ConsoleSession::capabilitiesReceived, m_input,
            &ConsoleInput::setCapabilities);
    connect(m_session, &ConsoleSession::readyForInput, this, &ConsolePanel::updateControls);
    connect(m_session, &ConsoleSession::connected, this, &ConsolePanel::updateControls);
    connect(m_session, &ConsoleSession::encrypted, this, &ConsolePanel::updateControls);
    connect(m_session, &ConsoleSession::ended, this, &ConsolePanel::onEnded);
    connect(m_session, &ConsoleSession::credentialsNeeded, this,
            &ConsolePanel::onCredentialsNeeded);
    connect(m_session, &ConsoleSession::certificateReview, this,
            &ConsolePanel::onCertificateReview);
    connect(m_prompter, &Prompter::passwordAnswered, this, &ConsolePanel::onPasswordAnswered);
    connect(m_prompter, &Prompter::certificateAnswered, this, &ConsolePanel::onCertificateAnswered);
    updateControls();
}

QString ConsolePanel::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void ConsolePanel::fillAccounts()
{
    const QString current = m_accountBox->currentData().toString();
    m_accountBox->clear();
    for (const Account &a : m_accounts->accounts())
        m_accountBox->addItem(tr("%1 (%2)").arg(a.name, a.serverLabel()), a.id);
    const int again = m_accountBox->findData(current);
    if (again >= 0)
        m_accountBox->setCurrentIndex(again);
    else
        m_accountBox->setCurrentIndex(
            qMax(0, m_accountBox->findData(m_accounts->defaultAccount().id)));
}

void ConsolePanel::selectAccount(const QString &id)
{
    const int index = m_accountBox->findData(id);
    if (index >= 0)
        m_accountBox->setCurrentIndex(index);
}

void ConsolePanel::connectToServer()
{
    if (m_session->isOpen())
        return;
    const QString id = m_accountBox->currentData().toString();
    Account account;
    for (const Account &a : m_accounts->accounts()) {
        if (a.id == id)
            account = a;
    }
    if (account.id.isEmpty()) {
        showProblem(tr("Choose a server: add an account first (Accounts...)"));
        return;
    }
    if (const QList<Account::Problem> problems = account.validate(); !problems.isEmpty()) {
        showProblem(tr("The account \"%1\" cannot be used: %2")
                        .arg(account.name, problems.first().message));
        return;
    }
    QString caProblem;
    ConsoleSettings settings;
    static_cast<SmtpSettings &>(settings) =
        account.toSmtpSettings(m_secrets->secret(account.id), &caProblem);
    settings.credentials.user = account.user;
    m_accountId = account.id;
    m_accountName = account.name;
    m_server = account.serverLabel();
    m_host = account.host;
    showProblem(caProblem);
    m_model->beginSection(m_server, tr("%1 (console)").arg(account.name));
    m_session->open(settings);
    updateControls();
    m_input->setFocus();
}

void ConsolePanel::disconnectFromServer()
{
    m_session->close();
    updateControls();
}

void ConsolePanel::sendLine()
{
    const QString line = m_input->text();
    const QString problem = m_session->submitLine(line);
    if (!problem.isEmpty()) {
        showProblem(problem); // the line stays in the field to be corrected
        return;
    }
    showProblem(QString());
    m_input->remember(line);
    m_input->clear();
    updateControls();
}

void ConsolePanel::onEnded(int kind, const QString &reason)
{
    TranscriptEntry entry;
    entry.direction = kind == ConsoleSession::AfterQuit ? TranscriptEntry::Direction::Info
                                                        : TranscriptEntry::Direction::Error;
    entry.text = reason;
    if (const TranscriptEntry *last =
            m_model->entryCount() > 0 ? m_model->entry(m_model->rowCount() - 1) : nullptr)
        entry.elapsedMs = last->elapsedMs;
    m_model->append(entry);
    m_state->setText(kind == ConsoleSession::AfterQuit ? tr("Session ended after QUIT")
                                                       : tr("Session ended: %1").arg(reason));
    m_passwordRequest = m_certificateRequest = 0;
    updateControls();
}

void ConsolePanel::onCredentialsNeeded(const QString &user, const QString &reason)
{
    Prompter::PasswordRequest request;
    request.id = m_passwordRequest = nextRequestId();
    request.accountId = m_accountId;
    request.server = m_server;
    request.user = user;
    request.reason = reason;
    m_prompter->askPassword(request);
}

void ConsolePanel::onPasswordAnswered(quint64 id, const SaslCredentials &credentials, bool)
{
    if (id != m_passwordRequest)
        return;
    m_passwordRequest = 0;
    // Kept for this Postwire session, as a send keeps it; the keychain is the send's to fill.
    if (!credentials.secret.isEmpty())
        m_secrets->remember(m_accountId, credentials.secret);
    m_session->provideCredentials(credentials);
}

void ConsolePanel::onCertificateReview(const QList<QSslCertificate> &chain,
                                       const QList<QSslError> &errors)
{
    Prompter::CertificateRequest request;
    request.id = m_certificateRequest = nextRequestId();
    request.accountId = m_accountId;
    request.server = m_server;
    request.host = m_host;
    request.chain = chain;
    request.errors = errors;
    m_prompter->askCertificate(request);
}

void ConsolePanel::onCertificateAnswered(quint64 id, Prompter::CertificateChoice choice)
{
    if (id != m_certificateRequest)
        return;
    m_certificateRequest = 0;
    if (choice == Prompter::CertificateChoice::Refuse)
        m_session->rejectCertificate();
    else
        m_session->approveCertificate();
}

void ConsolePanel::updateControls()
{
    const bool open = m_session->isOpen();
    m_connect->setText(open ? tr("Disconnect") : tr("Connect"));
    m_connect->setToolTip(open ? tr("Send QUIT and end the session")
                               : tr("Open a session with the chosen server"));
    m_accountBox->setEnabled(!open);
    m_input->setEnabled(open);
    m_send->setEnabled(open);
    if (!open)
        return;
    if (m_session->isBusy())
        m_state->setText(tr("Postwire is busy (TLS or AUTH)..."));
    else if (m_session->inData())
        m_state->setText(tr("Message data: end it with a line holding only \".\""));
    else if (m_session->isWaiting())
        m_state->setText(tr("Waiting for the server..."));
    else
        m_state->setText(m_session->isEncrypted() ? tr("Connected, encrypted: type a line")
                                                  : tr("Connected: type a line"));
}

void ConsolePanel::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}
