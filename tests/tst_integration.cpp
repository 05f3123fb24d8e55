// Integration tests: the real client against a real server (Debian's python3-aiosmtpd) with
// STARTTLS and AUTH, certificates generated for this run; what arrives is compared byte for byte.
#include "aiosmtpdprocess.h"
#include "mime/mimemessagesource.h"
#include "mimeoracle.h"
#include "smtp/smtpclient.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>

#include <optional>

namespace {

QString certs(const char *name)
{
    return QStringLiteral(POSTWIRE_TEST_CERTS "/") + QLatin1String(name);
}

Message sampleMessage(const QString &attachmentPath)
{
    Message m;
    m.from = {QStringLiteral("Ana Núñez"), QStringLiteral("ana@example.org")};
    m.to = {{QStringLiteral("Bob"), QStringLiteral("bob@example.org")}};
    m.cc = {{QString(), QStringLiteral("carl@example.org")}};
    m.bcc = {{QString(), QStringLiteral("hidden@example.org")}};
    m.subject = QStringLiteral("Grüße — a test ✉");
    m.text = QStringLiteral(
                 ".a line starting with a dot\nFrom the start\n.\nünïcödé and a very long line ") +
             QString(300, QLatin1Char('x')) + QStringLiteral("\n");
    if (!attachmentPath.isEmpty()) {
        Attachment a;
        a.path = attachmentPath;
        m.attachments.append(a);
    }
    return m;
}

QByteArray withoutBoundaries(QByteArray message)
{
    static const QRegularExpression boundary(QStringLiteral("boundary=\"([^\"]+)\""));
    const QStringList found = [&] {
        QStringList all;
        auto it = boundary.globalMatch(QString::fromLatin1(message));
        while (it.hasNext())
            all << it.next().captured(1);
        return all;
    }();
    for (qsizetype i = 0; i < found.size(); ++i)
        message.replace(found[i].toLatin1(), QByteArray("BOUNDARY" + QByteArray::number(i)));
    return message;
}

} // namespace

class TestIntegration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sendThroughAiosmtpd_data();
    void sendThroughAiosmtpd();
    void emlFileArrivesAsIs();
    void utf8OnlyWhenAnAddressNeedsIt_data();
    void utf8OnlyWhenAnAddressNeedsIt();
    void commandLineSend();
};

void TestIntegration::sendThroughAiosmtpd_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QByteArray>("mechanism"); // empty: no AUTH
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("delivered");
    QTest::newRow("plain, no AUTH") << false << QByteArray() << QString() << true;
    QTest::newRow("STARTTLS, AUTH PLAIN")
        << true << QByteArray("PLAIN") << QStringLiteral("s3cret!pass") << true;
    QTest::newRow("STARTTLS, AUTH LOGIN")
        << true << QByteArray("LOGIN") << QStringLiteral("s3cret!pass") << true;
    QTest::newRow("STARTTLS, best AUTH")
        << true << QByteArray("") << QStringLiteral("s3cret!pass") << true;
    QTest::newRow("STARTTLS, wrong password")
        << true << QByteArray("PLAIN") << QStringLiteral("nope") << false;
}

