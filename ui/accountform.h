// The sending account in the compose window: a selector over the saved accounts
// (AccountStore), a one-line note about the chosen one, and a folding quick form for the
// server (host, port, security, user) for the edits people make while debugging. Everything
// else, and the passwords, is in the accounts dialog (manageRequested()).
#pragma once

#include "account/account.h"

#include <QHash>
#include <QWidget>

class AccountStore;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

class AccountForm : public QWidget
{
    Q_OBJECT
public:
    explicit AccountForm(AccountStore *store, QWidget *parent = nullptr);

    QStringList accountNames() const;
    QString currentAccount() const; // its name
    QString currentId() const { return m_account.id; }
    // The current account as the form holds it, with edits not saved yet (invalid ones).
    Account account() const { return m_account; }
    void selectAccount(const QString &name);
    void selectAccountId(const QString &id);

    QString serverLabel() const; // "smtp.example.org:587"
    // What stops a connection attempt ("Host: give the server's name..."), with *field set to
    // the widget to focus; empty when the account can be tried.
    QString problem(QWidget **field) const;

    // A line shown under the selector while the account is chosen (e.g. what the sandbox
    // account is); empty removes it.
    void setNote(const QString &accountId, const QString &note);
    QString note() const;

    void setReadOnly(bool readOnly);
    // Opens the quick server form (e.g. to focus a field named in an error).
    void showDetails() { setDetailsVisible(true); }
    // Saves edits of the quick form that are valid (they are saved as typed, too).
    void save();

    QComboBox *accountSelector() const { return m_accounts; }
    QPushButton *manageButton() const { return m_manage; }
    QLabel *noteLabel() const { return m_note; }
    QLineEdit *hostField() const { return m_host; }
    QSpinBox *portField() const { return m_port; }
    QComboBox *securityField() const { return m_security; }
    QLineEdit *userField() const { return m_user; }

Q_SIGNALS:
    // Another account was chosen, or the current one changed.
    void changed();
    // The person wants the accounts dialog (add, remove, passwords, TLS trust...).
    void manageRequested();

private:
    void reload();
    void showAccount(const Account &account);
    void onEdited();
    void onPortEdited(int port);
    void setDetailsVisible(bool visible);
    void updateNote();

    AccountStore *m_store;
    Account m_account;
    QHash<QString, QString> m_notes; // by account id
    bool m_loading = false;
    bool m_saving = false;

    QComboBox *m_accounts;
    QPushButton *m_manage;
    QToolButton *m_toggle;
    QLabel *m_note;
    QWidget *m_details;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_security;
    QLineEdit *m_user;
    QLabel *m_detailsNote;
};
