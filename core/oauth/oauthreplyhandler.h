// The loopback redirect of a sign-in (Qt's HTTP server reply handler on 127.0.0.1, a port of
// the system's choosing) that also reports a token endpoint's refusal: Qt 6.4 only logs an
// HTTP error or an "error" answer, and the provider's words would be lost.
#pragma once

#include <QOAuthHttpServerReplyHandler>

class OAuthReplyHandler : public QOAuthHttpServerReplyHandler
{
    Q_OBJECT
public:
    // listen: false for a refresh, which needs no redirect.
    OAuthReplyHandler(bool listen, QObject *parent);

    void networkReplyFinished(QNetworkReply *reply) override;

Q_SIGNALS:
    // The token endpoint refused or failed. error and description are RFC 6749 section 5.2's
    // "error" and "error_description" when the provider sent them; otherwise error is empty
    // and description says what went wrong (HTTP status, network error).
    void tokenRequestFailed(const QString &error, const QString &description);
};