void TestIntegration::sendThroughAiosmtpd()
{
    QFETCH(bool, tls);
    QFETCH(QByteArray, mechanism);
    QFETCH(QString, password);
    QFETCH(bool, delivered);

    AiosmtpdProcess server;
    server.start(tls ? QStringList{QStringLiteral("--cert"), certs("server.pem"),
                                   QStringLiteral("--key"), certs("server.key"),
                                   QStringLiteral("--require-tls")}
                     : QStringList());
    QTRY_VERIFY2_WITH_TIMEOUT(server.isReady(), server.errors().constData(), 15000);

    QTemporaryDir dir;
    QFile attachment(dir.filePath(QStringLiteral("data.bin")));
    QVERIFY(attachment.open(QIODevice::WriteOnly));
    QByteArray bytes;
    for (int i = 0; i < 200000; ++i)
        bytes.append(char(i * 7919 % 256));
    attachment.write(bytes);
    attachment.close();

    const Message message = sampleMessage(attachment.fileName());
    MimeMessageSource source(message);
    SmtpSettings settings;
    settings.host = QStringLiteral("localhost");
    settings.port = server.port();
    settings.security = tls ? SmtpSettings::Security::StartTls : SmtpSettings::Security::None;
    settings.caCertificates = QSslCertificate::fromPath(certs("ca.pem"));
    settings.authenticate = !password.isEmpty();
    settings.authMechanism = mechanism;
    settings.credentials = {QStringLiteral("ana"), password, QString()};

    SmtpClient client;
    QStringList transcript;
    Capabilities lastCaps;
    connect(&client, &SmtpClient::transcriptEntry, this,
            [&](const TranscriptEntry &e) { transcript << e.toPlainText(); });
    connect(&client, &SmtpClient::capabilitiesReceived, this,
            [&](const Capabilities &c) { lastCaps = c; });
    std::optional<SendResult> result;
    connect(&client, &SmtpClient::finished, this, [&](const SendResult &r) { result = r; });
    client.send(settings, message.envelope(), &source);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
    const QString log = transcript.join(QLatin1Char('\n')) + QStringLiteral("\nserver: ") +
                        QString::fromUtf8(server.errors());
    QCOMPARE(result->delivered(), delivered);
    if (!delivered) {
        QCOMPARE(result->error, SendResult::Error::Authentication);
        QCOMPARE(result->reply.code, 535);
        QCOMPARE(server.messageCount(), 0);
        return;
    }
    QVERIFY2(result->outcome == SendResult::Outcome::Success, qPrintable(log));
    QVERIFY2(result->queueId.startsWith(QStringLiteral("AIO")), qPrintable(result->queueId));
    QCOMPARE(log.contains(QStringLiteral("TLS established")), tls);

    // What arrived is exactly what the writer produces for this server's capabilities.
    MimeMessageSource again(source.message());
    QString error;
    QIODevice *device = again.open(lastCaps, &error);
    QVERIFY2(device, qPrintable(error));
    QByteArray expected;
    while (!device->atEnd()) {
        const QByteArray chunk = device->read(1 << 16);
        if (chunk.isEmpty())
            break;
        expected += chunk;
    }
    QTRY_COMPARE(server.messageCount(), 1);
    // Each writing draws new MIME boundaries; everything else must be identical.
    QByteArray received = server.message(1);
    received = withoutBoundaries(received);
    expected = withoutBoundaries(expected);
    if (received != expected) {
        QFile a(QDir::temp().filePath(QStringLiteral("postwire-expected.eml")));
        QFile b(QDir::temp().filePath(QStringLiteral("postwire-received.eml")));
        if (a.open(QIODevice::WriteOnly) && b.open(QIODevice::WriteOnly)) {
            a.write(expected);
            b.write(received);
        }
    }
    QCOMPARE(received.size(), expected.size());
    QVERIFY2(received == expected,
             "differs from the writer's output; see postwire-*.eml in the temp folder");
    // The envelope carries Bcc; the headers do not.
    QCOMPARE(
        server.envelope(1),
        QStringList({QStringLiteral("ana@example.org"), QStringLiteral("bob@example.org"),
                     QStringLiteral("carl@example.org"), QStringLiteral("hidden@example.org")}));
    QVERIFY(!server.message(1).contains("hidden@example.org"));
    // The password never reaches the transcript.
    if (!password.isEmpty()) {
        QVERIFY(!log.contains(password));
        QVERIFY(!log.contains(QString::fromLatin1(password.toUtf8().toBase64())));
    }
}

// aiosmtpd offers SMTPUTF8. A message whose addresses all have an ASCII form must still go in
// ASCII (RFC 2047/2231) without SMTPUTF8 on MAIL: a relay further on that lacks SMTPUTF8 would
// have to bounce it (RFC 6531 forbids downgrading). Python's `email` reads the names back.
void TestIntegration::utf8OnlyWhenAnAddressNeedsIt_data()
{
    QTest::addColumn<QString>("recipient");
    QTest::addColumn<bool>("utf8");
    QTest::newRow("ASCII addresses, non-ASCII names") << QStringLiteral("bob@example.org") << false;
    QTest::newRow("IDN domain has an ASCII form") << QStringLiteral("bob@bücher.example") << false;
    QTest::newRow("non-ASCII local part") << QStringLiteral("jörg@example.org") << true;
}

