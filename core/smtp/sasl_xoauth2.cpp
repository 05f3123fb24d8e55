#include "smtp/sasl_xoauth2.h"

SaslXOAuth2::SaslXOAuth2(const SaslCredentials &credentials)
    : m_credentials(credentials)
{}

SaslMechanism::Step SaslXOAuth2::start()
{
    m_started = true;
    for (const QString &why :
         {checkField(m_credentials.user, SaslMechanism::tr("XOAUTH2: user name"), true),
          checkField(m_credentials.secret, SaslMechanism::tr("XOAUTH2: access token"), true)}) {
        if (!why.isEmpty())
            return failure(why);
    }
    // \x01 separates the fields, so it cannot appear in either.
    if (m_credentials.user.contains(QChar(1)))
        return failure(SaslMechanism::tr("XOAUTH2: user name contains a \\x01 character"));
    if (m_credentials.secret.contains(QChar(1)))
        return failure(SaslMechanism::tr("XOAUTH2: access token contains a \\x01 character"));
    Step step;
    step.response = "user=" + m_credentials.user.toUtf8() + "\x01" + "auth=Bearer " +
                    m_credentials.secret.toUtf8() + "\x01\x01";
    step.shown = SaslMechanism::tr("user=%1 auth=Bearer %2").arg(m_credentials.user, mask());
    step.redacted = true;
    return step;
}

SaslMechanism::Step SaslXOAuth2::respond(const QByteArray &challenge)
{
    if (!m_started)
        return start();
    if (!m_serverError.isNull()) {
        return failure(
            SaslMechanism::tr("XOAUTH2: the server sent another challenge after its error: %1")
                .arg(QString::fromUtf8(challenge)));
    }
    m_serverError = challenge.isNull() ? QByteArray("") : challenge;
    Step step;
    step.shown = QString();
    step.note = SaslMechanism::tr("XOAUTH2: the server refused the token: %1 (an empty response "
                                  "ends the exchange)")
                    .arg(QString::fromUtf8(challenge));
    return step;
}
