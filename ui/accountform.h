// The sending account until full account profiles exist (issue 6): a selector of saved
// accounts and a small server form (host, port, security, user, password). Passwords stay in
// memory for the session only; everything else is kept in QSettings.
#pragma once

#include "smtpclient.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

class AccountForm : public QWidget
{
    Q_OBJECT
public:
    explicit AccountForm(QWidget *parent = nullptr);

    QStringList accountNames() const;
    QString currentAccount() const;
    void selectAccount(const QString &name);

    // The connection settings of the current account, with the password typed this session.
    SmtpSettings settings() const;
    QString serverLabel() const; // "smtp.example.org:587"
    // What stops a connection attempt ("Server: give the host name..."), with *field set to
    // the widget to focus; empty when the account can be tried.
    QString problem(QWidget **field) const;
    // Remembers a password given later (e.g. answering credentialsNeeded) for this session.
    void setSessionPassword(const QString &password);

    void setReadOnly(bool readOnly);
    // Opens the server form (e.g. to focus a field named in an error).
    void showDetails() { setDetailsVisible(true); }
    void save() const;

    QLineEdit *hostField() const { return m_host; }
    QSpinBox *portField() const { return m_port; }
    QComboBox *securityField() const { return m_security; }
    QLineEdit *userField() const { return m_user; }
    QLineEdit *passwordField() const { return m_password; }
    QComboBox *accountSelector() const { return m_accounts; }

Q_SIGNALS:
    void changed();

private:
    struct Account
    {
        QString name;
        QString host;
        int port = 587;
        SmtpSettings::Security security = SmtpSettings::Security::StartTls;
        QString user;
    };

    void load();
    void showAccount(int index);
    void storeFields();
    void addAccount();
    void removeAccount();
    void onPortEdited(int port);
    void setDetailsVisible(bool visible);

    QList<Account> m_list;
    QHash<QString, QString> m_passwords; // session only, by account name
    int m_current = -1;
    bool m_loading = false;

    QComboBox *m_accounts;
    QToolButton *m_add;
    QToolButton *m_remove;
    QToolButton *m_toggle;
    QWidget *m_details;
    QLineEdit *m_name;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_security;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_passwordNote;
};
