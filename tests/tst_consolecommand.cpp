// `postwire console` as people run it: the real binary, its dialogue piped in, against the
// built-in sandbox, a real aiosmtpd (STARTTLS, AUTH) and the scripted fake server (exit codes).
#include "aiosmtpdprocess.h"
#include "fakesmtpserver.h"
#include "sandbox/mailstore.h"
#include "sandbox/sandboxserver.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QString certs(const char *name)
{
    return QStringLiteral(POSTWIRE_TEST_CERTS "/") + QLatin1String(name);
}

// The article's dialogue, with its "MAIL FROM: <...>".
const QByteArray Article = "HELO client.example\n"
                           "MAIL FROM: <ana@example.org>\n"
                           "RCPT TO: <bo@example.org>\n"
                           "DATA\n"
                           "Hi!\n"
                           ".\n"
                           "QUIT\n";

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs postwire with arguments, stdin holding input (closed after it).
Outcome runPostwire(const QStringList &arguments, const QByteArray &input,
                    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    Outcome o;
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(POSTWIRE_BINARY), arguments);
    process.write(input);
    process.closeWriteChannel();
    QSignalSpy finished(&process, &QProcess::finished);
    [&] { QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 30000); }();
    o.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    o.out = QString::fromUtf8(process.readAllStandardOutput());
    o.err = QString::fromUtf8(process.readAllStandardError());
    return o;
}

Outcome run(const QStringList &arguments, const QByteArray &input,
            const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    return runPostwire(QStringList{QStringLiteral("console")} + arguments, input, env);
}

QStringList server(quint16 port, const QStringList &more = {})
{
    return QStringList{QStringLiteral("--server"), QStringLiteral("127.0.0.1:%1").arg(port),
                       QStringLiteral("--timeout"), QStringLiteral("10")} +
           more;
}

} // namespace

class TestConsoleCommand : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<MailStore> m_store;
    std::unique_ptr<SandboxServer> m_sandbox;

    quint16 startSandbox()
    {
        m_store = std::make_unique<MailStore>(m_dir.path() + QStringLiteral("/inbox"));
        m_sandbox = std::make_unique<SandboxServer>();
        m_sandbox->setStore(m_store.get());
        m_sandbox->setTlsEnabled(false);
        QSignalSpy started(m_sandbox.get(), &SandboxServer::started);
        m_sandbox->start();
        if (!QTest::qWaitFor([&] { return started.count() == 1; }, 10000))
            return 0;
        return m_sandbox->port();
    }

