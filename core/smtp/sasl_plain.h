// SASL PLAIN (RFC 4616): authorization identity, user name and password in one message.
// Only safe inside TLS; the client decides whether it may be used.
#pragma once

#include "smtp/sasl.h"

class SaslPlain : public SaslMechanism
{
public:
    explicit SaslPlain(const SaslCredentials &credentials);

    QByteArray name() const override { return QByteArrayLiteral("PLAIN"); }
    bool hasInitialResponse() const override { return true; }
    Step start() override;
    Step respond(const QByteArray &challenge) override;

private:
    SaslCredentials m_credentials;
    bool m_started = false;
};
