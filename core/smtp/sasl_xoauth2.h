// XOAUTH2 (Google's and Microsoft's OAuth 2 bearer token mechanism for SMTP): the user name and
// an access token obtained elsewhere, in one initial response.
#pragma once

#include "smtp/sasl.h"

class SaslXOAuth2 : public SaslMechanism
{
public:
    explicit SaslXOAuth2(const SaslCredentials &credentials);

    QByteArray name() const override { return QByteArrayLiteral("XOAUTH2"); }
    bool hasInitialResponse() const override { return true; }
    Step start() override;
    // After the token, a 334 carries the server's JSON error; the client must answer with an
    // empty line, and the server then fails the exchange (with 535 or similar).
    Step respond(const QByteArray &challenge) override;

    // The JSON error the server sent, if any (for the failure message).
    QByteArray serverError() const { return m_serverError; }

private:
    SaslCredentials m_credentials;
    bool m_started = false;
    QByteArray m_serverError;
};
