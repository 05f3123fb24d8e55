// The sandbox SMTP server in this process, on a port chosen by the system: every command,
// every error path, pipelining, BDAT, dot-unstuffing, limits and each behaviour.
#include "sandbox/mailstore.h"
#include "sandbox/sandboxcertificate.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/sandboxsession.h"
#include "sandbox_testclient.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/resource.h>

Q_DECLARE_METATYPE(SandboxBehaviour)

namespace {

const QString Password = QStringLiteral("s3cret-pass");

QString certs(const char *name)
{
    return QStringLiteral(POSTWIRE_TEST_CERTS "/") + QLatin1String(name);
}

// Behaviours as a row of the data table reads them: "requireAuth;reject=^bad@;delay=10".
SandboxBehaviour behaviourFrom(const QString &spec)
{
    SandboxBehaviour b;
    for (const QString &item : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString key = item.section(QLatin1Char('='), 0, 0);
        const QString value = item.section(QLatin1Char('='), 1);
        if (key == QLatin1String("requireAuth"))
            b.requireAuth = true;
        else if (key == QLatin1String("requireStartTls"))
            b.requireStartTls = true;
        else if (key == QLatin1String("reject"))
            b.rejectRecipients = value;
        else if (key == QLatin1String("defer"))
            b.deferRecipients = value;
        else if (key == QLatin1String("deferCode"))
            b.deferCode = value.toInt();
        else if (key == QLatin1String("rejectData"))
            b.rejectData = true;
        else if (key == QLatin1String("closeAfter"))
            b.closeAfter = value;
        else if (key == QLatin1String("greeting421"))
            b.greeting421 = true;
        else if (key == QLatin1String("lenientEndOfData"))
            b.lenientEndOfData = true;
        else if (key == QLatin1String("size"))
            b.sizeLimit = value.toLongLong();
        else if (key == QLatin1String("maxRcpt"))
            b.maxRecipients = value.toInt();
        else if (key == QLatin1String("noExt"))
            b.disabledExtensions.insert(value);
        else
            qFatal("unknown behaviour key %s", qPrintable(key));
    }
    return b;
}

QByteArray unescape(const QByteArray &in)
{
    QByteArray out;
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in.at(i) != '\\' || i + 1 >= in.size()) {
            out += in.at(i);
            continue;
        }
        const char c = in.at(++i);
        if (c == 'r')
            out += '\r';
        else if (c == 'n')
            out += '\n';
        else if (c == 'x') {
            out += char(in.mid(i + 1, 2).toInt(nullptr, 16));
            i += 2;
        } else
            out += c;
    }
    return out;
}

// The files of messages in the store's folder (segments, or content on its way in), without
// its index.
QStringList messageFiles(const QString &folder)
{
    return QDir(folder).entryList({QStringLiteral("*.pws"), QStringLiteral("*.incoming")},
                                  QDir::Files | QDir::Hidden | QDir::System);
}

// Files this process has open inside folder: a message being received is one, even while
// it has no name yet (an O_TMPFILE file shows as "folder/#123 (deleted)"). The segment the
// store appends to is not one.
int openFilesIn(const QString &folder)
{
    const QString prefix = QFileInfo(folder).canonicalFilePath() + QLatin1Char('/');
    int count = 0;
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QString &fd : fds.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)) {
        const QString target = QFile::symLinkTarget(fds.filePath(fd));
        if (target.startsWith(prefix) && !target.endsWith(QLatin1String(".pws")))
            ++count;
    }
    return count;
}

} // namespace

