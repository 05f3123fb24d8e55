// Server settings of common providers (and the built-in sandbox), so an account is filled in
// with one choice: host, port, security and whether the provider wants AUTH.
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
    QString note; // what else the provider needs, e.g. an app password

    static QList<AccountPreset> all();
    static std::optional<AccountPreset> find(const QString &key);
    // Sets host, port, security and authentication; leaves identity and user alone.
    void applyTo(Account &account) const;
};
