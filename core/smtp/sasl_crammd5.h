// CRAM-MD5 (RFC 2195): the user name and an HMAC-MD5 of the server's challenge keyed with the
// password, so the password itself never crosses the wire.
#pragma once

#include "smtp/sasl.h"

class SaslCramMd5 : public SaslMechanism
{
public:
    explicit SaslCramMd5(const SaslCredentials &credentials);

    QByteArray name() const override { return QByteArrayLiteral("CRAM-MD5"); }
    bool hasInitialResponse() const override { return false; }
    // Fails: CRAM-MD5's only message answers the server's challenge (use respond()).
    Step start() override;
    Step respond(const QByteArray &challenge) override;

private:
    SaslCredentials m_credentials;
    bool m_answered = false;
};
