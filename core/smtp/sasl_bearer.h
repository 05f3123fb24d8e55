// What XOAUTH2 and OAUTHBEARER (RFC 7628) share: an OAuth 2 access token sent in one initial
// response, and a refusal that comes as a JSON error challenge the client must acknowledge
// before the server fails the exchange. The transcript shows the JSON decoded, never the token.
#pragma once

#include "smtp/sasl.h"

#include <QCoreApplication>

class SaslBearerMechanism : public SaslMechanism
{
    Q_DECLARE_TR_FUNCTIONS(SaslBearerMechanism)
public:
    explicit SaslBearerMechanism(const SaslCredentials &credentials);

    bool hasInitialResponse() const override { return true; }
    Step start() override;
    // After the token, a 334 carries the server's JSON error; the client acknowledges it
    // (errorAcknowledgement()) and the server then fails the exchange (with 535 or similar).
    Step respond(const QByteArray &challenge) override;

    // The JSON error the server sent, if any (for the failure message).
    QByteArray serverError() const { return m_serverError; }

    // The server's JSON error challenge in words: its status, scope and what it means; the
    // raw text when it is not JSON.
    static QString describeError(const QByteArray &challenge);

protected:
    // The initial response for this token, and the same with the token masked.
    virtual QByteArray message(const QByteArray &token) const = 0;
    virtual QString shown() const = 0;
    // What acknowledges the error challenge: an empty line (XOAUTH2), %x01 (OAUTHBEARER).
    virtual QByteArray errorAcknowledgement() const = 0;

    SaslCredentials m_credentials;

private:
    bool m_started = false;
    QByteArray m_serverError;
};
