// TLS trust end to end through the account dialog's "Test connection": real TLS (the fake
// server with QSslSocket, and aiosmtpd) with the certificates generated for this run. Each
// certificate takes the right path through the CertificateDialog; pins hold; a stripped
// STARTTLS stops everything but QUIT.
#include "account/accountstore.h"
#include "account/memorycredentialstore.h"
#include "accountdialog.h"
#include "aiosmtpdprocess.h"
#include "certificatedialog.h"
#include "fakesmtpserver.h"
#include "transcriptmodel.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

namespace {

QString certs(const QString &name)
{
    return QStringLiteral(POSTWIRE_TEST_CERTS "/") + name;
}

QByteArray fingerprintOf(const QString &name)
{
    return Account::fingerprint(
        QSslCertificate::fromPath(certs(name + QStringLiteral(".pem"))).value(0));
}

const QString Tls = QStringLiteral("S: 220 fake ESMTP\nC: EHLO test.example\nS: 250-fake\n"
                                   "S: 250 STARTTLS\nC: STARTTLS\nS: 220 go ahead\nT:\n");
const QString AfterTls = QStringLiteral("C: EHLO test.example\nS: 250 fake\nC: QUIT\nS: 221 bye\n");

// One dialog on one store, testing one account against servers started per probe.
struct Fixture
{
    QTemporaryDir dir;
    AccountStore store{dir.filePath(QStringLiteral("postwire.conf"))};
    MemoryCredentialStore credentials;
    std::unique_ptr<AccountDialog> dialog;
    QString id;

    Fixture(bool trustCa)
    {
        store.load();
        Account a = store.at(0);
        a.name = QStringLiteral("Test");
        a.host = QStringLiteral("localhost");
        a.security = SmtpSettings::Security::StartTls;
        a.heloName = QStringLiteral("test.example");
        a.timeouts = SmtpTimeouts::uniform(10'000);
        if (trustCa)
            a.caFile = certs(QStringLiteral("ca.pem"));
        store.update(a);
        id = a.id;
        dialog = std::make_unique<AccountDialog>(&store, &credentials);
        dialog->show();
    }

    void setPort(quint16 port)
    {
        dialog->portField()->setText(QString::number(port));
        Q_EMIT dialog->portField()->textEdited(dialog->portField()->text());
    }

    QString transcriptText() const { return dialog->transcript()->toPlainText(); }
};

CertificateDialog *openCertificateDialog(AccountDialog *dialog)
{
    CertificateDialog *found = nullptr;
    const auto look = [&] {
        found = dialog->findChild<CertificateDialog *>();
        return found && found->isVisible();
    };
    if (!QTest::qWaitFor(look, 10'000))
        return nullptr;
    return found;
}

} // namespace

class TestTlsTrust : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decisionPath_data();
    void decisionPath();
    void trustPermanentlyPinsThenRefusesAnother();
    void startTlsStripped();
    void aiosmtpdStartTls_data();
    void aiosmtpdStartTls();
};

void TestTlsTrust::decisionPath_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<bool>("trustCa");
    QTest::addColumn<QString>("decision"); // "" (no dialog), refuse, once, escape
    QTest::addColumn<bool>("works");
    QTest::addColumn<QString>("explained"); // in the dialog's error list

