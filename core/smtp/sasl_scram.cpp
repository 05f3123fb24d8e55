#include "smtp/sasl_scram.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QRandomGenerator>

namespace {

// saslname (RFC 5802 section 5.1): "," and "=" are escaped as "=2C" and "=3D".
QByteArray saslName(const QString &name)
{
    QByteArray out;
    for (const char c : name.toUtf8()) {
        if (c == '=')
            out += "=3D";
        else if (c == ',')
            out += "=2C";
        else
            out += c;
    }
    return out;
}

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

// Splits "a=x,b=y" into its attributes, keeping their order (RFC 5802 fixes it).
QList<QPair<char, QByteArray>> attributes(const QByteArray &message)
{
    QList<QPair<char, QByteArray>> out;
    for (const QByteArray &part : message.split(',')) {
        if (part.size() < 2 || part[1] != '=')
            return {};
        out.append({part[0], part.mid(2)});
    }
    return out;
}

bool isPrintableNonce(const QByteArray &nonce)
{
    // printable = %x21-2B / %x2D-7E (everything visible but ",")
    for (const char c : nonce) {
        if (c < 0x21 || c > 0x7e || c == ',')
            return false;
    }
    return !nonce.isEmpty();
}

} // namespace

SaslScramSha256::SaslScramSha256(const SaslCredentials &credentials)
    : m_credentials(credentials)
{}

SaslMechanism::Step SaslScramSha256::start()
{
    if (m_phase != Phase::Initial)
        return failure(SaslMechanism::tr("SCRAM-SHA-256: the exchange has already started"));
    m_phase = Phase::Failed;
    for (const QString &why :
         {checkField(m_credentials.authorizationId,
                     SaslMechanism::tr("SCRAM-SHA-256: authorization identity"), false),
          checkField(m_credentials.user, SaslMechanism::tr("SCRAM-SHA-256: user name"), true),
          checkField(m_credentials.secret, SaslMechanism::tr("SCRAM-SHA-256: password"), true)}) {
        if (!why.isEmpty())
            return failure(why);
    }
    if (m_clientNonce.isEmpty()) {
        // 18 random bytes give 24 base64 characters, none of them ",".
        QByteArray random;
        for (int i = 0; i < 18; ++i)
            random += char(QRandomGenerator::system()->bounded(256));
        m_clientNonce = random.toBase64();
    } else if (!isPrintableNonce(m_clientNonce)) {
        return failure(SaslMechanism::tr("SCRAM-SHA-256: the client nonce is not printable"));
    }
    // "n": this client does not do channel binding.
    m_gs2Header = "n,";
    if (!m_credentials.authorizationId.isEmpty())
        m_gs2Header += "a=" + saslName(m_credentials.authorizationId);
    m_gs2Header += ',';
    m_clientFirstBare = "n=" + saslName(m_credentials.user) + ",r=" + m_clientNonce;
    m_phase = Phase::SentClientFirst;
    Step step;
    step.response = m_gs2Header + m_clientFirstBare;
    // Nothing secret here: the user name and a nonce.
    step.shown = QString::fromUtf8(step.response);
    return step;
}

SaslMechanism::Step SaslScramSha256::respond(const QByteArray &challenge)
{
    switch (m_phase) {
    case Phase::Initial:
        return start();
    case Phase::SentClientFirst:
        return clientFinal(challenge);
    case Phase::SentClientFinal: {
        // The server sent its final message as a challenge: check it, then answer with an
        // empty line so that it sends the 235.
        const QString why = checkServerFinal(challenge);
        if (!why.isEmpty())
            return failure(why);
        return Step();
    }
    case Phase::Verified:
    case Phase::Failed:
        break;
    }
    return failure(
        SaslMechanism::tr("SCRAM-SHA-256: the server sent a challenge after the exchange ended"));
}

