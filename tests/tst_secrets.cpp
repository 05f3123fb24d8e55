// Secrets stay secret: after a send with each AUTH mechanism, the password (or token) and its
// base64 and hex forms, and every blob that carried it on the wire, appear in no transcript
// entry, transcript model, saved transcript (text and HTML), settings file, draft or log.
#include "account/accountstore.h"
#include "account/draftstore.h"
#include "account/memorycredentialstore.h"
#include "aiosmtpdprocess.h"
#include "buffermessagesource.h"
#include "fakesmtpserver.h"
#include "smtp/smtpclient.h"
#include "transcriptmodel.h"
#include "transcriptview.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString Secret = QStringLiteral("Zx9!qS3cret-pw");
const QByteArray Mail = "From: ana@example.org\r\nTo: bo@example.org\r\nSubject: hi\r\n\r\nHi.\r\n";

QStringList g_log;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_log << message;
    if (g_previous)
        g_previous(type, context, message);
}

QString certs(const char *name)
{
    return QStringLiteral(POSTWIRE_TEST_CERTS "/") + QLatin1String(name);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void nowhere_data();
    void nowhere();
};

void TestSecrets::initTestCase()
{
    g_previous = qInstallMessageHandler(capture);
}

void TestSecrets::cleanupTestCase()
{
    qInstallMessageHandler(g_previous);
}

void TestSecrets::nowhere_data()
{
    QTest::addColumn<QByteArray>("mechanism");
    QTest::addColumn<QString>("exchange"); // empty: aiosmtpd computes it (SCRAM)
    const QByteArray challenge = "<1896.697170952@postoffice.reston.mci.net>";
    QTest::newRow("PLAIN") << QByteArray("PLAIN")
                           << QStringLiteral("C~ AUTH PLAIN \\S+\nS: 235 2.7.0 ok\n");
    QTest::newRow("LOGIN") << QByteArray("LOGIN")
                           << QStringLiteral("C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: YW5h\n"
                                             "S: 334 UGFzc3dvcmQ6\nC~ \\S+\nS: 235 ok\n");
    QTest::newRow("CRAM-MD5") << QByteArray("CRAM-MD5")
                              << QStringLiteral("C: AUTH CRAM-MD5\nS: 334 %1\nC~ \\S+\nS: 235 ok\n")
                                     .arg(QString::fromLatin1(challenge.toBase64()));
    QTest::newRow("XOAUTH2") << QByteArray("XOAUTH2")
                             << QStringLiteral("C~ AUTH XOAUTH2 \\S+\nS: 235 2.7.0 Accepted\n");
    QTest::newRow("SCRAM-SHA-256 (aiosmtpd)") << QByteArray("SCRAM-SHA-256") << QString();
}