private Q_SLOTS:
    void cleanup()
    {
        m_sandbox.reset();
        m_store.reset();
    }

    void articleIntoTheSandbox()
    {
        const quint16 port = startSandbox();
        QVERIFY(port);
        QSignalSpy received(m_sandbox.get(), &SandboxServer::messageReceived);
        const Outcome o = run(server(port), Article);
        QVERIFY2(o.exitCode == 0, qPrintable(o.out + o.err));
        QCOMPARE(received.size(), 1);
        const auto message = received[0][1].value<StoredMessage>();
        QCOMPARE(message.mailFrom, QStringLiteral("ana@example.org"));
        QCOMPARE(message.rcptTo, QStringList{QStringLiteral("bo@example.org")});
        QCOMPARE(m_store->content(message.id), QByteArray("Hi!\r\n"));
        // The transcript format of postwire send: time, direction, line; replies timed.
        QVERIFY2(o.out.contains(QRegularExpression(QStringLiteral(
                     "\\n +\\d+ ms C: MAIL FROM: <ana@example.org>\\n +\\d+ ms S: 250 "))),
                 qPrintable(o.out));
        QVERIFY(o.out.contains(QRegularExpression(QStringLiteral("ms S: 220 .*\\(\\+\\d+ ms\\)"))));
        QVERIFY(o.out.contains(QStringLiteral(" C: Hi!\n")));
        QVERIFY(o.out.contains(QStringLiteral(" C: QUIT\n")));
        QVERIFY(o.out.contains(QStringLiteral("OK: the session ended after QUIT: 221")));
        QCOMPARE(o.out.count(QStringLiteral(" C: QUIT")), 1); // QUIT typed: not sent again
    }

    void articleIntoAiosmtpd()
    {
        AiosmtpdProcess aiosmtpd;
        aiosmtpd.start();
        QTRY_VERIFY2_WITH_TIMEOUT(aiosmtpd.isReady(), aiosmtpd.errors().constData(), 15000);
        // --explain: each line and reply with its meaning, as postwire send prints them.
        const Outcome o = run(server(aiosmtpd.port(), {QStringLiteral("--explain")}), Article);
        QVERIFY2(o.exitCode == 0, qPrintable(o.out + o.err));
        QTRY_COMPARE(aiosmtpd.messageCount(), 1);
        QCOMPARE(aiosmtpd.message(1), QByteArray("Hi!\r\n"));
        QCOMPARE(aiosmtpd.envelope(1), (QStringList{QStringLiteral("ana@example.org"),
                                                    QStringLiteral("bo@example.org")}));
        QVERIFY2(o.out.contains(QStringLiteral("(answers RCPT TO: <bo@example.org>")),
                 qPrintable(o.out));
        QVERIFY(o.out.contains(QStringLiteral("space after \"FROM:\"")));
        QVERIFY(o.out.contains(QStringLiteral("a line you typed")));
    }

    // STARTTLS typed upgrades; AUTH typed alone runs PLAIN or LOGIN with --password-env.
    void startTlsAndAuthTypedAlone_data()
    {
        QTest::addColumn<QString>("mechanism");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QByteArray>("opening");
        QTest::newRow("STARTTLS typed, AUTH PLAIN")
            << "PLAIN" << QStringList()
            << QByteArray("EHLO client.example\nSTARTTLS\nEHLO client.example\n");
        QTest::newRow("--security starttls, AUTH LOGIN")
            << "LOGIN" << QStringList{QStringLiteral("--security"), QStringLiteral("starttls")}
            << QByteArray("EHLO client.example\n");
    }

    void startTlsAndAuthTypedAlone()
    {
        QFETCH(QString, mechanism);
        QFETCH(QStringList, options);
        QFETCH(QByteArray, opening);
        AiosmtpdProcess aiosmtpd;
        aiosmtpd.start({QStringLiteral("--cert"), certs("server.pem"), QStringLiteral("--key"),
                        certs("server.key"), QStringLiteral("--require-tls")});
        QTRY_VERIFY2_WITH_TIMEOUT(aiosmtpd.isReady(), aiosmtpd.errors().constData(), 15000);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CONSOLE_PW"), QStringLiteral("s3cret!pass"));
        const QByteArray input = opening + "AUTH " + mechanism.toLatin1() +
                                 "\nMAIL FROM:<ana@example.org>\nRCPT TO:<bo@example.org>\n"
                                 "DATA\nSubject: console\n\n.dot\nbody\n.\n";
        const QStringList arguments{
            QStringLiteral("--server"),       QStringLiteral("localhost:%1").arg(aiosmtpd.port()),
            QStringLiteral("--ca-file"),      certs("ca.pem"),
            QStringLiteral("--user"),         QStringLiteral("ana"),
            QStringLiteral("--password-env"), QStringLiteral("CONSOLE_PW")};
        const Outcome o = run(arguments + options, input, env);
        QVERIFY2(o.exitCode == 0, qPrintable(o.out + o.err));
        QVERIFY2(aiosmtpd.output().contains(QByteArray("AUTH " + mechanism.toLatin1() + " ok")),
                 aiosmtpd.output().constData());
        QTRY_COMPARE(aiosmtpd.messageCount(), 1);
        // Nothing stuffed: the server removed the dot of ".dot" as RFC 5321 says.
        QCOMPARE(aiosmtpd.message(1), QByteArray("Subject: console\r\n\r\ndot\r\nbody\r\n"));
        QVERIFY(o.out.contains(QStringLiteral("TLS established")));
        QVERIFY(o.out.contains(QStringLiteral("dot-stuffing")));
        QVERIFY2(!o.out.contains(QStringLiteral("s3cret")), qPrintable(o.out));
        QVERIFY2(o.out.contains(QStringLiteral("C: AUTH ") + mechanism), qPrintable(o.out));
        QVERIFY(o.out.contains(QStringLiteral("********")));
        // No QUIT typed: it is sent at the end of the input, and its reply waited for.
        QVERIFY(o.out.contains(QRegularExpression(QStringLiteral("C: QUIT\\n.* S: 221"))));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("QUIT at the end of input")
            << "S: 220 fake\nC: NOOP\nS: 250 ok\nC: QUIT\nS: 221 bye\n"
            << QStringList() << QByteArray("NOOP") << 0
            << "OK: the session ended after QUIT: 221 bye";
        QTest::newRow("greeting refused") << "S: 554 5.7.1 not you\nC: QUIT\nS: 221 bye\n"
                                          << QStringList() << QByteArray("NOOP\n") << 4
                                          << "FAILED: the server refused the session";
        QTest::newRow("STARTTLS required, not offered")
            << "S: 220 fake\nC~ EHLO .+\nS: 250 fake\nC: QUIT\nS: 221 bye\n"
            << QStringList{QStringLiteral("--security"), QStringLiteral("starttls")}
            << QByteArray("NOOP\n") << 5 << "does not offer STARTTLS";
        QTest::newRow("server closes") << "S: 220 fake\nC: NOOP\nX:\n"
                                       << QStringList() << QByteArray("NOOP\nNOOP\n") << 16
                                       << "FAILED: the server closed the connection before it "
                                          "answered NOOP";
        QTest::newRow("input ends inside the data")
            << "S: 220 fake\nC: DATA\nS: 354 go\nC: half a message\n"
            << QStringList() << QByteArray("DATA\nhalf a message\n") << 16
            << "inside the message data";
        QTest::newRow("a refused line is said, the rest goes on")
            << "S: 220 fake\nC: NOOP\nS: 250 ok\nC: QUIT\nS: 221 bye\n"
            << QStringList() << QByteArray("NO\\qOP\nNOOP\n") << 0
            << "!! input line 1 not sent: \"\\q\"";
    }

    void exitCodes()
    {
        QFETCH(QString, scenario);
        QFETCH(QStringList, options);
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        FakeSmtpServer fake(scenario);
        QVERIFY(fake.listen());
        const Outcome o = run(server(fake.port(), options), input);
        QVERIFY2(o.exitCode == exitCode, qPrintable(QString::number(o.exitCode) + o.out + o.err));
        QVERIFY2(o.out.contains(says), qPrintable(o.out));
        QVERIFY2(fake.mismatches().isEmpty(), qPrintable(fake.report()));
    }

    void cannotConnect()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        const Outcome o = run(server(port), "NOOP\n");
        QCOMPARE(o.exitCode, 3);
        QVERIFY2(o.out.contains(QStringLiteral("FAILED: cannot connect")), qPrintable(o.out));
    }

    void badOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        QTest::newRow("no server") << QStringList() << "--server: missing";
        QTest::newRow("bad security")
            << QStringList{"--server", "localhost", "--security", "ssl"} << "--security: \"ssl\"";
        QTest::newRow("bad port") << QStringList{"--server", "localhost:99999"} << "--server";
        QTest::newRow("unset variable")
            << QStringList{"--server", "localhost",      "--user",
                           "u",        "--password-env", "POSTWIRE_TEST_NOT_SET"}
            << "--password-env: the environment variable POSTWIRE_TEST_NOT_SET is not set";
        QTest::newRow("password, no user")
            << QStringList{"--server", "localhost", "--password-env", "HOME"} << "--user";
        QTest::newRow("bad timeout")
            << QStringList{"--server", "localhost", "--timeout", "soon"} << "--timeout";
        QTest::newRow("unknown option")
            << QStringList{"--server", "localhost", "--frobnicate"} << "frobnicate";
        QTest::newRow("argument") << QStringList{"--server", "localhost", "dialogue.txt"}
                                  << "stdin";
    }

    void badOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        const Outcome o = run(arguments, QByteArray());
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.startsWith(QStringLiteral("postwire console: ")), qPrintable(o.err));
        QVERIFY2(o.err.contains(says), qPrintable(o.err));
    }

    // Ctrl+C (or TERM) while a reply is awaited: QUIT goes out, exit 13.
    void interruptSendsQuit()
    {
        FakeSmtpServer fake(QStringLiteral("S: 220 fake\nC: NOOP\nC: QUIT\n"));
        QVERIFY(fake.listen());
        QProcess process;
        process.start(QStringLiteral(POSTWIRE_BINARY),
                      QStringList{QStringLiteral("console")} + server(fake.port()));
        process.write("NOOP\n"); // stdin stays open: a person still at the keyboard
        QSignalSpy finished(&process, &QProcess::finished);
        QTRY_VERIFY(fake.clientLines().contains(QStringLiteral("NOOP")));
        process.terminate();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 10000);
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 13, qPrintable(QString::number(process.exitCode()) + out));
        QVERIFY2(out.contains(QStringLiteral("CANCELLED: cancelled by the user")), qPrintable(out));
        QTRY_VERIFY(fake.clientLines().contains(QStringLiteral("QUIT")));
    }

    void help()
    {
        const Outcome o = run({QStringLiteral("--help")}, QByteArray());
        QCOMPARE(o.exitCode, 0);
        for (const char *option :
             {"--server", "--security", "--ca-file", "--insecure", "--user", "--password-env",
              "--password-file", "--timeout", "--explain", "\\xHH", "Exit status"})
            QVERIFY2(o.out.contains(QLatin1String(option)), option);
        const Outcome top = runPostwire({QStringLiteral("--help")}, QByteArray());
        QVERIFY2(top.out.contains(QStringLiteral("console ")), qPrintable(top.out));
    }
};

QTEST_GUILESS_MAIN(TestConsoleCommand)
#include "tst_consolecommand.moc"
