#include "smtp/sasl_xoauth2.h"

QByteArray SaslXOAuth2::message(const QByteArray &token) const
{
    return "user=" + m_credentials.user.toUtf8() + "\x01" + "auth=Bearer " + token + "\x01\x01";
}

QString SaslXOAuth2::shown() const
{
    return QStringLiteral("user=%1 auth=Bearer %2").arg(m_credentials.user, mask());
}
