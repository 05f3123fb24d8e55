#include "smtp/sasl_bearer.h"

#include "smtp/printable.h"

#include <QJsonDocument>
#include <QJsonObject>

SaslBearerMechanism::SaslBearerMechanism(const SaslCredentials &credentials)
    : m_credentials(credentials)
{}

SaslMechanism::Step SaslBearerMechanism::start()
{
    m_started = true;
    const QString mech = QString::fromLatin1(name());
    for (const QString &why :
         {checkField(m_credentials.user, tr("%1: user name").arg(mech), true),
          checkField(m_credentials.secret, tr("%1: access token").arg(mech), true)}) {
        if (!why.isEmpty())
            return failure(why);
    }
    // \x01 separates the fields, so it cannot appear in either.
    if (m_credentials.user.contains(QChar(1)))
        return failure(tr("%1: user name contains a \\x01 character").arg(mech));
    if (m_credentials.secret.contains(QChar(1)))
        return failure(tr("%1: access token contains a \\x01 character").arg(mech));
    Step step;
    step.response = message(m_credentials.secret.toUtf8());
    step.shown = shown();
    step.redacted = true;
    return step;
}

SaslMechanism::Step SaslBearerMechanism::respond(const QByteArray &challenge)
{
    if (!m_started)
        return start();
    const QString mech = QString::fromLatin1(name());
    if (!m_serverError.isNull()) {
        return failure(tr("%1: the server sent another challenge after its error: %2")
                           .arg(mech, printableText(challenge)));
    }
    m_serverError = challenge.isNull() ? QByteArray("") : challenge;
    Step step;
    step.response = errorAcknowledgement();
    step.shown =
        step.response.isEmpty() ? QString() : QString::fromLatin1(step.response.toBase64());
    step.note = tr("%1: the server refused the token: %2 (the answer %3 ends the exchange)")
                    .arg(mech, describeError(challenge),
                         step.response.isEmpty() ? tr("an empty line") : tr("AQ== (%x01)"));
    return step;
}

QString SaslBearerMechanism::describeError(const QByteArray &challenge)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(challenge, &parseError);
    if (!doc.isObject())
        return printableText(challenge);
    const QJsonObject o = doc.object();
    const QString status = o.value(QLatin1String("status")).toVariant().toString();
    QStringList parts;
    QString meaning;
    // Google sends HTTP-like codes (RFC 6750's words are in "status" for OAUTHBEARER).
    if (status == QLatin1String("401") || status == QLatin1String("invalid_token"))
        meaning = tr("the token is invalid, expired or revoked: get a new one");
    else if (status == QLatin1String("400") || status == QLatin1String("invalid_request"))
        meaning = tr("the request was malformed");
    else if (status == QLatin1String("403") || status == QLatin1String("insufficient_scope"))
        meaning = tr("the token lacks the scope needed for mail");
    parts << (meaning.isEmpty()
                  ? tr("status %1").arg(printableText(status.toUtf8()))
                  : tr("status %1 (%2)").arg(printableText(status.toUtf8()), meaning));
    const QString scope = o.value(QLatin1String("scope")).toString();
    if (!scope.isEmpty())
        parts << tr("scope needed: %1").arg(printableText(scope.toUtf8()));
    const QString schemes = o.value(QLatin1String("schemes")).toString();
    if (!schemes.isEmpty())
        parts << tr("schemes: %1").arg(printableText(schemes.toUtf8()));
    const QString discovery = o.value(QLatin1String("openid-configuration")).toString();
    if (!discovery.isEmpty())
        parts << tr("provider: %1").arg(printableText(discovery.toUtf8()));
    return tr("%1; server said %2").arg(parts.join(QLatin1String("; ")), printableText(challenge));
}
