// Where passwords and tokens are kept, one secret per account id, behind an interface so the
// core never depends on a keychain. Asynchronous like the keychains it fronts: every request
// is answered later by a signal, never by a return value.
#pragma once

#include <QObject>
#include <QString>

class CredentialStore : public QObject
{
    Q_OBJECT
public:
    enum class Error
    {
        NoError,
        NotFound,    // nothing stored for this account
        Denied,      // the keychain (or the person) refused access
        Unavailable, // no keychain to talk to
        Failed,      // anything else; the message says what
    };
    Q_ENUM(Error)

    using QObject::QObject;

    // Each answered by the matching *Finished signal, never before the call returns.
    virtual void read(const QString &accountId) = 0;
    virtual void write(const QString &accountId, const QString &secret) = 0;
    virtual void remove(const QString &accountId) = 0;

    // False when secrets last only as long as this session.
    virtual bool isPersistent() const = 0;
    // Where the secrets are, for people: "the desktop keychain", "memory (this session only)".
    virtual QString location() const = 0;

Q_SIGNALS:
    void readFinished(const QString &accountId, const QString &secret, CredentialStore::Error error,
                      const QString &message);
    void writeFinished(const QString &accountId, CredentialStore::Error error,
                       const QString &message);
    void removeFinished(const QString &accountId, CredentialStore::Error error,
                        const QString &message);
    // Something people must be told, e.g. that passwords will not outlive the session.
    void notice(const QString &message);
};
