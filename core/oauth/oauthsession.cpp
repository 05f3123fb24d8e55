#include "oauth/oauthsession.h"

#include "oauth/oauthreplyhandler.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QOAuth2AuthorizationCodeFlow>
#include <QRandomGenerator>

namespace {

// RFC 7636 section 4.1: 32 random octets, base64url without padding (43 characters).
QByteArray newCodeVerifier()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray codeChallenge(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

OAuthSession::OAuthSession(const OAuthSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_network(new QNetworkAccessManager(this))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_grant == Grant::SignIn)
            fail(Error::TimedOut, tr("no sign-in came back from the browser within %n minutes",
                                     nullptr, qMax(1, m_signInTimeoutMs / 60000)));
        else
            fail(Error::TimedOut, tr("the token endpoint %1 did not answer within %n seconds",
                                     nullptr, m_requestTimeoutMs / 1000)
                                      .arg(m_settings.tokenUrl.toString()));
    });
}

OAuthSession::~OAuthSession() = default;

QString OAuthSession::errorLabel(Error error)
{
    switch (error) {
    case Error::NoError:
        return QString();
    case Error::Configuration:
        return tr("The OAuth2 settings are incomplete");
    case Error::SignInNeeded:
        return tr("Sign-in needed");
    case Error::Cancelled:
        return tr("Sign-in cancelled");
    case Error::TimedOut:
        return tr("Sign-in timed out");
    case Error::Denied:
        return tr("The provider refused the sign-in");
    case Error::RefreshRefused:
        return tr("The provider refused the refresh token; sign in again");
    case Error::TokenRefused:
        return tr("The provider refused the token request");
    case Error::Network:
        return tr("The provider could not be reached");
    }
    return QString();
}

void OAuthSession::signIn()
{
    start(Grant::SignIn);
}

void OAuthSession::renew()
{
    start(Grant::Refresh);
}

void OAuthSession::cancel()
{
    if (m_flow && m_grant == Grant::SignIn)
        fail(Error::Cancelled, tr("the sign-in was cancelled"));
}

void OAuthSession::ensureFresh()
{
    if (!m_tokens.needsRenewal(QDateTime::currentDateTimeUtc())) {
        const QString token = m_tokens.accessToken;
        QMetaObject::invokeMethod(
            this, [this, token] { Q_EMIT ready(token); }, Qt::QueuedConnection);
        return;
    }
    if (m_tokens.refreshToken.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                Q_EMIT failed(Error::SignInNeeded,
                              tr("there is no refresh token: sign in with the provider first"));
            },
            Qt::QueuedConnection);
        return;
    }
    renew();
}

