#include "account/submission.h"
#include "smtp/tlstrustdecision.h"

#include "account/accountstore.h"
#include "account/sessionsecrets.h"
#include "mime/mimemessagesource.h"
#include "smtp/recordingmessagesource.h"

#include <QTimer>

namespace {

// Request ids are unique in the process, so one prompter can serve several submissions.
quint64 nextRequestId()
{
    static quint64 last = 0;
    return ++last;
}

} // namespace

Submission::Submission(CredentialStore *credentials, SessionSecrets *secrets, Prompter *prompter,
                       QObject *parent)
    : QObject(parent)
    , m_credentials(credentials)
    , m_secrets(secrets)
    , m_prompter(prompter)
    , m_client(new SmtpClient(this))
{
    connect(m_client, &SmtpClient::stateChanged, this, &Submission::stateChanged);
    connect(m_client, &SmtpClient::transcriptEntry, this, &Submission::transcriptEntry);
    connect(m_client, &SmtpClient::progress, this, &Submission::progress);
    connect(m_client, &SmtpClient::finished, this, &Submission::onFinished);
    connect(m_client, &SmtpClient::credentialsNeeded, this, &Submission::onCredentialsNeeded);
    connect(m_client, &SmtpClient::certificateReview, this, &Submission::onCertificateReview);
    connect(m_credentials, &CredentialStore::readFinished, this, &Submission::onSecretRead);
    connect(m_prompter, &Prompter::passwordAnswered, this, &Submission::onPasswordAnswered);
    connect(m_prompter, &Prompter::certificateAnswered, this, &Submission::onCertificateAnswered);
}

Submission::~Submission()
{
    // The client goes first: nothing it says while closing may reach a half-destroyed object,
    // and the source it reads from must outlive it.
    m_client->disconnect(this);
    delete m_client;
}

bool Submission::prepare(const Account &account, SmtpSettings *settings, QString *problem)
{
    if (isBusy()) {
        *problem = tr("A send or test is already running");
        return false;
    }
    QString caProblem;
    // A secret known this session goes along at once; the store and the person are asked
    // only when the server wants one (credentialsNeeded), so nothing is read for nothing.
    *settings = account.toSmtpSettings(m_secrets->secret(account.id), &caProblem);
    if (!caProblem.isEmpty()) {
        *problem = caProblem;
        return false;
    }
    m_account = account;
    m_storeTried = false;
    m_readPending = false;
    m_passwordRequest = 0;
    m_certificateRequest = 0;
    return true;
}

Submission::Start Submission::check(const Account &account, const Message &message,
                                    QString *problem) const
{
    if (const QString why = message.envelope().validate(); !why.isEmpty()) {
        *problem = why;
        return Start::BadEnvelope;
    }
    QString caProblem;
    account.toSmtpSettings(QString(), &caProblem);
    if (!caProblem.isEmpty()) {
        *problem = caProblem;
        return Start::BadSettings;
    }
    return Start::Started;
}

Submission::Start Submission::send(const Account &account, const Message &message, QString *problem)
{
    if (const Start start = check(account, message, problem); start != Start::Started)
        return start;
    SmtpSettings settings;
    if (!prepare(account, &settings, problem))
        return Start::BadSettings;
    settings.stepMode = m_step;
    settings.stepKeepsPipelining = m_stepKeepsPipelining;
    m_source = std::make_unique<MimeMessageSource>(message);
    m_recorder = std::make_unique<RecordingMessageSource>(m_source.get());
    m_client->send(settings, message.envelope(), m_recorder.get());
    return Start::Started;
}

Submission::Start Submission::send(const Account &account, const Draft &draft, QString *problem,
                                   const Draft::HtmlToText &htmlToText)
{
    return send(account, draft.toMessage(htmlToText), problem);
}

QByteArray Submission::sentMessage() const
{
    return m_recorder ? m_recorder->recorded() : QByteArray();
}

Submission::Start Submission::probe(const Account &account, QString *problem)
{
    SmtpSettings settings;
    if (!prepare(account, &settings, problem))
        return Start::BadSettings;
    m_source.reset();
    m_recorder.reset();
    m_client->probe(settings);
    return Start::Started;
}

void Submission::onCredentialsNeeded(const QString &user, const QString &reason)
{
    const QString id = m_account.id;
    if (m_account.usesOAuth()) {
        // Nobody types an access token: the send ends with the server's words, and the window
        // gets a new token before the next one.
        m_client->refuseCredentials(
            reason.isEmpty() ? tr("no OAuth 2 access token: sign in with the provider first "
                                  "(Accounts\u2026, Sign In)")
                             : reason);
        return;
    }
    if (!reason.isEmpty()) {
        // Refused: whatever this session knew is wrong; only the person can say what is right.
        m_secrets->forget(id);
        askPerson(user, reason);
        return;
    }
    if (const QString known = m_secrets->secret(id); !known.isEmpty()) {
        SaslCredentials credentials = m_client->settings().credentials;
        credentials.secret = known;
        m_client->provideCredentials(credentials);
        return;
    }
    if (!m_storeTried && !id.isEmpty()) {
        m_storeTried = true;
        m_readPending = true;
        Q_EMIT status(tr("Reading the password from %1\u2026").arg(m_credentials->location()));
        m_credentials->read(id);
        return;
    }
    askPerson(user, reason);
}

