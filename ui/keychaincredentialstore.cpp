#include "keychaincredentialstore.h"

#include "account/memorycredentialstore.h"

#include <qt6keychain/keychain.h>

KeychainCredentialStore::KeychainCredentialStore(QObject *parent)
    : KeychainCredentialStore(QStringLiteral("Postwire"), parent)
{}

KeychainCredentialStore::KeychainCredentialStore(const QString &service, QObject *parent)
    : CredentialStore(parent)
    , m_service(service)
    , m_memory(new MemoryCredentialStore(this))
{
    connect(m_memory, &CredentialStore::readFinished, this, &CredentialStore::readFinished);
    connect(m_memory, &CredentialStore::writeFinished, this, &CredentialStore::writeFinished);
    connect(m_memory, &CredentialStore::removeFinished, this, &CredentialStore::removeFinished);
}

QString KeychainCredentialStore::location() const
{
    return m_fallback ? m_memory->location() : QStringLiteral("the desktop keychain");
}

void KeychainCredentialStore::read(const QString &accountId)
{
    start(Operation::Read, accountId, QString());
}

void KeychainCredentialStore::write(const QString &accountId, const QString &secret)
{
    start(Operation::Write, accountId, secret);
}

void KeychainCredentialStore::remove(const QString &accountId)
{
    start(Operation::Remove, accountId, QString());
}

void KeychainCredentialStore::start(Operation operation, const QString &accountId,
                                    const QString &secret)
{
    if (m_fallback) {
        runInMemory(operation, accountId, secret);
        return;
    }
    // No parent: a job deleted with the store while libsecret still answers it crashed the
    // process when the answer came (seen when a window closed right after opening); it
    // deletes itself when done, and its connection to this store goes with the store.
    QKeychain::Job *job = nullptr;
    switch (operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Operation::Write: {
        auto *w = new QKeychain::WritePasswordJob(m_service);
        w->setTextData(secret);
        job = w;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    // QtKeychain's fallback writes the secret in plain text into a QSettings file: never.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(accountId);
    connect(job, &QKeychain::Job::finished, this,
            [this, operation, accountId, secret](QKeychain::Job *finished) {
                onJobFinished(finished, operation, accountId, secret);
            });
    job->start();
}

void KeychainCredentialStore::onJobFinished(QKeychain::Job *job, Operation operation,
                                            const QString &accountId, const QString &secret)
{
    const QKeychain::Error error = job->error();
    const QString message = job->errorString();
    switch (error) {
    case QKeychain::NoError:
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        // No keychain (or one that does not answer): the session goes on with memory.
        fallBack(message);
        runInMemory(operation, accountId, secret);
        return;
    case QKeychain::EntryNotFound:
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        break;
    }
    const Error mapped = error == QKeychain::NoError               ? Error::NoError
                         : error == QKeychain::EntryNotFound       ? Error::NotFound
                         : error == QKeychain::CouldNotDeleteEntry ? Error::Failed
                                                                   : Error::Denied;
    const QString said =
        mapped == Error::NoError ? QString() : QStringLiteral("keychain: %1").arg(message);
    switch (operation) {
    case Operation::Read: {
        const auto *read = static_cast<QKeychain::ReadPasswordJob *>(job);
        Q_EMIT readFinished(accountId, mapped == Error::NoError ? read->textData() : QString(),
                            mapped, said);
        break;
    }
    case Operation::Write:
        Q_EMIT writeFinished(accountId, mapped, said);
        break;
    case Operation::Remove:
        Q_EMIT removeFinished(accountId, mapped, said);
        break;
    }
}

void KeychainCredentialStore::fallBack(const QString &reason)
{
    if (m_fallback)
        return;
    m_fallback = true;
    m_fallbackReason = reason;
    Q_EMIT notice(QStringLiteral("No keychain is available (%1): passwords are kept in memory "
                                 "for this session only and must be typed again next time.")
                      .arg(reason.isEmpty() ? QStringLiteral("no reason given") : reason));
}

void KeychainCredentialStore::runInMemory(Operation operation, const QString &accountId,
                                          const QString &secret)
{
    switch (operation) {
    case Operation::Read:
        m_memory->read(accountId);
        break;
    case Operation::Write:
        m_memory->write(accountId, secret);
        break;
    case Operation::Remove:
        m_memory->remove(accountId);
        break;
    }
}
