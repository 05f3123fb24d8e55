// The tokens of one OAuth 2 sign-in, as kept in the keychain (one secret, JSON) and never
// anywhere else: the access token sent with XOAUTH2/OAUTHBEARER, the refresh token that
// renews it, and when the access token expires.
#pragma once

#include <QDateTime>
#include <QString>

struct OAuthTokens
{
    QString accessToken;
    QString refreshToken;
    QDateTime expiresAt; // invalid: the provider did not say

    bool isEmpty() const { return accessToken.isEmpty() && refreshToken.isEmpty(); }
    // Whether the access token is missing or expires within margin seconds of now.
    bool needsRenewal(const QDateTime &now, int marginSeconds = 60) const;

    // The keychain's form; fromSecret() of anything else gives empty tokens.
    QString toSecret() const;
    static OAuthTokens fromSecret(const QString &secret);

    friend bool operator==(const OAuthTokens &, const OAuthTokens &) = default;
};
