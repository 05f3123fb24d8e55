#include "smtp/sasl_crammd5.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

SaslCramMd5::SaslCramMd5(const SaslCredentials &credentials)
    : m_credentials(credentials)
{}

SaslMechanism::Step SaslCramMd5::start()
{
    return failure(SaslMechanism::tr(
        "CRAM-MD5: no message can be sent before the server's challenge (pass the first 334 "
        "to respond())"));
}

SaslMechanism::Step SaslCramMd5::respond(const QByteArray &challenge)
{
    if (m_answered) {
        return failure(
            SaslMechanism::tr("CRAM-MD5: the server sent a second challenge after the digest"));
    }
    m_answered = true;
    for (const QString &why :
         {checkField(m_credentials.user, SaslMechanism::tr("CRAM-MD5: user name"), true),
          checkField(m_credentials.secret, SaslMechanism::tr("CRAM-MD5: password"), true)}) {
        if (!why.isEmpty())
            return failure(why);
    }
    if (challenge.isEmpty())
        return failure(SaslMechanism::tr("CRAM-MD5: the server's challenge is empty"));
    const QByteArray digest = QMessageAuthenticationCode::hash(
        challenge, m_credentials.secret.toUtf8(), QCryptographicHash::Md5);
    Step step;
    step.response = m_credentials.user.toUtf8() + ' ' + digest.toHex();
    // The digest is not the password, but it can be attacked offline: keep it out too.
    step.shown = m_credentials.user + QLatin1Char(' ') + mask();
    step.redacted = true;
    return step;
}