void Submission::onSecretRead(const QString &accountId, const QString &secret,
                              CredentialStore::Error error, const QString &message)
{
    // Others read the same store (the accounts dialog, for its note): only this run's answer.
    if (!m_readPending || accountId != m_account.id)
        return;
    m_readPending = false;
    if (m_client->state() != SmtpClient::State::AwaitingCredentials)
        return; // cancelled meanwhile
    SaslCredentials credentials = m_client->settings().credentials;
    if (!secret.isEmpty()) {
        credentials.secret = secret;
        m_client->provideCredentials(credentials);
        return;
    }
    if (error != CredentialStore::Error::NoError && error != CredentialStore::Error::NotFound) {
        const QString why = tr("The password could not be read from %1: %2")
                                .arg(m_credentials->location(), message);
        note(TranscriptEntry::Direction::Info, why);
        Q_EMIT status(why);
    }
    askPerson(credentials.user, QString());
}

void Submission::askPerson(const QString &user, const QString &reason)
{
    Prompter::PasswordRequest request;
    request.id = m_passwordRequest = nextRequestId();
    request.accountId = m_account.id;
    request.server = m_account.serverLabel();
    request.user = user;
    request.reason = reason;
    request.rememberWhere = m_credentials->location();
    m_prompter->askPassword(request);
}

void Submission::onPasswordAnswered(quint64 id, const SaslCredentials &credentials, bool remember)
{
    if (id == 0 || id != std::exchange(m_passwordRequest, 0))
        return;
    if (m_client->state() != SmtpClient::State::AwaitingCredentials)
        return; // cancelled while the person was typing
    if (!credentials.secret.isEmpty()) {
        m_secrets->remember(m_account.id, credentials.secret);
        if (remember)
            m_credentials->write(m_account.id, credentials.secret);
    }
    m_client->provideCredentials(credentials); // an empty secret cancels
}

void Submission::onCertificateReview(const QList<QSslCertificate> &chain,
                                     const QList<QSslError> &errors)
{
    m_reviewChain = chain;
    Prompter::CertificateRequest request;
    request.id = m_certificateRequest = nextRequestId();
    request.accountId = m_account.id;
    request.server = m_account.serverLabel();
    request.host = m_client->settings().host;
    request.chain = chain;
    request.errors = errors;
    request.canPin = m_accounts && m_accounts->indexOf(m_account.id) >= 0 && !chain.isEmpty();
    m_prompter->askCertificate(request);
}

void Submission::onCertificateAnswered(quint64 id, Prompter::CertificateChoice choice)
{
    if (id == 0 || id != std::exchange(m_certificateRequest, 0))
        return;
    switch (choice) {
    case Prompter::CertificateChoice::Refuse:
        m_client->rejectCertificate();
        return;
    case Prompter::CertificateChoice::TrustPermanently:
        // Only where it was offered: into an account the store holds.
        if (const QByteArray pin = m_reviewChain.isEmpty()
                                       ? QByteArray()
                                       : Account::fingerprint(m_reviewChain.first());
            m_accounts && !pin.isEmpty() &&
            m_accounts->pin(m_account.id, pin, Account::pinLabel(m_reviewChain.first()))) {
            m_account.pin(pin, Account::pinLabel(m_reviewChain.first()));
            note(TranscriptEntry::Direction::Tls,
                 tr("certificate SHA-256 %1 is now trusted for this account")
                     .arg(TlsTrustDecision::fingerprintText(pin)));
            Q_EMIT certificatePinned(m_account.id, pin);
        }
        break;
    case Prompter::CertificateChoice::AcceptOnce:
        break;
    }
    m_client->approveCertificate();
}

void Submission::onFinished(const SendResult &result)
{
    m_passwordRequest = 0;
    m_certificateRequest = 0;
    m_readPending = false;
    // A password the server refused to the end is not the session's to offer again.
    if (result.error == SendResult::Error::Authentication)
        m_secrets->forget(m_account.id);
    // The client may still be unwinding from its emit: the source (and the files it has
    // open, which some systems do not remove while open) goes afterwards. Queued before
    // finished() goes out, so whoever cleans up after the send on the next turn finds it gone.
    QTimer::singleShot(0, this, [this] {
        if (!isBusy()) {
            m_recorder.reset();
            m_source.reset();
        }
    });
    Q_EMIT finished(result);
}

void Submission::note(TranscriptEntry::Direction direction, const QString &text)
{
    TranscriptEntry entry;
    entry.direction = direction;
    entry.text = text;
    Q_EMIT transcriptEntry(entry);
}
