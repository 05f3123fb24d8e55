// The server check: what it learns from a server and the findings it draws. Scenarios on the
// scripted fake server (each ends in QUIT: a MAIL or AUTH would be an "unexpected" mismatch),
// the findings' rules on reports made by hand, and real TLS against aiosmtpd.
#include "aiosmtpdprocess.h"
#include "fakesmtpserver.h"
#include "smtp/servercheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

namespace {

QString certs(const QString &name)
{
    return QStringLiteral(POSTWIRE_TEST_CERTS "/") + name;
}

SmtpSettings settingsFor(quint16 port, SmtpSettings::Security security)
{
    SmtpSettings s;
    s.host = QStringLiteral("localhost");
    s.port = port;
    s.security = security;
    s.heloName = QStringLiteral("client.example");
    s.timeouts = SmtpTimeouts::uniform(3'000);
    // The check ignores these: it never logs in and always looks at the certificate.
    s.authenticate = true;
    s.credentials.user = QStringLiteral("ana");
    s.credentials.secret = QStringLiteral("secret");
    s.verifyPeer = false;
    return s;
}

QStringList ids(const ServerReport &report)
{
    QStringList out;
    for (const ServerFinding &f : report.findings)
        out << f.id;
    return out;
}

const char *const Full = "S: 250-PIPELINING\nS: 250-8BITMIME\nS: 250-SMTPUTF8\n"
                         "S: 250-ENHANCEDSTATUSCODES\nS: 250 SIZE 10485760\n";

} // namespace

class TestServerCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scenarios_data();
    void scenarios();
    void startTlsWithUntrustedCertificate();
    void rules_data();
    void rules();
    void jsonHoldsEverything();
    void aiosmtpd_data();
    void aiosmtpd();
};

void TestServerCheck::scenarios_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("security");
    QTest::addColumn<bool>("completed");
    QTest::addColumn<QString>("stoppedStep");
    QTest::addColumn<QStringList>("expected");   // findings that must be there
    QTest::addColumn<QStringList>("unexpected"); // findings that must not

    const QString greet = QStringLiteral("S: 220 fake ESMTP\nC: EHLO client.example\n");
    const int optional = int(SmtpSettings::Security::StartTlsIfOffered);
    QTest::newRow("everything offered, no TLS asked")
        << greet + QStringLiteral("S: 250-fake\n") + QLatin1String(Full) +
               QStringLiteral("C: QUIT\nS: 221 bye\n")
        << int(SmtpSettings::Security::None) << true << QString() << QStringList()
        << QStringList{QStringLiteral("no-pipelining"), QStringLiteral("no-smtputf8"),
                       QStringLiteral("no-8bitmime"),   QStringLiteral("auth-before-tls"),
                       QStringLiteral("no-size"),       QStringLiteral("check-stopped")};
    QTest::newRow("AUTH PLAIN before TLS, nothing else")
        << greet + QStringLiteral("S: 250-fake\nS: 250 AUTH PLAIN LOGIN\nC: QUIT\nS: 221 bye\n")
        << optional << true << QString()
        << QStringList{QStringLiteral("auth-before-tls"), QStringLiteral("no-pipelining"),
                       QStringLiteral("no-smtputf8"),     QStringLiteral("no-8bitmime"),
                       QStringLiteral("no-size"),         QStringLiteral("no-enhancedstatuscodes")}
        << QStringList{QStringLiteral("check-stopped")};
    QTest::newRow("VRFY offered") << greet + QStringLiteral(
                                                 "S: 250-fake\nS: 250 VRFY\nC: QUIT\nS: 221 bye\n")
                                  << optional << true << QString()
                                  << QStringList{QStringLiteral("vrfy-expn")}
                                  << QStringList{QStringLiteral("auth-before-tls")};
    QTest::newRow("EHLO unknown: HELO only")
        << greet + QStringLiteral("S: 502 what\nC: HELO client.example\nS: 250 ok\n"
                                  "C: QUIT\nS: 221 bye\n")
        << optional << true << QString() << QStringList{QStringLiteral("no-esmtp")}
        << QStringList();
    QTest::newRow("greeting refused")
        << QStringLiteral("S: 554 no service for you\nC: QUIT\nS: 221 bye\n") << optional << false
        << QStringLiteral("Greeting")
        << QStringList{QStringLiteral("greeting-refused"), QStringLiteral("check-stopped")}
        << QStringList{QStringLiteral("no-pipelining")};
    QTest::newRow("dropped after EHLO")
        << greet + QStringLiteral("X:\n") << optional << false << QStringLiteral("Ehlo")
        << QStringList{QStringLiteral("check-stopped")}
        << QStringList{QStringLiteral("no-pipelining")};
    QTest::newRow("never greets") << QStringLiteral("W: 10000\n") << optional << false
                                  << QStringLiteral("Greeting")
                                  << QStringList{QStringLiteral("check-stopped")} << QStringList();
    QTest::newRow("STARTTLS required, not offered")
        << greet + QStringLiteral("S: 250-fake\nS: 250 PIPELINING\nC: QUIT\nS: 221 bye\n")
        << int(SmtpSettings::Security::StartTls) << false << QStringLiteral("Ehlo")
        << QStringList{QStringLiteral("check-stopped"), QStringLiteral("no-8bitmime")}
        << QStringList{QStringLiteral("no-pipelining")};
}

