#include "oauth/oauthsettings.h"

#include <QHostAddress>

QString OAuthSettings::checkUrl(const QUrl &url, const QString &field)
{
    if (url.isEmpty())
        return tr("%1: missing").arg(field);
    if (!url.isValid() || url.host().isEmpty())
        return tr("%1: \"%2\" is not a URL").arg(field, url.toString());
    if (url.scheme() == QLatin1String("https"))
        return QString();
    const QHostAddress address(url.host());
    const bool loopback =
        url.host() == QLatin1String("localhost") || (!address.isNull() && address.isLoopback());
    if (url.scheme() == QLatin1String("http") && loopback)
        return QString();
    return tr("%1: \"%2\" must be https (codes and tokens cross it)").arg(field, url.toString());
}

QString OAuthSettings::problem(bool signIn) const
{
    if (clientId.trimmed().isEmpty())
        return tr("OAuth2 client ID: missing; register Postwire with the provider and give the "
                  "client ID it shows");
    if (signIn) {
        if (const QString p = checkUrl(authorizationUrl, tr("OAuth2 authorization URL"));
            !p.isEmpty())
            return p;
    }
    return checkUrl(tokenUrl, tr("OAuth2 token URL"));
}
