#include "account/memorycredentialstore.h"

#include <QMetaObject>

MemoryCredentialStore::~MemoryCredentialStore()
{
    // Overwrite before the memory is given back, so a secret does not linger in freed pages.
    for (auto it = m_secrets.begin(); it != m_secrets.end(); ++it)
        it.value().fill(QLatin1Char('\0'));
}

void MemoryCredentialStore::read(const QString &accountId)
{
    const auto it = m_secrets.constFind(accountId);
    const bool found = it != m_secrets.constEnd();
    const QString secret = found ? it.value() : QString();
    QMetaObject::invokeMethod(
        this,
        [this, accountId, secret, found] {
            Q_EMIT readFinished(accountId, secret, found ? Error::NoError : Error::NotFound,
                                found ? QString() : tr("no password stored for this account"));
        },
        Qt::QueuedConnection);
}

void MemoryCredentialStore::write(const QString &accountId, const QString &secret)
{
    m_secrets.insert(accountId, secret);
    QMetaObject::invokeMethod(
        this, [this, accountId] { Q_EMIT writeFinished(accountId, Error::NoError, QString()); },
        Qt::QueuedConnection);
}

void MemoryCredentialStore::remove(const QString &accountId)
{
    const bool found = m_secrets.remove(accountId);
    QMetaObject::invokeMethod(
        this,
        [this, accountId, found] {
            Q_EMIT removeFinished(accountId, found ? Error::NoError : Error::NotFound, QString());
        },
        Qt::QueuedConnection);
}

QString MemoryCredentialStore::location() const
{
    return tr("memory, for this session only");
}