void TestServerCheck::scenarios()
{
    QFETCH(QString, scenario);
    QFETCH(int, security);
    QFETCH(bool, completed);
    QFETCH(QString, stoppedStep);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, unexpected);

    FakeSmtpServer server(scenario);
    QVERIFY(server.listen());
    ServerCheck check;
    QSignalSpy finished(&check, &ServerCheck::finished);
    check.start(settingsFor(server.port(), SmtpSettings::Security(security)));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 8'000);
    const ServerReport report = finished.at(0).at(0).value<ServerReport>();
    QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));
    QCOMPARE(report.completed, completed);
    QCOMPARE(report.stoppedStep, stoppedStep);
    if (!completed) {
        QVERIFY(!report.stoppedLabel.isEmpty());
        QVERIFY(!report.message.isEmpty());
        QVERIFY(report.toText().contains(report.message));
    }
    for (const QString &id : expected)
        QVERIFY2(report.hasFinding(id), qPrintable(id + QStringLiteral(" missing; have ") +
                                                   ids(report).join(QLatin1Char(' '))));
    for (const QString &id : unexpected)
        QVERIFY2(!report.hasFinding(id), qPrintable(id + QStringLiteral(" should not be there")));
    // Whatever happened, no finding is without words, and every step has a time.
    for (const ServerFinding &f : report.findings)
        QVERIFY(!f.text.isEmpty());
    QVERIFY(!report.steps.isEmpty());
    QCOMPARE(report.steps.first().step, QStringLiteral("connect"));
    if (scenario.startsWith(QLatin1String("S: 220"))) {
        QCOMPARE(report.greetingCode, 220);
        QCOMPARE(report.greetingLines, QStringList{QStringLiteral("220 fake ESMTP")});
        QVERIFY(report.greetingMs >= 0);
    }
}

