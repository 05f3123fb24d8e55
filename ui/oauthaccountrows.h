// The OAuth 2 part of the accounts dialog, shown while the mechanism is XOAUTH2 or OAUTHBEARER:
// the provider's endpoints and scope, the client registration (its secret kept in the
// credential store with the tokens), "Sign In…" in the browser with Cancel, and a status line.
#pragma once

#include "account/account.h"
#include "oauth/oauthsession.h"

#include <QObject>

#include <functional>

class CredentialStore;
class OAuthAccess;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

class OAuthAccountRows : public QObject
{
    Q_OBJECT
public:
    // Adds its rows to form, at its end; parent is the dialog (for the address dialog).
    OAuthAccountRows(CredentialStore *credentials, QFormLayout *form, QWidget *parent);

    // Fills the rows from account and shows them when it uses OAuth 2.
    void show(const Account &account);
    // The rows' values into account (the client secret stays out: it is a secret).
    void applyTo(Account &account) const;
    // The mechanism chosen in the form changed: the rows appear or go.
    void setVisible(bool visible);
    // Forgets the account's tokens and client secret in the credential store.
    void forget(const QString &accountId);
    // The account as the dialog's form holds it now, for the sign-in.
    void setAccountSource(std::function<Account()> source) { m_source = std::move(source); }

    OAuthAccess *access() const { return m_access; }
    QLineEdit *authorizationUrlField() const { return m_authorizationUrl; }
    QLineEdit *tokenUrlField() const { return m_tokenUrl; }
    QLineEdit *scopeField() const { return m_scope; }
    QLineEdit *clientIdField() const { return m_clientId; }
    QLineEdit *clientSecretField() const { return m_clientSecret; }
    QPushButton *signInButton() const { return m_signIn; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    // A field was edited: the dialog saves the account.
    void edited();

private:
    void signInOrCancel();
    void setStatus(const QString &text, bool problem = false);
    void storeTypedSecret();
    void setBusy(bool busy);

    QWidget *m_parent;
    CredentialStore *m_credentials;
    OAuthAccess *m_access;
    QFormLayout *m_form;
    QString m_accountId;
    std::function<Account()> m_source;
    bool m_hasClientSecret = false;
    QLineEdit *m_authorizationUrl;
    QLineEdit *m_tokenUrl;
    QLineEdit *m_scope;
    QLineEdit *m_clientId;
    QLineEdit *m_clientSecret;
    QPushButton *m_signIn;
    QLabel *m_status;
    QWidget *m_signInRow;
};
