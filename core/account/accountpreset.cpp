#include "account/accountpreset.h"

QList<AccountPreset> AccountPreset::all()
{
    using S = SmtpSettings::Security;
    const QString appPassword =
        tr("Sign in with an app password (or an OAuth token for XOAUTH2); the provider refuses "
           "the account's normal password here.");
    const QString gmailNote =
        tr("Sign in with Google: choose XOAUTH2 under Authentication and give the client ID of "
           "your Google Cloud OAuth client (Desktop app); or PLAIN with an app password.");
    // Google's endpoints for installed applications and the scope of IMAP, POP and SMTP.
    const QString googleAuthorize = QStringLiteral("https://accounts.google.com/o/oauth2/v2/auth");
    const QString googleToken = QStringLiteral("https://oauth2.googleapis.com/token");
    const QString googleScope = QStringLiteral("https://mail.google.com/");
    return {
        {QStringLiteral("gmail-587"), tr("Gmail (STARTTLS, port 587)"),
         QStringLiteral("smtp.gmail.com"), 587, S::StartTls, true, gmailNote, QByteArray(),
         googleAuthorize, googleToken, googleScope},
        {QStringLiteral("gmail-465"), tr("Gmail (TLS, port 465)"), QStringLiteral("smtp.gmail.com"),
         465, S::ImplicitTls, true, gmailNote, QByteArray(), googleAuthorize, googleToken,
         googleScope},
        // Exchange Online takes no basic authentication: XOAUTH2 with Entra ID's tokens.
        {QStringLiteral("microsoft365"), tr("Microsoft 365 (STARTTLS, port 587)"),
         QStringLiteral("smtp.office365.com"), 587, S::StartTls, true,
         tr("Sign in with Microsoft (OAuth 2): give the client ID of your Microsoft Entra app "
            "registration, then Sign In; use the full address as the user name."),
         QByteArrayLiteral("XOAUTH2"),
         QStringLiteral("https://login.microsoftonline.com/common/oauth2/v2.0/authorize"),
         QStringLiteral("https://login.microsoftonline.com/common/oauth2/v2.0/token"),
         QStringLiteral("https://outlook.office.com/SMTP.Send offline_access")},
        {QStringLiteral("outlook"),
         tr("Outlook.com (STARTTLS, port 587)"),
         QStringLiteral("smtp-mail.outlook.com"),
         587,
         S::StartTls,
         true,
         tr("Use the full address as the user name."),
         {},
         {},
         {},
         {}},
        {QStringLiteral("fastmail"),
         tr("Fastmail (TLS, port 465)"),
         QStringLiteral("smtp.fastmail.com"),
         465,
         S::ImplicitTls,
         true,
         appPassword,
         {},
         {},
         {},
         {}},
        {QStringLiteral("icloud"),
         tr("iCloud (STARTTLS, port 587)"),
         QStringLiteral("smtp.mail.me.com"),
         587,
         S::StartTls,
         true,
         appPassword,
         {},
         {},
         {},
         {}},
        {QStringLiteral("yahoo"),
         tr("Yahoo (TLS, port 465)"),
         QStringLiteral("smtp.mail.yahoo.com"),
         465,
         S::ImplicitTls,
         true,
         appPassword,
         {},
         {},
         {},
         {}},
        // `postwire sandbox` listens here by default; it is loopback, so no TLS is needed.
        {QStringLiteral("sandbox"),
         tr("Local sandbox (127.0.0.1, port 2525)"),
         QStringLiteral("127.0.0.1"),
         2525,
         S::None,
         false,
         tr("Postwire's built-in server: messages stay on this computer."),
         {},
         {},
         {},
         {}},
    };
}

std::optional<AccountPreset> AccountPreset::find(const QString &key)
{
    for (const AccountPreset &p : all()) {
        if (p.key == key)
            return p;
    }
    return std::nullopt;
}

void AccountPreset::applyTo(Account &account) const
{
    account.host = host;
    account.port = port;
    account.security = security;
    account.authenticate = authenticate;
    account.authMechanism = mechanism;
    account.oauthAuthorizationUrl = oauthAuthorizationUrl;
    account.oauthTokenUrl = oauthTokenUrl;
    account.oauthScope = oauthScope;
}