// STARTTLS with a self-signed certificate: the check completes the handshake, reports the
// problem, compares the extensions and says what TLS changed. Only EHLO and QUIT go over TLS.
void TestServerCheck::startTlsWithUntrustedCertificate()
{
    FakeSmtpServer server(QStringLiteral(
        "W: 300\nS: 220 fake ESMTP\nC: EHLO client.example\nS: 250-fake\n"
        "S: 250-AUTH PLAIN LOGIN\nS: 250-SIZE 1000\nS: 250 STARTTLS\nC: STARTTLS\n"
        "S: 220 go ahead\nT:\nC: EHLO client.example\nS: 250-fake\nS: 250-AUTH PLAIN\n"
        "S: 250-PIPELINING\nS: 250-STARTTLS\nS: 250 SIZE 52428800\nC: QUIT\nS: 221 bye\n"));
    server.setCertificate(certs(QStringLiteral("selfsigned.pem")),
                          certs(QStringLiteral("selfsigned.key")));
    QVERIFY(server.listen());
    ServerCheck check;
    QSignalSpy finished(&check, &ServerCheck::finished);
    QStringList transcript;
    connect(&check, &ServerCheck::transcriptEntry, this,
            [&transcript](const TranscriptEntry &e) { transcript << e.text; });
    check.start(settingsFor(server.port(), SmtpSettings::Security::StartTlsIfOffered));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 8'000);
    const ServerReport r = finished.at(0).at(0).value<ServerReport>();
    QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.report()));
    QVERIFY(server.scenarioComplete());
    QVERIFY2(r.completed, qPrintable(r.message));
    QVERIFY(r.greetingMs >= 250);
    QVERIFY(r.tlsActive);
    QVERIFY(r.startTlsOffered);
    QVERIFY(!r.certificateVerified);
    QVERIFY(!r.certificateProblems.isEmpty());
    QVERIFY(r.tlsProtocol.startsWith(QLatin1String("TLS 1.")));
    QVERIFY(!r.cipher.isEmpty());
    QCOMPARE(r.chain.size(), 1);
    QVERIFY(r.chain[0].selfSigned);
    QCOMPARE(r.chain[0].keyType, QStringLiteral("EC"));
    QCOMPARE(r.chain[0].keyBits, 256);
    QVERIFY(r.chain[0].subject.contains(QStringLiteral("CN=localhost")));
    QVERIFY(r.chain[0].subjectAltNames.contains(QStringLiteral("DNS:localhost")));
    QVERIFY(r.chain[0].daysLeft >= 28 && r.chain[0].daysLeft <= 30);
    QCOMPARE(r.chain[0].sha256.size(), 32 * 3 - 1);
    QCOMPARE(r.addedByTls(), (QList<QByteArray>{"PIPELINING"}));
    QCOMPARE(r.removedByTls(), QList<QByteArray>());
    QCOMPARE(r.beforeTls.authMechanisms(), (QList<QByteArray>{"PLAIN", "LOGIN"}));
    QCOMPARE(r.afterTls.authMechanisms(), (QList<QByteArray>{"PLAIN"}));
    QCOMPARE(r.effective().sizeLimit(), 52428800);
    for (const char *id : {"certificate-not-verified", "auth-before-tls", "starttls-after-tls"})
        QVERIFY2(r.hasFinding(QLatin1String(id)), id);
    QVERIFY(!r.hasFinding(QStringLiteral("no-pipelining")));
    QVERIFY(!r.hasFinding(QStringLiteral("certificate-expires-soon")));
    QStringList steps;
    for (const ServerCheckStep &s : r.steps)
        steps << s.step;
    QCOMPARE(steps,
             (QStringList{QStringLiteral("connect"), QStringLiteral("greeting"),
                          QStringLiteral("ehlo"), QStringLiteral("starttls"), QStringLiteral("tls"),
                          QStringLiteral("ehlo-tls"), QStringLiteral("quit")}));
    QVERIFY(transcript.join(QLatin1Char('\n')).contains(QStringLiteral("only to inspect")));
    const QString text = r.toText();
    QVERIFY(text.contains(QStringLiteral("50.0 MB")));
    QVERIFY(text.contains(QStringLiteral("TLS added: PIPELINING")));
    QVERIFY(text.contains(QStringLiteral("does NOT verify")));
}

void TestServerCheck::rules_data()
{
    QTest::addColumn<quint16>("port");
    QTest::addColumn<QString>("tweak");
    QTest::addColumn<QString>("finding");
    QTest::addColumn<int>("severity"); // -1: the finding must not be there

    using S = ServerFinding::Severity;
    QTest::newRow("no STARTTLS on 587") << quint16(587) << "plain"
                                        << "no-starttls" << int(S::Problem);
    QTest::newRow("no STARTTLS on 25") << quint16(25) << "plain"
                                       << "no-starttls" << int(S::Warning);
    QTest::newRow("no STARTTLS on 2525: no rule") << quint16(2525) << "plain"
                                                  << "no-starttls" << -1;
    QTest::newRow("STARTTLS on 587") << quint16(587) << ""
                                     << "no-starttls" << -1;
    QTest::newRow("slow greeting") << quint16(25) << "slow"
                                   << "slow-greeting" << int(S::Warning);
    QTest::newRow("quick greeting") << quint16(25) << ""
                                    << "slow-greeting" << -1;
    QTest::newRow("TLS 1.1") << quint16(587) << "tls11"
                             << "old-tls" << int(S::Problem);
    QTest::newRow("TLS 1.3") << quint16(587) << ""
                             << "old-tls" << -1;
    QTest::newRow("expires in 5 days") << quint16(587) << "expiring"
                                       << "certificate-expires-soon" << int(S::Warning);
    QTest::newRow("expires in 60 days") << quint16(587) << ""
                                        << "certificate-expires-soon" << -1;
    QTest::newRow("RSA 1024") << quint16(587) << "rsa1024"
                              << "weak-key" << int(S::Problem);
    QTest::newRow("AUTH CRAM-MD5 before TLS") << quint16(587) << "cram"
                                              << "auth-before-tls" << int(S::Warning);
    QTest::newRow("AUTH PLAIN before TLS") << quint16(587) << "plainauth"
                                           << "auth-before-tls" << int(S::Problem);
    QTest::newRow("no AUTH on submission") << quint16(587) << "noauth"
                                           << "no-auth-submission" << int(S::Warning);
    QTest::newRow("no AUTH on port 25 is normal") << quint16(25) << "noauth"
                                                  << "no-auth-submission" << -1;
    QTest::newRow("weak cipher") << quint16(587) << "weakcipher"
                                 << "weak-cipher" << int(S::Problem);
}

