#include "oauth/oauthtokens.h"

#include <QJsonDocument>
#include <QJsonObject>

bool OAuthTokens::needsRenewal(const QDateTime &now, int marginSeconds) const
{
    if (accessToken.isEmpty())
        return true;
    return expiresAt.isValid() && now.addSecs(marginSeconds) >= expiresAt;
}

QString OAuthTokens::toSecret() const
{
    QJsonObject o;
    o.insert(QLatin1String("access_token"), accessToken);
    o.insert(QLatin1String("refresh_token"), refreshToken);
    if (expiresAt.isValid())
        o.insert(QLatin1String("expires_at"), expiresAt.toSecsSinceEpoch());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

OAuthTokens OAuthTokens::fromSecret(const QString &secret)
{
    const QJsonDocument doc = QJsonDocument::fromJson(secret.toUtf8());
    OAuthTokens t;
    if (!doc.isObject())
        return t;
    const QJsonObject o = doc.object();
    t.accessToken = o.value(QLatin1String("access_token")).toString();
    t.refreshToken = o.value(QLatin1String("refresh_token")).toString();
    if (o.contains(QLatin1String("expires_at")))
        t.expiresAt = QDateTime::fromSecsSinceEpoch(
            qint64(o.value(QLatin1String("expires_at")).toDouble()), Qt::UTC);
    return t;
}
