// An account's OAuth 2 access for the window: its tokens and client secret kept as one secret
// in the credential store (Account::oauthSecretKey()), the sign-in in the person's browser, and
// a fresh access token before each send, signing in again when the provider refuses the
// refresh token. One request at a time; a new one abandons the last.
#pragma once

#include "account/account.h"
#include "account/credentialstore.h"
#include "oauth/oauthsession.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

class OAuthAccess : public QObject
{
    Q_OBJECT
public:
    // Opens an address in the person's browser; false when none could be opened.
    using BrowserOpener = std::function<bool(const QUrl &url)>;

    explicit OAuthAccess(CredentialStore *store, QObject *parent = nullptr);
    ~OAuthAccess() override;

    static OAuthSettings settings(const Account &account, const QString &clientSecret);
    // Tests drive "the browser" themselves; the default is QDesktopServices::openUrl.
    static void setBrowserOpener(BrowserOpener opener);
    // Opens url in the browser or, when none opens, shows it in a dialog to copy.
    static void openBrowser(const QUrl &url, QWidget *parent);

    // loaded() says whether the account is signed in (a refresh token is stored).
    void load(const QString &accountId);
    // The browser sign-in. clientSecret, when given, replaces the stored one.
    void signIn(const Account &account, const QString &clientSecret = QString());
    // ready() with an access token for a send: the stored one, a renewed one, or one from a new
    // sign-in when there is no refresh token or the provider refused it (signInNeeded() first).
    void fresh(const Account &account);
    // Ends a sign-in or renewal under way with failed(Cancelled).
    void cancel();
    // A sign-in or renewal under way (not a mere read or write of the store).
    bool isBusy() const
    {
        return m_operation == Operation::SignIn || m_operation == Operation::Fresh;
    }
    // Keeps the client secret beside the tokens (or removes it when empty).
    void storeClientSecret(const QString &accountId, const QString &clientSecret);
    // The server refused the stored access token: the next fresh() renews it.
    void expire(const QString &accountId);
    void setSignInTimeout(int ms) { m_signInTimeoutMs = ms; }

Q_SIGNALS:
    void loaded(const QString &accountId, bool signedIn, bool hasClientSecret);
    // The browser is needed: open this (openBrowser()).
    void authorizationUrlReady(const QUrl &url);
    // A send needs a new sign-in; why says what the provider said.
    void signInNeeded(const QString &why);
    // The access token was renewed with the refresh token.
    void renewed(const QUrl &tokenUrl, const QDateTime &expiresAt);
    // New tokens are in the credential store (after a sign-in or a renewal).
    void stored(const QString &accountId);
    // The credential store did not keep them: the message says where and why.
    void storeFailed(const QString &message);
    void ready(const QString &accessToken);
    void failed(OAuthSession::Error error, const QString &message);

private:
    enum class Operation
    {
        None,
        Load,
        SignIn,
        Fresh,
        StoreSecret,
        Expire,
    };
    void begin(Operation operation, const Account &account);
    void onRead(const QString &key, const QString &secret, CredentialStore::Error error,
                const QString &message);
    void startSession(bool signIn);
    void write(const OAuthTokens &tokens);
    void finish();

    CredentialStore *m_store;
    Operation m_operation = Operation::None;
    Account m_account;
    QString m_clientSecret;
    QString m_givenSecret; // to store with the next write, over the stored one
    bool m_signingIn = false;
    bool m_reading = false; // the store's answer for this operation is awaited
    int m_signInTimeoutMs = 5 * 60 * 1000;
    QPointer<OAuthSession> m_session;
};