void TestIntegration::utf8OnlyWhenAnAddressNeedsIt()
{
    QFETCH(QString, recipient);
    QFETCH(bool, utf8);

    AiosmtpdProcess server;
    server.start({});
    QTRY_VERIFY2_WITH_TIMEOUT(server.isReady(), server.errors().constData(), 15000);

    QTemporaryDir dir;
    QFile attachment(dir.filePath(QStringLiteral("a.bin")));
    QVERIFY(attachment.open(QIODevice::WriteOnly));
    attachment.write("attached bytes\n");
    attachment.close();

    Message message = sampleMessage(QString());
    message.from.name = QStringLiteral("José Müller");
    message.to = {{QStringLiteral("Zoë Ça"), recipient}};
    message.cc.clear();
    message.bcc.clear();
    message.subject = QStringLiteral("Grüße aus Köln – 日本語");
    Attachment a;
    a.path = attachment.fileName();
    a.name = QStringLiteral("Übersicht – 2024 (ß).txt");
    a.contentType = QStringLiteral("text/plain");
    message.attachments = {a};
    MimeMessageSource source(message);

    SmtpSettings settings;
    settings.host = QStringLiteral("localhost");
    settings.port = server.port();
    settings.security = SmtpSettings::Security::None;
    SmtpClient client;
    QStringList transcript;
    connect(&client, &SmtpClient::transcriptEntry, this,
            [&](const TranscriptEntry &e) { transcript << e.toPlainText(); });
    std::optional<SendResult> result;
    connect(&client, &SmtpClient::finished, this, [&](const SendResult &r) { result = r; });
    client.send(settings, message.envelope(), &source);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
    const QString log = transcript.join(QLatin1Char('\n'));
    QVERIFY2(result->outcome == SendResult::Outcome::Success, qPrintable(log));

    const QString mail = transcript.filter(QStringLiteral("MAIL FROM:")).value(0);
    QVERIFY2(!mail.isEmpty(), qPrintable(log));
    QCOMPARE(mail.contains(QLatin1String("SMTPUTF8")), utf8);
    QTRY_COMPARE(server.messageCount(), 1);
    const QByteArray received = server.message(1);
    const QByteArray headers = received.left(received.indexOf("\r\n\r\n"));
    QCOMPARE(std::any_of(headers.cbegin(), headers.cend(),
                         [](char c) { return static_cast<unsigned char>(c) >= 0x80; }),
             utf8);

    const auto mailbox = [](const QString &name, const QString &address) {
        // Not QJsonArray{QJsonArray{...}}: clang takes that for a copy, a flat pair.
        QJsonArray list;
        list.append(QJsonArray{name, address});
        return list;
    };
    QJsonObject expected{
        {QStringLiteral("wire"),
         QJsonObject{{QStringLiteral("eightbit"), true}, {QStringLiteral("smtputf8"), utf8}}},
        {QStringLiteral("from"), mailbox(message.from.name, message.from.address)},
        {QStringLiteral("to"), mailbox(message.to[0].name, recipient)},
        {QStringLiteral("subject"), message.subject},
        {QStringLiteral("attachments"),
         QJsonArray{
             QJsonObject{{QStringLiteral("filename"), a.name},
                         {QStringLiteral("content_type"), a.contentType},
                         {QStringLiteral("size"), 15},
                         {QStringLiteral("sha256"),
                          QString::fromLatin1(QCryptographicHash::hash("attached bytes\n",
                                                                       QCryptographicHash::Sha256)
                                                  .toHex())}}}}};
    const QString verdict = runMimeOracle(received, expected, dir.path());
    QVERIFY2(verdict.isEmpty(), qPrintable(verdict));
}

