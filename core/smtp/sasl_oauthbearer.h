// OAUTHBEARER (RFC 7628), the standard form of XOAUTH2: a GS2 header with the user name, the
// host and port connected to, and the access token; a refusal's JSON is acknowledged by %x01.
#pragma once

#include "smtp/sasl_bearer.h"

class SaslOAuthBearer : public SaslBearerMechanism
{
public:
    using SaslBearerMechanism::SaslBearerMechanism;

    QByteArray name() const override { return QByteArrayLiteral("OAUTHBEARER"); }
    void setServer(const QString &host, int port) override
    {
        m_host = host;
        m_port = port;
    }

protected:
    QByteArray message(const QByteArray &token) const override;
    QString shown() const override;
    QByteArray errorAcknowledgement() const override { return QByteArrayLiteral("\x01"); }

private:
    // gs2-header (RFC 5801): "n,a=<user>," with ',' and '=' escaped in the name.
    QByteArray header() const;
    QByteArray hostAndPort() const;

    QString m_host;
    int m_port = 0;
};
