// The saved accounts and which one is the default, kept in the application's QSettings file
// (INI). Never a secret: Account has no field for one. A damaged or unreadable file is moved
// aside, what could be read is kept, and loadProblems() says what happened.
#pragma once

#include "account/account.h"

#include <QObject>
#include <QStringList>

class QSettings;

class AccountStore : public QObject
{
    Q_OBJECT
public:
    // settingsFile empty: the application's own settings file (QSettings() with the
    // organisation and application names), so the accounts sit beside the other settings.
    explicit AccountStore(const QString &settingsFile = QString(), QObject *parent = nullptr);

    QString fileName() const { return m_file; }

    // Reads the accounts. Always leaves at least one account (a blank "My account" when none
    // could be read). Returns false when something could not be read; loadProblems() says what.
    bool load();
    QStringList loadProblems() const { return m_loadProblems; }
    // Where a damaged settings file was moved, or empty.
    QString damagedFileBackup() const { return m_backup; }

    const QList<Account> &accounts() const { return m_accounts; }
    int count() const { return int(m_accounts.size()); }
    Account at(int index) const { return m_accounts.value(index); }
    int indexOf(const QString &id) const;
    int indexOfName(const QString &name) const;
    std::optional<Account> account(const QString &id) const;
    QStringList names() const;

    QString defaultId() const { return m_default; }
    Account defaultAccount() const;
    bool setDefault(const QString &id);

    // Each change is saved at once; false (with lastError()) when the file cannot be written.
    // add() gives the account an id when it has none and a unique name; returns the id.
    QString add(Account account);
    bool update(const Account &account);
    bool remove(const QString &id);
    // Trust a certificate for this account from now on (the certificate dialog's choice).
    bool pin(const QString &id, const QByteArray &sha256Hex, const QString &label = QString());

    // A name not used yet: base, "base (2)", ...
    QString uniqueName(const QString &base, const QString &exceptId = QString()) const;

    bool save();
    QString lastError() const { return m_error; }

    static Account blankAccount();

Q_SIGNALS:
    void changed();
    void accountChanged(const QString &id);
    void defaultChanged(const QString &id);
    void saveFailed(const QString &error);

private:
    bool moveAside(const QString &why);
    Account readAccount(QSettings &s, int index);

    QString m_file;
    QList<Account> m_accounts;
    QString m_default;
    QStringList m_loadProblems;
    QString m_backup;
    QString m_error;
};