class TestSandbox : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<MailStore> m_store;
    std::unique_ptr<SandboxServer> m_server;

    quint16 startServer(const SandboxBehaviour &behaviour = {})
    {
        m_store = std::make_unique<MailStore>(m_dir.path() + QStringLiteral("/inbox"));
        m_store->removeAll();
        m_server = std::make_unique<SandboxServer>();
        m_server->setStore(m_store.get());
        m_server->setCredentials({QStringLiteral("sandbox"), Password});
        if (!m_server->setBehaviour(behaviour))
            qWarning("behaviour refused: %s", qPrintable(behaviour.validate()));
        QFile cert(certs("server.pem"));
        QFile key(certs("server.key"));
        if (cert.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly))
            m_server->setCertificate(QSslCertificate(&cert), QSslKey(&key, QSsl::Ec));
        QSignalSpy started(m_server.get(), &SandboxServer::started);
        m_server->start();
        if (started.count() != 1)
            return 0;
        return m_server->port();
    }

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }
    void cleanup()
    {
        m_server.reset();
        m_store.reset();
    }

    // Each row is a dialogue: C: a client line, R: raw bytes (C escapes), S: the start of the
    // next reply's last line, X: the server closes the connection.
    void dialogue_data()
    {
        QTest::addColumn<QString>("behaviour");
        QTest::addColumn<QString>("script");
        auto row = [](const char *name, const char *behaviour, const QByteArray &script) {
            QTest::newRow(name) << QString::fromLatin1(behaviour) << QString::fromUtf8(script);
        };
        const char *txn = "S: 220\nC: EHLO c.example\nS: 250 AUTH\nC: MAIL FROM:<a@example.org>\n"
                          "S: 250 2.1.0\nC: RCPT TO:<b@example.org>\nS: 250 2.1.5\n";
        row("helo", "", "S: 220 localhost\nC: HELO c.example\nS: 250 localhost Hello c.example");
        row("ehlo without name", "", "S: 220\nC: EHLO\nS: 501 Syntax");
        row("mail before ehlo", "", "S: 220\nC: MAIL FROM:<a@b.example>\nS: 503");
        row("rcpt before mail", "",
            "S: 220\nC: EHLO c\nS: 250\nC: RCPT TO:<a@b.example>\nS: 503 5.5.1");
        row("data before mail", "", "S: 220\nC: EHLO c\nS: 250\nC: DATA\nS: 503 5.5.1");
        row("data without recipients", "",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<a@b.example>\nS: 250\nC: DATA\nS: 554 5.5.1");
        row("nested mail", "",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<a@b.example>\nS: 250\n"
            "C: MAIL FROM:<a@b.example>\nS: 503 5.5.1");
        row("mail without brackets", "",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:a@b.example\nS: 501 5.1.7");
        row("mail wrong keyword", "",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL TO:<a@b.example>\nS: 501 5.5.4");
        row("rcpt without domain", "",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<>\nS: 250 2.1.0\nC: RCPT TO:<nobody>\nS: 501 "
            "5.1.3");
        row("rcpt postmaster", "",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<>\nS: 250\nC: RCPT TO:<Postmaster>\nS: 250 "
            "2.1.5");
        row("source route ignored", "",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<@relay.example:a@b.example>\nS: 250 2.1.0");
        row("unknown command", "", "S: 220\nC: FROB x\nS: 500");
        row("empty line", "", "S: 220\nC: \nS: 500");
        row("unknown mail parameter", "",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<a@b.example> FOO=1\nS: 555 5.5.4");
        row("duplicate parameter", "",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<a@b.example> SIZE=1 SIZE=2\nS: 501 5.5.4");
        row("size parameter over limit", "size=1000",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<a@b.example> SIZE=1001\nS: 552 5.3.4");
        row("size parameter within limit", "size=1000",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<a@b.example> SIZE=1000\nS: 250 2.1.0");
        row("body 8bitmime", "",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<a@b.example> BODY=8BITMIME\nS: 250 2.1.0");
        row("body binarymime", "",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<a@b.example> BODY=BINARYMIME\nS: 555");
        row("smtputf8 address", "",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<j\xc3\xb6rg@b.example> SMTPUTF8\nS: 250 "
            "2.1.0\n"
            "C: RCPT TO:<\xc3\xa5sa@\xc3\xa5.example>\nS: 250 2.1.5");
        row("utf8 address without smtputf8", "",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<j\xc3\xb6rg@b.example>\nS: 553 5.6.7");
        row("dsn parameters", "",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<a@b.example> RET=HDRS ENVID=x+2By\n"
            "S: 250 2.1.0\nC: RCPT TO:<c@d.example> NOTIFY=SUCCESS,FAILURE "
            "ORCPT=rfc822;c@d.example\n"
            "S: 250 2.1.5\nC: RCPT TO:<e@d.example> NOTIFY=NEVER,DELAY\nS: 501 5.5.4");
        row("vrfy", "", "S: 220\nC: VRFY someone\nS: 252\nC: VRFY\nS: 501");
        row("noop rset quit", "",
            "S: 220\nC: EHLO c\nS: 250\nC: NOOP\nS: 250 2.0.0\nC: RSET\nS: 250 2.0.0\n"
            "C: RSET now\nS: 501 5.5.4\nC: QUIT\nS: 221 2.0.0\nX:");
        row("expn", "", "S: 220\nC: EXPN list\nS: 502");
        row("rset ends transaction", "",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<a@b.example>\nS: 250\nC: RSET\nS: 250\n"
            "C: RCPT TO:<c@d.example>\nS: 503 5.5.1");
        row("starttls with argument", "",
            "S: 220\nC: EHLO c\nS: 250\nC: STARTTLS now\nS: 501 5.5.4");
        row("auth before ehlo", "", "S: 220\nC: AUTH PLAIN\nS: 503");
        row("auth unknown mechanism", "",
            "S: 220\nC: EHLO c\nS: 250\nC: AUTH GSSAPI\nS: 504 5.5.4");
        row("auth plain wrong password", "",
            "S: 220\nC: EHLO c\nS: 250\nC: AUTH PLAIN AHNhbmRib3gAd3Jvbmc=\nS: 535 5.7.8");
        row("auth plain cancelled", "",
            "S: 220\nC: EHLO c\nS: 250\nC: AUTH PLAIN\nS: 334\nC: *\nS: 501 5.7.0");
        row("auth bad base64", "",
            "S: 220\nC: EHLO c\nS: 250\nC: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: !!!\nS: 501 5.5.2");
        row("auth plain empty password user", "",
            "S: 220\nC: EHLO c\nS: 250\nC: AUTH PLAIN AHNhbmRib3gA\nS: 535 5.7.8");
        row("binary junk", "",
            "S: 220\nR: \\x00\\x01\\xff\\xfe junk\\r\\n\nS: 500 Syntax error: binary");
        row("command line too long", "",
            "S: 220\nC: NOOP "
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            "xx"
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            "xx"
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            "xx"
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            "xx"
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            "xx\n"
            "S: 500 Line too long\nC: NOOP\nS: 250");
        row("too many errors", "",
            "S: 220\nC: A\nS: 500\nC: B\nS: 500\nC: C\nS: 500\nC: D\nS: 500\nC: E\nS: 500\n"
            "C: F\nS: 500\nC: G\nS: 500\nC: H\nS: 500\nC: I\nS: 500\nC: J\nS: 500\nS: 421 "
            "localhost Too many errors\nX:");
        // Behaviours.
        row("require auth", "requireAuth",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<a@b.example>\nS: 530 5.7.0 Authentication "
            "required");
        row("require auth satisfied", "requireAuth",
            "S: 220\nC: EHLO c\nS: 250\nC: AUTH PLAIN AHNhbmRib3gAczNjcmV0LXBhc3M=\nS: 235 2.7.0\n"
            "C: MAIL FROM:<a@b.example>\nS: 250 2.1.0");
        row("require starttls mail", "requireStartTls",
            "S: 220\nC: EHLO c\nS: 250 STARTTLS\nC: MAIL FROM:<a@b.example>\nS: 530 5.7.0");
        row("require starttls auth", "requireStartTls",
            "S: 220\nC: EHLO c\nS: 250\nC: AUTH PLAIN AHNhbmRib3gAczNjcmV0LXBhc3M=\nS: 530 5.7.0");
        row("reject recipients", "reject=^bad@",
            (QByteArray(txn) +
             "C: RCPT TO:<bad@example.org>\nS: 550 5.1.1\nC: RCPT TO:<BAD@x.example>\n"
             "S: 550 5.1.1\nC: DATA\nS: 354"));
        row("defer recipients 451", "defer=later",
            (QByteArray(txn) + "C: RCPT TO:<later@example.org>\nS: 451 4.3.0"));
        row("defer recipients 450", "defer=later;deferCode=450",
            (QByteArray(txn) + "C: RCPT TO:<later@example.org>\nS: 450 4.2.1"));
        // The recipient limit counts accepted recipients only, per transaction.
        row("recipient limit", "maxRcpt=2;reject=^bad@",
            (QByteArray(txn) +
             "C: RCPT TO:<bad@example.org>\nS: 550 5.1.1\nC: RCPT TO:<two@example.org>\n"
             "S: 250 2.1.5\nC: RCPT TO:<three@example.org>\nS: 452 4.5.3 Too many recipients\n"
             "C: DATA\nS: 354"));
        row("reject after data", "rejectData",
            (QByteArray(txn) + "C: DATA\nS: 354\nC: Subject: x\nC: \nC: body\nC: .\nS: 554 5.6.0\n"
                               "C: NOOP\nS: 250"));
        row("close after mail", "closeAfter=MAIL",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<a@b.example>\nX:");
        row("close after rcpt", "closeAfter=rcpt",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<a@b.example>\nS: 250\nC: RCPT "
            "TO:<c@d.example>\nX:");
        row("close after dot", "closeAfter=DOT",
            (QByteArray(txn) + "C: DATA\nS: 354\nC: Subject: x\nC: \nC: body\nC: .\nX:"));
        row("greeting 421", "greeting421", "S: 421 localhost Service not available\nX:");
        // SMTP smuggling (CVE-2023-51764, -51765, -51766): by default a "." between bare line
        // endings is content, so the MAIL after it is too; one message, one reply.
        for (const char *end : {"\\n.\\n", "\\r.\\r", "\\n.\\r\\n", "\\r\\n.\\n"}) {
            const QByteArray smuggle = QByteArray("C: DATA\nS: 354\nR: Hi") + end +
                                       "MAIL FROM:<evil@x.example>\\r\\n.\\r\\n\n";
            row(qPrintable(QStringLiteral("strict end of data, %1").arg(QLatin1String(end))), "",
                QByteArray(txn) + smuggle + "S: 250 2.0.0\nC: NOOP\nS: 250");
            // The lenient behaviour ends the data there and reads the MAIL as a command.
            row(qPrintable(QStringLiteral("lenient end of data, %1").arg(QLatin1String(end))),
                "lenientEndOfData",
                QByteArray(txn) + smuggle + "S: 250 2.0.0\nS: 250 2.1.0\nS: 500");
        }
        row("lenient end of data, proper end", "lenientEndOfData",
            (QByteArray(txn) + "C: DATA\nS: 354\nC: .dot\nC: body\nC: .\nS: 250 2.0.0\n"
                               "C: NOOP\nS: 250"));
        row("no chunking", "noExt=CHUNKING", (QByteArray(txn) + "R: BDAT 3 LAST\\r\\nabc\nS: 502"));
        row("no enhanced status codes", "noExt=ENHANCEDSTATUSCODES",
            "S: 220\nC: EHLO c\nS: 250 AUTH\nC: MAIL FROM:<a@b.example>\nS: 250 Ok");
        row("no size", "noExt=SIZE",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<a@b.example> SIZE=10\nS: 555");
        row("no dsn", "noExt=DSN",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<a@b.example> RET=FULL\nS: 555");
        row("no smtputf8", "noExt=SMTPUTF8",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<a@b.example> SMTPUTF8\nS: 555");
        row("no 8bitmime", "noExt=8BITMIME",
            "S: 220\nC: EHLO c\nS: 250\nC: MAIL FROM:<a@b.example> BODY=8BITMIME\nS: 555");
        row("no auth", "noExt=AUTH", "S: 220\nC: EHLO c\nS: 250 STARTTLS\nC: AUTH PLAIN\nS: 502");
        row("no starttls", "noExt=STARTTLS", "S: 220\nC: EHLO c\nS: 250 AUTH\nC: STARTTLS\nS: 502");
        row("size limit on data", "size=50",
            (QByteArray(txn) +
             "C: DATA\nS: 354\nC: Subject: this message is longer than fifty bytes in all\nC: \n"
             "C: body\nC: .\nS: 552 5.3.4\nC: NOOP\nS: 250"));
        row("size limit on bdat", "size=50",
            (QByteArray(txn) + "R: BDAT 60 LAST\\r\\n"
                               "012345678901234567890123456789012345678901234567890123456789\n"
                               "S: 552 5.3.4\nC: NOOP\nS: 250"));
        row("bdat without mail", "",
            "S: 220\nC: EHLO c\nS: 250\nR: BDAT 4 LAST\\r\\nQUIT\nS: 503 5.5.1\nC: NOOP\nS: 250");
        row("bdat bad size", "", "S: 220\nC: EHLO c\nS: 250\nC: BDAT x\nS: 501 5.5.4");
        row("data after bdat", "",
            (QByteArray(txn) + "R: BDAT 3\\r\\nabc\nS: 250 2.0.0\nC: DATA\nS: 503 5.5.1"));
    }
    void dialogue()
    {
        QFETCH(QString, behaviour);
        QFETCH(QString, script);
        const quint16 port = startServer(behaviourFrom(behaviour));
        QVERIFY(port != 0);
        SandboxTestClient client(port);
        int expected = 0;
        const QStringList lines = script.split(QLatin1Char('\n'));
        for (const QString &l : lines) {
            const QByteArray arg = l.mid(3).toUtf8();
            if (l.startsWith(QLatin1String("C:"))) {
                client.line(arg);
            } else if (l.startsWith(QLatin1String("R:"))) {
                client.send(unescape(arg));
            } else if (l.startsWith(QLatin1String("S:"))) {
                ++expected;
                QTRY_VERIFY2(client.replies.size() >= expected,
                             qPrintable(QStringLiteral("waiting for \"%1\"; got %2")
                                            .arg(l, QString::fromUtf8(client.full.join("")))));
                const QByteArray got = client.replies.at(expected - 1);
                const QByteArray whole = client.full.at(expected - 1);
                // "S: 250 AUTH" matches a multi-line reply with a line starting "250 AUTH"
                // or "250-AUTH", so EHLO replies can be checked for one keyword.
                const QByteArray want = arg;
                const bool ok = got.startsWith(want) || want.size() == 3 ||
                                (want.size() > 4 &&
                                 whole.contains(QByteArray(want.left(3) + '-' + want.mid(4))));
                QVERIFY2(ok && got.startsWith(want.left(3)),
                         qPrintable(QStringLiteral("reply %1: wanted \"%2\", got \"%3\"")
                                        .arg(expected)
                                        .arg(QString::fromUtf8(want), QString::fromUtf8(whole))));
            } else if (l.startsWith(QLatin1String("X:"))) {
                QTRY_VERIFY(client.closed);
            }
        }
        // Nothing more than the script said came back: the next reply answers one more NOOP.
        if (!client.closed && !client.last().startsWith("354") &&
            !client.last().startsWith("334")) {
            client.line("NOOP");
            QTRY_COMPARE(client.replies.size(), expected + 1);
            QVERIFY2(client.last().startsWith("250"), client.last());
        } else
            QCOMPARE(client.replies.size(), expected);
    }

    void ehloAdvertisesEverything()
    {
        const quint16 port = startServer();
        SandboxTestClient client(port);
        QTRY_COMPARE(client.replies.size(), 1);
        client.line("EHLO c.example");
        QTRY_COMPARE(client.replies.size(), 2);
        const QByteArray ehlo = client.full.at(1);
        for (const char *keyword :
             {"250-SIZE 26214400", "PIPELINING", "8BITMIME", "SMTPUTF8", "CHUNKING",
              "ENHANCEDSTATUSCODES", "DSN", "STARTTLS", "AUTH PLAIN LOGIN CRAM-MD5"})
            QVERIFY2(ehlo.contains(keyword), keyword);
    }

    void pipelinedCommandsAnsweredInOrder()
    {
        const quint16 port = startServer(behaviourFrom(QStringLiteral("reject=^no@")));
        QSignalSpy received(m_server.get(), &SandboxServer::messageReceived);
        SandboxTestClient client(port);
        // Everything in one write, before the greeting even arrived.
        client.send("EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<no@b.example>\r\n"
                    "RCPT TO:<yes@b.example>\r\nDATA\r\nSubject: p\r\n\r\nbody\r\n.\r\n"
                    "NOOP\r\nQUIT\r\n");
        QTRY_COMPARE(client.replies.size(), 9);
        const QList<QByteArray> codes = {"220", "250", "250", "550", "250",
                                         "354", "250", "250", "221"};
        for (int i = 0; i < codes.size(); ++i)
            QVERIFY2(client.replies.at(i).startsWith(codes.at(i)), client.replies.at(i));
        QTRY_VERIFY(client.closed);
        QCOMPARE(received.count(), 1);
        const StoredMessage m = received.first().at(1).value<StoredMessage>();
        QCOMPARE(m.rcptTo, QStringList{QStringLiteral("yes@b.example")});
        QCOMPARE(m_store->content(m.id), QByteArray("Subject: p\r\n\r\nbody\r\n"));
    }

    void dotUnstuffingAndExactBytes_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QByteArray>("stored");
        QTest::newRow("leading dots")
            << QByteArray("..one\r\n...two\r\n.\r\n") << QByteArray(".one\r\n..two\r\n");
        QTest::newRow("dot inside line")
            << QByteArray("a.b\r\n .\r\n.\r\n") << QByteArray("a.b\r\n .\r\n");
        QTest::newRow("8-bit and bare LF kept")
            << QByteArray("Subject: \xc3\xa9t\xc3\xa9\r\n\r\nline\nstill line\r\n.\r\n")
            << QByteArray("Subject: \xc3\xa9t\xc3\xa9\r\n\r\nline\nstill line\r\n");
        // A dot after a bare LF is not the end (the SMTP smuggling trick).
        QTest::newRow("bare LF dot is not the end")
            << QByteArray("a\n.\r\nb\r\n.\r\n") << QByteArray("a\n.\r\nb\r\n");
        QTest::newRow("empty message") << QByteArray(".\r\n") << QByteArray();
    }
    void dotUnstuffingAndExactBytes()
    {
        QFETCH(QByteArray, wire);
        QFETCH(QByteArray, stored);
        const quint16 port = startServer();
        QSignalSpy received(m_server.get(), &SandboxServer::messageReceived);
        SandboxTestClient client(port);
        client.send("EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\n");
        QTRY_COMPARE(client.replies.size(), 5);
        QVERIFY(client.last().startsWith("354"));
        client.send(wire);
        QTRY_COMPARE(client.replies.size(), 6);
        QVERIFY2(client.last().startsWith("250 2.0.0 Ok: queued as "), client.last());
        QCOMPARE(received.count(), 1);
        const QString id = received.first().at(1).value<StoredMessage>().id;
        QVERIFY(client.last().endsWith(id.toUtf8()));
        QCOMPARE(m_store->content(id), stored);
    }

    void bdatChunks()
    {
        const quint16 port = startServer();
        SandboxTestClient client(port);
        // Binary content with CRLF.CRLF inside: BDAT takes it as it is, no unstuffing.
        const QByteArray part1("Subject: b\r\n\r\n.\r\n\x00\x01", 20);
        const QByteArray part2("\r\n.\r\nend\r\n");
        client.send("EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\n");
        client.send("BDAT " + QByteArray::number(part1.size()) + "\r\n" + part1);
        client.send("BDAT " + QByteArray::number(part2.size()) + " LAST\r\n" + part2);
        client.send("BDAT 0 LAST\r\n");
        QTRY_COMPARE(client.replies.size(), 7);
        QVERIFY2(client.replies.at(4).startsWith("250 2.0.0 20 octets"), client.replies.at(4));
        QVERIFY2(client.replies.at(5).startsWith("250 2.0.0 Ok: queued"), client.replies.at(5));
        QVERIFY2(client.replies.at(6).startsWith("503 5.5.1"), client.replies.at(6));
        QCOMPARE(m_store->count(), 1);
        QCOMPARE(m_store->content(m_store->messages().first().id), part1 + part2);
        QCOMPARE(m_store->messages().first().transferCommand, QStringLiteral("BDAT"));
    }

    void authMechanisms_data()
    {
        QTest::addColumn<QByteArray>("mechanism");
        QTest::addColumn<bool>("initial");
        QTest::newRow("PLAIN initial") << QByteArray("PLAIN") << true;
        QTest::newRow("PLAIN") << QByteArray("PLAIN") << false;
        QTest::newRow("LOGIN") << QByteArray("LOGIN") << false;
        QTest::newRow("LOGIN initial") << QByteArray("LOGIN") << true;
        QTest::newRow("CRAM-MD5") << QByteArray("CRAM-MD5") << false;
    }
    void authMechanisms()
    {
        QFETCH(QByteArray, mechanism);
        QFETCH(bool, initial);
        const quint16 port = startServer(behaviourFrom(QStringLiteral("requireAuth")));
        QSignalSpy entries(m_server.get(), &SandboxServer::transcriptEntry);
        SandboxTestClient client(port);
        client.line("EHLO c");
        QTRY_COMPARE(client.replies.size(), 2);
        const QByteArray plain = QByteArray("\0sandbox\0", 9) + Password.toUtf8();
        int n = 2;
        auto expect = [&](const char *code) {
            ++n;
            QTRY_COMPARE(client.replies.size(), n);
            QVERIFY2(client.last().startsWith(code), client.last());
        };
        if (mechanism == "PLAIN" && initial) {
            client.line("AUTH PLAIN " + plain.toBase64());
        } else if (mechanism == "PLAIN") {
            client.line("AUTH PLAIN");
            expect("334");
            client.line(plain.toBase64());
        } else if (mechanism == "LOGIN") {
            if (initial) {
                client.line("AUTH LOGIN " + QByteArray("sandbox").toBase64());
            } else {
                client.line("AUTH LOGIN");
                expect("334 VXNlcm5hbWU6");
                client.line(QByteArray("sandbox").toBase64());
            }
            expect("334 UGFzc3dvcmQ6");
            client.line(Password.toUtf8().toBase64());
        } else {
            client.line("AUTH CRAM-MD5");
            expect("334 ");
            const QByteArray challenge = QByteArray::fromBase64(client.last().mid(4));
            QVERIFY(challenge.startsWith('<') && challenge.endsWith("@localhost>"));
            const QByteArray digest = QMessageAuthenticationCode::hash(challenge, Password.toUtf8(),
                                                                       QCryptographicHash::Md5)
                                          .toHex();
            client.line(QByteArray(QByteArray("sandbox ") + digest).toBase64());
        }
        expect("235 2.7.0");
        client.line("AUTH PLAIN " + plain.toBase64());
        expect("503 5.5.1");
        client.send("MAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\nx\r\n.\r\n");
        n += 4;
        QTRY_COMPARE(client.replies.size(), n);
        QVERIFY(client.last().startsWith("250"));
        const StoredMessage m = m_store->messages().first();
        QCOMPARE(m.authMechanism, QString::fromLatin1(mechanism));
        QCOMPARE(m.authUser, QStringLiteral("sandbox"));
        // No secret in the transcript, in the signals or on disk (the sidecar as stored, and
        // every byte the store wrote).
        const StoredMessage onDisk = m_store->message(m.id);
        QVERIFY(onDisk.transcript.size() > 0);
        QByteArray json = QJsonDocument(onDisk.toJson()).toJson();
        QVERIFY(json.contains("AUTH"));
        for (const QFileInfo &file : QDir(m_store->folder()).entryInfoList(QDir::Files)) {
            QFile f(file.filePath());
            QVERIFY(f.open(QIODevice::ReadOnly));
            json += f.readAll();
        }
        QVERIFY(!json.contains(Password.toUtf8()));
        QVERIFY(!json.contains(plain.toBase64()));
        QVERIFY(!json.contains(Password.toUtf8().toBase64()));
        bool sawRedacted = false;
        for (const QList<QVariant> &args : std::as_const(entries)) {
            const TranscriptEntry e = args.at(1).value<TranscriptEntry>();
            QVERIFY(!e.text.contains(Password));
            QVERIFY(!e.text.contains(QString::fromLatin1(plain.toBase64())));
            QVERIFY(!e.text.contains(QString::fromLatin1(Password.toUtf8().toBase64())));
            sawRedacted = sawRedacted || e.redacted;
        }
        QVERIFY(sawRedacted);
    }

    void startTlsThenAuth()
    {
        const quint16 port = startServer();
        SandboxTestClient client(port);
        QSslConfiguration tls = client.socket.sslConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(certs("ca.pem")));
        client.socket.setSslConfiguration(tls);
        client.socket.setPeerVerifyName(QStringLiteral("localhost"));
        // NOOP pipelined after STARTTLS arrives in plain text: it must be thrown away.
        client.send("EHLO c\r\nSTARTTLS\r\nNOOP\r\n");
        QTRY_COMPARE(client.replies.size(), 3);
        QVERIFY(client.last().startsWith("220 2.0.0"));
        client.socket.startClientEncryption();
        QTRY_VERIFY(client.encrypted);
        client.line("MAIL FROM:<a@b.example>");
        QTRY_COMPARE(client.replies.size(), 4);
        QVERIFY2(client.last().startsWith("503"), client.last()); // EHLO again first
        client.line("EHLO c");
        QTRY_COMPARE(client.replies.size(), 5);
        QVERIFY(!client.full.last().contains("STARTTLS"));
        QVERIFY(client.full.last().contains("AUTH PLAIN"));
        client.line("STARTTLS");
        QTRY_COMPARE(client.replies.size(), 6);
        QVERIFY(client.last().startsWith("503 5.5.1"));
        client.line("AUTH PLAIN " +
                    QByteArray(QByteArray("\0sandbox\0", 9) + Password.toUtf8()).toBase64());
        QTRY_COMPARE(client.replies.size(), 7);
        QVERIFY(client.last().startsWith("235"));
        client.send("MAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\nhi\r\n.\r\n");
        QTRY_COMPARE(client.replies.size(), 11);
        QVERIFY(client.last().startsWith("250"));
        const StoredMessage m = m_store->messages().first();
        QVERIFY2(m.tls.startsWith(QLatin1String("TLS 1.")), qPrintable(m.tls));
        QVERIFY(m.receivedHeader.contains(QLatin1String("with ESMTPSA")));
        bool discarded = false;
        for (const TranscriptEntry &e : m.transcript)
            discarded = discarded || e.text.contains(QLatin1String("discarded"));
        QVERIFY(discarded);
    }

    void requireStartTlsHidesAuthUntilTls()
    {
        const quint16 port = startServer(behaviourFrom(QStringLiteral("requireStartTls")));
        SandboxTestClient client(port);
        client.line("EHLO c");
        QTRY_COMPARE(client.replies.size(), 2);
        QVERIFY(client.full.last().contains("STARTTLS"));
        QVERIFY(!client.full.last().contains("AUTH"));
    }

    void overLongLines_data()
    {
        QTest::addColumn<int>("length");
        QTest::newRow("513") << 513;
        QTest::newRow("1 MB") << 1024 * 1024;
    }
    void overLongLines()
    {
        QFETCH(int, length);
        const quint16 port = startServer();
        SandboxTestClient client(port);
        QTRY_COMPARE(client.replies.size(), 1);
        client.send("NOOP " + QByteArray(length - 7, 'x') + "\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(client.replies.size(), 2, 20000);
        QVERIFY2(client.last().startsWith("500 Line too long"), client.last());
        client.line("NOOP");
        QTRY_COMPARE(client.replies.size(), 3);
        QVERIFY(client.last().startsWith("250"));
    }

    void overLongDataLineRefusesMessage()
    {
        const quint16 port = startServer();
        SandboxTestClient client(port);
        client.send("EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\n");
        client.send("Subject: long\r\n\r\n" + QByteArray(999, 'y') + "\r\n.\r\n");
        QTRY_COMPARE(client.replies.size(), 6);
        QVERIFY2(client.last().startsWith("500 5.5.6"), client.last());
        // A line of exactly 1000 octets with its CRLF is allowed.
        client.send("MAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\n");
        client.send(QByteArray(998, 'z') + "\r\n.\r\n");
        QTRY_COMPARE(client.replies.size(), 10);
        QVERIFY2(client.last().startsWith("250"), client.last());
        QCOMPARE(m_store->count(), 1);
    }

    void clientVanishesMidData_data()
    {
        QTest::addColumn<bool>("chunking");
        QTest::newRow("DATA") << false;
        QTest::newRow("BDAT") << true;
    }
    void clientVanishesMidData()
    {
        QFETCH(bool, chunking);
        const quint16 port = startServer();
        QSignalSpy finished(m_server.get(), &SandboxServer::sessionFinished);
        {
            SandboxTestClient client(port);
            client.send("EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\n");
            client.send(chunking ? QByteArray("BDAT 1000 LAST\r\nSubject: half\r\n\r\nhalf a ")
                                 : QByteArray("DATA\r\nSubject: half\r\n\r\nhalf a "));
            QTRY_COMPARE(client.replies.size(), chunking ? 4 : 5);
            client.socket.abort();
        }
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(m_store->count(), 0);
        // The writer thread removes the file, after the pieces it was given.
        QTRY_COMPARE(messageFiles(m_store->folder()).size(), 0);
        // The next session is served.
        SandboxTestClient next(port);
        next.send(
            "EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\nok\r\n.\r\n");
        QTRY_COMPARE(next.replies.size(), 6);
        QVERIFY(next.last().startsWith("250"));
        QCOMPARE(m_store->count(), 1);
    }

    // A message far bigger than the session's buffers goes to a file in the store's folder
    // as it arrives; the session never holds it, and a client vanishing mid-DATA leaves no
    // file (named or not) behind.
    void bigMessageIsStreamedNotHeld()
    {
        SandboxBehaviour b;
        b.sizeLimit = 0; // 30 MB is over the default SIZE limit
        const quint16 port = startServer(b);
        const QString folder = m_store->folder();
        QByteArray message = "Subject: big\r\n\r\n";
        message.reserve(31 * 1024 * 1024);
        for (int i = 0; message.size() < 30 * 1024 * 1024; ++i)
            message += QByteArray::number(i).leftJustified(78, '-') + "\r\n";
        QSignalSpy finished(m_server.get(), &SandboxServer::sessionFinished);
        {
            SandboxTestClient client(port);
            client.send("EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\n");
            QTRY_COMPARE(client.replies.size(), 5);
            QVERIFY2(client.last().startsWith("354"), client.last());
            QCOMPARE(openFilesIn(folder), 1); // the content's file, from the start
            client.send(message + ".\r\n");
            QTRY_COMPARE_WITH_TIMEOUT(client.replies.size(), 6, 120000);
            QVERIFY2(client.last().startsWith("250 2.0.0 Ok: queued"), client.last());
            client.line("QUIT");
            QTRY_COMPARE(finished.count(), 1);
        }
        QCOMPARE(m_store->count(), 1);
        const StoredMessage stored = m_store->messages().first();
        QCOMPARE(stored.size, qint64(message.size()));
        QVERIFY(m_store->content(stored.id) == message);
        const qint64 peak = m_server->peakSessionBufferedBytes();
        QVERIFY2(peak > 0 && peak < 512 * 1024,
                 qPrintable(QStringLiteral("held %1 bytes of a %2-byte message at once")
                                .arg(peak)
                                .arg(message.size())));
        // The transcript still summarises the message and shows its header.
        bool summarised = false;
        for (const TranscriptEntry &e : stored.transcript) {
            if (e.text.startsWith(QStringLiteral("message data: %1 bytes").arg(message.size())))
                summarised = e.details == QStringLiteral("Subject: big");
        }
        QVERIFY(summarised);

        {
            SandboxTestClient client(port);
            client.send("EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\n");
            QTRY_COMPARE(client.replies.size(), 5);
            QCOMPARE(openFilesIn(folder), 1);
            client.send(message.left(8 * 1024 * 1024));
            QTRY_COMPARE_WITH_TIMEOUT(client.socket.bytesToWrite(), qint64(0), 60000);
            client.socket.abort();
        }
        QTRY_COMPARE(finished.count(), 2);
        QTRY_COMPARE(openFilesIn(folder), 0);
        QCOMPARE(m_store->count(), 1);
        QTRY_COMPARE(messageFiles(folder).size(), 1); // the segment
    }

    void delayHoldsEveryReply()
    {
        SandboxBehaviour b;
        b.delayMs = 150;
        const quint16 port = startServer(b);
        QElapsedTimer clock;
        clock.start();
        SandboxTestClient client(port);
        client.send("EHLO c\r\nNOOP\r\n");
        QTRY_COMPARE(client.replies.size(), 3);
        // Three replies, each held 150 ms: a lower bound, not a performance figure.
        QVERIFY2(clock.elapsed() >= 3 * 150 - 20, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(client.replies.at(1).startsWith("250"));
        QVERIFY(client.replies.at(2).startsWith("250 2.0.0"));
    }

    void idleTimeoutRepliesAtOnce()
    {
        // The timeout's 421 is not held by the reply delay: a client that went quiet gets it
        // when the idle time runs out, not a minute later, and the delay stays configured.
        SandboxBehaviour b;
        b.delayMs = 60'000;
        b.idleTimeoutMs = 1000;
        const quint16 port = startServer(b);
        SandboxTestClient client(port);
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 10'000);
        QCOMPARE(client.replies.size(), 1);
        QCOMPARE(client.last(), QByteArray("421 localhost Error: timeout exceeded"));
        QCOMPARE(m_server->behaviour().delayMs, 60'000);
    }

    void writeFailureAnswers452AndServes()
    {
        // A file size limit makes the content's writes fail as a full disk would: the message
        // is refused with 452 4.3.1, nothing half-written stays, and the next one is taken.
        const quint16 port = startServer();
        QSignalSpy finished(m_server.get(), &SandboxServer::sessionFinished);
        const auto saved = ::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &limit), 0);
        const rlim_t hard = limit.rlim_max;
        const rlim_t soft = limit.rlim_cur;
        limit.rlim_cur = 64 * 1024;
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limit), 0);
        const auto restore = qScopeGuard([&] {
            rlimit back{soft, hard};
            ::setrlimit(RLIMIT_FSIZE, &back);
            ::signal(SIGXFSZ, saved);
        });
        SandboxTestClient client(port);
        client.send("EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\n");
        QTRY_COMPARE(client.replies.size(), 5);
        client.send("Subject: big\r\n\r\n" + QByteArray(70, 'x').append("\r\n").repeated(3000) +
                    ".\r\n");
        QTRY_COMPARE(client.replies.size(), 6);
        QVERIFY2(client.last().startsWith("452 4.3.1 Insufficient system storage"),
                 client.last().constData());
        client.send("MAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\n"
                    "Subject: small\r\n\r\nx\r\n.\r\nQUIT\r\n");
        QTRY_COMPARE(client.replies.size(), 11);
        QVERIFY(client.replies.at(9).startsWith("250 2.0.0 Ok: queued as"));
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(m_store->count(), 1);
        QCOMPARE(m_store->content(m_store->messages().first().id),
                 QByteArray("Subject: small\r\n\r\nx\r\n"));
        const QStringList files = messageFiles(m_store->folder());
        // The segment with the small message's records, nothing else.
        QVERIFY2(files.size() == 1, qPrintable(files.join(QLatin1Char(' '))));
    }

    void transcriptIsBounded()
    {
        // 3,000 pipelined NOOPs: the session keeps (and stores with the message) the first and
        // the last part of its transcript and says how much it left out between them.
        const quint16 port = startServer();
        QSignalSpy entries(m_server.get(), &SandboxServer::transcriptEntry);
        QSignalSpy finished(m_server.get(), &SandboxServer::sessionFinished);
        QSignalSpy updated(m_store.get(), &MailStore::messageUpdated);
        SandboxTestClient client(port);
        client.send("EHLO c\r\n" + QByteArray("NOOP\r\n").repeated(3000) +
                    "MAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\n"
                    "Subject: t\r\n\r\nx\r\n.\r\nQUIT\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30'000);
        QTRY_COMPARE(updated.count(), 1);
        const QList<TranscriptEntry> kept = m_store->messages().first().transcript;
        const qsizetype head = SandboxSession::TranscriptHead;
        const qsizetype tail = SandboxSession::TranscriptTail;
        QCOMPARE(kept.size(), head + 1 + tail);
        QVERIFY(kept.first().text.startsWith(QLatin1String("connection from")));
        QCOMPARE(kept.at(head).text,
                 QStringLiteral("%1 transcript lines left out here to bound its size")
                     .arg(entries.count() - head - tail));
        QCOMPARE(kept.at(head + 1).text, QStringLiteral("NOOP"));
        QCOMPARE(kept.at(kept.size() - 2).text, QStringLiteral("221 2.0.0 localhost Bye"));
        QCOMPARE(kept.last().text, QStringLiteral("connection closed"));
    }

    void evictionIsSaid()
    {
        const quint16 port = startServer();
        m_store->setSizeCap(1);
        QSignalSpy notices(m_server.get(), &SandboxServer::notice);
        QSignalSpy finished(m_server.get(), &SandboxServer::sessionFinished);
        SandboxTestClient client(port);
        const QByteArray message = "MAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\n"
                                   "Subject: t\r\n\r\nx\r\n.\r\n";
        client.send("EHLO c\r\n" + message + message + "QUIT\r\n");
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(m_store->count(), 1);
        QCOMPARE(notices.count(), 1);
        QVERIFY2(notices.first().at(0).toString().contains(
                     QLatin1String("over its size cap of 1 bytes: removed the 1 oldest message")),
                 qPrintable(notices.first().at(0).toString()));
    }

    void signalsAndTranscript()
    {
        const quint16 port = startServer();
        QSignalSpy started(m_server.get(), &SandboxServer::sessionStarted);
        QSignalSpy entries(m_server.get(), &SandboxServer::transcriptEntry);
        QSignalSpy received(m_server.get(), &SandboxServer::messageReceived);
        QSignalSpy finished(m_server.get(), &SandboxServer::sessionFinished);
        SandboxTestClient client(port);
        client.send(
            "EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\n"
            "RCPT TO:<hidden@d.example>\r\nDATA\r\nTo: c@d.example\r\n\r\nx\r\n.\r\nQUIT\r\n");
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(started.count(), 1);
        QCOMPARE(received.count(), 1);
        const quint64 id = started.first().at(0).toULongLong();
        QStringList lines;
        for (const QList<QVariant> &args : std::as_const(entries)) {
            QCOMPARE(args.at(0).toULongLong(), id);
            const TranscriptEntry e = args.at(1).value<TranscriptEntry>();
            lines << TranscriptEntry::prefix(e.direction) + QLatin1Char(' ') + e.text;
        }
        QVERIFY(lines.contains(QStringLiteral("C: EHLO c")));
        QVERIFY(lines.contains(QStringLiteral("S: 220 localhost ESMTP Postwire sandbox ready")));
        QVERIFY(lines.contains(QStringLiteral("S: 250-PIPELINING")));
        QVERIFY(lines.contains(QStringLiteral("C: .")));
        QVERIFY(lines.contains(QStringLiteral("S: 221 2.0.0 localhost Bye")));
        // Message content is summarised, not copied into the transcript.
        QVERIFY(!lines.contains(QStringLiteral("C: x")));
        // After the session the stored transcript holds all of it, QUIT included.
        const StoredMessage m = m_store->messages().first();
        QCOMPARE(m.rcptTo.size(), 2);
        QCOMPARE(m.transcript.size(), entries.count());
        QCOMPARE(m.transcript.at(m.transcript.size() - 2).text,
                 QStringLiteral("221 2.0.0 localhost Bye"));
        QVERIFY(!m.receivedHeader.contains(QLatin1String("for <"))); // two recipients
        QVERIFY(m.receivedHeader.startsWith(QLatin1String("Received: from c (127.0.0.1)")));
        QVERIFY(!m_store->content(m.id).startsWith("Received:"));
    }

    void behaviourAppliesToNextSession()
    {
        const quint16 port = startServer();
        SandboxTestClient first(port);
        QTRY_COMPARE(first.replies.size(), 1);
        SandboxBehaviour b;
        b.greeting421 = true;
        QSignalSpy changed(m_server.get(), &SandboxServer::behaviourChanged);
        QVERIFY(m_server->setBehaviour(b));
        QCOMPARE(changed.count(), 1);
        first.line("NOOP");
        QTRY_COMPARE(first.replies.size(), 2);
        QVERIFY(first.last().startsWith("250"));
        SandboxTestClient second(port);
        QTRY_COMPARE(second.replies.size(), 1);
        QVERIFY(second.last().startsWith("421"));
        QTRY_VERIFY(second.closed);
        b.rejectRecipients = QStringLiteral("([");
        QVERIFY(!m_server->setBehaviour(b));
        QVERIFY(!b.validate().isEmpty());
        QVERIFY(b.validate().contains(QLatin1String("Reject recipients")));
    }

    void certificateGeneratedOnFirstUse()
    {
        QTemporaryDir data;
        SandboxServer server;
        QString error;
        QVERIFY2(server.useDataFolder(data.path(), &error), qPrintable(error));
        QVERIFY(!server.credentials().password.isEmpty());
        QSignalSpy started(&server, &SandboxServer::started);
        server.start();
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 30000);
        QVERIFY(server.isTlsAvailable());
        QVERIFY(QFile::exists(data.filePath(QStringLiteral("cert.pem"))));
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ReadOther | QFileDevice::WriteOther;
        QCOMPARE(QFile::permissions(data.filePath(QStringLiteral("key.pem"))) & others,
                 QFileDevice::Permissions());
        QVERIFY(server.certificate()
                    .subjectAlternativeNames()
                    .values(QSsl::DnsEntry)
                    .contains(QStringLiteral("localhost")));
        // A second run reuses the same certificate and credentials.
        SandboxServer again;
        QVERIFY(again.useDataFolder(data.path(), &error));
        QCOMPARE(again.credentials(), server.credentials());
        QSignalSpy startedAgain(&again, &SandboxServer::started);
        again.start();
        QTRY_COMPARE(startedAgain.count(), 1);
        QCOMPARE(again.certificate(), server.certificate());
        // And the STARTTLS offer is there.
        SandboxTestClient client(again.port());
        client.line("EHLO c");
        QTRY_COMPARE(client.replies.size(), 2);
        QVERIFY(client.full.last().contains("STARTTLS"));
    }

    void certificateGenerationFailureLeavesServerWithoutTls()
    {
        QTemporaryDir data;
        SandboxServer server;
        QString error;
        QVERIFY(server.useDataFolder(data.path(), &error));
        server.setOpensslProgram(QStringLiteral("/nonexistent/openssl"));
        QSignalSpy started(&server, &SandboxServer::started);
        QSignalSpy notice(&server, &SandboxServer::notice);
        server.start();
        QTRY_COMPARE(started.count(), 1);
        QCOMPARE(notice.count(), 1);
        QVERIFY(notice.first().first().toString().contains(QLatin1String("STARTTLS")));
        QVERIFY(!server.isTlsAvailable());
        SandboxTestClient client(server.port());
        client.send("EHLO c\r\nSTARTTLS\r\n");
        QTRY_COMPARE(client.replies.size(), 3);
        QVERIFY(!client.full.at(1).contains("STARTTLS"));
        QVERIFY(client.last().startsWith("454 4.7.0"));
    }

    void givenCertificateFilesThatDoNotLoadFail()
    {
        SandboxServer server;
        server.setCertificateFiles(QStringLiteral("/nonexistent.pem"), certs("server.key"));
        QSignalSpy failed(&server, &SandboxServer::failed);
        server.start();
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains(QLatin1String("/nonexistent.pem")));
        QVERIFY(!server.isListening());
    }

    void manySessionsAtOnce()
    {
        const quint16 port = startServer();
        std::vector<std::unique_ptr<SandboxTestClient>> clients;
        for (int i = 0; i < 50; ++i) {
            clients.push_back(std::make_unique<SandboxTestClient>(port));
            clients.back()->send("EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\n"
                                 "DATA\r\nSubject: " +
                                 QByteArray::number(i) + "\r\n\r\nx\r\n.\r\nQUIT\r\n");
        }
        for (const auto &c : clients)
            QTRY_VERIFY(c->closed);
        QCOMPARE(m_store->count(), 50);
        QTRY_COMPARE(m_server->activeSessions(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
