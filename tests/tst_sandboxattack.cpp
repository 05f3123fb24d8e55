// The sandbox attacked as a hostile client would: many sessions at once, pipelined garbage, a
// line without end, messages over SIZE (DATA and BDAT), path tricks in every field. After each
// attack a normal client still gets its message stored, and no file exists outside the store.
#include "sandbox/mailstore.h"
#include "sandbox/sandboxcredentials.h"
#include "sandbox/sandboxserver.h"
#include "sandbox_testclient.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace {

constexpr qint64 SizeLimit = 64 * 1024;
constexpr int Sessions = 50;

QByteArray transaction(const QByteArray &from, const QByteArray &to, const QByteArray &message)
{
    return "EHLO attacker.example\r\nMAIL FROM:<" + from + ">\r\nRCPT TO:<" + to + ">\r\nDATA\r\n" +
           message + ".\r\n";
}

QByteArray plainMessage(const QByteArray &subject)
{
    return "From: a@example.org\r\nTo: b@example.org\r\nSubject: " + subject + "\r\n\r\nHello.\r\n";
}

// A command line with a NUL byte in it.
QByteArray withNul(const char *before, const char *after)
{
    return QByteArray(before) + '\0' + after;
}

// A multipart message whose header fields and attachment names all point outside the store.
QByteArray trickyMessage(const QByteArray &target)
{
    return "From: \"../../" + target +
           "\" <a@example.org>\r\n"
           "To: b@example.org\r\n"
           "Subject: ../../" +
           target +
           "\r\n"
           "Message-ID: <../../" +
           target +
           "@example.org>\r\n"
           "MIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
           "--b\r\nContent-Type: text/plain\r\n\r\nbody\r\n"
           "--b\r\nContent-Type: application/octet-stream; name=\"../../" +
           target +
           "\"\r\n"
           "Content-Disposition: attachment; filename=\"../../" +
           target +
           "\"\r\n\r\nx\r\n"
           "--b\r\nContent-Type: application/octet-stream\r\n"
           "Content-Disposition: attachment; filename=\"" +
           target +
           "\"\r\n\r\ny\r\n"
           "--b\r\nContent-Type: application/octet-stream\r\n"
           "Content-Disposition: attachment; filename*=utf-8''..%2F..%2F" +
           target +
           "%00.txt\r\n\r\nz\r\n"
           "--b--\r\n";
}

} // namespace

class TestSandboxAttack : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void attack_data();
    void attack();
};

void TestSandboxAttack::attack_data()
{
    // What the attack sends on each of its connections; "%T" stands for a path outside the
    // store (relative from the store folder, or absolute), which must never come to exist.
    QTest::addColumn<QList<QByteArray>>("connections");
    QTest::addColumn<QByteArray>("expectReply"); // the start of the attack's last reply
    QTest::addColumn<int>("stored");             // messages the attack itself gets stored

    QList<QByteArray> many;
    for (int i = 0; i < Sessions; ++i) {
        many << transaction("s" + QByteArray::number(i) + "@example.org", "b@example.org",
                            plainMessage("session " + QByteArray::number(i))) +
                    "QUIT\r\n";
    }
    QTest::newRow("50 concurrent sessions") << many << QByteArray("221") << Sessions;

    QByteArray garbage;
    for (int i = 0; i < 4000; ++i)
        garbage += QByteArray::number(i * 7919 % 255, 16).repeated(1 + i % 9) + char(i % 256) +
                   (i % 3 ? "\r\n" : "\n");
    QTest::newRow("pipelined garbage") << QList<QByteArray>{garbage} << QByteArray() << 0;
    QTest::newRow("pipelined commands out of order")
        << QList<QByteArray>{"DATA\r\nRCPT TO:<b@x>\r\n.\r\nBDAT 5 LAST\r\nxxxxx\r\nMAIL FROM:<>"
                             "\r\nRCPT TO:<b@example.org>\r\nBDAT 99999999999999999999\r\n"
                             "AUTH PLAIN\r\n*\r\nSTARTTLS\r\nQUIT\r\n"}
        << QByteArray("221") << 0;
    QTest::newRow("a line without end")
        << QList<QByteArray>{"EHLO x\r\n" + QByteArray(4 * 1024 * 1024, 'A') + "\r\n"}
        << QByteArray("500") << 0;
    QTest::newRow("message larger than SIZE over DATA")
        << QList<QByteArray>{transaction("a@example.org", "b@example.org",
                                         plainMessage("big") +
                                             QByteArray(70, 'x').append("\r\n").repeated(2000))}
        << QByteArray("552") << 0;
    QTest::newRow("message larger than SIZE over BDAT")
        << QList<QByteArray>{"EHLO x\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.org>\r\n"
                             "BDAT 200000 LAST\r\n" +
                             QByteArray(200000, 'y')}
        << QByteArray("552") << 0;
    QTest::newRow("SIZE parameter over the limit")
        << QList<QByteArray>{"EHLO x\r\nMAIL FROM:<a@example.org> SIZE=999999999\r\n"}
        << QByteArray("552") << 0;

    QTest::newRow("MAIL FROM path tricks")
        << QList<QByteArray>{transaction("../../%T@example.org", "b@example.org",
                                         plainMessage("from")),
                             transaction("%T", "b@example.org", plainMessage("absolute")),
                             withNul("EHLO x\r\nMAIL FROM:<a", "/../%T@x>\r\n")}
        << QByteArray("500") << 0;
    QTest::newRow("RCPT TO path tricks")
        << QList<QByteArray>{transaction("a@example.org", "../../%T@example.org",
                                         plainMessage("to")),
                             transaction("a@example.org", "\"/..%T\"@[127.0.0.1]",
                                         plainMessage("quoted")),
                             withNul("EHLO x\r\nMAIL FROM:<a@x>\r\nRCPT TO:<%T", "@x>\r\n")}
        << QByteArray("500") << 1;
    QTest::newRow("header and attachment name path tricks")
        << QList<QByteArray>{transaction("a@example.org", "b@example.org", trickyMessage("%T"))}
        << QByteArray("250") << 1;
    QTest::newRow("NUL and path tricks in EHLO, AUTH and BDAT")
        << QList<QByteArray>{withNul("EHLO ../../%T\r\nAUTH PLAIN Li4vLi4v\r\nHELO /%T", "\r\n"),
                             "EHLO x\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.org>\r\n"
                             "BDAT 12 LAST\r\n../../%T\r\n"}
        << QByteArray("250") << 1;
}

