// EHLO capability parsing against replies as real servers send them (Postfix, Gmail-like,
// Exchange-like with its old "AUTH=" line), with SIZE's forms and keyword case.
#include "smtp/capabilities.h"
#include "smtp/smtpreply.h"

#include <QtTest>

namespace {

// The reply as it comes off the wire, through the real parser.
SmtpReply ehloReply(const QByteArray &wire)
{
    SmtpReplyParser parser;
    if (!parser.feed(wire) || !parser.hasReply())
        qFatal("test EHLO reply does not parse: %s", qPrintable(parser.errorString()));
    return parser.takeReply();
}

const QByteArray postfix = "250-mail.example.org\r\n"
                           "250-PIPELINING\r\n"
                           "250-SIZE 10240000\r\n"
                           "250-VRFY\r\n"
                           "250-ETRN\r\n"
                           "250-AUTH PLAIN LOGIN\r\n"
                           "250-ENHANCEDSTATUSCODES\r\n"
                           "250-8BITMIME\r\n"
                           "250-DSN\r\n"
                           "250-SMTPUTF8\r\n"
                           "250 CHUNKING\r\n";

const QByteArray postfixBeforeTls = "250-mail.example.org\r\n"
                                    "250-PIPELINING\r\n"
                                    "250-SIZE 10240000\r\n"
                                    "250-STARTTLS\r\n"
                                    "250-ENHANCEDSTATUSCODES\r\n"
                                    "250-8BITMIME\r\n"
                                    "250 DSN\r\n";

const QByteArray gmail = "250-smtp.gmail.com at your service, [203.0.113.5]\r\n"
                         "250-SIZE 35882577\r\n"
                         "250-8BITMIME\r\n"
                         "250-AUTH LOGIN PLAIN XOAUTH2 PLAIN-CLIENTTOKEN OAUTHBEARER XOAUTH\r\n"
                         "250-ENHANCEDSTATUSCODES\r\n"
                         "250-PIPELINING\r\n"
                         "250-CHUNKING\r\n"
                         "250 SMTPUTF8\r\n";

const QByteArray exchange = "250-EXCH01.corp.example.com Hello [10.0.0.5]\r\n"
                            "250-SIZE 37748736\r\n"
                            "250-PIPELINING\r\n"
                            "250-DSN\r\n"
                            "250-ENHANCEDSTATUSCODES\r\n"
                            "250-STARTTLS\r\n"
                            "250-X-ANONYMOUSTLS\r\n"
                            "250-AUTH GSSAPI NTLM\r\n"
                            "250-AUTH=LOGIN\r\n"
                            "250-X-EXPS GSSAPI NTLM\r\n"
                            "250-8BITMIME\r\n"
                            "250-BINARYMIME\r\n"
                            "250-CHUNKING\r\n"
                            "250 XRDST\r\n";

} // namespace

