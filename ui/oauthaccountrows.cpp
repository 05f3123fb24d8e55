#include "oauthaccountrows.h"

#include "oauthaccess.h"

#include "account/credentialstore.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

OAuthAccountRows::OAuthAccountRows(CredentialStore *credentials, QFormLayout *form, QWidget *parent)
    : QObject(parent)
    , m_parent(parent)
    , m_credentials(credentials)
    , m_access(new OAuthAccess(credentials, this))
    , m_form(form)
    , m_authorizationUrl(new QLineEdit)
    , m_tokenUrl(new QLineEdit)
    , m_scope(new QLineEdit)
    , m_clientId(new QLineEdit)
    , m_clientSecret(new QLineEdit)
    , m_signIn(new QPushButton)
    , m_status(new QLabel)
    , m_signInRow(new QWidget)
{
    m_authorizationUrl->setPlaceholderText(QStringLiteral("https://id.example/authorize"));
    m_authorizationUrl->setToolTip(tr("Where you sign in with the provider, in your browser"));
    m_tokenUrl->setPlaceholderText(QStringLiteral("https://id.example/token"));
    m_tokenUrl->setToolTip(tr("Where Postwire exchanges the sign-in, and later the refresh "
                              "token, for an access token"));
    m_scope->setToolTip(tr("The permissions asked for, separated by spaces (the provider's "
                           "scope for sending mail by SMTP)"));
    m_clientId->setPlaceholderText(tr("from your app registration with the provider"));
    m_clientId->setToolTip(tr("The client ID of the OAuth client you registered with the "
                              "provider (see the README: Accounts)"));
    m_clientSecret->setEchoMode(QLineEdit::Password);
    m_clientSecret->setAccessibleName(tr("OAuth 2 client secret"));
    m_clientSecret->setToolTip(tr("Only where the provider gives one (Google does for a "
                                  "desktop client); kept in %1 with the tokens")
                                   .arg(credentials->location()));
    m_signIn->setAutoDefault(false);
    m_signIn->setObjectName(QStringLiteral("oauthSignIn"));
    m_status->setObjectName(QStringLiteral("oauthStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *row = new QHBoxLayout(m_signInRow);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_signIn, 0, Qt::AlignTop);
    row->addWidget(m_status, 1);
    setBusy(false);

    form->addRow(tr("Authori&zation URL:"), m_authorizationUrl);
    form->addRow(tr("To&ken URL:"), m_tokenUrl);
    form->addRow(tr("Sco&pe:"), m_scope);
    form->addRow(tr("C&lient ID:"), m_clientId);
    form->addRow(tr("Client secret:"), m_clientSecret);
    form->addRow(tr("OAuth 2:"), m_signInRow);

    for (QLineEdit *e : {m_authorizationUrl, m_tokenUrl, m_scope, m_clientId})
        connect(e, &QLineEdit::textEdited, this, &OAuthAccountRows::edited);
    connect(m_clientSecret, &QLineEdit::editingFinished, this, &OAuthAccountRows::storeTypedSecret);
    connect(m_signIn, &QPushButton::clicked, this, &OAuthAccountRows::signInOrCancel);
    connect(m_access, &OAuthAccess::loaded, this,
            [this](const QString &id, bool signedIn, bool hasClientSecret) {
                if (id != m_accountId)
                    return;
                m_hasClientSecret = hasClientSecret;
                m_clientSecret->setPlaceholderText(
                    hasClientSecret ? tr("stored; type to replace it")
                                    : tr("none stored; give it where the provider requires one"));
                setStatus(signedIn ? tr("Signed in; the access token is renewed before each send")
                                   : tr("Not signed in"));
            });
    connect(m_access, &OAuthAccess::authorizationUrlReady, this, [this](const QUrl &url) {
        setStatus(tr("Waiting for the sign-in in your browser\u2026"));
        OAuthAccess::openBrowser(url, m_parent);
    });
    connect(m_access, &OAuthAccess::ready, this, [this] {
        setBusy(false);
        if (!m_clientSecret->text().isEmpty()) {
            m_clientSecret->clear();
            m_hasClientSecret = true;
            m_clientSecret->setPlaceholderText(tr("stored; type to replace it"));
        }
        setStatus(tr("Signed in; the access token is renewed before each send"));
    });
    connect(m_access, &OAuthAccess::failed, this,
            [this](OAuthSession::Error error, const QString &message) {
                setBusy(false);
                setStatus(tr("%1: %2").arg(OAuthSession::errorLabel(error), message), true);
            });
    connect(m_access, &OAuthAccess::stored, this, [this](const QString &id) {
        if (id != m_accountId || m_access->isBusy() || m_clientSecret->text().isEmpty())
            return;
        m_clientSecret->clear();
        m_hasClientSecret = true;
        m_clientSecret->setPlaceholderText(tr("stored; type to replace it"));
    });
    connect(m_access, &OAuthAccess::storeFailed, this,
            [this](const QString &message) { setStatus(message, true); });
}

void OAuthAccountRows::show(const Account &account)
{
    if (m_access->isBusy() && account.id != m_accountId)
        m_access->cancel(); // a sign-in belongs to the account it began for
    m_accountId = account.id;
    m_authorizationUrl->setText(account.oauthAuthorizationUrl);
    m_tokenUrl->setText(account.oauthTokenUrl);
    m_scope->setText(account.oauthScope);
    m_clientId->setText(account.oauthClientId);
    m_clientSecret->clear();
    m_clientSecret->setPlaceholderText(QString());
    setVisible(account.usesOAuth());
    if (!m_access->isBusy() && !account.id.isEmpty()) {
        setStatus(tr("Looking for a sign-in\u2026"));
        m_access->load(account.id);
    }
}

void OAuthAccountRows::applyTo(Account &account) const
{
    account.oauthAuthorizationUrl = m_authorizationUrl->text().trimmed();
    account.oauthTokenUrl = m_tokenUrl->text().trimmed();
    account.oauthScope = m_scope->text().simplified();
    account.oauthClientId = m_clientId->text().trimmed();
}

void OAuthAccountRows::setVisible(bool visible)
{
    for (QWidget *w :
         {static_cast<QWidget *>(m_authorizationUrl), static_cast<QWidget *>(m_tokenUrl),
          static_cast<QWidget *>(m_scope), static_cast<QWidget *>(m_clientId),
          static_cast<QWidget *>(m_clientSecret), m_signInRow})
        m_form->setRowVisible(w, visible);
}

void OAuthAccountRows::forget(const QString &accountId)
{
    if (accountId == m_accountId && m_access->isBusy())
        m_access->cancel();
    m_credentials->remove(Account::oauthSecretKey(accountId));
}

void OAuthAccountRows::signInOrCancel()
{
    if (m_access->isBusy()) {
        m_access->cancel();
        return;
    }
    if (!m_source)
        return;
    const Account account = m_source();
    // Said here, naming the field, before a browser opens for nothing.
    if (const QString problem = OAuthAccess::settings(account, QString()).problem(true);
        !problem.isEmpty()) {
        setStatus(problem, true);
        return;
    }
    setBusy(true);
    setStatus(tr("Opening the sign-in in your browser\u2026"));
    m_access->signIn(account, m_clientSecret->text());
}

void OAuthAccountRows::storeTypedSecret()
{
    const QString secret = m_clientSecret->text();
    // During a sign-in it goes along with the tokens.
    if (secret.isEmpty() || m_accountId.isEmpty() || m_access->isBusy())
        return;
    // The field keeps it until it is stored: a Sign In pressed meanwhile takes it along.
    m_access->storeClientSecret(m_accountId, secret);
}

void OAuthAccountRows::setBusy(bool busy)
{
    m_signIn->setText(busy ? tr("Cancel Sign-In") : tr("Sign &In\u2026"));
    m_signIn->setToolTip(busy ? tr("Stop waiting for the sign-in in the browser")
                              : tr("Sign in with the provider in your browser; Postwire keeps "
                                   "the tokens in the keychain and renews them before each send"));
}

void OAuthAccountRows::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #b00020") : QString());
}