void TestSandboxAttack::attack()
{
    QFETCH(QList<QByteArray>, connections);
    QFETCH(QByteArray, expectReply);
    QFETCH(int, stored);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString storeFolder = dir.filePath(QStringLiteral("store"));
    // Where a path trick would land: beside the store, and in the temporary folder itself.
    const QString outside = dir.filePath(QStringLiteral("outside-pw-attack"));
    MailStore store(storeFolder);
    SandboxServer server;
    server.setStore(&store);
    server.setCredentials({QStringLiteral("sandbox"), QStringLiteral("attack-pw")});
    server.setTlsEnabled(false);
    SandboxBehaviour behaviour = server.behaviour();
    behaviour.sizeLimit = SizeLimit;
    QVERIFY(server.setBehaviour(behaviour));
    server.start();
    QVERIFY(server.isListening());

    std::vector<std::unique_ptr<SandboxTestClient>> attackers;
    for (const QByteArray &bytes : std::as_const(connections)) {
        auto client = std::make_unique<SandboxTestClient>(server.port());
        QByteArray wire = bytes;
        wire.replace("%T", outside.toUtf8());
        client->send(wire);
        attackers.push_back(std::move(client));
    }
    // Every connection got its answers (or was closed by the server) before the check.
    for (const auto &client : attackers) {
        QTRY_VERIFY_WITH_TIMEOUT(client->closed || !client->replies.isEmpty(), 20000);
        if (!expectReply.isEmpty() && client == attackers.back())
            QTRY_VERIFY2_WITH_TIMEOUT(client->last().startsWith(expectReply),
                                      client->replies.join('|').left(2000).constData(), 20000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(store.count(), stored, 20000);

    // A normal client afterwards.
    SandboxTestClient normal(server.port());
    normal.send(transaction("n@example.org", "m@example.org", plainMessage("after the attack")) +
                "QUIT\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(normal.last().startsWith("221"), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(store.count(), stored + 1, 20000);
    QVERIFY(store.content(store.messages().first().id).contains("Subject: after the attack"));

    // Nothing outside the store's folder: not beside it, not at any absolute path named.
    QVERIFY(!QFileInfo::exists(outside));
    QDirIterator it(dir.path(), QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QVERIFY2(path == storeFolder || path.startsWith(storeFolder + QLatin1Char('/')),
                 qPrintable(path));
        QVERIFY2(!QFileInfo(path).fileName().contains(QLatin1String("outside-pw-attack")),
                 qPrintable(path));
    }
    server.stop();
}

QTEST_GUILESS_MAIN(TestSandboxAttack)
#include "tst_sandboxattack.moc"
