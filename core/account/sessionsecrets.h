// The passwords known for this Postwire session: those a person typed (not asked for again
// until Postwire quits or the server refuses one) and those Postwire itself holds for an
// account (the built-in sandbox's own, never stored). Every Submission of a window shares one.
#pragma once

#include <QHash>
#include <QString>

#include <functional>

class SessionSecrets
{
public:
    using Provider = std::function<QString(const QString &accountId)>;
    // Where the secrets Postwire itself holds come from; asked first, and never stored.
    void setProvider(Provider provider) { m_provider = std::move(provider); }
    QString provided(const QString &accountId) const;

    // The provided secret, else the one typed this session, else empty.
    QString secret(const QString &accountId) const;
    void remember(const QString &accountId, const QString &secret);
    void forget(const QString &accountId) { m_typed.remove(accountId); }

private:
    Provider m_provider;
    QHash<QString, QString> m_typed;
};
