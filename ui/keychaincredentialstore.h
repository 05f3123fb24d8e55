// Secrets in the desktop keychain (Secret Service, KWallet) through QtKeychain. When there is
// no keychain to talk to, secrets are kept in memory for this session only, and notice() says
// so once; never in a file of ours (QtKeychain's plain-text fallback stays off).
#pragma once

#include "account/credentialstore.h"

class MemoryCredentialStore;
namespace QKeychain {
class Job;
}

class KeychainCredentialStore : public CredentialStore
{
    Q_OBJECT
public:
    explicit KeychainCredentialStore(QObject *parent = nullptr);
    // service: the keychain's name for Postwire's entries (tests use their own).
    explicit KeychainCredentialStore(const QString &service, QObject *parent = nullptr);

    void read(const QString &accountId) override;
    void write(const QString &accountId, const QString &secret) override;
    void remove(const QString &accountId) override;
    bool isPersistent() const override { return !m_fallback; }
    QString location() const override;

    bool usesFallback() const { return m_fallback; }
    // Why the keychain could not be used (empty while it can).
    QString fallbackReason() const { return m_fallbackReason; }

private:
    enum class Operation
    {
        Read,
        Write,
        Remove
    };
    void start(Operation operation, const QString &accountId, const QString &secret);
    void onJobFinished(QKeychain::Job *job, Operation operation, const QString &accountId,
                       const QString &secret);
    void fallBack(const QString &reason);
    void runInMemory(Operation operation, const QString &accountId, const QString &secret);

    QString m_service;
    MemoryCredentialStore *m_memory;
    bool m_fallback = false;
    QString m_fallbackReason;
};
