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

QTEST_GUILESS_MAIN(TestTlsTrustDecision)
#include "tst_tlstrustdecision.moc"
