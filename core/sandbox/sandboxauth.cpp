#include "sandbox/sandboxauth.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

SandboxAuth::SandboxAuth(const SandboxCredentials &credentials, const QString &hostName)
    : m_credentials(credentials)
    , m_hostName(hostName)
{}

SandboxAuth::Step SandboxAuth::challengeStep(const QByteArray &text)
{
    return {Outcome::Continue, {334, {}, text}};
}

SandboxAuth::Step SandboxAuth::start(const QByteArray &mechanism,
                                     const std::optional<QByteArray> &initialResponse)
{
    const QByteArray name = mechanism.toUpper();
    if (name == "PLAIN")
        m_mechanism = Mechanism::Plain;
    else if (name == "LOGIN")
        m_mechanism = Mechanism::Login;
    else if (name == "CRAM-MD5")
        m_mechanism = Mechanism::CramMd5;
    else
        return {Outcome::Refused, {504, "5.5.4", "Unrecognized authentication type"}};
    m_mechanismName = QString::fromLatin1(name);
    m_haveLogin = false;
    m_login.clear();
    m_user.clear();
    if (initialResponse) {
        if (m_mechanism == Mechanism::CramMd5) {
            m_mechanism = Mechanism::None;
            return {Outcome::Refused, {501, "5.5.4", "CRAM-MD5 takes no initial response"}};
        }
        // "=" is an empty initial response (RFC 4954 section 4).
        return respond(*initialResponse == "=" ? QByteArray() : *initialResponse);
    }
    switch (m_mechanism) {
    case Mechanism::Plain:
        return challengeStep("");
    case Mechanism::Login:
        return challengeStep(QByteArray("Username:").toBase64());
    case Mechanism::CramMd5:
        m_challenge = '<' + QByteArray::number(QRandomGenerator::global()->generate()) + '.' +
                      QByteArray::number(QDateTime::currentSecsSinceEpoch()) + '@' +
                      m_hostName.toUtf8() + '>';
        return challengeStep(m_challenge.toBase64());
    case Mechanism::None:
        break;
    }
    return {};
}

SandboxAuth::Step SandboxAuth::respond(const QByteArray &line)
{
    if (line == "*") {
        m_mechanism = Mechanism::None;
        return {Outcome::Refused, {501, "5.7.0", "Authentication cancelled"}};
    }
    const auto decoded =
        QByteArray::fromBase64Encoding(line, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        m_mechanism = Mechanism::None;
        return {Outcome::Refused, {501, "5.5.2", "Invalid base64 in the AUTH exchange", true}};
    }
    return check(*decoded);
}

SandboxAuth::Step SandboxAuth::check(const QByteArray &decoded)
{
    const QByteArray user = m_credentials.user.toUtf8();
    const QByteArray password = m_credentials.password.toUtf8();
    // No password configured means no account: nothing authenticates.
    const bool havePassword = !password.isEmpty();
    switch (m_mechanism) {
    case Mechanism::Plain: {
        const QList<QByteArray> fields = decoded.split('\0');
        m_login = fields.value(1);
        return finish(fields.size() == 3 && fields.at(1) == user && fields.at(2) == password &&
                      havePassword && (fields.at(0).isEmpty() || fields.at(0) == user));
    }
    case Mechanism::Login:
        if (!m_haveLogin) {
            m_login = decoded;
            m_haveLogin = true;
            return challengeStep(QByteArray("Password:").toBase64());
        }
        return finish(m_login == user && decoded == password && havePassword);
    case Mechanism::CramMd5: {
        const qsizetype space = decoded.lastIndexOf(' ');
        m_login = decoded.left(space);
        const QByteArray expected =
            QMessageAuthenticationCode::hash(m_challenge, password, QCryptographicHash::Md5)
                .toHex();
        return finish(space > 0 && m_login == user && havePassword &&
                      decoded.mid(space + 1).toLower() == expected);
    }
    case Mechanism::None:
        break;
    }
    return {};
}

SandboxAuth::Step SandboxAuth::finish(bool ok)
{
    m_mechanism = Mechanism::None;
    if (!ok)
        return {Outcome::Refused, {535, "5.7.8", "Authentication credentials invalid", true}};
    m_user = QString::fromUtf8(m_login);
    return {Outcome::Authenticated, {235, "2.7.0", "Authentication successful"}};
}

bool SandboxAuth::needsTls(bool tlsActive, bool requireStartTls, const QHostAddress &localAddress)
{
    if (tlsActive)
        return false;
    return requireStartTls || !localAddress.isLoopback();
}
