#include "smtp/sasl_login.h"

SaslLogin::SaslLogin(const SaslCredentials &credentials)
    : m_credentials(credentials)
{}

SaslMechanism::Step SaslLogin::start()
{
    return userStep();
}

SaslMechanism::Step SaslLogin::respond(const QByteArray &challenge)
{
    Q_UNUSED(challenge);
    // The prompts' texts vary ("Username:", "User Name", localised ones): the order decides.
    switch (m_sent) {
    case 0:
        return userStep();
    case 1:
        return passwordStep();
    default:
        return failure(SaslMechanism::tr(
            "LOGIN: the server sent a third challenge after the user name and password"));
    }
}

SaslMechanism::Step SaslLogin::userStep()
{
    m_sent = 1;
    const QString why = checkField(m_credentials.user, SaslMechanism::tr("LOGIN: user name"), true);
    if (!why.isEmpty())
        return failure(why);
    Step step;
    step.response = m_credentials.user.toUtf8();
    // The user name is no secret, and seeing which one was sent is what people debug.
    step.shown = QStringLiteral("%1 (user name: %2)")
                     .arg(QString::fromLatin1(step.response.toBase64()), m_credentials.user);
    return step;
}

SaslMechanism::Step SaslLogin::passwordStep()
{
    m_sent = 2;
    const QString why =
        checkField(m_credentials.secret, SaslMechanism::tr("LOGIN: password"), true);
    if (!why.isEmpty())
        return failure(why);
    Step step;
    step.response = m_credentials.secret.toUtf8();
    step.shown = mask();
    step.redacted = true;
    return step;
}
