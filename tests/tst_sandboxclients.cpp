// Real clients against the sandbox: Python's smtplib (a separate process), the project's own
// SmtpClient, and `postwire sandbox` as a process. What is stored must equal what was sent.
#include "buffermessagesource.h"
#include "sandbox/mailstore.h"
#include "sandbox/sandboxcredentials.h"
#include "sandbox/sandboxserver.h"
#include "sandbox_testclient.h"
#include "smtp/smtpclient.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

namespace {

const QString Password = QStringLiteral("py-s3cret");

QString certs(const char *name)
{
    return QStringLiteral(POSTWIRE_TEST_CERTS "/") + QLatin1String(name);
}

// CRLF throughout, 8-bit UTF-8, lines that start with dots, a line that is only a dot, and no
// Bcc header although one recipient is only in the envelope.
QByteArray testMessage(const QByteArray &subject)
{
    return "From: Ana <ana@example.org>\r\n"
           "To: Ben <ben@example.org>\r\n"
           "Subject: " +
           subject +
           "\r\n"
           "MIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=utf-8\r\n"
           "Content-Transfer-Encoding: 8bit\r\n"
           "\r\n"
           "Gr\xc3\xbc\xc3\x9f"
           "e aus K\xc3\xb6ln.\r\n"
           ".a line starting with a dot\r\n"
           ".\r\n"
           "..two dots\r\n"
           "last line\r\n";
}

} // namespace

class TestSandboxClients : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<MailStore> m_store;
    std::unique_ptr<SandboxServer> m_server;

    bool startServer()
    {
        m_store = std::make_unique<MailStore>(m_dir.path() + QStringLiteral("/inbox"));
        m_store->removeAll();
        m_server = std::make_unique<SandboxServer>();
        m_server->setStore(m_store.get());
        m_server->setCredentials({QStringLiteral("sandbox"), Password});
        QFile cert(certs("server.pem"));
        QFile key(certs("server.key"));
        if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
            return false;
        m_server->setCertificate(QSslCertificate(&cert), QSslKey(&key, QSsl::Ec));
        m_server->start();
        return m_server->isListening();
    }

    // `postwire sandbox` on a free port without store or TLS, its credentials in dataDir;
    // output collects its stdout. True once it printed its AUTH line.
    bool startBareSandbox(QProcess &server, QByteArray &output, const QString &dataDir,
                          const QStringList &extra)
    {
        connect(&server, &QProcess::readyReadStandardOutput, this,
                [&] { output += server.readAllStandardOutput(); });
        server.start(QStringLiteral(POSTWIRE_BINARY),
                     QStringList{QStringLiteral("sandbox"), QStringLiteral("--port"),
                                 QStringLiteral("0"), QStringLiteral("--no-store"),
                                 QStringLiteral("--no-tls"), QStringLiteral("--data-dir"),
                                 dataDir} +
                         extra);
        const auto printed = [&] {
            const qsizetype at = output.indexOf("password:");
            return at >= 0 && output.indexOf('\n', at) > 0;
        };
        return QTest::qWaitFor(printed, 20000);
    }

