// How an account signs in with OAuth 2: the provider's endpoints and scopes, and the client
// registration the person made with the provider. Nothing here is a secret worth a keychain
// but the client secret, which a provider may require and which is kept with the tokens.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

struct OAuthSettings
{
    QUrl authorizationUrl; // where the person signs in, in the browser
    QUrl tokenUrl;         // where codes and refresh tokens become access tokens
    QString clientId;
    QString clientSecret; // empty for a public (installed) client
    QString scope;        // space-separated

    // The first reason these settings cannot be used, naming the field; empty when they can.
    // signIn: the browser sign-in needs the authorization URL too (a refresh does not).
    QString problem(bool signIn) const;
    // A URL that may carry codes and tokens: https, or http to this machine only.
    static QString checkUrl(const QUrl &url, const QString &field);

    friend bool operator==(const OAuthSettings &, const OAuthSettings &) = default;

    Q_DECLARE_TR_FUNCTIONS(OAuthSettings)
};
