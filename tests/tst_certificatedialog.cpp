// The certificate dialog: the chain's details, every error in plain words, Refuse as the
// default (also when closed), and exactly one decision.
#include "certificatedialog.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSslKey>
#include <QTextBrowser>
#include <QtTest>

using Choice = CertificateDialog::Choice;
Q_DECLARE_METATYPE(Choice)

namespace {

QSslCertificate load(const char *name)
{
    return QSslCertificate::fromPath(QStringLiteral(POSTWIRE_TEST_CERTS "/") + QLatin1String(name))
        .value(0);
}

} // namespace

class TestCertificateDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void explain_data();
    void explain();
    void showsTheChain();
    void choices_data();
    void choices();
    void permanentTrustCanBeHidden();
    void saysWhatIsPaused_data();
    void saysWhatIsPaused();
};

void TestCertificateDialog::explain_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("words");
    QTest::newRow("self-signed") << int(QSslError::SelfSignedCertificate) << "selfsigned.pem"
                                 << "signed by itself";
    QTest::newRow("unknown issuer")
        << int(QSslError::UnableToGetLocalIssuerCertificate) << "server.pem"
        << "issued by \"Postwire Test CA\"";
    QTest::newRow("expired") << int(QSslError::CertificateExpired) << "expired.pem"
                             << "expired on";
    QTest::newRow("not yet valid") << int(QSslError::CertificateNotYetValid) << "server.pem"
                                   << "clock is wrong";
    QTest::newRow("wrong host") << int(QSslError::HostNameMismatch) << "wronghost.pem"
                                << "is for wrong.example, not for localhost";
    QTest::newRow("revoked") << int(QSslError::CertificateRevoked) << "server.pem"
                             << "revoked";
    QTest::newRow("no certificate") << int(QSslError::NoPeerCertificate) << ""
                                    << "no certificate";
}

void TestCertificateDialog::explain()
{
    QFETCH(int, error);
    QFETCH(QString, certificate);
    QFETCH(QString, words);
    const QSslCertificate cert =
        certificate.isEmpty() ? QSslCertificate() : load(qPrintable(certificate));
    const QSslError e(QSslError::SslError(error), cert);
    const QString said = CertificateDialog::explain(e, QStringLiteral("localhost"));
    QVERIFY2(said.contains(words), qPrintable(said));
    QVERIFY(said != e.errorString()); // plain words, not OpenSSL's
}

void TestCertificateDialog::showsTheChain()
{
    const QList<QSslCertificate> chain = {load("wronghost.pem"), load("ca.pem")};
    const QList<QSslError> errors = {QSslError(QSslError::HostNameMismatch, chain[0]),
                                     QSslError(QSslError::CertificateExpired, chain[0])};
    CertificateDialog dialog(QStringLiteral("localhost:587"), QStringLiteral("localhost"), chain,
                             errors);
    const QString text = dialog.chainView()->toPlainText();
    for (const QString &s :
         {QStringLiteral("Server certificate"), QStringLiteral("Issuer certificate 1"),
          QStringLiteral("Subject"), QStringLiteral("wrong.example"),
          QStringLiteral("Postwire Test CA"), QStringLiteral("Valid"), QStringLiteral("Names")})
        QVERIFY2(text.contains(s), qPrintable(text));
    // The key: its type and size.
    const QSslKey key = chain[0].publicKey();
    QVERIFY(key.length() > 0);
    const QString keyText = CertificateDialog::keyDescription(chain[0]);
    QVERIFY2(keyText.contains(QStringLiteral("%1 bits").arg(key.length())), qPrintable(keyText));
    QVERIFY2(keyText.contains(QStringLiteral("RSA")) || keyText.contains(QStringLiteral("EC")),
             qPrintable(keyText));
    QVERIFY2(text.contains(keyText), qPrintable(text));
    const QString fp =
        QString::fromLatin1(chain[0].digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    QVERIFY(text.contains(fp));
    QCOMPARE(dialog.fingerprint(), chain[0].digest(QCryptographicHash::Sha256).toHex());
    // Every error, in plain words and with the library's own text.
    const QString listed = dialog.errorsLabel()->text();
    QCOMPARE(listed.count(QStringLiteral("<li>")), 2);
    QVERIFY(listed.contains(errors[0].errorString().toHtmlEscaped()));
    QVERIFY(listed.contains(QStringLiteral("expired on")));
    QVERIFY(dialog.windowTitle().contains(QStringLiteral("localhost:587")));
}

void TestCertificateDialog::choices_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<Choice>("choice");
    QTest::newRow("refuse") << "refuse" << Choice::Refuse;
    QTest::newRow("enter refuses") << "enter" << Choice::Refuse;
    QTest::newRow("escape refuses") << "escape" << Choice::Refuse;
    QTest::newRow("closed refuses") << "close" << Choice::Refuse;
    QTest::newRow("accept once") << "once" << Choice::AcceptOnce;
    QTest::newRow("trust permanently") << "trust" << Choice::TrustPermanently;
}