void TestSecrets::nowhere()
{
    QFETCH(QByteArray, mechanism);
    QFETCH(QString, exchange);
    g_log.clear();
    QTemporaryDir dir;

    AccountStore store(dir.filePath(QStringLiteral("postwire.conf")));
    store.load();
    Account account = store.at(0);
    account.name = QStringLiteral("Secret test");
    account.address = QStringLiteral("ana@example.org");
    account.host = QStringLiteral("localhost");
    account.authenticate = true;
    account.authMechanism = mechanism;
    account.user = QStringLiteral("ana");
    account.heloName = QStringLiteral("test.example");
    account.timeouts = SmtpTimeouts::uniform(10'000);
    MemoryCredentialStore credentials;
    credentials.write(account.id, Secret);

    std::unique_ptr<FakeSmtpServer> fake;
    std::unique_ptr<AiosmtpdProcess> real;
    if (exchange.isEmpty()) {
        real = std::make_unique<AiosmtpdProcess>();
        real->start({QStringLiteral("--cert"), certs("server.pem"), QStringLiteral("--key"),
                     certs("server.key"), QStringLiteral("--password"), Secret,
                     QStringLiteral("--require-tls")});
        QTRY_VERIFY2_WITH_TIMEOUT(real->port() != 0 || real->failed(), real->errors().constData(),
                                  15'000);
        QVERIFY2(!real->failed(), real->errors().constData());
        account.port = real->port();
        account.security = SmtpSettings::Security::StartTls;
        account.caFile = certs("ca.pem");
    } else {
        fake = std::make_unique<FakeSmtpServer>(
            QStringLiteral("S: 220 fake ESMTP\nC: EHLO test.example\nS: 250-fake\n"
                           "S: 250 AUTH PLAIN LOGIN CRAM-MD5 XOAUTH2\n") +
            exchange +
            QStringLiteral(
                "C: MAIL FROM:<ana@example.org>\nS: 250 ok\nC: RCPT TO:<bo@example.org>\n"
                "S: 250 ok\nC: DATA\nS: 354 go\nD:\nS: 250 ok\nC: QUIT\nS: 221 bye\n"));
        QVERIFY(fake->listen());
        account.port = fake->port();
        account.security = SmtpSettings::Security::None; // loopback: AUTH in the clear allowed
    }
    store.update(account);

    // The send, with the secret read from the credential store as the compose window does.
    QSignalSpy read(&credentials, &CredentialStore::readFinished);
    credentials.read(account.id);
    QTRY_COMPARE(read.size(), 1);
    const QString secret = read.at(0).at(1).toString();
    QCOMPARE(secret, Secret);
    SmtpClient client;
    QList<TranscriptEntry> entries;
    TranscriptModel model;
    model.beginSection(account.serverLabel(), account.name);
    connect(&client, &SmtpClient::transcriptEntry, &model, &TranscriptModel::append);
    connect(&client, &SmtpClient::transcriptEntry,
            [&entries](const TranscriptEntry &e) { entries << e; });
    QSignalSpy finished(&client, &SmtpClient::finished);
    BufferMessageSource source(Mail);
    Envelope envelope;
    envelope.sender = account.address;
    envelope.recipients = {QStringLiteral("bo@example.org")};
    client.send(account.toSmtpSettings(secret), envelope, &source);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15'000);
    const auto result = finished.at(0).at(0).value<SendResult>();
    QVERIFY2(result.delivered(), qPrintable(model.toPlainText().right(1500)));

    // What carried the secret on the wire: each of these must appear nowhere.
    const QByteArray raw = Secret.toUtf8();
    const QByteArray plainBlob = QByteArray("\0ana\0", 5) + raw;
    const QByteArray xoauthBlob =
        QByteArray("user=ana\x01auth=Bearer ") + raw + QByteArray("\x01\x01");
    QList<QByteArray> forms = {raw,
                               raw.toBase64(),
                               raw.toHex(),
                               raw.toHex().toUpper(),
                               plainBlob.toBase64(),
                               xoauthBlob.toBase64()};
    if (fake) {
        QVERIFY2(fake->mismatches().isEmpty(), qPrintable(fake->report()));
        const QStringList lines = fake->clientLines();
        bool carried = false;
        for (const QString &line : lines) {
            const QString blob = line.section(QLatin1Char(' '), -1);
            if (line.startsWith(QLatin1String("EHLO")) || line.startsWith(QLatin1String("MAIL")) ||
                line.startsWith(QLatin1String("RCPT")) || line == QLatin1String("DATA") ||
                line == QLatin1String("QUIT") || blob == QLatin1String("YW5h") ||
                blob == QString::fromLatin1(mechanism))
                continue;
            forms << blob.toLatin1();
            // The server got the real secret (or its HMAC): this send did authenticate.
            carried = carried || QByteArray::fromBase64(blob.toLatin1()).contains(raw) ||
                      mechanism == "CRAM-MD5";
        }
        QVERIFY2(carried, qPrintable(lines.join(QLatin1Char('\n'))));
    } else {
        QTRY_VERIFY(real->output().contains("AUTH SCRAM-SHA-256 ok"));
    }

    // Everywhere a secret could end up.
    const QString txt = dir.filePath(QStringLiteral("transcript.txt"));
    const QString html = dir.filePath(QStringLiteral("transcript.html"));
    TranscriptView view(&model);
    QString error;
    QVERIFY2(view.saveTo(txt, &error), qPrintable(error));
    QVERIFY2(view.saveTo(html, &error), qPrintable(error));
    DraftStore drafts(dir.filePath(QStringLiteral("drafts")));
    Draft draft;
    draft.account = account.name;
    draft.from = account.address;
    draft.to = QStringLiteral("bo@example.org");
    draft.subject = QStringLiteral("hi");
    QVERIFY2(drafts.save(draft, &error), qPrintable(error));
    QVERIFY(store.save());

    QList<QPair<QString, QByteArray>> places;
    QStringList entryText;
    for (const TranscriptEntry &e : std::as_const(entries))
        entryText << e.text << e.details << e.toPlainText();
    places.append(
        {QStringLiteral("transcript entries"), entryText.join(QLatin1Char('\n')).toUtf8()});
    places.append({QStringLiteral("transcript model (text)"), model.toPlainText().toUtf8()});
    places.append({QStringLiteral("transcript model (HTML)"), model.toHtml().toUtf8()});
    places.append({QStringLiteral("saved transcript"), readAll(txt)});
    places.append({QStringLiteral("saved HTML transcript"), readAll(html)});
    places.append({QStringLiteral("settings file"), readAll(store.fileName())});
    places.append({QStringLiteral("draft"), readAll(drafts.path())});
    places.append({QStringLiteral("log"), g_log.join(QLatin1Char('\n')).toUtf8()});
    places.append({QStringLiteral("result"), result.message.toUtf8()});
    if (real)
        places.append({QStringLiteral("server output"), real->output() + real->errors()});
    for (const auto &[where, bytes] : std::as_const(places)) {
        QVERIFY2(!bytes.isEmpty() || where == QLatin1String("log") ||
                     where == QLatin1String("server output"),
                 qPrintable(where + QStringLiteral(" is empty: nothing was checked")));
        for (const QByteArray &form : std::as_const(forms)) {
            if (form.size() < 4)
                continue;
            QVERIFY2(!bytes.contains(form),
                     qPrintable(
                         QStringLiteral("%1 holds \"%2\"").arg(where, QString::fromLatin1(form))));
        }
    }
    // The transcript still says that AUTH happened, with the secret masked.
    QVERIFY(model.toPlainText().contains(QStringLiteral("AUTH ") + QString::fromLatin1(mechanism)));
}

QTEST_MAIN(TestSecrets)
#include "tst_secrets.moc"
