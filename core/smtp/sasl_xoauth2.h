// XOAUTH2 (Google's and Microsoft's OAuth 2 bearer token mechanism for SMTP): the user name and
// an access token, in one initial response; a refusal's JSON is acknowledged by an empty line.
#pragma once

#include "smtp/sasl_bearer.h"

class SaslXOAuth2 : public SaslBearerMechanism
{
public:
    using SaslBearerMechanism::SaslBearerMechanism;

    QByteArray name() const override { return QByteArrayLiteral("XOAUTH2"); }

protected:
    QByteArray message(const QByteArray &token) const override;
    QString shown() const override;
    QByteArray errorAcknowledgement() const override { return QByteArray(); }
};
