// One account's OAuth 2 tokens kept usable: the authorization-code sign-in in the person's
// browser (PKCE, RFC 7636, and a loopback redirect, RFC 8252), the refresh-token grant, and
// renewal before a send. The core only emits the sign-in address; opening a browser is the
// window's. Tokens leave only through tokensChanged() (for the keychain) and ready().
#pragma once

#include "oauth/oauthsettings.h"
#include "oauth/oauthtokens.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class QOAuth2AuthorizationCodeFlow;

class OAuthSession : public QObject
{
    Q_OBJECT
public:
    enum class Error
    {
        NoError,
        Configuration,  // the settings cannot be used (the message names the field)
        SignInNeeded,   // no refresh token: the person must sign in
        Cancelled,      // the person cancelled the sign-in
        TimedOut,       // no answer from the browser or the provider in time
        Denied,         // the authorization endpoint came back with an error
        RefreshRefused, // invalid_grant: the refresh token is revoked or expired; sign in again
        TokenRefused,   // the token endpoint refused otherwise (the provider's words quoted)
        Network,        // the provider could not be reached, or the loopback not opened
    };
    Q_ENUM(Error)

    explicit OAuthSession(const OAuthSettings &settings, QObject *parent = nullptr);
    ~OAuthSession() override;

    void setTokens(const OAuthTokens &tokens) { m_tokens = tokens; }
    OAuthTokens tokens() const { return m_tokens; }
    // How long the browser sign-in may take (default 5 minutes), and a token request.
    void setSignInTimeout(int ms) { m_signInTimeoutMs = ms; }
    void setRequestTimeout(int ms) { m_requestTimeoutMs = ms; }
    bool isBusy() const { return !m_flow.isNull(); }

    // The browser sign-in: authorizationUrlReady() gives the address to open; then ready()
    // or failed(). A sign-in or renewal under way is abandoned.
    void signIn();
    // Ends a sign-in under way with failed(Cancelled). Nothing when there is none.
    void cancel();
    // The refresh-token grant now: ready() or failed().
    void renew();
    // ready() with an access token good for at least a minute: the one held, or a renewed
    // one; failed(SignInNeeded) when there is neither. Answered after the call returns.
    void ensureFresh();

    // For people: "Sign-in cancelled", "The provider refused the refresh token" ...
    static QString errorLabel(Error error);

Q_SIGNALS:
    void authorizationUrlReady(const QUrl &url);
    // New tokens: keep them (keychain). Emitted before ready().
    void tokensChanged(const OAuthTokens &tokens);
    void ready(const QString &accessToken);
    void failed(OAuthSession::Error error, const QString &message);

private:
    enum class Grant
    {
        SignIn,
        Refresh
    };
    void start(Grant grant);
    void succeed();
    void fail(Error error, const QString &message);
    void finishFlow();

    OAuthSettings m_settings;
    OAuthTokens m_tokens;
    QNetworkAccessManager *m_network;
    QPointer<QOAuth2AuthorizationCodeFlow> m_flow;
    Grant m_grant = Grant::Refresh;
    QByteArray m_codeVerifier;
    QTimer m_timer;
    int m_signInTimeoutMs = 5 * 60 * 1000;
    int m_requestTimeoutMs = 30 * 1000;
};