private Q_SLOTS:
    void cleanup()
    {
        m_server.reset();
        m_store.reset();
    }

    void smtplib_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("mechanism");
        QTest::newRow("plain") << QStringList() << QString();
        QTest::newRow("STARTTLS + AUTH PLAIN")
            << QStringList{QStringLiteral("--starttls"), QStringLiteral("--cafile"),
                           certs("ca.pem")}
            << QStringLiteral("PLAIN");
        QTest::newRow("STARTTLS + AUTH LOGIN")
            << QStringList{QStringLiteral("--starttls"), QStringLiteral("--cafile"),
                           certs("ca.pem")}
            << QStringLiteral("LOGIN");
        QTest::newRow("STARTTLS + AUTH CRAM-MD5")
            << QStringList{QStringLiteral("--starttls"), QStringLiteral("--cafile"),
                           certs("ca.pem")}
            << QStringLiteral("CRAM-MD5");
    }
    void smtplib()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, mechanism);
        QVERIFY(startServer());
        const QByteArray message = testMessage(QTest::currentDataTag());
        const QString messagePath = m_dir.filePath(QStringLiteral("message.eml"));
        QFile file(messagePath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(message);
        file.close();
        QStringList arguments{
            QStringLiteral(POSTWIRE_SOURCE_DIR "/tests/support/sandbox_smtplib.py"),
            QStringLiteral("--port"),
            QString::number(m_server->port()),
            QStringLiteral("--message"),
            messagePath,
            QStringLiteral("--from"),
            QStringLiteral("ana@example.org"),
            QStringLiteral("--to"),
            QStringLiteral("ben@example.org"),
            QStringLiteral("--to"),
            QStringLiteral("hidden@example.org")};
        arguments << options;
        if (!mechanism.isEmpty())
            arguments << QStringLiteral("--auth") << mechanism << QStringLiteral("--user")
                      << QStringLiteral("sandbox") << QStringLiteral("--password") << Password;
        QProcess python;
        python.setProcessChannelMode(QProcess::MergedChannels);
        QSignalSpy finished(&python, &QProcess::finished);
        python.start(QStringLiteral(POSTWIRE_PYTHON), arguments);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        const QByteArray output = python.readAll();
        QVERIFY2(python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0,
                 output.constData());
        QCOMPARE(m_store->count(), 1);
        const StoredMessage stored = m_store->messages().first();
        QCOMPARE(m_store->content(stored.id), message);
        QCOMPARE(stored.mailFrom, QStringLiteral("ana@example.org"));
        QCOMPARE(stored.rcptTo, (QStringList{QStringLiteral("ben@example.org"),
                                             QStringLiteral("hidden@example.org")}));
        QCOMPARE(stored.helo, QStringLiteral("smtplib.example"));
        QCOMPARE(stored.mailParameters.contains(QStringLiteral("BODY=8BITMIME")), true);
        QCOMPARE(!stored.tls.isEmpty(), !options.isEmpty());
        QCOMPARE(stored.authMechanism, mechanism);
        QCOMPARE(stored.authUser, mechanism.isEmpty() ? QString() : QStringLiteral("sandbox"));
    }

    void smtpClient_data()
    {
        QTest::addColumn<bool>("secure");
        QTest::newRow("plain") << false;
        QTest::newRow("STARTTLS + AUTH PLAIN") << true;
    }
    void smtpClient()
    {
        QFETCH(bool, secure);
        QVERIFY(startServer());
        if (secure) {
            SandboxBehaviour b;
            b.requireStartTls = true;
            b.requireAuth = true;
            QVERIFY(m_server->setBehaviour(b));
        }
        const QByteArray message = testMessage(QTest::currentDataTag());
        BufferMessageSource source(message, true, false);
        SmtpSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = m_server->port();
        settings.heloName = QStringLiteral("postwire.example");
        settings.security =
            secure ? SmtpSettings::Security::StartTls : SmtpSettings::Security::None;
        settings.caCertificates = QSslCertificate::fromPath(certs("ca.pem"));
        settings.authenticate = secure;
        settings.authMechanism = "PLAIN";
        settings.credentials = {QStringLiteral("sandbox"), Password, QString()};
        Envelope envelope;
        envelope.sender = QStringLiteral("ana@example.org");
        envelope.recipients = {QStringLiteral("ben@example.org"),
                               QStringLiteral("hidden@example.org")};
        SmtpClient client;
        std::optional<SendResult> result;
        connect(&client, &SmtpClient::finished, this, [&](const SendResult &r) { result = r; });
        QStringList transcript;
        connect(&client, &SmtpClient::transcriptEntry, this,
                [&](const TranscriptEntry &e) { transcript << e.toPlainText(); });
        client.send(settings, envelope, &source);
        QTRY_VERIFY2_WITH_TIMEOUT(result.has_value(),
                                  qPrintable(transcript.join(QLatin1Char('\n'))), 20000);
        QVERIFY2(
            result->outcome == SendResult::Outcome::Success,
            qPrintable(result->message + QLatin1Char('\n') + transcript.join(QLatin1Char('\n'))));
        QCOMPARE(m_store->count(), 1);
        const StoredMessage stored = m_store->messages().first();
        QCOMPARE(m_store->content(stored.id), message);
        QCOMPARE(stored.rcptTo, envelope.recipients);
        QVERIFY(result->queueId.isEmpty() || stored.id.contains(result->queueId) ||
                result->queueId.contains(stored.id));
        QCOMPARE(!stored.tls.isEmpty(), secure);
        QCOMPARE(stored.authMechanism, secure ? QStringLiteral("PLAIN") : QString());
    }

    // `postwire sandbox` as people run it: the first line names the port, behaviour options
    // work, each session is printed, and SIGTERM ends it cleanly.
    void commandLine()
    {
        if (!QFile::exists(QStringLiteral(POSTWIRE_BINARY)))
            QSKIP("the postwire binary is not built");
        QTemporaryDir dir;
        QProcess server;
        QByteArray output;
        connect(&server, &QProcess::readyReadStandardOutput, this,
                [&] { output += server.readAllStandardOutput(); });
        QSignalSpy finished(&server, &QProcess::finished);
        server.start(
            QStringLiteral(POSTWIRE_BINARY),
            {QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"),
             QStringLiteral("--store"), dir.filePath(QStringLiteral("inbox")),
             QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("data")),
             QStringLiteral("--tls-cert"), certs("server.pem"), QStringLiteral("--tls-key"),
             certs("server.key"), QStringLiteral("--reject-rcpt"), QStringLiteral("^no@"),
             QStringLiteral("--no-ext"), QStringLiteral("CHUNKING,DSN"), QStringLiteral("--user"),
             QStringLiteral("u"), QStringLiteral("--password"), QStringLiteral("p")});
        QTRY_VERIFY_WITH_TIMEOUT(output.contains('\n'), 20000);
        QVERIFY2(output.startsWith("listening on 127.0.0.1:"), output.constData());
        const quint16 port = output.mid(23, output.indexOf('\n') - 23).toUShort();
        QVERIFY(port != 0);
        QVERIFY(output.contains("AUTH user: u  password: p"));
        SandboxTestClient client(port);
        client.send("EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<no@b.example>\r\n"
                    "AUTH PLAIN " +
                    QByteArray("\0u\0p", 4).toBase64() + "\r\nQUIT\r\n");
        QTRY_COMPARE(client.replies.size(), 6);
        QVERIFY(!client.full.at(1).contains("CHUNKING"));
        QVERIFY(!client.full.at(1).contains("DSN"));
        QVERIFY(client.full.at(1).contains("STARTTLS"));
        QVERIFY(client.replies.at(3).startsWith("550 5.1.1"));
        QVERIFY(client.replies.at(4).startsWith("503")); // AUTH during a transaction
        QTRY_VERIFY(output.contains("[1]    "));
        QTRY_VERIFY(output.contains("S: 550 5.1.1 <no@b.example>"));
        QVERIFY(output.contains("C: RCPT TO:<no@b.example>"));
        server.terminate(); // SIGTERM
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
    }

    // A password on the command line is in every user's `ps`: the help says so, and
    // --password-file keeps it off the command line.
    void commandLinePasswordFile()
    {
        if (!QFile::exists(QStringLiteral(POSTWIRE_BINARY)))
            QSKIP("the postwire binary is not built");
        QProcess help;
        QSignalSpy helpFinished(&help, &QProcess::finished);
        help.start(QStringLiteral(POSTWIRE_BINARY),
                   {QStringLiteral("sandbox"), QStringLiteral("--help")});
        QTRY_COMPARE_WITH_TIMEOUT(helpFinished.count(), 1, 10000);
        const QString text = QString::fromUtf8(help.readAllStandardOutput()).simplified();
        QVERIFY2(text.contains(QStringLiteral("Visible to other users of this computer (ps")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("--password-file <FILE>")));

        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("pw")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("from-a-file\n");
        file.close();
        QProcess server;
        QByteArray output;
        QSignalSpy finished(&server, &QProcess::finished);
        QVERIFY(startBareSandbox(server, output, dir.filePath(QStringLiteral("data")),
                                 {QStringLiteral("--password-file"), file.fileName()}));
        QVERIFY2(output.startsWith("listening on 127.0.0.1:"), output.constData());
        const quint16 port = output.mid(23, output.indexOf('\n') - 23).toUShort();
        // A password kept in a file is never printed (issue 17, item 5).
        QVERIFY2(output.contains("password: the first line of "), output.constData());
        QVERIFY2(!output.contains("from-a-file"), output.constData());
        SandboxTestClient client(port);
        client.send("EHLO c\r\nAUTH PLAIN " + QByteArray("\0sandbox\0from-a-file", 20).toBase64() +
                    "\r\nQUIT\r\n");
        QTRY_COMPARE(client.replies.size(), 4);
        QVERIFY2(client.replies.at(2).startsWith("235"), client.replies.at(2));
        QVERIFY(!output.contains("from-a-file"));
        server.terminate();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(server.exitCode(), 0);
    }

    // A generated password is shown only when asked for, and never with --quiet.
    void commandLineGeneratedPassword_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<bool>("shown");
        QTest::newRow("default") << QStringList() << false;
        QTest::newRow("asked for") << QStringList{QStringLiteral("--show-password")} << true;
        QTest::newRow("quiet") << QStringList{QStringLiteral("--show-password"),
                                              QStringLiteral("--quiet")}
                               << false;
    }
    void commandLineGeneratedPassword()
    {
        if (!QFile::exists(QStringLiteral(POSTWIRE_BINARY)))
            QSKIP("the postwire binary is not built");
        QFETCH(QStringList, extra);
        QFETCH(bool, shown);
        QTemporaryDir dir;
        QString error;
        const SandboxCredentials generated =
            SandboxCredentials::loadOrCreate(dir.filePath(QStringLiteral("data")), &error);
        QVERIFY2(!generated.password.isEmpty(), qPrintable(error));
        QProcess server;
        QByteArray output;
        QSignalSpy finished(&server, &QProcess::finished);
        QVERIFY(startBareSandbox(server, output, dir.filePath(QStringLiteral("data")), extra));
        QCOMPARE(output.contains(generated.password.toUtf8()), shown);
        server.terminate();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    }

    void commandLineRejectsBadOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("regex") << QStringList{QStringLiteral("--reject-rcpt"), QStringLiteral("([")}
                               << QStringLiteral("Reject recipients");
        QTest::newRow("close after")
            << QStringList{QStringLiteral("--close-after"), QStringLiteral("FROB")}
            << QStringLiteral("Close after");
        QTest::newRow("extension") << QStringList{QStringLiteral("--no-ext"), QStringLiteral("X")}
                                   << QStringLiteral("Extensions");
        QTest::newRow("cert without key")
            << QStringList{QStringLiteral("--tls-cert"), certs("server.pem")}
            << QStringLiteral("--tls-key");
        QTest::newRow("recipients per message zero")
            << QStringList{QStringLiteral("--max-recipients"), QStringLiteral("0")}
            << QStringLiteral("Recipients per message: must be between 1 and 100000, not 0");
        QTest::newRow("recipients per message not a number")
            << QStringList{QStringLiteral("--max-recipients"), QStringLiteral("many")}
            << QStringLiteral("--max-recipients: not a number: many");
        QTest::newRow("port") << QStringList{QStringLiteral("--port"), QStringLiteral("70000")}
                              << QStringLiteral("--port");
        QTest::newRow("password file missing")
            << QStringList{QStringLiteral("--password-file"), QStringLiteral("/nonexistent/pw")}
            << QStringLiteral("--password-file: cannot read /nonexistent/pw");
        QTest::newRow("password and password file")
            << QStringList{QStringLiteral("--password"), QStringLiteral("p"),
                           QStringLiteral("--password-file"), certs("server.pem")}
            << QStringLiteral("give one of them");
    }
    void commandLineRejectsBadOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        if (!QFile::exists(QStringLiteral(POSTWIRE_BINARY)))
            QSKIP("the postwire binary is not built");
        QProcess process;
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(POSTWIRE_BINARY),
                      QStringList{QStringLiteral("sandbox")} + arguments);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(process.exitCode(), 2);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(message), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestSandboxClients)
#include "tst_sandboxclients.moc"
