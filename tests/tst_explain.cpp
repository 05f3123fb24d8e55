// The plain-words explanations of reply codes, enhanced status codes, commands and extensions.
#include "smtp/explain.h"
#include "smtp/smtpreply.h"
#include "smtp/transcriptentry.h"

#include <QtTest>

class TestExplain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void enhancedStatus_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("expected");
        QTest::newRow("5.1.1") << QStringLiteral("5.1.1")
                               << QStringLiteral("permanent failure, addressing: bad destination "
                                                 "mailbox; fix the address, do not retry");
        QTest::newRow("4.2.2") << QStringLiteral("4.2.2")
                               << QStringLiteral("temporary failure, mailbox: mailbox full; the "
                                                 "recipient must make room; retry later (the "
                                                 "condition may pass)");
        QTest::newRow("2.0.0") << QStringLiteral("2.0.0")
                               << QStringLiteral("success; the code adds no detail");
        QTest::newRow("5.0.0") << QStringLiteral("5.0.0")
                               << QStringLiteral("permanent failure; the code does not say more "
                                                 "about the cause; do not retry unchanged");
        QTest::newRow("4.0.0") << QStringLiteral("4.0.0")
                               << QStringLiteral("temporary failure; the code does not say more "
                                                 "about the cause; retry later");
        QTest::newRow("5.1.0") << QStringLiteral("5.1.0")
                               << QStringLiteral("permanent failure concerning addressing; the "
                                                 "code gives no further detail; check the "
                                                 "address, do not retry");
        QTest::newRow("5.7.8") << QStringLiteral("5.7.8")
                               << QStringLiteral("permanent failure, security or policy: "
                                                 "authentication credentials invalid; check the "
                                                 "user name and password, do not retry");
        QTest::newRow("4.7.0 no advice")
            << QStringLiteral("4.7.0")
            << QStringLiteral("temporary failure concerning security or "
                              "policy; the code gives no further "
                              "detail; retry later");
        QTest::newRow("5.3.4") << QStringLiteral("5.3.4")
                               << QStringLiteral("permanent failure, mail system: message too big "
                                                 "for the system; make the message smaller, do "
                                                 "not retry");
        QTest::newRow("unregistered detail")
            << QStringLiteral("5.1.99")
            << QStringLiteral("permanent failure, addressing: detail 99, which is not a "
                              "registered code; do not retry unchanged");
    }
    void enhancedStatus()
    {
        QFETCH(QString, code);
        QFETCH(QString, expected);
        EnhancedStatus status;
        QVERIFY(EnhancedStatus::parse(code.toLatin1(), &status) > 0);
        QCOMPARE(SmtpExplain::enhancedStatus(status), expected);
    }

    void replyCode_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("contains");
        QTest::newRow("greeting") << 220 << QString() << QStringLiteral("greeting");
        QTest::newRow("starttls 220")
            << 220 << QStringLiteral("STARTTLS") << QStringLiteral("TLS handshake");
        QTest::newRow("rcpt 250") << 250 << QStringLiteral("RCPT")
                                  << QStringLiteral("recipient accepted");
        QTest::newRow("mail 250") << 250 << QStringLiteral("MAIL")
                                  << QStringLiteral("sender accepted");
        QTest::newRow("end of data")
            << 250 << QStringLiteral(".") << QStringLiteral("message accepted");
        QTest::newRow("ehlo") << 250 << QStringLiteral("EHLO") << QStringLiteral("extensions");
        QTest::newRow("354") << 354 << QStringLiteral("DATA") << QStringLiteral("\".\"");
        QTest::newRow("334") << 334 << QStringLiteral("AUTH") << QStringLiteral("challenge");
        QTest::newRow("235") << 235 << QStringLiteral("AUTH") << QStringLiteral("succeeded");
        QTest::newRow("rcpt 550") << 550 << QStringLiteral("RCPT")
                                  << QStringLiteral("recipient was refused");
        QTest::newRow("550 alone") << 550 << QString() << QStringLiteral("mailbox unavailable");
        QTest::newRow("421") << 421 << QString() << QStringLiteral("closing the connection");
        QTest::newRow("503") << 503 << QString() << QStringLiteral("bad sequence");
        QTest::newRow("535") << 535 << QString() << QStringLiteral("credentials invalid");
        QTest::newRow("unknown 4xx") << 499 << QString() << QStringLiteral("temporary failure");
        QTest::newRow("unknown 2xx") << 299 << QString() << QStringLiteral("positive completion");
    }
    void replyCode()
    {
        QFETCH(int, code);
        QFETCH(QString, command);
        QFETCH(QString, contains);
        const QString text = SmtpExplain::replyCode(code, command);
        QVERIFY2(text.contains(contains), qPrintable(text));
    }

    void serverLine_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("expected");
        QTest::newRow("550 5.1.1")
            << QStringLiteral("550 5.1.1 No such user") << QStringLiteral("RCPT")
            << QStringLiteral("550 5.1.1 \u2014 this recipient was refused (others may still be "
                              "accepted); permanent failure, addressing: bad destination mailbox; "
                              "fix the address, do not retry");
        QTest::newRow("continuation line")
            << QStringLiteral("250-2.1.0 Sender ok") << QStringLiteral("MAIL")
            << QStringLiteral("250 2.1.0 \u2014 sender accepted; success concerning addressing; "
                              "the code gives no further detail");
        QTest::newRow("no enhanced code, failure")
            << QStringLiteral("451 try later") << QString()
            << QStringLiteral("451 \u2014 local error in processing: the server had a problem; "
                              "retry later");
        // An enhanced code of another class than the reply is not one (RFC 3463 section 2).
        QTest::newRow("mismatched class")
            << QStringLiteral("250 5.1.1 odd") << QStringLiteral("RCPT")
            << QStringLiteral("250 \u2014 recipient accepted");
        QTest::newRow("bare code")
            << QStringLiteral("221") << QStringLiteral("QUIT")
            << QStringLiteral("221 \u2014 the server is closing the connection");
        QTest::newRow("not a reply") << QStringLiteral("hello there") << QString() << QString();
        QTest::newRow("bad separator")
            << QStringLiteral("250xPIPELINING") << QString() << QString();
        QTest::newRow("out of range") << QStringLiteral("999 what") << QString() << QString();
    }
    void serverLine()
    {
        QFETCH(QString, line);
        QFETCH(QString, command);
        QFETCH(QString, expected);
        QCOMPARE(SmtpExplain::serverLine(line, command), expected);
    }

    void command_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QStringList>("contains");
        QTest::newRow("ehlo") << QStringLiteral("EHLO client.example") << QStringLiteral("EHLO")
                              << QStringList{QStringLiteral("client.example"),
                                             QStringLiteral("extensions")};
        QTest::newRow("mail with params")
            << QStringLiteral("MAIL FROM:<a@example.org> SIZE=2048 BODY=8BITMIME SMTPUTF8")
            << QStringLiteral("MAIL")
            << QStringList{QStringLiteral("envelope sender"), QStringLiteral("2.0 KB"),
                           QStringLiteral("8-bit"), QStringLiteral("UTF-8")};
        QTest::newRow("rcpt") << QStringLiteral("RCPT TO:<b@example.org> NOTIFY=FAILURE")
                              << QStringLiteral("RCPT")
                              << QStringList{QStringLiteral("Bcc"),
                                             QStringLiteral("NOTIFY=FAILURE")};
        // The article's "MAIL FROM: <...>": the path is no parameter, and the space is said.
        QTest::newRow("mail, space after the colon")
            << QStringLiteral("MAIL FROM: <a@example.org> SIZE=10") << QStringLiteral("MAIL")
            << QStringList{QStringLiteral("space after \"FROM:\""), QStringLiteral("501"),
                           QStringLiteral("SIZE=10 declares")};
        QTest::newRow("lower case")
            << QStringLiteral("rcpt to:<b@example.org>") << QStringLiteral("RCPT")
            << QStringList{QStringLiteral("envelope recipient")};
        QTest::newRow("data") << QStringLiteral("DATA") << QStringLiteral("DATA")
                              << QStringList{QStringLiteral("354")};
        QTest::newRow("dot") << QStringLiteral(".") << QStringLiteral(".")
                             << QStringList{QStringLiteral("end of the message")};
        QTest::newRow("bdat last") << QStringLiteral("BDAT 1048576 LAST") << QStringLiteral("BDAT")
                                   << QStringList{QStringLiteral("1.0 MB"), QStringLiteral("LAST")};
        QTest::newRow("auth plain")
            << QStringLiteral("AUTH PLAIN ********") << QStringLiteral("AUTH")
            << QStringList{QStringLiteral("PLAIN"), QStringLiteral("TLS")};
        QTest::newRow("auth cram") << QStringLiteral("AUTH CRAM-MD5") << QStringLiteral("AUTH")
                                   << QStringList{QStringLiteral("never sent")};
        QTest::newRow("starttls") << QStringLiteral("STARTTLS") << QStringLiteral("STARTTLS")
                                  << QStringList{QStringLiteral("RFC 3207")};
        QTest::newRow("quit") << QStringLiteral("QUIT") << QStringLiteral("QUIT")
                              << QStringList{QStringLiteral("221")};
        QTest::newRow("rset") << QStringLiteral("RSET") << QStringLiteral("RSET")
                              << QStringList{QStringLiteral("abandons")};
    }
    void command()
    {
        QFETCH(QString, line);
        QFETCH(QString, verb);
        QFETCH(QStringList, contains);
        QCOMPARE(SmtpExplain::commandVerb(line), verb);
        const QString text = SmtpExplain::command(line);
        for (const QString &part : contains)
            QVERIFY2(text.contains(part), qPrintable(text));
    }

    void notACommand()
    {
        // Authentication answers and message data are not commands.
        QVERIFY(SmtpExplain::command(QStringLiteral("dXNlcgBwYXNz")).isEmpty());
        QVERIFY(SmtpExplain::command(QString()).isEmpty());
    }

    void extension_data()
    {
        QTest::addColumn<QByteArray>("keyword");
        QTest::addColumn<QByteArray>("parameters");
        QTest::addColumn<QString>("contains");
        QTest::newRow("size") << QByteArray("SIZE") << QByteArray("52428800")
                              << QStringLiteral("50.0 MB");
        QTest::newRow("size no limit")
            << QByteArray("SIZE") << QByteArray() << QStringLiteral("no fixed limit");
        QTest::newRow("pipelining")
            << QByteArray("PIPELINING") << QByteArray() << QStringLiteral("without waiting");
        QTest::newRow("auth") << QByteArray("AUTH") << QByteArray("PLAIN LOGIN")
                              << QStringLiteral("PLAIN LOGIN");
        QTest::newRow("lower case")
            << QByteArray("starttls") << QByteArray() << QStringLiteral("TLS");
        QTest::newRow("8bitmime") << QByteArray("8BITMIME") << QByteArray()
                                  << QStringLiteral("8-bit");
        QTest::newRow("smtputf8") << QByteArray("SMTPUTF8") << QByteArray()
                                  << QStringLiteral("UTF-8");
        QTest::newRow("chunking") << QByteArray("CHUNKING") << QByteArray()
                                  << QStringLiteral("BDAT");
        QTest::newRow("dsn") << QByteArray("DSN") << QByteArray()
                             << QStringLiteral("delivery status");
        QTest::newRow("enhanced") << QByteArray("ENHANCEDSTATUSCODES") << QByteArray()
                                  << QStringLiteral("5.1.1");
        QTest::newRow("requiretls")
            << QByteArray("REQUIRETLS") << QByteArray() << QStringLiteral("every hop");
        QTest::newRow("vendor") << QByteArray("X-EXPS") << QByteArray("GSSAPI")
                                << QStringLiteral("non-standard");
        QTest::newRow("unknown") << QByteArray("FROBNICATE") << QByteArray()
                                 << QStringLiteral("does not know");
    }
    void extension()
    {
        QFETCH(QByteArray, keyword);
        QFETCH(QByteArray, parameters);
        QFETCH(QString, contains);
        const QString text = SmtpExplain::extension(keyword, parameters);
        QVERIFY2(text.contains(contains), qPrintable(text));
    }

    // A server's challenge is decoded in the explanation of its line, in the pane and in
    // --explain alike; what the client answered stays hidden.
    void challengeDecoded_data()
    {
        QTest::addColumn<QString>("authLine");
        QTest::addColumn<bool>("continuation"); // the reply answers a response, not AUTH
        QTest::addColumn<QString>("reply");
        QTest::addColumn<QString>("contains");
        QTest::newRow("login user name")
            << QStringLiteral("AUTH LOGIN") << false << QStringLiteral("334 VXNlcm5hbWU6")
            << QStringLiteral("decoded: \"Username:\", the server asks for the user name");
        QTest::newRow("login password")
            << QStringLiteral("AUTH LOGIN") << true << QStringLiteral("334 UGFzc3dvcmQ6")
            << QStringLiteral("decoded: \"Password:\", the server asks for the password");
        QTest::newRow("cram-md5")
            << QStringLiteral("AUTH CRAM-MD5") << false
            << QStringLiteral("334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+")
            << QStringLiteral("the challenge, decoded: "
                              "\"<1896.697170952@postoffice.reston.mci.net>\"");
        QTest::newRow("plain waits")
            << QStringLiteral("AUTH PLAIN") << false << QStringLiteral("334 ")
            << QStringLiteral("waits for the client's first response");
        QTest::newRow("xoauth2 error")
            << QStringLiteral("AUTH XOAUTH2 ********") << false
            << QStringLiteral("334 eyJzdGF0dXMiOiI0MDEifQ==")
            << QStringLiteral("decoded: {\"status\":\"401\"}, the server's reason");
        QTest::newRow("binary") << QStringLiteral("AUTH X-ODD") << false
                                << QStringLiteral("334 AAECAw==")
                                << QStringLiteral("a binary challenge of 4 bytes");
    }
    void challengeDecoded()
    {
        QFETCH(QString, authLine);
        QFETCH(bool, continuation);
        QFETCH(QString, reply);
        QFETCH(QString, contains);
        TranscriptEntry e;
        e.direction = TranscriptEntry::Direction::Server;
        e.text = reply;
        e.replyCode = 334;
        e.lastLineOfReply = true;
        e.command.kind =
            continuation ? TranscriptCommand::Kind::AuthContinue : TranscriptCommand::Kind::Auth;
        e.command.line = continuation ? QStringLiteral("********") : authLine;
        e.command.id = 3;
        const QString meaning = SmtpExplain::entry(e);
        QVERIFY2(meaning.contains(contains), qPrintable(meaning));
        // The client's answer is never decoded, even when it is base64 of plain text.
        TranscriptEntry answer;
        answer.direction = TranscriptEntry::Direction::Client;
        answer.text = QStringLiteral("YW5h"); // "ana"
        answer.command.kind = TranscriptCommand::Kind::AuthContinue;
        answer.command.line = answer.text;
        QVERIFY(!SmtpExplain::entry(answer).contains(QStringLiteral("ana")));
    }

    void formatSize_data()
    {
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bytes") << qint64(512) << QStringLiteral("512 B");
        QTest::newRow("kb") << qint64(1536) << QStringLiteral("1.5 KB");
        QTest::newRow("mb") << qint64(13002342) << QStringLiteral("12.4 MB");
        QTest::newRow("gb") << qint64(3) * 1024 * 1024 * 1024 << QStringLiteral("3.0 GB");
    }
    void formatSize()
    {
        QFETCH(qint64, bytes);
        QFETCH(QString, expected);
        QCOMPARE(SmtpExplain::formatSize(bytes), expected);
    }
};

QTEST_GUILESS_MAIN(TestExplain)
#include "tst_explain.moc"
