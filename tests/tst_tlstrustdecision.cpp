// The TLS trust decision: pins, verification off, a person's review, and refusal, for a
// certificate that verified and for one that did not.
#include "smtp/tlstrustdecision.h"

#include <QCryptographicHash>
#include <QtTest>

using Decision = TlsTrustDecision::Decision;
Q_DECLARE_METATYPE(Decision)

namespace {

QSslCertificate certificate(const char *name)
{
    const QList<QSslCertificate> certs =
        QSslCertificate::fromPath(QStringLiteral(POSTWIRE_TEST_CERTS "/") + QLatin1String(name));
    return certs.value(0);
}

QByteArray pinOf(const char *name)
{
    return certificate(name).digest(QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestTlsTrustDecision : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void decide_data();
    void decide();
    void fingerprintForms_data();
    void fingerprintForms();
    void protocolNames();
};

void TestTlsTrustDecision::initTestCase()
{
    QVERIFY2(!certificate("selfsigned.pem").isNull(), "test certificates not generated");
}

void TestTlsTrustDecision::decide_data()
{
    QTest::addColumn<QByteArray>("pin"); // empty: none
    QTest::addColumn<bool>("verifyPeer");
    QTest::addColumn<bool>("verified"); // the handshake verified the certificate
    QTest::addColumn<bool>("person");   // someone can review it
    QTest::addColumn<Decision>("decision");
    QTest::addColumn<QString>("reason");

    const QByteArray own = pinOf("selfsigned.pem");
    const QByteArray other = pinOf("other.pem");
    QTest::newRow("verified, no pin")
        << QByteArray() << true << true << false << Decision::Trust << QString();
    QTest::newRow("verified, its pin")
        << own << true << true << false << Decision::Trust << QString();
    QTest::newRow("verified, another pin: changed")
        << other << true << true << false << Decision::Refuse
        << QStringLiteral("the server's certificate changed");
    QTest::newRow("errors, pinned")
        << own << true << false << false << Decision::TrustPinned << QString();
    QTest::newRow("errors, another pin: changed, even with a person")
        << other << true << false << true << Decision::Refuse
        << QStringLiteral("the server's certificate changed");
    QTest::newRow("errors, verification off")
        << QByteArray() << false << false << false << Decision::TrustUnverified << QString();
    QTest::newRow("errors, a person reviews")
        << QByteArray() << true << false << true << Decision::Review << QString();
    QTest::newRow("errors, nobody to ask")
        << QByteArray() << true << false << false << Decision::Refuse
        << QStringLiteral("TLS certificate not trusted: ");
}

void TestTlsTrustDecision::decide()
{
    QFETCH(QByteArray, pin);
    QFETCH(bool, verifyPeer);
    QFETCH(bool, verified);
    QFETCH(bool, person);
    QFETCH(Decision, decision);
    QFETCH(QString, reason);

    const QSslCertificate peer = certificate("selfsigned.pem");
    const TlsTrustDecision trust(pin.isEmpty() ? QList<QByteArray>() : QList<QByteArray>{pin},
                                 verifyPeer);
    const QList<QSslError> errors{QSslError(QSslError::SelfSignedCertificate, peer)};
    const TlsTrustDecision::Step step =
        verified ? trust.onVerified(peer) : trust.onErrors(peer, errors, person);
    QCOMPARE(step.decision, decision);
    QVERIFY2(step.reason.startsWith(reason), qPrintable(step.reason));
    if (decision == Decision::Refuse && pin == pinOf("other.pem"))
        QVERIFY(step.reason.contains(TlsTrustDecision::fingerprint(peer)));
}

// One form for people everywhere ("AB:CD:..."), whatever form the fingerprint was kept or typed in.
void TestTlsTrustDecision::fingerprintForms_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QByteArray>("pin"); // empty: refused
    const QByteArray digest = QCryptographicHash::hash("x", QCryptographicHash::Sha256);
    const QByteArray hex = digest.toHex();
    QTest::newRow("lower hex") << QString::fromLatin1(hex) << hex;
    QTest::newRow("upper colons") << QString::fromLatin1(digest.toHex(':').toUpper()) << hex;
    QTest::newRow("spaces around") << QStringLiteral("  %1 ").arg(QString::fromLatin1(hex)) << hex;
    QTest::newRow("too short") << QString::fromLatin1(hex.left(62)) << QByteArray();
    QTest::newRow("not hex") << QString::fromLatin1(hex.left(63) + 'g') << QByteArray();
    QTest::newRow("SHA-1 length") << QString::fromLatin1(hex.left(40)) << QByteArray();
    QTest::newRow("empty") << QString() << QByteArray();
}

void TestTlsTrustDecision::fingerprintForms()
{
    QFETCH(QString, typed);
    QFETCH(QByteArray, pin);
    QCOMPARE(TlsTrustDecision::pinFromText(typed), pin);
    if (pin.isEmpty())
        return;
    const QString shown = TlsTrustDecision::fingerprintText(pin);
    QCOMPARE(shown, QString::fromLatin1(QByteArray::fromHex(pin).toHex(':').toUpper()));
    QCOMPARE(TlsTrustDecision::fingerprintText(QByteArray::fromHex(pin)), shown);
    QCOMPARE(TlsTrustDecision::pinFromText(shown), pin);
}

// The client's notes, the server check and the sandbox name versions the same way.
void TestTlsTrustDecision::protocolNames()
{
    QCOMPARE(TlsTrustDecision::protocolName(QSsl::TlsV1_3), QStringLiteral("TLS 1.3"));
    QCOMPARE(TlsTrustDecision::protocolName(QSsl::TlsV1_2), QStringLiteral("TLS 1.2"));
    QVERIFY(!TlsTrustDecision::protocolName(QSsl::UnknownProtocol).contains(QLatin1String("TLSv")));
}

QTEST_GUILESS_MAIN(TestTlsTrustDecision)
#include "tst_tlstrustdecision.moc"
