#include "oauthaccess.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

const QLatin1String ClientSecretKey("client_secret");

OAuthAccess::BrowserOpener &browserOpener()
{
    static OAuthAccess::BrowserOpener opener = [](const QUrl &url) {
        return QDesktopServices::openUrl(url);
    };
    return opener;
}

// The stored secret: the tokens as OAuthTokens keeps them, with the client secret beside them.
QString secretOf(const OAuthTokens &tokens, const QString &clientSecret)
{
    QJsonObject o = QJsonDocument::fromJson(tokens.toSecret().toUtf8()).object();
    if (!clientSecret.isEmpty())
        o.insert(ClientSecretKey, clientSecret);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString clientSecretOf(const QString &secret)
{
    return QJsonDocument::fromJson(secret.toUtf8()).object().value(ClientSecretKey).toString();
}

} // namespace

OAuthAccess::OAuthAccess(CredentialStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    connect(m_store, &CredentialStore::readFinished, this, &OAuthAccess::onRead);
    connect(m_store, &CredentialStore::writeFinished, this,
            [this](const QString &key, CredentialStore::Error error, const QString &message) {
                if (!key.endsWith(QLatin1String(":oauth")))
                    return;
                const QString id = key.chopped(6);
                if (error == CredentialStore::Error::NoError)
                    Q_EMIT stored(id);
                else
                    Q_EMIT storeFailed(
                        tr("The OAuth 2 sign-in could not be kept in %1: %2; it lasts until "
                           "Postwire quits")
                            .arg(m_store->location(), message));
            });
}

OAuthAccess::~OAuthAccess() = default;

OAuthSettings OAuthAccess::settings(const Account &account, const QString &clientSecret)
{
    OAuthSettings s;
    s.authorizationUrl = QUrl(account.oauthAuthorizationUrl.trimmed(), QUrl::StrictMode);
    s.tokenUrl = QUrl(account.oauthTokenUrl.trimmed(), QUrl::StrictMode);
    s.clientId = account.oauthClientId.trimmed();
    s.clientSecret = clientSecret;
    s.scope = account.oauthScope.simplified();
    return s;
}

void OAuthAccess::setBrowserOpener(BrowserOpener opener)
{
    browserOpener() = std::move(opener);
}