SaslMechanism::Step SaslScramSha256::clientFinal(const QByteArray &serverFirst)
{
    m_phase = Phase::Failed;
    const auto attrs = attributes(serverFirst);
    // server-first-message = [reserved-mext ","] nonce "," salt "," iteration-count ["," ext]
    if (!attrs.isEmpty() && attrs[0].first == 'm')
        return failure(SaslMechanism::tr(
            "SCRAM-SHA-256: the server requires an extension this client does not know"));
    if (attrs.size() < 3 || attrs[0].first != 'r' || attrs[1].first != 's' ||
        attrs[2].first != 'i') {
        if (!attrs.isEmpty() && attrs[0].first == 'e') {
            return failure(SaslMechanism::tr("SCRAM-SHA-256: the server reported an error: %1")
                               .arg(QString::fromUtf8(attrs[0].second)));
        }
        return failure(SaslMechanism::tr("SCRAM-SHA-256: malformed server-first message \"%1\"")
                           .arg(QString::fromUtf8(serverFirst.left(200))));
    }
    const QByteArray nonce = attrs[0].second;
    if (!nonce.startsWith(m_clientNonce) || nonce.size() == m_clientNonce.size() ||
        !isPrintableNonce(nonce)) {
        return failure(SaslMechanism::tr(
            "SCRAM-SHA-256: the server's nonce does not extend the client's (possible replay)"));
    }
    const auto salt =
        QByteArray::fromBase64Encoding(attrs[1].second, QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || salt.decoded.isEmpty())
        return failure(SaslMechanism::tr("SCRAM-SHA-256: the server's salt is not valid base64"));
    bool ok = false;
    const QByteArray iterText = attrs[2].second;
    const qint64 iterations = iterText.toLongLong(&ok);
    if (!ok || iterations < 1 || iterText.startsWith('+') || iterText.startsWith('0'))
        return failure(SaslMechanism::tr("SCRAM-SHA-256: invalid iteration count \"%1\"")
                           .arg(QString::fromLatin1(iterText.left(20))));
    if (iterations > MaxIterations) {
        return failure(
            SaslMechanism::tr("SCRAM-SHA-256: the server asks for %1 iterations, more than the "
                              "limit of %2")
                .arg(iterations)
                .arg(MaxIterations));
    }

    const QByteArray saltedPassword = QPasswordDigestor::deriveKeyPbkdf2(
        QCryptographicHash::Sha256, m_credentials.secret.toUtf8(), salt.decoded, int(iterations),
        32);
    if (saltedPassword.size() != 32)
        return failure(SaslMechanism::tr("SCRAM-SHA-256: PBKDF2 failed"));
    const QByteArray clientKey = hmac(saltedPassword, "Client Key");
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, QCryptographicHash::Sha256);
    const QByteArray withoutProof = "c=" + m_gs2Header.toBase64() + ",r=" + nonce;
    const QByteArray authMessage = m_clientFirstBare + ',' + serverFirst + ',' + withoutProof;
    const QByteArray clientSignature = hmac(storedKey, authMessage);
    QByteArray proof = clientKey;
    for (qsizetype i = 0; i < proof.size(); ++i)
        proof[i] = char(proof[i] ^ clientSignature[i]);
    const QByteArray serverKey = hmac(saltedPassword, "Server Key");
    m_expectedServerSignature = hmac(serverKey, authMessage);

    m_phase = Phase::SentClientFinal;
    Step step;
    step.response = withoutProof + ",p=" + proof.toBase64();
    step.shown = QString::fromUtf8(withoutProof) + QStringLiteral(",p=") + mask();
    step.redacted = true;
    return step;
}

QString SaslScramSha256::checkServerFinal(const QByteArray &serverFinal)
{
    m_phase = Phase::Failed;
    const auto attrs = attributes(serverFinal);
    if (attrs.isEmpty()) {
        return SaslMechanism::tr("SCRAM-SHA-256: malformed server-final message \"%1\"")
            .arg(QString::fromUtf8(serverFinal.left(200)));
    }
    if (attrs[0].first == 'e') {
        return SaslMechanism::tr("SCRAM-SHA-256: the server reported an error: %1")
            .arg(QString::fromUtf8(attrs[0].second));
    }
    if (attrs[0].first != 'v') {
        return SaslMechanism::tr("SCRAM-SHA-256: malformed server-final message \"%1\"")
            .arg(QString::fromUtf8(serverFinal.left(200)));
    }
    const auto signature =
        QByteArray::fromBase64Encoding(attrs[0].second, QByteArray::AbortOnBase64DecodingErrors);
    if (!signature || signature.decoded.size() != m_expectedServerSignature.size())
        return SaslMechanism::tr("SCRAM-SHA-256: the server's signature is malformed");
    // Compare without an early exit, as is customary for MACs.
    int diff = 0;
    for (qsizetype i = 0; i < m_expectedServerSignature.size(); ++i)
        diff |= m_expectedServerSignature[i] ^ signature.decoded[i];
    if (diff != 0) {
        return SaslMechanism::tr("SCRAM-SHA-256: the server's signature is wrong: it does not know "
                                 "the password, so it is not the server it claims to be");
    }
    m_phase = Phase::Verified;
    return QString();
}

QString SaslScramSha256::verifySuccess(const QByteArray &serverData)
{
    if (m_phase == Phase::Verified)
        return QString();
    if (m_phase != Phase::SentClientFinal) {
        return SaslMechanism::tr("SCRAM-SHA-256: the server accepted before the exchange was "
                                 "complete, so it has not proved it knows the password");
    }
    if (serverData.isEmpty()) {
        return SaslMechanism::tr("SCRAM-SHA-256: the server accepted without its signature, so it "
                                 "has not proved it knows the password");
    }
    return checkServerFinal(serverData);
}