    QTest::newRow("valid chain, CA trusted through the account")
        << "server" << true << "" << true << "";
    QTest::newRow("valid chain, CA unknown: refused")
        << "server" << false << "refuse" << false << "issued by \"Postwire Test CA\"";
    QTest::newRow("self-signed: accepted once")
        << "selfsigned" << true << "once" << true << "signed by itself";
    QTest::newRow("self-signed: refused")
        << "selfsigned" << true << "refuse" << false << "signed by itself";
    QTest::newRow("self-signed: dialog closed = refused")
        << "selfsigned" << true << "escape" << false << "signed by itself";
    QTest::newRow("expired: refused") << "expired" << true << "refuse" << false << "expired on";
    QTest::newRow("expired: accepted once") << "expired" << true << "once" << true << "expired on";
    QTest::newRow("wrong host: refused")
        << "wronghost" << true << "refuse" << false
        << "The certificate is for wrong.example, not for localhost";
}

void TestTlsTrust::decisionPath()
{
    QFETCH(QString, certificate);
    QFETCH(bool, trustCa);
    QFETCH(QString, decision);
    QFETCH(bool, works);
    QFETCH(QString, explained);

    Fixture f(trustCa);
    FakeSmtpServer server(Tls + (works ? AfterTls : QString()));
    server.setCertificate(certs(certificate + QStringLiteral(".pem")),
                          certs(certificate + QStringLiteral(".key")));
    QVERIFY(server.listen());
    f.setPort(server.port());
    QSignalSpy finished(f.dialog.get(), &AccountDialog::testFinished);
    f.dialog->testConnection();

    if (!decision.isEmpty()) {
        CertificateDialog *cd = openCertificateDialog(f.dialog.get());
        QVERIFY2(cd, qPrintable(f.transcriptText()));
        QCOMPARE(f.dialog->client()->state(), SmtpClient::State::CertificateReview);
        const QString errors = cd->errorsLabel()->text();
        QVERIFY2(errors.contains(explained.toHtmlEscaped()), qPrintable(errors));
        // The chain: subject, issuer, validity, SHA-256 and names of the server's certificate.
        const QString chain = cd->chainView()->toPlainText();
        for (const QString &s :
             {QStringLiteral("Subject"), QStringLiteral("Issuer"), QStringLiteral("Valid"),
              QStringLiteral("SHA-256"), QStringLiteral("Names")})
            QVERIFY2(chain.contains(s), qPrintable(chain));
        QVERIFY(chain.contains(QString::fromLatin1(
            QByteArray::fromHex(fingerprintOf(certificate)).toHex(':').toUpper())));
        QVERIFY(cd->refuseButton()->isDefault());
        if (decision == QLatin1String("refuse"))
            cd->refuseButton()->click();
        else if (decision == QLatin1String("once"))
            cd->acceptOnceButton()->click();
        else
            QTest::keyClick(cd, Qt::Key_Escape);
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10'000);
    const auto result = finished.at(0).at(0).value<SendResult>();
    const QString context = f.transcriptText() + QStringLiteral("\nserver: ") + server.report();
    QCOMPARE(result.outcome == SendResult::Outcome::Success, works);
    QVERIFY2(server.mismatches().isEmpty(), qPrintable(context));
    const QString verdict = f.dialog->verdictLabel()->text();
    QVERIFY2(verdict.contains(works ? QStringLiteral("the account works")
                                    : QStringLiteral("The account does not work")),
             qPrintable(verdict));
    if (!works) {
        QCOMPARE(result.error, SendResult::Error::Tls);
        // Nothing after STARTTLS: no EHLO over the rejected channel, no AUTH, no MAIL.
        QCOMPARE(server.clientLines(),
                 QStringList({QStringLiteral("EHLO test.example"), QStringLiteral("STARTTLS")}));
    } else {
        QVERIFY(context.contains(QStringLiteral("TLS established")));
    }
    // Accepting once pins nothing.
    QVERIFY(f.store.account(f.id)->pinnedFingerprints.isEmpty());
}

void TestTlsTrust::trustPermanentlyPinsThenRefusesAnother()
{
    Fixture f(true);
    QSignalSpy finished(f.dialog.get(), &AccountDialog::testFinished);
    {
        FakeSmtpServer server(Tls + AfterTls);
        server.setCertificate(certs(QStringLiteral("selfsigned.pem")),
                              certs(QStringLiteral("selfsigned.key")));
        QVERIFY(server.listen());
        f.setPort(server.port());
        f.dialog->testConnection();
        CertificateDialog *cd = openCertificateDialog(f.dialog.get());
        QVERIFY(cd);
        QVERIFY(cd->trustButton()->isVisible());
        cd->trustButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10'000);
        QVERIFY(finished.at(0).at(0).value<SendResult>().delivered());
    }
    const QByteArray pinned = fingerprintOf(QStringLiteral("selfsigned"));
    QCOMPARE(f.store.account(f.id)->pinnedFingerprints, QList<QByteArray>({pinned}));
    QCOMPARE(f.dialog->pinList()->count(), 1);
    {
        // Saved: a store read afresh has the pin.
        AccountStore again(f.store.fileName());
        again.load();
        QCOMPARE(again.account(f.id)->pinnedFingerprints, QList<QByteArray>({pinned}));
    }
    {
        // The pinned certificate again: accepted without asking.
        FakeSmtpServer server(Tls + AfterTls);
        server.setCertificate(certs(QStringLiteral("selfsigned.pem")),
                              certs(QStringLiteral("selfsigned.key")));
        QVERIFY(server.listen());
        f.setPort(server.port());
        f.dialog->testConnection();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10'000);
        QVERIFY2(finished.at(1).at(0).value<SendResult>().delivered(),
                 qPrintable(f.transcriptText()));
        QVERIFY(f.transcriptText().contains(QStringLiteral("pinned for this account")));
        QVERIFY(!f.dialog->findChild<CertificateDialog *>());
    }
    {
        // Another certificate: refused without asking, with both fingerprints.
        FakeSmtpServer server(Tls);
        server.setCertificate(certs(QStringLiteral("other.pem")),
                              certs(QStringLiteral("other.key")));
        QVERIFY(server.listen());
        f.setPort(server.port());
        f.dialog->testConnection();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 10'000);
        const auto result = finished.at(2).at(0).value<SendResult>();
        QCOMPARE(result.error, SendResult::Error::Tls);
        QVERIFY(!f.dialog->findChild<CertificateDialog *>());
        const auto shown = [](const QByteArray &hex) {
            return QString::fromLatin1(QByteArray::fromHex(hex).toHex(':').toUpper());
        };
        const QString verdict = f.dialog->verdictLabel()->text();
        const QString other = shown(fingerprintOf(QStringLiteral("other")));
        const QString mine = shown(pinned);
        QVERIFY2(verdict.contains(QStringLiteral("certificate changed")), qPrintable(verdict));
        QVERIFY2(verdict.contains(mine) || verdict.contains(QString::fromLatin1(pinned)),
                 qPrintable(verdict + QStringLiteral("\nexpected ") + mine));
        QVERIFY2(verdict.contains(other) ||
                     verdict.contains(QString::fromLatin1(fingerprintOf(QStringLiteral("other")))),
                 qPrintable(verdict + QStringLiteral("\nexpected ") + other));
        QCOMPARE(server.clientLines(),
                 QStringList({QStringLiteral("EHLO test.example"), QStringLiteral("STARTTLS")}));
    }
}

void TestTlsTrust::startTlsStripped()
{
    Fixture f(true);
    Account a = *f.store.account(f.id);
    a.authenticate = true;
    a.user = QStringLiteral("ana");
    f.store.update(a);
    f.credentials.write(f.id, QStringLiteral("pw"));
    f.dialog->selectAccount(f.id);
    // Someone in between removed STARTTLS from the EHLO reply.
    FakeSmtpServer server(QStringLiteral("S: 220 fake ESMTP\nC: EHLO test.example\nS: 250-fake\n"
                                         "S: 250 AUTH PLAIN LOGIN\nC: QUIT\nS: 221 bye\n"));
    QVERIFY(server.listen());
    f.setPort(server.port());
    QSignalSpy finished(f.dialog.get(), &AccountDialog::testFinished);
    f.dialog->testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10'000);
    QVERIFY2(server.mismatches().isEmpty() && server.unconsumed().isEmpty(),
             qPrintable(server.report()));
    QCOMPARE(server.clientLines(),
             QStringList({QStringLiteral("EHLO test.example"), QStringLiteral("QUIT")}));
    const auto result = finished.at(0).at(0).value<SendResult>();
    QCOMPARE(result.error, SendResult::Error::Tls);
    QVERIFY(f.transcriptText().contains(QStringLiteral("does not offer STARTTLS")));
    QVERIFY(f.dialog->verdictLabel()->text().contains(QStringLiteral("does not offer STARTTLS")));
}

void TestTlsTrust::aiosmtpdStartTls_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("decision");
    QTest::addColumn<bool>("works");
    QTest::newRow("valid chain, CA from the account") << "server"
                                                      << "" << true;
    QTest::newRow("self-signed, refused") << "selfsigned"
                                          << "refuse" << false;
    QTest::newRow("wrong host, accepted once") << "wronghost"
                                               << "once" << true;
}

void TestTlsTrust::aiosmtpdStartTls()
{
    QFETCH(QString, certificate);
    QFETCH(QString, decision);
    QFETCH(bool, works);
    AiosmtpdProcess server;
    server.start({QStringLiteral("--cert"), certs(certificate + QStringLiteral(".pem")),
                  QStringLiteral("--key"), certs(certificate + QStringLiteral(".key")),
                  QStringLiteral("--password"), QStringLiteral("s3cret!pass"),
                  QStringLiteral("--require-tls")});
    QTRY_VERIFY2_WITH_TIMEOUT(server.port() != 0 || server.failed(), server.errors().constData(),
                              15'000);
    QVERIFY2(!server.failed(), server.errors().constData());

    Fixture f(true);
    Account a = *f.store.account(f.id);
    a.authenticate = true;
    a.authMechanism = "PLAIN";
    a.user = QStringLiteral("ana");
    f.store.update(a);
    f.credentials.write(f.id, QStringLiteral("s3cret!pass"));
    f.dialog->selectAccount(f.id);
    f.setPort(server.port());
    QSignalSpy finished(f.dialog.get(), &AccountDialog::testFinished);
    f.dialog->testConnection();
    if (!decision.isEmpty()) {
        CertificateDialog *cd = openCertificateDialog(f.dialog.get());
        QVERIFY2(cd, qPrintable(f.transcriptText()));
        (decision == QLatin1String("once") ? cd->acceptOnceButton() : cd->refuseButton())->click();
    }
    QTRY_VERIFY2_WITH_TIMEOUT(
        finished.size() == 1,
        qPrintable(QString(f.transcriptText() + QString::fromUtf8(server.output())).right(900)),
        15'000);
    const auto result = finished.at(0).at(0).value<SendResult>();
    QVERIFY2((result.outcome == SendResult::Outcome::Success) == works,
             qPrintable(f.transcriptText() + QString::fromUtf8(server.errors())));
    if (works) {
        QVERIFY(result.message.contains(QStringLiteral("encrypted")));
        QVERIFY(result.message.contains(QStringLiteral("authenticated with PLAIN")));
        QTRY_VERIFY(server.output().contains("AUTH PLAIN ok"));
        QVERIFY(f.transcriptText().contains(QStringLiteral("TLS established")));
    } else {
        QVERIFY(!server.output().contains("AUTH"));
    }
}

QTEST_MAIN(TestTlsTrust)
#include "tst_tlstrust.moc"