void OAuthSession::start(Grant grant)
{
    finishFlow();
    m_grant = grant;
    const QString problem = m_settings.problem(grant == Grant::SignIn);
    if (!problem.isEmpty() || (grant == Grant::Refresh && m_tokens.refreshToken.isEmpty())) {
        const Error error = problem.isEmpty() ? Error::SignInNeeded : Error::Configuration;
        const QString message =
            problem.isEmpty() ? tr("there is no refresh token: sign in with the provider first")
                              : problem;
        QMetaObject::invokeMethod(
            this, [this, error, message] { Q_EMIT failed(error, message); }, Qt::QueuedConnection);
        return;
    }

    auto *flow = new QOAuth2AuthorizationCodeFlow(m_network, this);
    m_flow = flow;
    auto *handler = new OAuthReplyHandler(grant == Grant::SignIn, flow);
    if (grant == Grant::SignIn && !handler->isListening()) {
        fail(Error::Network, tr("cannot listen on 127.0.0.1 for the browser's redirect"));
        return;
    }
    handler->setCallbackText(
        tr("Postwire has the sign-in. You can close this page and go back to Postwire."));
    flow->setReplyHandler(handler);
    flow->setAuthorizationUrl(m_settings.authorizationUrl);
    flow->setAccessTokenUrl(m_settings.tokenUrl);
    flow->setClientIdentifier(m_settings.clientId.trimmed());
    flow->setClientIdentifierSharedKey(m_settings.clientSecret);
    flow->setScope(m_settings.scope.simplified());
    flow->setRefreshToken(m_tokens.refreshToken);
    m_codeVerifier = newCodeVerifier();
    flow->setModifyParametersFunction([this](QAbstractOAuth::Stage stage,
                                             QMultiMap<QString, QVariant> *parameters) {
        using Stage = QAbstractOAuth::Stage;
        switch (stage) {
        case Stage::RequestingAuthorization:
            parameters->replace(QStringLiteral("code_challenge"),
                                QString::fromLatin1(codeChallenge(m_codeVerifier)));
            parameters->replace(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
            break;
        case Stage::RequestingAccessToken:
            parameters->replace(QStringLiteral("code_verifier"),
                                QString::fromLatin1(m_codeVerifier));
            break;
        case Stage::RefreshingAccessToken:
            // Qt 6.4 sends the redirect URI, which a refresh has no use for, and not
            // the client, which RFC 6749 section 6 needs for a public client.
            parameters->remove(QStringLiteral("redirect_uri"));
            parameters->replace(QStringLiteral("client_id"), m_settings.clientId.trimmed());
            if (!m_settings.clientSecret.isEmpty())
                parameters->replace(QStringLiteral("client_secret"), m_settings.clientSecret);
            break;
        default:
            break;
        }
    });
    connect(flow, &QAbstractOAuth::authorizeWithBrowser, this,
            &OAuthSession::authorizationUrlReady);
    connect(flow, &QAbstractOAuth::statusChanged, this, [this](QAbstractOAuth::Status status) {
        if (status == QAbstractOAuth::Status::Granted)
            succeed();
    });
    connect(
        flow, &QAbstractOAuth2::error, this,
        [this](const QString &error, const QString &encoded, const QUrl &) {
            // Qt 6.4 passes the redirect's error_description still form-encoded.
            const QString description =
                QUrl::fromPercentEncoding(encoded.toUtf8().replace('+', ' '));
            const QString said =
                description.isEmpty() ? error : QStringLiteral("%1 (%2)").arg(error, description);
            if (error == QLatin1String("access_denied"))
                fail(Error::Denied, tr("the sign-in was declined at the provider: %1").arg(said));
            else
                fail(Error::Denied,
                     tr("the provider answered the sign-in with an error: %1").arg(said));
        });
    connect(handler, &OAuthReplyHandler::tokenRequestFailed, this,
            [this](const QString &error, const QString &description) {
                const QString said = error.isEmpty() ? description
                                     : description.isEmpty()
                                         ? error
                                         : QStringLiteral("%1 (%2)").arg(error, description);
                const QString url = m_settings.tokenUrl.toString();
                if (error.isEmpty())
                    fail(Error::Network, tr("token endpoint %1: %2").arg(url, said));
                else if (m_grant == Grant::Refresh && error == QLatin1String("invalid_grant"))
                    fail(Error::RefreshRefused,
                         tr("the provider refused the refresh token (revoked or expired): %1; "
                            "sign in again")
                             .arg(said));
                else
                    fail(Error::TokenRefused,
                         tr("token endpoint %1 refused the request: %2").arg(url, said));
            });
    m_timer.start(grant == Grant::SignIn ? m_signInTimeoutMs : m_requestTimeoutMs);
    if (grant == Grant::SignIn)
        flow->grant();
    else
        flow->refreshAccessToken();
}

void OAuthSession::succeed()
{
    if (!m_flow)
        return;
    OAuthTokens tokens;
    tokens.accessToken = m_flow->token();
    tokens.refreshToken = m_flow->refreshToken();
    tokens.expiresAt = m_flow->expirationAt().toUTC();
    finishFlow();
    if (tokens.accessToken.isEmpty()) {
        fail(Error::TokenRefused,
             tr("token endpoint %1 sent no access token").arg(m_settings.tokenUrl.toString()));
        return;
    }
    m_tokens = tokens;
    Q_EMIT tokensChanged(m_tokens);
    Q_EMIT ready(m_tokens.accessToken);
}

void OAuthSession::fail(Error error, const QString &message)
{
    finishFlow();
    Q_EMIT failed(error, message);
}

void OAuthSession::finishFlow()
{
    m_timer.stop();
    if (QOAuth2AuthorizationCodeFlow *flow = m_flow.data()) {
        m_flow.clear();
        flow->disconnect(this);
        if (QObject *handler = flow->replyHandler())
            handler->disconnect(this);
        flow->deleteLater();
    }
}
