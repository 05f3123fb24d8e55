// One send, or one "does this account work" probe, from an account and a message to the
// result: builds the envelope and the message source, runs SmtpClient, and finds the
// password in one fixed order (this session's, the credential store's, then the person's,
// asked through the Prompter), so the compose window, Test connection and every later user
// of the engine behave alike and a password typed once is not asked for again.
#pragma once

#include "account/account.h"
#include "account/credentialstore.h"
#include "account/draft.h"
#include "account/prompter.h"
#include "smtp/smtpclient.h"

#include <QObject>

#include <memory>

class AccountStore;
class MimeMessageSource;
class RecordingMessageSource;
class SessionSecrets;

class Submission : public QObject
{
    Q_OBJECT
public:
    enum class Start
    {
        Started,     // or, from check(), would start
        BadEnvelope, // the message's envelope cannot be sent (problem names the address)
        BadSettings, // the account's settings cannot be used (problem names the CA file)
    };
    Q_ENUM(Start)

    // None is owned; all must outlive the submission.
    Submission(CredentialStore *credentials, SessionSecrets *secrets, Prompter *prompter,
               QObject *parent = nullptr);
    ~Submission() override;

    // Where "trust permanently" pins a certificate; without it (or for an account it does not
    // hold) the choice is not offered.
    void setAccountStore(AccountStore *accounts) { m_accounts = accounts; }
    // Another session's secrets, e.g. the window's for the accounts dialog's probes.
    void setSessionSecrets(SessionSecrets *secrets) { m_secrets = secrets; }

    SmtpClient *client() const { return m_client; }
    // Step mode for the sends that follow (not for probes): the client pauses before each
    // command; keepPipelining makes each pipelined group one step.
    void setStepMode(bool step, bool keepPipelining)
    {
        m_step = step;
        m_stepKeepsPipelining = keepPipelining;
    }
    bool isBusy() const { return m_client->isBusy(); }
    // The account of the run under way, or of the last one.
    const Account &account() const { return m_account; }

    // Whether send() would start, without starting: *problem says why not, for people.
    Start check(const Account &account, const Message &message, QString *problem) const;
    // Nothing starts unless Started is returned; *problem then says why, for people.
    Start send(const Account &account, const Message &message, QString *problem);
    Start send(const Account &account, const Draft &draft, QString *problem,
               const Draft::HtmlToText &htmlToText = {});
    Start probe(const Account &account, QString *problem);
    void cancel() { m_client->cancel(); }
    // The message as the last send() gave it to the server (before dot-stuffing), to show its
    // structure; empty before any, after a probe, or when it was too large to keep.
    QByteArray sentMessage() const;

Q_SIGNALS:
    // SmtpClient's, forwarded.
    void stateChanged(SmtpClient::State state);
    void transcriptEntry(const TranscriptEntry &entry);
    void progress(qint64 bytesSent, qint64 bytesTotal);
    void finished(const SendResult &result);
    // "Trust permanently" pinned this certificate into the stored account.
    void certificatePinned(const QString &accountId, const QByteArray &fingerprint);
    // What the submission is doing while no protocol step shows it (reading the store).
    void status(const QString &text);

private:
    bool prepare(const Account &account, SmtpSettings *settings, QString *problem);
    void onCredentialsNeeded(const QString &user, const QString &reason);
    void onSecretRead(const QString &accountId, const QString &secret, CredentialStore::Error error,
                      const QString &message);
    void askPerson(const QString &user, const QString &reason);
    void onPasswordAnswered(quint64 id, const SaslCredentials &credentials, bool remember);
    void onCertificateReview(const QList<QSslCertificate> &chain, const QList<QSslError> &errors);
    void onCertificateAnswered(quint64 id, Prompter::CertificateChoice choice);
    void onFinished(const SendResult &result);
    void note(TranscriptEntry::Direction direction, const QString &text);

    CredentialStore *m_credentials;
    SessionSecrets *m_secrets;
    Prompter *m_prompter;
    AccountStore *m_accounts = nullptr;
    SmtpClient *m_client;
    Account m_account;
    std::unique_ptr<MimeMessageSource> m_source;
    std::unique_ptr<RecordingMessageSource> m_recorder; // m_source, as the client reads it
    QList<QSslCertificate> m_reviewChain;
    bool m_storeTried = false;  // the credential store was asked during this run
    bool m_readPending = false; // its answer is awaited
    quint64 m_passwordRequest = 0;
    quint64 m_certificateRequest = 0;
    bool m_step = false;
    bool m_stepKeepsPipelining = false;
};