void TestServerCheck::rules()
{
    QFETCH(quint16, port);
    QFETCH(QString, tweak);
    QFETCH(QString, finding);
    QFETCH(int, severity);

    SmtpReply before;
    before.code = 250;
    before.lines = {"mx.example", "PIPELINING", "8BITMIME", "SMTPUTF8", "STARTTLS"};
    if (tweak == QLatin1String("cram"))
        before.lines << "AUTH CRAM-MD5";
    if (tweak == QLatin1String("plainauth"))
        before.lines << "AUTH PLAIN LOGIN";
    if (tweak == QLatin1String("plain"))
        before.lines.removeAll("STARTTLS");
    SmtpReply after = before;
    after.lines.removeAll("STARTTLS");
    if (tweak != QLatin1String("noauth"))
        after.lines << "AUTH PLAIN";

    ServerReport r;
    r.host = QStringLiteral("mx.example");
    r.port = port;
    r.completed = true;
    r.greetingCode = 220;
    r.greetingMs = tweak == QLatin1String("slow") ? 6'000 : 40;
    r.ehloAnswered = true;
    r.beforeTls = Capabilities::fromEhloReply(before);
    r.startTlsOffered = r.beforeTls.startTls();
    if (r.startTlsOffered) {
        r.tlsActive = true;
        r.ehloAfterTlsAnswered = true;
        r.afterTls = Capabilities::fromEhloReply(after);
        r.tlsProtocol = tweak == QLatin1String("tls11") ? QStringLiteral("an older TLS version")
                                                        : QStringLiteral("TLS 1.3");
        r.tlsProtocolBelow12 = tweak == QLatin1String("tls11");
        r.cipher = QStringLiteral("TLS_AES_256_GCM_SHA384");
        r.cipherBits = tweak == QLatin1String("weakcipher") ? 56 : 256;
        r.certificateVerified = true;
        ServerCertificateInfo leaf;
        leaf.daysLeft = tweak == QLatin1String("expiring") ? 5 : 60;
        leaf.keyType = QStringLiteral("RSA");
        leaf.keyBits = tweak == QLatin1String("rsa1024") ? 1024 : 2048;
        r.chain << leaf;
    }
    r.evaluate();
    const auto it = std::find_if(r.findings.cbegin(), r.findings.cend(),
                                 [&](const ServerFinding &f) { return f.id == finding; });
    if (severity < 0) {
        QVERIFY2(it == r.findings.cend(), qPrintable(ids(r).join(QLatin1Char(' '))));
        return;
    }
    QVERIFY2(it != r.findings.cend(), qPrintable(ids(r).join(QLatin1Char(' '))));
    QCOMPARE(int(it->severity), severity);
    QVERIFY(!it->reference.isEmpty());
    QVERIFY(!it->text.isEmpty());
}

