#include "smtp/sasl_oauthbearer.h"

QByteArray SaslOAuthBearer::header() const
{
    QByteArray user = m_credentials.user.toUtf8();
    user.replace("=", "=3D").replace(",", "=2C");
    return "n,a=" + user + ",";
}

QByteArray SaslOAuthBearer::hostAndPort() const
{
    QByteArray out;
    if (!m_host.isEmpty())
        out += "host=" + m_host.toUtf8() + "\x01";
    if (m_port > 0)
        out += "port=" + QByteArray::number(m_port) + "\x01";
    return out;
}

QByteArray SaslOAuthBearer::message(const QByteArray &token) const
{
    return header() + "\x01" + hostAndPort() + "auth=Bearer " + token + "\x01\x01";
}

QString SaslOAuthBearer::shown() const
{
    QString fields = QString::fromUtf8(hostAndPort());
    fields.replace(QChar(1), QLatin1Char(' '));
    return QStringLiteral("%1 %2auth=Bearer %3").arg(QString::fromUtf8(header()), fields, mask());
}
