// `postwire send --mx`: the real binary delivering to each recipient domain's MX, found through
// a real DNS server (tests/support/dns_server.py on port 53 of a loopback address) and reached
// on --mx-port: the real aiosmtpd server takes the mail. Each domain is one attempt in the
// history.
#include "aiosmtpdprocess.h"
#include "dnsserverprocess.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class TestSendMx : public QObject
{
    Q_OBJECT
private:
    struct Outcome
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    Outcome run(const QStringList &arguments)
    {
        return postwire(QStringLiteral("send"), arguments);
    }

    Outcome postwire(const QString &command, const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_data.path());
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(POSTWIRE_BINARY), QStringList{command} + arguments);
        QSignalSpy finished(&process, &QProcess::finished);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 30000); }();
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    QTemporaryDir m_data;

private Q_SLOTS:
    void initTestCase()
    {
        // The resolver (in the child too) gives up after one second on a silent server.
        qputenv("RES_OPTIONS", "timeout:1 attempts:1");
    }

    void delivery_data()
    {
        QTest::addColumn<QStringList>("recipients");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<int>("messages");
        QTest::addColumn<QStringList>("expected");
        // Newest first: each domain's outcome and the host of its session ("" for none).
        QTest::addColumn<QStringList>("history");
        QTest::newRow("two domains, each its own session")
            << QStringList{QStringLiteral("a@one.test,b@two.test"), QStringLiteral("c@one.test")}
            << 0 << 2
            << QStringList{QStringLiteral("=== one.test: a@one.test, c@one.test"),
                           QStringLiteral("DNS: MX one.test? (asking the DNS server %DNS%)"),
                           QStringLiteral("DNS: one.test MX 10 mx.one.test (TTL 600 s)"),
                           QStringLiteral("DNS: mx.one.test A 127.0.0.1 (TTL 60 s)"),
                           QStringLiteral("=== two.test: b@two.test"),
                           QStringLiteral("DOMAIN one.test: delivered by mx.one.test (127.0.0.1)"),
                           QStringLiteral("  <c@one.test>: accepted"),
                           QStringLiteral("DOMAIN two.test: delivered by two.test (127.0.0.1)"),
                           QStringLiteral("OK: every recipient domain took the message (2 of 2")}
            << QStringList{QStringLiteral("success two.test"),
                           QStringLiteral("success mx.one.test")};
        QTest::newRow("null MX: the others still get it, exit 16")
            << QStringList{QStringLiteral("a@one.test,z@nomail.test")} << 16 << 1
            << QStringList{QStringLiteral(
                               "DOMAIN nomail.test: takes no mail (null MX): nomail.test "
                               "takes no mail"),
                           QStringLiteral("  <z@nomail.test>: not sent"),
                           QStringLiteral("FAILED: 1 of 2 recipient domains took the message")}
            << QStringList{QStringLiteral("failure "), QStringLiteral("success mx.one.test")};
        QTest::newRow("NXDOMAIN, exit 16")
            << QStringList{QStringLiteral("z@missing.test")} << 16 << 0
            << QStringList{QStringLiteral("DOMAIN missing.test: DNS lookup failed: looking up the "
                                          "mail servers (MX) of missing.test at the DNS server "
                                          "%DNS%: no such domain (NXDOMAIN)")}
            << QStringList{QStringLiteral("failure ")};
        QTest::newRow("SERVFAIL, exit 16")
            << QStringList{QStringLiteral("z@broken.test")} << 16 << 0
            << QStringList{QStringLiteral("server failure (SERVFAIL)")}
            << QStringList{QStringLiteral("failure ")};
        QTest::newRow("no server reachable, exit 3")
            << QStringList{QStringLiteral("z@dead.test")} << 3 << 0
            << QStringList{QStringLiteral("DOMAIN dead.test: no mail server could be reached: "
                                          "none of the mail servers of dead.test")}
            << QStringList{QStringLiteral("failure mx.dead.test")};
    }

    void delivery()
    {
        QFETCH(QStringList, recipients);
        QFETCH(int, exitCode);
        QFETCH(int, messages);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, history);
        QVERIFY(QDir(m_data.path()).removeRecursively());
        AiosmtpdProcess smtp;
        smtp.start();
        QTRY_VERIFY_WITH_TIMEOUT(smtp.isReady() || smtp.failed(), 15000);
        QVERIFY2(smtp.isReady(), smtp.errors().constData());
        DnsServerProcess dns;
        dns.start({QStringLiteral("one.test. MX 600 10 mx.one.test."),
                   QStringLiteral("mx.one.test. A 60 127.0.0.1"),
                   QStringLiteral("two.test. A 60 127.0.0.1"),
                   QStringLiteral("nomail.test. MX 600 0 ."),
                   QStringLiteral("broken.test. SERVFAIL"),
                   QStringLiteral("dead.test. MX 600 10 mx.dead.test."),
                   QStringLiteral("mx.dead.test. A 60 127.66.0.9")});
        QTRY_VERIFY_WITH_TIMEOUT(dns.isReady() || dns.failed(), 10000);
        if (dns.notPermitted())
            QSKIP(dns.errors().constData());
        QVERIFY2(dns.isReady(), dns.errors().constData());

        QStringList arguments{QStringLiteral("--mx"),
                              QStringLiteral("--dns-server"),
                              dns.address().toString(),
                              QStringLiteral("--mx-port"),
                              QString::number(smtp.port()),
                              QStringLiteral("--from"),
                              QStringLiteral("ana@sender.test"),
                              QStringLiteral("--subject"),
                              QStringLiteral("direct"),
                              QStringLiteral("--body"),
                              QStringLiteral("Hello"),
                              QStringLiteral("--timeout"),
                              QStringLiteral("5")};
        for (const QString &to : recipients)
            arguments << QStringLiteral("--to") << to;
        const Outcome o = run(arguments);
        QVERIFY2(o.exitCode == exitCode, qPrintable(o.out + o.err));
        for (QString line : expected) {
            line.replace(QStringLiteral("%DNS%"), dns.address().toString());
            QVERIFY2(o.out.contains(line), qPrintable(line + QStringLiteral("\n---\n") + o.out));
        }
        QCOMPARE(smtp.messageCount(), messages);
        const Outcome listed =
            postwire(QStringLiteral("history"), {QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonArray attempts = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(attempts.size(), history.size());
        for (int i = 0; i < history.size(); ++i) {
            const QJsonObject a = attempts.at(i).toObject();
            const QString outcome = history.at(i).section(QLatin1Char(' '), 0, 0);
            const QString host = history.at(i).section(QLatin1Char(' '), 1);
            QCOMPARE(a.value(QStringLiteral("kind")).toString(), QStringLiteral("send"));
            QCOMPARE(a.value(QStringLiteral("outcome")).toString(), outcome);
            QCOMPARE(a.value(QStringLiteral("server")).toString(),
                     host.isEmpty() ? QString()
                                    : QStringLiteral("%1:%2").arg(host).arg(smtp.port()));
        }
        if (messages == 2) {
            QCOMPARE(smtp.envelope(1),
                     (QStringList{QStringLiteral("ana@sender.test"), QStringLiteral("a@one.test"),
                                  QStringLiteral("c@one.test")}));
            QCOMPARE(smtp.envelope(2), (QStringList{QStringLiteral("ana@sender.test"),
                                                    QStringLiteral("b@two.test")}));
            // One message for all: every domain sees the whole To header.
            QVERIFY(smtp.message(2).contains("b@two.test"));
            QVERIFY(smtp.message(2).contains("a@one.test"));
        }
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        const QStringList base{QStringLiteral("--from"), QStringLiteral("ana@sender.test"),
                               QStringLiteral("--to"),   QStringLiteral("bo@example.test"),
                               QStringLiteral("--body"), QStringLiteral("x")};
        QTest::newRow("--server with --mx")
            << base + QStringList{QStringLiteral("--mx"), QStringLiteral("--server"),
                                  QStringLiteral("mail.example.org")}
            << QStringLiteral("--server: not with --mx");
        QTest::newRow("--user with --mx")
            << base + QStringList{QStringLiteral("--mx"), QStringLiteral("--user"),
                                  QStringLiteral("ana")}
            << QStringLiteral("--user: not with --mx");
        QTest::newRow("--dns-server not an address")
            << base + QStringList{QStringLiteral("--mx"), QStringLiteral("--dns-server"),
                                  QStringLiteral("ns.example.org")}
            << QStringLiteral("--dns-server: \"ns.example.org\" is not an IP address");
        QTest::newRow("--mx-port 0")
            << base + QStringList{QStringLiteral("--mx"), QStringLiteral("--mx-port"),
                                  QStringLiteral("0")}
            << QStringLiteral("--mx-port: give a port from 1 to 65535");
        QTest::newRow("--dns-server without --mx")
            << base + QStringList{QStringLiteral("--server"), QStringLiteral("127.0.0.1"),
                                  QStringLiteral("--dns-server"), QStringLiteral("127.0.0.2")}
            << QStringLiteral("--dns-server: only with --mx");
    }

    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        const Outcome o = run(arguments);
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains(error), qPrintable(o.err));
    }
};

QTEST_GUILESS_MAIN(TestSendMx)
#include "tst_sendmx.moc"
