#include "account/accountpreset.h"

QList<AccountPreset> AccountPreset::all()
{
    using S = SmtpSettings::Security;
    const QString appPassword =
        QStringLiteral("Sign in with an app password (or an OAuth token for XOAUTH2); the "
                       "provider refuses the account's normal password here.");
    return {
        {QStringLiteral("gmail-587"), QStringLiteral("Gmail (STARTTLS, port 587)"),
         QStringLiteral("smtp.gmail.com"), 587, S::StartTls, true, appPassword},
        {QStringLiteral("gmail-465"), QStringLiteral("Gmail (TLS, port 465)"),
         QStringLiteral("smtp.gmail.com"), 465, S::ImplicitTls, true, appPassword},
        {QStringLiteral("outlook"), QStringLiteral("Outlook.com (STARTTLS, port 587)"),
         QStringLiteral("smtp-mail.outlook.com"), 587, S::StartTls, true,
         QStringLiteral("Use the full address as the user name.")},
        {QStringLiteral("fastmail"), QStringLiteral("Fastmail (TLS, port 465)"),
         QStringLiteral("smtp.fastmail.com"), 465, S::ImplicitTls, true, appPassword},
        {QStringLiteral("icloud"), QStringLiteral("iCloud (STARTTLS, port 587)"),
         QStringLiteral("smtp.mail.me.com"), 587, S::StartTls, true, appPassword},
        {QStringLiteral("yahoo"), QStringLiteral("Yahoo (TLS, port 465)"),
         QStringLiteral("smtp.mail.yahoo.com"), 465, S::ImplicitTls, true, appPassword},
        // `postwire sandbox` listens here by default; it is loopback, so no TLS is needed.
        {QStringLiteral("sandbox"), QStringLiteral("Local sandbox (127.0.0.1, port 2525)"),
         QStringLiteral("127.0.0.1"), 2525, S::None, false,
         QStringLiteral("Postwire's built-in server: messages stay on this computer.")},
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
    account.authMechanism.clear();
}