void TestIntegration::emlFileArrivesAsIs()
{
    AiosmtpdProcess server;
    server.start();
    QTRY_VERIFY2_WITH_TIMEOUT(server.isReady(), server.errors().constData(), 15000);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.eml"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    // Unix line endings, a lone dot, a dot-led first body line, no final newline.
    // A saved copy keeps its Bcc field (folded here) and Postwire's marker: neither may be sent.
    f.write("From: a@example.org\nTo: b@example.org\nBcc: hidden@example.org,\n other@example.org\n"
            "X-Postwire-Bcc: kept in the saved copy only\nSubject: eml\n\n.first\n.\nBcc: in the "
            "body stays\nlast");
    f.close();
    FileMessageSource source(path);
    SmtpSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = server.port();
    settings.security = SmtpSettings::Security::None;
    Envelope envelope;
    envelope.sender = QStringLiteral("a@example.org");
    envelope.recipients = {QStringLiteral("b@example.org")};
    SmtpClient client;
    std::optional<SendResult> result;
    connect(&client, &SmtpClient::finished, this, [&](const SendResult &r) { result = r; });
    client.send(settings, envelope, &source);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
    QVERIFY2(result->delivered(), qPrintable(result->message));
    QTRY_COMPARE(server.messageCount(), 1);
    // Line endings made CRLF, the Bcc field and marker gone, the body untouched.
    QCOMPARE(server.message(1),
             QByteArray("From: a@example.org\r\nTo: b@example.org\r\nSubject: eml\r\n\r\n"
                        ".first\r\n.\r\nBcc: in the body stays\r\nlast\r\n"));
}

void TestIntegration::commandLineSend()
{
    AiosmtpdProcess server;
    server.start({QStringLiteral("--cert"), certs("server.pem"), QStringLiteral("--key"),
                  certs("server.key")});
    QTRY_VERIFY2_WITH_TIMEOUT(server.isReady(), server.errors().constData(), 15000);

    QProcess send;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("POSTWIRE_TEST_SECRET"), QStringLiteral("s3cret!pass"));
    send.setProcessEnvironment(env);
    send.start(QStringLiteral(POSTWIRE_BINARY),
               {QStringLiteral("send"), QStringLiteral("--server"),
                QStringLiteral("localhost:%1").arg(server.port()), QStringLiteral("--from"),
                QStringLiteral("Ana <ana@example.org>"), QStringLiteral("--to"),
                QStringLiteral("bob@example.org,carl@example.org"), QStringLiteral("--bcc"),
                QStringLiteral("hidden@example.org"), QStringLiteral("--subject"),
                QStringLiteral("from the command line"), QStringLiteral("--body"),
                QStringLiteral("Hello"), QStringLiteral("--user"), QStringLiteral("ana"),
                QStringLiteral("--password-env"), QStringLiteral("POSTWIRE_TEST_SECRET"),
                QStringLiteral("--ca-file"), certs("ca.pem")});
    QSignalSpy done(&send, &QProcess::finished);
    QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 30000);
    const QString out = QString::fromUtf8(send.readAllStandardOutput());
    const QString err = QString::fromUtf8(send.readAllStandardError());
    QVERIFY2(send.exitCode() == 0, qPrintable(out + err));
    QVERIFY2(out.contains(QStringLiteral("TLS: TLS established")), qPrintable(out));
    // The strongest mechanism both sides offer, and the server agrees the proof was right.
    QVERIFY2(out.contains(QStringLiteral("C: AUTH SCRAM-SHA-256")), qPrintable(out));
    QVERIFY2(server.output().contains("AUTH SCRAM-SHA-256 ok"), server.output().constData());
    QVERIFY(!out.contains(QStringLiteral("s3cret")));
    QVERIFY2(out.contains(QStringLiteral("OK: message accepted")), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("queue id AIO1")));
    QTRY_COMPARE(server.messageCount(), 1);
    QCOMPARE(server.envelope(1).size(), 4);
    QVERIFY(server.message(1).contains("Subject: from the command line"));
}

QTEST_GUILESS_MAIN(TestIntegration)
#include "tst_integration.moc"
