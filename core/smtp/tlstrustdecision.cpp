#include "smtp/tlstrustdecision.h"

#include <QCryptographicHash>

#include <QStringList>
#include <cctype>

namespace {

QString hex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(':').toUpper());
}

TlsTrustDecision::Step decide(TlsTrustDecision::Decision decision, const QString &reason = {})
{
    return {decision, reason};
}

} // namespace

TlsTrustDecision::TlsTrustDecision(const QList<QByteArray> &pinnedFingerprints, bool verifyPeer)
    : m_pins(pinnedFingerprints)
    , m_verifyPeer(verifyPeer)
{}

QString TlsTrustDecision::fingerprint(const QSslCertificate &certificate)
{
    return hex(certificate.digest(QCryptographicHash::Sha256));
}

QString TlsTrustDecision::fingerprintText(const QByteArray &digestOrHexPin)
{
    return hex(digestOrHexPin.size() == 32 ? digestOrHexPin : QByteArray::fromHex(digestOrHexPin));
}

QByteArray TlsTrustDecision::pinFromText(const QString &text)
{
    QString digits = text.trimmed();
    digits.remove(QLatin1Char(':'));
    digits.remove(QLatin1Char(' '));
    for (const QChar c : std::as_const(digits)) {
        if (!isxdigit(c.toLatin1()) || c.unicode() > 0x7f)
            return {};
    }
    const QByteArray bytes = QByteArray::fromHex(digits.toLatin1());
    return bytes.size() == 32 && digits.size() == 64 ? bytes.toHex() : QByteArray();
}

QString TlsTrustDecision::protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLS 1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLS 1.3");
    default:
        return tr("an older TLS version");
    }
}

QString TlsTrustDecision::pinMismatch(const QSslCertificate &peer) const
{
    if (m_pins.isEmpty() || m_pins.contains(peer.digest(QCryptographicHash::Sha256).toHex()))
        return QString();
    QStringList pinned;
    for (const QByteArray &p : m_pins)
        pinned << hex(QByteArray::fromHex(p));
    return tr("the server's certificate changed: this account trusts SHA-256 %1, "
              "the server presented SHA-256 %2")
        .arg(pinned.join(tr(" or ")), fingerprint(peer));
}

TlsTrustDecision::Step TlsTrustDecision::onVerified(const QSslCertificate &peer) const
{
    const QString changed = pinMismatch(peer);
    return changed.isEmpty() ? decide(Decision::Trust) : decide(Decision::Refuse, changed);
}

TlsTrustDecision::Step TlsTrustDecision::onErrors(const QSslCertificate &peer,
                                                  const QList<QSslError> &errors,
                                                  bool personAvailable) const
{
    if (!m_verifyPeer)
        return decide(Decision::TrustUnverified);
    if (!peer.isNull() && m_pins.contains(peer.digest(QCryptographicHash::Sha256).toHex()))
        return decide(Decision::TrustPinned);
    if (const QString changed = pinMismatch(peer); !changed.isEmpty())
        return decide(Decision::Refuse, changed);
    if (!personAvailable) {
        QStringList why;
        for (const QSslError &e : errors)
            why << e.errorString();
        return decide(Decision::Refuse,
                      tr("TLS certificate not trusted: %1").arg(why.join(QStringLiteral("; "))));
    }
    return decide(Decision::Review);
}