void TestCertificateDialog::choices()
{
    QFETCH(QString, action);
    QFETCH(Choice, choice);
    QWidget parent;
    parent.show();
    const QSslCertificate cert = load("selfsigned.pem");
    QPointer<CertificateDialog> dialog =
        CertificateDialog::ask(&parent, QStringLiteral("localhost:25"), QStringLiteral("localhost"),
                               {cert}, {QSslError(QSslError::SelfSignedCertificate, cert)});
    QSignalSpy decided(dialog.data(), &CertificateDialog::decided);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(dialog->refuseButton()->isDefault());
    if (action == QLatin1String("refuse"))
        dialog->refuseButton()->click();
    else if (action == QLatin1String("enter"))
        QTest::keyClick(dialog, Qt::Key_Return);
    else if (action == QLatin1String("escape"))
        QTest::keyClick(dialog, Qt::Key_Escape);
    else if (action == QLatin1String("close"))
        dialog->close();
    else if (action == QLatin1String("once"))
        dialog->acceptOnceButton()->click();
    else
        dialog->trustButton()->click();
    QCOMPARE(decided.size(), 1);
    QCOMPARE(decided.at(0).at(0).value<Choice>(), choice);
    QTRY_VERIFY(dialog.isNull()); // deletes itself
}

void TestCertificateDialog::permanentTrustCanBeHidden()
{
    const QSslCertificate cert = load("selfsigned.pem");
    CertificateDialog dialog(QStringLiteral("h:25"), QStringLiteral("h"), {cert}, {});
    dialog.setPermanentTrustAvailable(false);
    dialog.show();
    QVERIFY(!dialog.trustButton()->isVisible());
    QVERIFY(dialog.acceptOnceButton()->isVisible());
}

void TestCertificateDialog::saysWhatIsPaused_data()
{
    QTest::addColumn<CertificateDialog::Paused>("paused");
    QTest::addColumn<QString>("words");
    QTest::addColumn<QString>("notWords");
    QTest::newRow("a send") << CertificateDialog::Paused::Send << "send is paused"
                            << "test is paused";
    QTest::newRow("Test connection") << CertificateDialog::Paused::Test << "test is paused"
                                     << "send is paused";
}

void TestCertificateDialog::saysWhatIsPaused()
{
    QFETCH(CertificateDialog::Paused, paused);
    QFETCH(QString, words);
    QFETCH(QString, notWords);
    CertificateDialog dialog(QStringLiteral("h:25"), QStringLiteral("h"), {load("selfsigned.pem")},
                             {});
    dialog.setPaused(paused);
    QVERIFY2(dialog.introText().contains(words), qPrintable(dialog.introText()));
    QVERIFY(!dialog.introText().contains(notWords));
}

QTEST_MAIN(TestCertificateDialog)
#include "tst_certificatedialog.moc"
