#include "smtp/sasl_plain.h"

SaslPlain::SaslPlain(const SaslCredentials &credentials)
    : m_credentials(credentials)
{}

SaslMechanism::Step SaslPlain::start()
{
    m_started = true;
    for (const QString &why :
         {checkField(m_credentials.authorizationId,
                     SaslMechanism::tr("PLAIN: authorization identity"), false),
          checkField(m_credentials.user, SaslMechanism::tr("PLAIN: user name"), true),
          checkField(m_credentials.secret, SaslMechanism::tr("PLAIN: password"), true)}) {
        if (!why.isEmpty())
            return failure(why);
    }
    Step step;
    // message = [authzid] UTF8NUL authcid UTF8NUL passwd
    step.response = m_credentials.authorizationId.toUtf8() + '\0' + m_credentials.user.toUtf8() +
                    '\0' + m_credentials.secret.toUtf8();
    step.shown = mask();
    step.redacted = true;
    return step;
}

SaslMechanism::Step SaslPlain::respond(const QByteArray &challenge)
{
    Q_UNUSED(challenge);
    // Without an initial response the server asks with an empty 334 first.
    if (!m_started)
        return start();
    return failure(SaslMechanism::tr(
        "PLAIN: the server sent another challenge after the credentials (PLAIN has one message)"));
}
