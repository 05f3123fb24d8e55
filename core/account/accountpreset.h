// Server settings of common providers (and the built-in sandbox), so an account is filled in
// with one choice: host, port, security, whether the provider wants AUTH, and its OAuth 2
// endpoints and scope. The OAuth client ID stays the person's: a provider could revoke one
// built in.
#pragma once

#include "account/account.h"

#include <QList>
#include <QString>

struct AccountPreset
{
    QString key;   // stable: "gmail-587"
    QString label; // shown: "Gmail (STARTTLS, port 587)"
    QString host;
    int port = 587;
    SmtpSettings::Security security = SmtpSettings::Security::StartTls;
    bool authenticate = true;
    QString note;         // what else the provider needs, e.g. an app password
    QByteArray mechanism; // empty: the strongest both sides offer
    QString oauthAuthorizationUrl;
    QString oauthTokenUrl;
    QString oauthScope;

    static QList<AccountPreset> all();
    static std::optional<AccountPreset> find(const QString &key);
    // Sets host, port, security, authentication and the OAuth 2 endpoints and scope; leaves
    // identity, user and the OAuth client ID alone.
    void applyTo(Account &account) const;

    // Last: the macro leaves "private:" behind.
    Q_DECLARE_TR_FUNCTIONS(AccountPreset)
};