void TestServerCheck::jsonHoldsEverything()
{
    FakeSmtpServer server(QStringLiteral("S: 220 fake ESMTP\nC: EHLO client.example\n"
                                         "S: 250-fake\nS: 250-AUTH LOGIN\nS: 250 SIZE 2048\n"
                                         "C: QUIT\nS: 221 bye\n"));
    QVERIFY(server.listen());
    ServerCheck check;
    QSignalSpy finished(&check, &ServerCheck::finished);
    check.start(settingsFor(server.port(), SmtpSettings::Security::StartTlsIfOffered));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 8'000);
    const ServerReport r = finished.at(0).at(0).value<ServerReport>();
    // Through text and back, as a script reads it.
    const QJsonObject o = QJsonDocument::fromJson(QJsonDocument(r.toJson()).toJson()).object();
    QCOMPARE(o.value(QStringLiteral("port")).toInt(), int(server.port()));
    QCOMPARE(o.value(QStringLiteral("security")).toString(), QStringLiteral("starttls-optional"));
    QCOMPARE(o.value(QStringLiteral("completed")).toBool(), true);
    QVERIFY(o.value(QStringLiteral("stopped")).isNull());
    QCOMPARE(o.value(QStringLiteral("greeting"))[QStringLiteral("code")].toInt(), 220);
    const QJsonArray before =
        o.value(QStringLiteral("extensions"))[QStringLiteral("beforeTls")].toArray();
    QCOMPARE(before.size(), 2);
    QCOMPARE(before[1][QStringLiteral("keyword")].toString(), QStringLiteral("SIZE"));
    QCOMPARE(before[1][QStringLiteral("rfc")].toString(), QStringLiteral("RFC 1870"));
    QVERIFY(o.value(QStringLiteral("extensions"))[QStringLiteral("afterTls")].isNull());
    QCOMPARE(o.value(QStringLiteral("auth"))[QStringLiteral("beforeTls")].toArray(),
             QJsonArray{QStringLiteral("LOGIN")});
    QCOMPARE(o.value(QStringLiteral("size"))[QStringLiteral("bytes")].toInt(), 2048);
    QCOMPARE(o.value(QStringLiteral("size"))[QStringLiteral("text")].toString(),
             QStringLiteral("2.0 KB"));
    QCOMPARE(o.value(QStringLiteral("tls"))[QStringLiteral("active")].toBool(), false);
    QVERIFY(o.value(QStringLiteral("steps")).toArray().size() >= 4);
    bool auth = false;
    for (const QJsonValue &f : o.value(QStringLiteral("findings")).toArray()) {
        if (f[QStringLiteral("id")].toString() == QLatin1String("auth-before-tls")) {
            auth = true;
            QCOMPARE(f[QStringLiteral("severity")].toString(), QStringLiteral("problem"));
        }
    }
    QVERIFY(auth);
}

void TestServerCheck::aiosmtpd_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<bool>("trustCa");
    QTest::addColumn<bool>("verified");
    QTest::newRow("self-signed: a finding, the check goes on") << "selfsigned" << false << false;
    QTest::newRow("wrong host") << "wronghost" << true << false;
    QTest::newRow("valid chain with the test CA") << "server" << true << true;
}

void TestServerCheck::aiosmtpd()
{
    QFETCH(QString, certificate);
    QFETCH(bool, trustCa);
    QFETCH(bool, verified);
    AiosmtpdProcess server;
    server.start({QStringLiteral("--cert"), certs(certificate + QStringLiteral(".pem")),
                  QStringLiteral("--key"), certs(certificate + QStringLiteral(".key")),
                  QStringLiteral("--require-tls")});
    QTRY_VERIFY2_WITH_TIMEOUT(server.port() != 0 || server.failed(), server.errors().constData(),
                              15'000);
    QVERIFY2(!server.failed(), server.errors().constData());
    SmtpSettings s = settingsFor(server.port(), SmtpSettings::Security::StartTls);
    s.timeouts = SmtpTimeouts::uniform(10'000);
    if (trustCa)
        s.caCertificates = QSslCertificate::fromPath(certs(QStringLiteral("ca.pem")));
    ServerCheck check;
    QSignalSpy finished(&check, &ServerCheck::finished);
    check.start(s);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15'000);
    const ServerReport r = finished.at(0).at(0).value<ServerReport>();
    QVERIFY2(r.completed, qPrintable(r.message));
    QVERIFY(r.tlsActive);
    QVERIFY(r.ehloAfterTlsAnswered);
    QCOMPARE(r.certificateVerified, verified);
    QCOMPARE(r.hasFinding(QStringLiteral("certificate-not-verified")), !verified);
    if (!verified) {
        QVERIFY(!r.certificateProblems.isEmpty());
        QVERIFY(r.toText().contains(r.certificateProblems.first()));
    }
    // aiosmtpd with --require-tls offers AUTH only after TLS.
    QVERIFY(r.beforeTls.authMechanisms().isEmpty());
    QVERIFY(!r.afterTls.authMechanisms().isEmpty());
    QVERIFY(r.addedByTls().contains("AUTH"));
    QVERIFY(r.removedByTls().contains("STARTTLS"));
    QVERIFY(!server.output().contains("AUTH"));
    QCOMPARE(server.messageCount(), 0);
}

QTEST_GUILESS_MAIN(TestServerCheck)
#include "tst_servercheck.moc"
