#include "account/sessionsecrets.h"

QString SessionSecrets::provided(const QString &accountId) const
{
    return m_provider && !accountId.isEmpty() ? m_provider(accountId) : QString();
}

QString SessionSecrets::secret(const QString &accountId) const
{
    const QString own = provided(accountId);
    return own.isEmpty() ? m_typed.value(accountId) : own;
}

void SessionSecrets::remember(const QString &accountId, const QString &secret)
{
    if (!accountId.isEmpty() && !secret.isEmpty())
        m_typed.insert(accountId, secret);
}
