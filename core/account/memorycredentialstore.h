// Secrets kept in this process's memory only: what Postwire uses when there is no keychain,
// and what tests use. Answers come from the event loop, as a keychain's would.
#pragma once

#include "account/credentialstore.h"

#include <QHash>

class MemoryCredentialStore : public CredentialStore
{
    Q_OBJECT
public:
    using CredentialStore::CredentialStore;
    ~MemoryCredentialStore() override;

    void read(const QString &accountId) override;
    void write(const QString &accountId, const QString &secret) override;
    void remove(const QString &accountId) override;
    bool isPersistent() const override { return false; }
    QString location() const override;

    int count() const { return int(m_secrets.size()); }

private:
    QHash<QString, QString> m_secrets;
};