class TestCapabilities : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void realServers_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QByteArrayList>("present");
        QTest::addColumn<QByteArrayList>("absent");
        QTest::addColumn<qint64>("sizeLimit");
        QTest::addColumn<QByteArrayList>("auth");
        QTest::newRow("Postfix after STARTTLS")
            << postfix
            << QByteArrayList{"PIPELINING",          "SIZE",     "VRFY", "ETRN",     "AUTH",
                              "ENHANCEDSTATUSCODES", "8BITMIME", "DSN",  "SMTPUTF8", "CHUNKING"}
            << QByteArrayList{"STARTTLS", "REQUIRETLS", "BINARYMIME"} << qint64(10240000)
            << QByteArrayList{"PLAIN", "LOGIN"};
        QTest::newRow("Postfix before STARTTLS")
            << postfixBeforeTls << QByteArrayList{"PIPELINING",          "SIZE",     "STARTTLS",
                                                  "ENHANCEDSTATUSCODES", "8BITMIME", "DSN"}
            << QByteArrayList{"AUTH", "CHUNKING", "SMTPUTF8"} << qint64(10240000)
            << QByteArrayList{};
        QTest::newRow("Gmail-like")
            << gmail << QByteArrayList{"SIZE",       "8BITMIME", "AUTH",    "ENHANCEDSTATUSCODES",
                                       "PIPELINING", "CHUNKING", "SMTPUTF8"}
            << QByteArrayList{"STARTTLS", "DSN", "SERVICE,"} << qint64(35882577)
            << QByteArrayList{"LOGIN",       "PLAIN", "XOAUTH2", "PLAIN-CLIENTTOKEN",
                              "OAUTHBEARER", "XOAUTH"};
        QTest::newRow("Exchange-like with AUTH=")
            << exchange
            << QByteArrayList{"SIZE",     "PIPELINING",    "DSN",      "ENHANCEDSTATUSCODES",
                              "STARTTLS", "AUTH",          "8BITMIME", "BINARYMIME",
                              "CHUNKING", "X-ANONYMOUSTLS"}
            << QByteArrayList{"SMTPUTF8", "AUTH=LOGIN", "HELLO", "GSSAPI"} << qint64(37748736)
            << QByteArrayList{"GSSAPI", "NTLM", "LOGIN"};
    }
    void realServers()
    {
        QFETCH(QByteArray, wire);
        QFETCH(QByteArrayList, present);
        QFETCH(QByteArrayList, absent);
        QFETCH(qint64, sizeLimit);
        QFETCH(QByteArrayList, auth);
        const Capabilities caps = Capabilities::fromEhloReply(ehloReply(wire));
        QVERIFY(!caps.isEmpty());
        for (const QByteArray &k : present)
            QVERIFY2(caps.has(k), k.constData());
        for (const QByteArray &k : absent)
            QVERIFY2(!caps.has(k), k.constData());
        QCOMPARE(caps.sizeLimit(), sizeLimit);
        QCOMPARE(caps.authMechanisms(), auth);
        // The named accessors agree with has().
        QCOMPARE(caps.pipelining(), caps.has("PIPELINING"));
        QCOMPARE(caps.eightBitMime(), caps.has("8BITMIME"));
        QCOMPARE(caps.smtpUtf8(), caps.has("SMTPUTF8"));
        QCOMPARE(caps.startTls(), caps.has("STARTTLS"));
        QCOMPARE(caps.chunking(), caps.has("CHUNKING"));
        QCOMPARE(caps.dsn(), caps.has("DSN"));
        QCOMPARE(caps.enhancedStatusCodes(), caps.has("ENHANCEDSTATUSCODES"));
        QCOMPARE(caps.requireTls(), caps.has("REQUIRETLS"));
        QCOMPARE(caps.size(), caps.has("SIZE"));
        // The greeting line is no keyword, and every other line is one, in order.
        const auto entries = caps.entries();
        QCOMPARE(entries.size(), wire.count('\n') - 1);
        QVERIFY(!entries.isEmpty());
    }

    void entriesKeepServerOrderAndParameters()
    {
        const Capabilities caps = Capabilities::fromEhloReply(ehloReply(exchange));
        const auto entries = caps.entries();
        QCOMPARE(entries.first().first, QByteArray("SIZE"));
        QCOMPARE(entries.first().second, QByteArray("37748736"));
        QCOMPARE(entries.last().first, QByteArray("XRDST"));
        QCOMPARE(caps.parameters("AUTH"), QByteArray("GSSAPI NTLM"));
        QCOMPARE(caps.parameters("x-exps"), QByteArray("GSSAPI NTLM"));
        QCOMPARE(caps.parameters("PIPELINING"), QByteArray());
        QCOMPARE(caps.parameters("NOSUCH"), QByteArray());
    }

    void size_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("advertised");
        QTest::addColumn<qint64>("limit");
        QTest::newRow("limit") << QByteArray("SIZE 52428800") << true << qint64(52428800);
        QTest::newRow("no limit given") << QByteArray("SIZE") << true << qint64(0);
        QTest::newRow("zero means no limit") << QByteArray("SIZE 0") << true << qint64(0);
        QTest::newRow("beyond 32 bits")
            << QByteArray("SIZE 10737418240") << true << qint64(10737418240LL);
        QTest::newRow("extra spaces") << QByteArray("SIZE   1000  ") << true << qint64(1000);
        QTest::newRow("not a number") << QByteArray("SIZE lots") << true << qint64(0);
        QTest::newRow("negative") << QByteArray("SIZE -5") << true << qint64(0);
        QTest::newRow("lower case") << QByteArray("size 2048") << true << qint64(2048);
        QTest::newRow("absent") << QByteArray("PIPELINING") << false << qint64(0);
    }
    void size()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, advertised);
        QFETCH(qint64, limit);
        const Capabilities caps =
            Capabilities::fromEhloReply(ehloReply("250-mx.example\r\n250 " + line + "\r\n"));
        QCOMPARE(caps.size(), advertised);
        QCOMPARE(caps.sizeLimit(), limit);
    }

    void caseInsensitive_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QByteArray>("keyword");
        QTest::newRow("lower") << QByteArray("pipelining") << QByteArray("PIPELINING");
        QTest::newRow("mixed") << QByteArray("StartTLS") << QByteArray("STARTTLS");
        QTest::newRow("8bitmime") << QByteArray("8bitmime") << QByteArray("8BITMIME");
        QTest::newRow("smtputf8") << QByteArray("SmtpUtf8") << QByteArray("SMTPUTF8");
    }
    void caseInsensitive()
    {
        QFETCH(QByteArray, line);
        QFETCH(QByteArray, keyword);
        const Capabilities caps =
            Capabilities::fromEhloReply(ehloReply("250-mx.example\r\n250 " + line + "\r\n"));
        QVERIFY(caps.has(keyword));
        QVERIFY(caps.has(keyword.toLower()));
        QCOMPARE(caps.entries().first().first, keyword);
    }

    void authMechanisms_data()
    {
        QTest::addColumn<QByteArray>("lines");
        QTest::addColumn<QByteArrayList>("mechanisms");
        QTest::newRow("lower case")
            << QByteArray("250-auth plain login\r\n250 X\r\n") << QByteArrayList{"PLAIN", "LOGIN"};
        QTest::newRow("extra blanks") << QByteArray("250-AUTH  PLAIN   CRAM-MD5 \r\n250 X\r\n")
                                      << QByteArrayList{"PLAIN", "CRAM-MD5"};
        QTest::newRow("AUTH= only")
            << QByteArray("250-AUTH=LOGIN PLAIN\r\n250 X\r\n") << QByteArrayList{"LOGIN", "PLAIN"};
        QTest::newRow("both forms, no duplicates")
            << QByteArray("250-AUTH LOGIN PLAIN\r\n250-AUTH=LOGIN\r\n250 X\r\n")
            << QByteArrayList{"LOGIN", "PLAIN"};
        QTest::newRow("AUTH without mechanisms")
            << QByteArray("250-AUTH\r\n250 X\r\n") << QByteArrayList{};
        QTest::newRow("no AUTH") << QByteArray("250 X\r\n") << QByteArrayList{};
        QTest::newRow("AUTHX is not AUTH")
            << QByteArray("250-AUTHX PLAIN\r\n250 X\r\n") << QByteArrayList{};
    }
    void authMechanisms()
    {
        QFETCH(QByteArray, lines);
        QFETCH(QByteArrayList, mechanisms);
        const Capabilities caps =
            Capabilities::fromEhloReply(ehloReply("250-mx.example\r\n" + lines));
        QCOMPARE(caps.authMechanisms(), mechanisms);
    }

    void greetingOnly()
    {
        // A server that knows no extension answers EHLO with one line.
        const Capabilities caps =
            Capabilities::fromEhloReply(ehloReply("250 mx.example Hello client\r\n"));
        QVERIFY(caps.isEmpty());
        QVERIFY(!caps.has("MX.EXAMPLE"));
        QVERIFY(!caps.pipelining());
        QCOMPARE(caps.sizeLimit(), qint64(0));
        QVERIFY(caps.authMechanisms().isEmpty());
        QVERIFY(Capabilities().isEmpty());
    }

    void greetingLineIsNotAKeyword()
    {
        // A host name that looks like a keyword is still the greeting.
        const Capabilities caps =
            Capabilities::fromEhloReply(ehloReply("250-PIPELINING\r\n250 SIZE 10\r\n"));
        QVERIFY(!caps.pipelining());
        QVERIFY(caps.size());
    }
};

QTEST_GUILESS_MAIN(TestCapabilities)
#include "tst_capabilities.moc"
