#include "smtp/sasl.h"

#include "smtp/sasl_crammd5.h"
#include "smtp/sasl_login.h"
#include "smtp/sasl_oauthbearer.h"
#include "smtp/sasl_plain.h"
#include "smtp/sasl_scram.h"
#include "smtp/sasl_xoauth2.h"

QList<QByteArray> SaslMechanism::supported()
{
    return {QByteArrayLiteral("OAUTHBEARER"),   QByteArrayLiteral("XOAUTH2"),
            QByteArrayLiteral("SCRAM-SHA-256"), QByteArrayLiteral("CRAM-MD5"),
            QByteArrayLiteral("PLAIN"),         QByteArrayLiteral("LOGIN")};
}

QByteArray SaslMechanism::choose(const QList<QByteArray> &offeredByServer, bool haveOAuthToken)
{
    QList<QByteArray> offered;
    for (const QByteArray &mech : offeredByServer)
        offered.append(mech.trimmed().toUpper());
    for (const QByteArray &mech : supported()) {
        // A password is no bearer token and vice versa: a token mechanism needs a token.
        if ((mech == "XOAUTH2" || mech == "OAUTHBEARER") && !haveOAuthToken)
            continue;
        if (offered.contains(mech))
            return mech;
    }
    return QByteArray();
}

std::unique_ptr<SaslMechanism> SaslMechanism::create(const QByteArray &name,
                                                     const SaslCredentials &credentials)
{
    const QByteArray upper = name.trimmed().toUpper();
    if (upper == "PLAIN")
        return std::make_unique<SaslPlain>(credentials);
    if (upper == "LOGIN")
        return std::make_unique<SaslLogin>(credentials);
    if (upper == "CRAM-MD5")
        return std::make_unique<SaslCramMd5>(credentials);
    if (upper == "XOAUTH2")
        return std::make_unique<SaslXOAuth2>(credentials);
    if (upper == "OAUTHBEARER")
        return std::make_unique<SaslOAuthBearer>(credentials);
    if (upper == "SCRAM-SHA-256")
        return std::make_unique<SaslScramSha256>(credentials);
    return nullptr;
}

SaslMechanism::Step SaslMechanism::failure(const QString &error)
{
    Step step;
    step.ok = false;
    step.error = error;
    return step;
}

QString SaslMechanism::checkField(const QString &value, const QString &field, bool required)
{
    if (required && value.isEmpty())
        return QStringLiteral("%1 is empty").arg(field);
    if (value.contains(QChar(0)))
        return QStringLiteral("%1 contains a NUL character").arg(field);
    return QString();
}