void OAuthAccess::openBrowser(const QUrl &url, QWidget *parent)
{
    if (browserOpener()(url))
        return;
    // No browser to open (none installed, or no desktop session to ask): the person can still
    // sign in with a browser elsewhere on this computer, given the address.
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("signInAddress"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Sign In in a Browser"));
    auto *text = new QLabel(tr("No web browser could be opened. Open this address in a browser "
                               "on this computer to sign in; Postwire waits for the answer."));
    text->setWordWrap(true);
    // All of it in view, wrapped anywhere: these addresses run to several hundred characters.
    auto *address = new QPlainTextEdit(url.toString(QUrl::FullyEncoded));
    address->setObjectName(QStringLiteral("signInAddressText"));
    address->setReadOnly(true);
    address->setWordWrapMode(QTextOption::WrapAnywhere);
    address->setAccessibleName(tr("Sign-in address"));
    address->setFixedHeight(6 * address->fontMetrics().lineSpacing());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton *copy = buttons->addButton(tr("&Copy Address"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, dialog,
            [address] { QApplication::clipboard()->setText(address->toPlainText()); });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(address);
    layout->addWidget(buttons);
    dialog->resize(qMax(dialog->sizeHint().width(), 560), dialog->sizeHint().height());
    dialog->open();
    address->selectAll();
}

void OAuthAccess::load(const QString &accountId)
{
    Account a;
    a.id = accountId;
    begin(Operation::Load, a);
}

void OAuthAccess::signIn(const Account &account, const QString &clientSecret)
{
    begin(Operation::SignIn, account);
    m_givenSecret = clientSecret;
}

void OAuthAccess::fresh(const Account &account)
{
    begin(Operation::Fresh, account);
}

void OAuthAccess::storeClientSecret(const QString &accountId, const QString &clientSecret)
{
    Account a;
    a.id = accountId;
    begin(Operation::StoreSecret, a);
    m_givenSecret = clientSecret;
}

void OAuthAccess::expire(const QString &accountId)
{
    Account a;
    a.id = accountId;
    begin(Operation::Expire, a);
}

void OAuthAccess::begin(Operation operation, const Account &account)
{
    finish();
    m_operation = operation;
    m_account = account;
    m_givenSecret.clear();
    m_signingIn = false;
    m_reading = true;
    // Always read first: the stored secret may have changed in another window since.
    m_store->read(Account::oauthSecretKey(account.id));
}

void OAuthAccess::cancel()
{
    if (m_operation != Operation::SignIn && m_operation != Operation::Fresh)
        return;
    if (m_session && m_session->isBusy() && m_signingIn) {
        m_session->cancel(); // failed(Cancelled) follows
        return;
    }
    const bool signingIn = m_signingIn || m_operation == Operation::SignIn;
    finish();
    Q_EMIT failed(OAuthSession::Error::Cancelled,
                  signingIn ? tr("the sign-in was cancelled")
                            : tr("the renewal of the access token was cancelled"));
}

void OAuthAccess::onRead(const QString &key, const QString &secret, CredentialStore::Error error,
                         const QString &message)
{
    // Others read the same store: the first answer for the key will do, and only one.
    if (!m_reading || key != Account::oauthSecretKey(m_account.id))
        return;
    m_reading = false;
    if (error != CredentialStore::Error::NoError && error != CredentialStore::Error::NotFound &&
        m_operation != Operation::Load) {
        // Not readable is not "not signed in": signing in again would not help.
        const Operation operation = std::exchange(m_operation, Operation::None);
        if (operation == Operation::SignIn || operation == Operation::Fresh)
            Q_EMIT failed(OAuthSession::Error::SignInNeeded,
                          tr("the OAuth 2 sign-in could not be read from %1: %2")
                              .arg(m_store->location(), message));
        return;
    }
    const OAuthTokens tokens = OAuthTokens::fromSecret(secret);
    m_clientSecret = clientSecretOf(secret);
    switch (m_operation) {
    case Operation::None:
        return;
    case Operation::Load:
        m_operation = Operation::None;
        Q_EMIT loaded(m_account.id, !tokens.refreshToken.isEmpty() || !tokens.accessToken.isEmpty(),
                      !m_clientSecret.isEmpty());
        return;
    case Operation::StoreSecret:
        m_operation = Operation::None;
        m_store->write(key, secretOf(tokens, m_givenSecret));
        return;
    case Operation::Expire: {
        m_operation = Operation::None;
        if (tokens.accessToken.isEmpty())
            return;
        OAuthTokens expired = tokens;
        expired.accessToken.clear();
        m_store->write(key, secretOf(expired, m_clientSecret));
        return;
    }
    case Operation::SignIn:
    case Operation::Fresh:
        if (!m_givenSecret.isEmpty())
            m_clientSecret = m_givenSecret;
        startSession(m_operation == Operation::SignIn);
        m_session->setTokens(tokens);
        if (m_operation == Operation::SignIn)
            m_session->signIn();
        else
            m_session->ensureFresh();
        return;
    }
}

void OAuthAccess::startSession(bool signIn)
{
    auto *session = new OAuthSession(settings(m_account, m_clientSecret), this);
    m_session = session;
    m_signingIn = signIn;
    session->setSignInTimeout(m_signInTimeoutMs);
    connect(session, &OAuthSession::authorizationUrlReady, this,
            &OAuthAccess::authorizationUrlReady);
    connect(session, &OAuthSession::tokensChanged, this, [this](const OAuthTokens &tokens) {
        write(tokens);
        if (!m_signingIn)
            Q_EMIT renewed(QUrl(m_account.oauthTokenUrl.trimmed()), tokens.expiresAt);
    });
    connect(session, &OAuthSession::ready, this, [this](const QString &accessToken) {
        finish();
        Q_EMIT ready(accessToken);
    });
    connect(session, &OAuthSession::failed, this,
            [this, session](OAuthSession::Error error, const QString &message) {
                const bool again = error == OAuthSession::Error::RefreshRefused ||
                                   error == OAuthSession::Error::SignInNeeded;
                if (m_operation == Operation::Fresh && again && !m_signingIn) {
                    // A send never fails for a refresh token the provider no longer takes:
                    // the person signs in again and the send goes on.
                    m_signingIn = true;
                    Q_EMIT signInNeeded(error == OAuthSession::Error::RefreshRefused
                                            ? message
                                            : OAuthSession::errorLabel(error));
                    session->signIn();
                    return;
                }
                finish();
                Q_EMIT failed(error, message);
            });
}

void OAuthAccess::write(const OAuthTokens &tokens)
{
    m_store->write(Account::oauthSecretKey(m_account.id), secretOf(tokens, m_clientSecret));
}

void OAuthAccess::finish()
{
    m_operation = Operation::None;
    m_reading = false;
    if (OAuthSession *session = m_session.data()) {
        m_session.clear();
        session->disconnect(this);
        session->cancel();
        session->deleteLater();
    }
}
