#include "oauth/oauthreplyhandler.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

OAuthReplyHandler::OAuthReplyHandler(bool listen, QObject *parent)
    : QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, 0, parent)
{
    if (!listen)
        close();
}

void OAuthReplyHandler::networkReplyFinished(QNetworkReply *reply)
{
    const QByteArray body = reply->peek(reply->bytesAvailable());
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    const QString error = json.value(QLatin1String("error")).toString();
    if (reply->error() == QNetworkReply::NoError && error.isEmpty()) {
        QOAuthHttpServerReplyHandler::networkReplyFinished(reply);
        return;
    }
    QString description = json.value(QLatin1String("error_description")).toString();
    if (error.isEmpty()) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        description =
            status != 0
                ? QStringLiteral("HTTP %1 %2: %3")
                      .arg(status)
                      .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(),
                           reply->errorString())
                : reply->errorString();
    }
    Q_EMIT tokenRequestFailed(error, description);
}
