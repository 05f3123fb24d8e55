// The non-standard but ubiquitous LOGIN mechanism (draft-murchison-sasl-login): the user name,
// then the password, each answering a 334 prompt ("Username:", "Password:").
#pragma once

#include "smtp/sasl.h"

class SaslLogin : public SaslMechanism
{
public:
    explicit SaslLogin(const SaslCredentials &credentials);

    QByteArray name() const override { return QByteArrayLiteral("LOGIN"); }
    bool hasInitialResponse() const override { return false; }
    Step start() override;
    Step respond(const QByteArray &challenge) override;

private:
    Step userStep();
    Step passwordStep();

    SaslCredentials m_credentials;
    int m_sent = 0; // messages sent so far: 0, 1 (user name), 2 (password)
};
