// The header explanations (one table for the pane and the command line) and the structure of a
// sent message as the transcript shows it: headers with their RFC 2047 words decoded, the tree
// of MIME parts with type, size and transfer encoding.
#include "mime/headerexplain.h"
#include "mime/messagestructure.h"

#include <QtTest>

namespace {

// multipart/mixed -> multipart/alternative -> text/plain, text/html; then a PDF attachment.
const QByteArray kMessage =
    "Date: Mon, 30 Nov 2026 02:41:53 +0000\r\n"
    "From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.org>\r\n"
    "To: Bo <bo@example.org>\r\n"
    "Subject: =?UTF-8?B?R3LDvMOfZQ==?= from the test\r\n"
    "Message-ID: <abc.123@example.org>\r\n"
    "MIME-Version: 1.0\r\n"
    "X-Tracking: 42\r\n"
    "Content-Type: multipart/mixed; boundary=\"outer\"\r\n"
    "\r\n"
    "--outer\r\n"
    "Content-Type: multipart/alternative; boundary=\"inner\"\r\n"
    "\r\n"
    "--inner\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n"
    "\r\n"
    "Gr=C3=BC=C3=9Fe\r\n"
    "--inner\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "\r\n"
    "<p>Hi</p>\r\n"
    "--inner--\r\n"
    "--outer\r\n"
    "Content-Type: application/pdf; name=\"report.pdf\"\r\n"
    "Content-Disposition: attachment; filename=\"report.pdf\"\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "\r\n"
    "JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSPj4Kc3RyZWFtCg==\r\n"
    "--outer--\r\n";

} // namespace

class TestHeaderExplain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void field_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QString>("contains");
        QTest::newRow("date") << QByteArray("Date")
                              << QStringLiteral("when the message was written");
        QTest::newRow("message-id") << QByteArray("Message-ID") << QStringLiteral("world-unique");
        QTest::newRow("any case") << QByteArray("message-id") << QStringLiteral("world-unique");
        QTest::newRow("mime-version") << QByteArray("MIME-Version") << QStringLiteral("MIME");
        QTest::newRow("content-type")
            << QByteArray("Content-Type") << QStringLiteral("boundary between parts");
        QTest::newRow("cte") << QByteArray("Content-Transfer-Encoding")
                             << QStringLiteral("quoted-printable or base64");
        QTest::newRow("from") << QByteArray("From") << QStringLiteral("not the envelope sender");
        QTest::newRow("to") << QByteArray("To") << QStringLiteral("RCPT TO");
        QTest::newRow("cc") << QByteArray("Cc") << QStringLiteral("copy");
        QTest::newRow("reply-to") << QByteArray("Reply-To") << QStringLiteral("never a command");
        QTest::newRow("subject") << QByteArray("Subject") << QStringLiteral("subject line");
        QTest::newRow("resent") << QByteArray("Resent-Date") << QStringLiteral("sent on again");
        QTest::newRow("private") << QByteArray("X-Tracking") << QStringLiteral("private field");
        QTest::newRow("unknown") << QByteArray("Frobnicate") << QString();
        QTest::newRow("x alone") << QByteArray("X-") << QString();
    }
    void field()
    {
        QFETCH(QByteArray, name);
        QFETCH(QString, contains);
        const QString meaning = HeaderExplain::field(name);
        if (contains.isEmpty())
            QVERIFY2(meaning.isEmpty(), qPrintable(meaning));
        else
            QVERIFY2(meaning.contains(contains), qPrintable(meaning));
    }

    void headers_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("decoded");
        QTest::addColumn<bool>("explained");
        QTest::newRow("date") << 0 << QStringLiteral("Date")
                              << QStringLiteral("Mon, 30 Nov 2026 02:41:53 +0000") << QString()
                              << true;
        QTest::newRow("encoded from")
            << 1 << QStringLiteral("From")
            << QStringLiteral("=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.org>")
            << QStringLiteral("J\u00fcrgen M\u00fcller <juergen@example.org>") << true;
        QTest::newRow("plain to") << 2 << QStringLiteral("To")
                                  << QStringLiteral("Bo <bo@example.org>") << QString() << true;
        QTest::newRow("encoded subject") << 3 << QStringLiteral("Subject")
                                         << QStringLiteral("=?UTF-8?B?R3LDvMOfZQ==?= from the test")
                                         << QStringLiteral("Gr\u00fc\u00dfe from the test") << true;
        QTest::newRow("private") << 6 << QStringLiteral("X-Tracking") << QStringLiteral("42")
                                 << QString() << true;
    }
    void headers()
    {
        QFETCH(int, index);
        QFETCH(QString, name);
        QFETCH(QString, raw);
        QFETCH(QString, decoded);
        QFETCH(bool, explained);
        const MimeParser::Part root = MimeParser::parse(kMessage);
        const QList<MessageStructure::Header> headers = MessageStructure::headers(root);
        QCOMPARE(headers.size(), 8);
        const MessageStructure::Header h = headers.value(index);
        QCOMPARE(h.name, name);
        QCOMPARE(h.raw, raw);
        QCOMPARE(h.decoded, decoded);
        QCOMPARE(!h.meaning.isEmpty(), explained);
    }

    void tree_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("depth");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QString>("describe");
        QTest::newRow("mixed") << 0 << 0 << QByteArray("multipart/mixed")
                               << QStringLiteral("2 parts");
        QTest::newRow("alternative")
            << 1 << 1 << QByteArray("multipart/alternative") << QStringLiteral("2 parts");
        QTest::newRow("plain") << 2 << 2 << QByteArray("text/plain")
                               << QStringLiteral("7 B (15 B as quoted-printable), utf-8");
        QTest::newRow("html") << 3 << 2 << QByteArray("text/html")
                              << QStringLiteral("9 B, 7bit, utf-8");
        QTest::newRow("attachment")
            << 4 << 1 << QByteArray("application/pdf")
            << QStringLiteral("report.pdf, 52 B (72 B as base64), attachment");
    }
    void tree()
    {
        QFETCH(int, index);
        QFETCH(int, depth);
        QFETCH(QByteArray, type);
        QFETCH(QString, describe);
        const MimeParser::Part root = MimeParser::parse(kMessage);
        const QList<MessageStructure::Node> nodes = MessageStructure::tree(root);
        QCOMPARE(nodes.size(), 5);
        const MessageStructure::Node n = nodes.value(index);
        QCOMPARE(n.depth, depth);
        QCOMPARE(n.type, type);
        QCOMPARE(n.describe(), describe);
    }
};

QTEST_MAIN(TestHeaderExplain)
#include "tst_headerexplain.moc"
