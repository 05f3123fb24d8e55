// The incremental reply parser: whatever way the bytes arrive (all at once, split anywhere, one
// at a time) the same replies come out, and broken input ends in a named error, never a hang.
#include "smtp/smtpreply.h"

#include <QtTest>

using Error = SmtpReplyParser::Error;

namespace {

// "code [enhanced] line1|line2": compact enough to write expectations as one string.
QString describe(const SmtpReply &reply)
{
    QStringList lines;
    for (const QByteArray &line : reply.lines)
        lines << QString::fromUtf8(line);
    return QStringLiteral("%1 [%2] %3")
        .arg(reply.code)
        .arg(reply.enhanced.toString(), lines.join(QLatin1Char('|')));
}

struct Outcome
{
    QStringList replies;
    Error error = Error::None;
    bool partial = false;
};

Outcome feedPieces(const QList<QByteArray> &pieces)
{
    SmtpReplyParser parser;
    Outcome out;
    for (const QByteArray &piece : pieces) {
        const bool ok = parser.feed(piece);
        if (ok != (parser.error() == Error::None))
            qFatal("feed() result disagrees with error()");
        while (parser.hasReply())
            out.replies << describe(parser.takeReply());
        if (!ok)
            break;
    }
    out.error = parser.error();
    out.partial = parser.hasPartialReply();
    return out;
}

QByteArray repeat(char c, qsizetype n)
{
    return QByteArray(n, c);
}

} // namespace

class TestSmtpReply : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QStringList>("replies");
        QTest::addColumn<int>("error");
        QTest::addColumn<bool>("partial");
        const int none = int(Error::None);

        QTest::newRow("single line")
            << QByteArray("220 mail.example.org ESMTP Postfix\r\n")
            << QStringList{QStringLiteral("220 [] mail.example.org ESMTP Postfix")} << none
            << false;
        QTest::newRow("code without text")
            << QByteArray("250\r\n") << QStringList{QStringLiteral("250 [] ")} << none << false;
        QTest::newRow("code and space only")
            << QByteArray("250 \r\n") << QStringList{QStringLiteral("250 [] ")} << none << false;
        QTest::newRow("empty continuation")
            << QByteArray("250-\r\n250 done\r\n") << QStringList{QStringLiteral("250 [] |done")}
            << none << false;
        QTest::newRow("multi-line EHLO")
            << QByteArray("250-mail.example.org\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250 "
                          "8BITMIME\r\n")
            << QStringList{QStringLiteral(
                   "250 [] mail.example.org|PIPELINING|SIZE 10240000|8BITMIME")}
            << none << false;
        QTest::newRow("several replies in one read (pipelining)")
            << QByteArray("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n554 5.7.1 <b@x>: Relay access "
                          "denied\r\n354 End data with <CR><LF>.<CR><LF>\r\n")
            << QStringList{QStringLiteral("250 [2.1.0] 2.1.0 Ok"),
                           QStringLiteral("250 [2.1.5] 2.1.5 Ok"),
                           QStringLiteral("554 [5.7.1] 5.7.1 <b@x>: Relay access denied"),
                           QStringLiteral("354 [] End data with <CR><LF>.<CR><LF>")}
            << none << false;
        QTest::newRow("multi-line then single")
            << QByteArray("250-a\r\n250 b\r\n221 bye\r\n")
            << QStringList{QStringLiteral("250 [] a|b"), QStringLiteral("221 [] bye")} << none
            << false;
        QTest::newRow("bare LF endings")
            << QByteArray("220 hi\n250-a\n250 b\n")
            << QStringList{QStringLiteral("220 [] hi"), QStringLiteral("250 [] a|b")} << none
            << false;
        QTest::newRow("mixed endings")
            << QByteArray("250-a\n250 b\r\n") << QStringList{QStringLiteral("250 [] a|b")} << none
            << false;
        QTest::newRow("UTF-8 text")
            << QByteArray("550 5.1.1 Empf\xc3\xa4nger unbekannt\r\n")
            << QStringList{QStringLiteral("550 [5.1.1] 5.1.1 Empf\u00e4nger unbekannt")} << none
            << false;
        QTest::newRow("enhanced only")
            << QByteArray("250 2.0.0\r\n") << QStringList{QStringLiteral("250 [2.0.0] 2.0.0")}
            << none << false;
        QTest::newRow("enhanced three-digit parts")
            << QByteArray("451 4.123.999 later\r\n")
            << QStringList{QStringLiteral("451 [4.123.999] 4.123.999 later")} << none << false;
        QTest::newRow("enhanced on first line of multi-line")
            << QByteArray("550-5.7.1 first\r\n550 5.7.1 second\r\n")
            << QStringList{QStringLiteral("550 [5.7.1] 5.7.1 first|5.7.1 second")} << none << false;
        // Enhanced codes that are not taken: the class must match the reply's first digit.
        QTest::newRow("enhanced class mismatch")
            << QByteArray("550 2.1.1 odd\r\n") << QStringList{QStringLiteral("550 [] 2.1.1 odd")}
            << none << false;
        QTest::newRow("enhanced class 3")
            << QByteArray("354 3.0.0 go\r\n") << QStringList{QStringLiteral("354 [] 3.0.0 go")}
            << none << false;
        QTest::newRow("enhanced two parts")
            << QByteArray("250 2.0 ok\r\n") << QStringList{QStringLiteral("250 [] 2.0 ok")} << none
            << false;
        QTest::newRow("enhanced glued to text")
            << QByteArray("250 2.0.0ok\r\n") << QStringList{QStringLiteral("250 [] 2.0.0ok")}
            << none << false;
        QTest::newRow("enhanced subject too long")
            << QByteArray("250 2.1000.0 x\r\n") << QStringList{QStringLiteral("250 [] 2.1000.0 x")}
            << none << false;
        QTest::newRow("enhanced two-digit class")
            << QByteArray("250 25.0.0 x\r\n") << QStringList{QStringLiteral("250 [] 25.0.0 x")}
            << none << false;
        QTest::newRow("partial multi-line")
            << QByteArray("250-first\r\n250 sec") << QStringList{} << none << true;
        QTest::newRow("complete then partial")
            << QByteArray("250 ok\r\n354 go") << QStringList{QStringLiteral("250 [] ok")} << none
            << true;
        // RFC 5321 section 4.2: first digit 2-5, second 0-5, third 0-9.
        QTest::newRow("highest valid code 559")
            << QByteArray("559 x\r\n") << QStringList{QStringLiteral("559 [] x")} << none << false;
        QTest::newRow("lowest valid code 200")
            << QByteArray("200 x\r\n") << QStringList{QStringLiteral("200 [] x")} << none << false;
        for (const char *code : {"100", "199", "600", "999", "000", "260", "290", "460", "570"}) {
            QTest::addRow("unknown code %s", code)
                << QByteArray(code) + " hello\r\n"
                << QStringList{} << int(Error::UnknownCode) << false;
        }
        QTest::newRow("unknown code in continuation")
            << QByteArray("250-a\r\n650 b\r\n") << QStringList{} << int(Error::UnknownCode) << true;
        QTest::newRow("inconsistent codes") << QByteArray("250-a\r\n251 b\r\n") << QStringList{}
                                            << int(Error::InconsistentCode) << true;
        QTest::newRow("inconsistent after good reply")
            << QByteArray("221 bye\r\n250-a\r\n550 b\r\n")
            << QStringList{QStringLiteral("221 [] bye")} << int(Error::InconsistentCode) << true;
        QTest::newRow("garbage text")
            << QByteArray("hello world\r\n") << QStringList{} << int(Error::Malformed) << false;
        QTest::newRow("binary junk") << QByteArray("\x00\xff\xfe\x80\x01\r\n", 7) << QStringList{}
                                     << int(Error::Malformed) << false;
        QTest::newRow("HTTP response") << QByteArray("HTTP/1.1 400 Bad Request\r\n")
                                       << QStringList{} << int(Error::Malformed) << false;
        QTest::newRow("two-digit code")
            << QByteArray("25 ok\r\n") << QStringList{} << int(Error::Malformed) << false;
        QTest::newRow("four-digit code")
            << QByteArray("2500 ok\r\n") << QStringList{} << int(Error::Malformed) << false;
        QTest::newRow("wrong separator")
            << QByteArray("250:ok\r\n") << QStringList{} << int(Error::Malformed) << false;
        QTest::newRow("leading space")
            << QByteArray(" 250 ok\r\n") << QStringList{} << int(Error::Malformed) << false;
        QTest::newRow("empty line")
            << QByteArray("\r\n") << QStringList{} << int(Error::Malformed) << false;
        QTest::newRow("replies before junk are kept")
            << QByteArray("250 ok\r\n\x16\x03\x01\x02\x00\r\n", 15)
            << QStringList{QStringLiteral("250 [] ok")} << int(Error::Malformed) << false;
        QTest::newRow("line at the limit")
            << QByteArray("250 " + repeat('a', SmtpReplyParser::MaxLineLength - 4) + "\r\n")
            << QStringList{QStringLiteral("250 [] ") +
                           QString(SmtpReplyParser::MaxLineLength - 4, QLatin1Char('a'))}
            << none << false;
        QTest::newRow("line one over the limit")
            << QByteArray("250 " + repeat('a', SmtpReplyParser::MaxLineLength - 3) + "\r\n")
            << QStringList{} << int(Error::LineTooLong) << false;
        QTest::newRow("5 KB line") << QByteArray("250 " + repeat('b', 5000) + "\r\n")
                                   << QStringList{} << int(Error::LineTooLong) << false;
        QTest::newRow("5 KB without line end") << QByteArray("250 " + repeat('c', 5000))
                                               << QStringList{} << int(Error::LineTooLong) << false;
        QTest::newRow("endless junk")
            << repeat('\xff', 20000) << QStringList{} << int(Error::LineTooLong) << false;
    }

    void parse()
    {
        QFETCH(QByteArray, input);
        QFETCH(QStringList, replies);
        QFETCH(int, error);
        QFETCH(bool, partial);
        const Outcome out = feedPieces({input});
        QCOMPARE(out.replies, replies);
        QCOMPARE(int(out.error), error);
        if (out.error == Error::None)
            QCOMPARE(out.partial, partial);
    }

    // The same input split in two at every byte position gives the same result.
    void splitAtEveryPosition_data() { parse_data(); }
    void splitAtEveryPosition()
    {
        QFETCH(QByteArray, input);
        QFETCH(QStringList, replies);
        QFETCH(int, error);
        QFETCH(bool, partial);
        for (qsizetype at = 0; at <= input.size(); ++at) {
            const Outcome out = feedPieces({input.left(at), input.mid(at)});
            const QByteArray where = "split at " + QByteArray::number(at);
            QVERIFY2(out.replies == replies, where.constData());
            QVERIFY2(int(out.error) == error, where.constData());
            if (error == int(Error::None))
                QVERIFY2(out.partial == partial, where.constData());
        }
    }

    void byteByByte_data() { parse_data(); }
    void byteByByte()
    {
        QFETCH(QByteArray, input);
        QFETCH(QStringList, replies);
        QFETCH(int, error);
        QList<QByteArray> bytes;
        for (const char c : input)
            bytes << QByteArray(1, c);
        const Outcome out = feedPieces(bytes);
        QCOMPARE(out.replies, replies);
        QCOMPARE(int(out.error), error);
    }

    // The bounds of one reply: up to them a reply passes, one line or byte over fails, and
    // the error ends the reply whatever comes after (no later reply is taken).
    void replyBounds_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("replies");
        QTest::addColumn<int>("error");
        const qsizetype maxLines = SmtpReplyParser::MaxReplyLines;
        auto lines = [](qsizetype n, const QByteArray &text) -> QByteArray {
            QByteArray out;
            for (qsizetype i = 0; i < n - 1; ++i)
                out += "250-" + text + "\r\n";
            return out + "250 " + text + "\r\n";
        };
        // Lines of the longest length; as many as fit within the byte bound, and one more.
        const QByteArray full = repeat('k', SmtpReplyParser::MaxLineLength - 4);
        const qsizetype fit = SmtpReplyParser::MaxReplyBytes / full.size();
        QTest::newRow("lines at the bound") << lines(maxLines, "X") << 1 << int(Error::None);
        QTest::newRow("one line over") << lines(maxLines + 1, "X") << 0 << int(Error::ReplyTooLong);
        QTest::newRow("empty lines over")
            << lines(maxLines + 1, {}) << 0 << int(Error::ReplyTooLong);
        QTest::newRow("bytes at the bound") << lines(fit, full) << 1 << int(Error::None);
        QTest::newRow("bytes over") << lines(fit + 1, full) << 0 << int(Error::ReplyTooLong);
        QTest::newRow("bound is per reply")
            << lines(maxLines, "a") + lines(maxLines, "b") + lines(fit, full) << 3
            << int(Error::None);
        QTest::newRow("later replies not taken") << lines(maxLines + 1, "X") + "250 ok\r\n"
                                                 << 0 << int(Error::ReplyTooLong);
    }
    void replyBounds()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, replies);
        QFETCH(int, error);
        // Whole, and in reads that split lines anywhere.
        for (const qsizetype piece : {input.size(), qsizetype(1000), qsizetype(4093)}) {
            QList<QByteArray> pieces;
            for (qsizetype at = 0; at < input.size(); at += piece)
                pieces << input.mid(at, piece);
            const Outcome out = feedPieces(pieces);
            QCOMPARE(out.replies.size(), replies);
            QCOMPARE(int(out.error), error);
        }
    }

    // An endless "250-" continuation (seen: 5.75 GB in 34 s before the bound) ends as an error
    // as soon as the bound is passed, not when the server stops sending.
    void endlessContinuationStopsAtTheBound()
    {
        SmtpReplyParser parser;
        const QByteArray line = "250-EXTENSION-" + repeat('e', 40) + "\r\n";
        qsizetype fed = 0;
        for (int i = 0; i < 200000 && parser.feed(line); ++i)
            ++fed;
        QCOMPARE(parser.error(), Error::ReplyTooLong);
        QCOMPARE(fed, SmtpReplyParser::MaxReplyLines);
        QVERIFY(!parser.hasReply());
        QVERIFY2(parser.errorString().contains(QLatin1String("1000 lines")),
                 qPrintable(parser.errorString()));
        // Sticky: nothing more is parsed or held.
        QVERIFY(!parser.feed(line));
        QVERIFY(!parser.feed("250 done\r\n"));
        QVERIFY(!parser.hasReply());
    }

    // A line of exactly the maximum length whose CR and LF arrive in separate reads.
    void lineAtLimitWithCrAndLfSplit()
    {
        SmtpReplyParser parser;
        const QByteArray line = "250 " + repeat('x', SmtpReplyParser::MaxLineLength - 4);
        QVERIFY(parser.feed(line + '\r'));
        QVERIFY(parser.feed("\n"));
        QVERIFY(parser.hasReply());
        QCOMPARE(parser.takeReply().lines.value(0).size(), SmtpReplyParser::MaxLineLength - 4);
    }

    void errorIsStickyUntilReset()
    {
        SmtpReplyParser parser;
        QVERIFY(!parser.feed("junk\r\n"));
        QCOMPARE(parser.error(), Error::Malformed);
        QVERIFY(parser.errorString().contains(QLatin1String("junk")));
        QVERIFY(!parser.feed("250 ok\r\n"));
        QVERIFY(!parser.hasReply());
        parser.reset();
        QCOMPARE(parser.error(), Error::None);
        QVERIFY(parser.errorString().isEmpty());
        QVERIFY(parser.feed("250 ok\r\n"));
        QVERIFY(parser.hasReply());
        QCOMPARE(parser.takeReply().code, 250);
        QVERIFY(!parser.hasPartialReply());
    }

    void errorStrings_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown") << QByteArray("600 x\r\n")
                                 << QStringLiteral("unknown reply code 600");
        QTest::newRow("inconsistent") << QByteArray("250-a\r\n251 b\r\n")
                                      << QStringLiteral("changes the code of a 250 reply");
        QTest::newRow("too long") << QByteArray("250 " + repeat('a', 5000) + "\n")
                                  << QStringLiteral("4096");
        QByteArray many;
        for (int i = 0; i < 2000; ++i)
            many += "250-x\r\n";
        QTest::newRow("too many lines")
            << many << QStringLiteral("a 250 reply of more than 1000 lines");
        QByteArray big;
        for (int i = 0; i < 100; ++i)
            big += "550-" + repeat('b', 4000) + "\r\n";
        QTest::newRow("too many bytes")
            << big << QStringLiteral("a 550 reply of more than 262144 bytes");
        // Control characters in the quoted text are made visible, not passed on.
        QTest::newRow("binary") << QByteArray("\x1b[2J\x07\r\n")
                                << QStringLiteral("\"\\x1b[2J\\x07\"");
    }
    void errorStrings()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, mentions);
        SmtpReplyParser parser;
        QVERIFY(!parser.feed(input));
        QVERIFY2(parser.errorString().contains(mentions), qPrintable(parser.errorString()));
    }

    void replyText_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QByteArrayList>("raw");
        QTest::newRow("enhanced") << QByteArray("550 5.1.1 No such user\r\n")
                                  << QStringLiteral("550 5.1.1 No such user")
                                  << QStringLiteral("No such user")
                                  << QByteArrayList{"550 5.1.1 No such user"};
        QTest::newRow("multi-line enhanced")
            << QByteArray("554-5.7.1 Message rejected\r\n554 5.7.1 See the policy\r\n")
            << QStringLiteral("554 5.7.1 Message rejected / See the policy")
            << QStringLiteral("Message rejected / See the policy")
            << QByteArrayList{"554-5.7.1 Message rejected", "554 5.7.1 See the policy"};
        QTest::newRow("plain") << QByteArray("250-a\r\n250 SIZE 1000\r\n")
                               << QStringLiteral("250 a / SIZE 1000")
                               << QStringLiteral("a / SIZE 1000")
                               << QByteArrayList{"250-a", "250 SIZE 1000"};
        QTest::newRow("no text") << QByteArray("250\r\n") << QStringLiteral("250") << QString()
                                 << QByteArrayList{"250"};
        QTest::newRow("empty continuation")
            << QByteArray("250-\r\n250 x\r\n") << QStringLiteral("250  / x")
            << QStringLiteral(" / x") << QByteArrayList{"250-", "250 x"};
    }
    // Server bytes for people: a CR that would print "OK" over a failure, escape sequences,
    // NUL, BEL and bytes that are not UTF-8 reach toString(), message() and displayLine()
    // escaped; rawLine() stays the wire.
    void replyTextEscapesControls_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("display");
        QTest::newRow("CR overwrite")
            << QByteArray("554 5.7.1 refused\rOK: message accepted\r\n")
            << QStringLiteral("554 5.7.1 refused\\rOK: message accepted")
            << QStringList{QStringLiteral("554 5.7.1 refused\\rOK: message accepted")};
        QTest::newRow("escape sequence and bell")
            << QByteArray("550-\x1b]0;title\x07\r\n550 \x1b[31mred\r\n")
            << QStringLiteral("550 \\x1b]0;title\\x07 / \\x1b[31mred")
            << QStringList{QStringLiteral("550-\\x1b]0;title\\x07"),
                           QStringLiteral("550 \\x1b[31mred")};
        QTest::newRow("NUL and DEL")
            << QByteArray("250 a\0b\x7f\r\n", 10) << QStringLiteral("250 a\\0b\\x7f")
            << QStringList{QStringLiteral("250 a\\0b\\x7f")};
        QTest::newRow("not UTF-8 and C1")
            << QByteArray("250 \xff\xc2\x9b"
                          "2J \xc3\xa4\r\n")
            << QStringLiteral("250 \\xff\\u009b2J \u00e4")
            << QStringList{QStringLiteral("250 \\xff\\u009b2J \u00e4")};
    }
    void replyTextEscapesControls()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, text);
        QFETCH(QStringList, display);
        SmtpReplyParser parser;
        QVERIFY(parser.feed(input));
        QVERIFY(parser.hasReply());
        const SmtpReply reply = parser.takeReply();
        QCOMPARE(reply.toString(), text);
        QStringList shown;
        QByteArray raw;
        for (qsizetype i = 0; i < reply.lines.size(); ++i) {
            shown << reply.displayLine(i);
            raw += reply.rawLine(i) + "\r\n";
        }
        QCOMPARE(shown, display);
        QCOMPARE(raw, input);
    }

    void replyText()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, text);
        QFETCH(QString, message);
        QFETCH(QByteArrayList, raw);
        SmtpReplyParser parser;
        QVERIFY(parser.feed(input));
        QVERIFY(parser.hasReply());
        const SmtpReply reply = parser.takeReply();
        QCOMPARE(reply.toString(), text);
        QCOMPARE(reply.message(), message);
        QCOMPARE(reply.lines.size(), raw.size());
        for (qsizetype i = 0; i < raw.size(); ++i)
            QCOMPARE(reply.rawLine(i), raw[i]);
    }

    void classification_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("positive");
        QTest::addColumn<bool>("intermediate");
        QTest::addColumn<bool>("transient");
        QTest::addColumn<bool>("permanent");
        QTest::newRow("220") << 220 << true << false << false << false;
        QTest::newRow("250") << 250 << true << false << false << false;
        QTest::newRow("334") << 334 << true << true << false << false;
        QTest::newRow("354") << 354 << true << true << false << false;
        QTest::newRow("421") << 421 << false << false << true << false;
        QTest::newRow("452") << 452 << false << false << true << false;
        QTest::newRow("500") << 500 << false << false << false << true;
        QTest::newRow("554") << 554 << false << false << false << true;
    }
    void classification()
    {
        QFETCH(int, code);
        QFETCH(bool, positive);
        QFETCH(bool, intermediate);
        QFETCH(bool, transient);
        QFETCH(bool, permanent);
        SmtpReplyParser parser;
        QVERIFY(parser.feed(QByteArray::number(code) + " x\r\n"));
        const SmtpReply reply = parser.takeReply();
        QVERIFY(reply.isValid());
        QCOMPARE(reply.isPositive(), positive);
        QCOMPARE(reply.isIntermediate(), intermediate);
        QCOMPARE(reply.isTransientFailure(), transient);
        QCOMPARE(reply.isPermanentFailure(), permanent);
        QVERIFY(!SmtpReply().isValid());
    }

    void enhancedStatusParse_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qsizetype>("consumed");
        QTest::addColumn<QString>("status");
        QTest::newRow("with text")
            << QByteArray("5.1.1 No") << qsizetype(6) << QStringLiteral("5.1.1");
        QTest::newRow("alone") << QByteArray("2.0.0") << qsizetype(5) << QStringLiteral("2.0.0");
        QTest::newRow("class 4") << QByteArray("4.4.2 x") << qsizetype(6)
                                 << QStringLiteral("4.4.2");
        QTest::newRow("class 1") << QByteArray("1.0.0 x") << qsizetype(0) << QString();
        QTest::newRow("empty") << QByteArray() << qsizetype(0) << QString();
        QTest::newRow("dots only") << QByteArray("..") << qsizetype(0) << QString();
        QTest::newRow("trailing dot") << QByteArray("2.0.0. x") << qsizetype(0) << QString();
        QTest::newRow("letters") << QByteArray("2.a.0 x") << qsizetype(0) << QString();
    }
    void enhancedStatusParse()
    {
        QFETCH(QByteArray, text);
        QFETCH(qsizetype, consumed);
        QFETCH(QString, status);
        EnhancedStatus out;
        QCOMPARE(EnhancedStatus::parse(text, &out), consumed);
        QCOMPARE(out.toString(), status);
    }
};

QTEST_GUILESS_MAIN(TestSmtpReply)
#include "tst_smtpreply.moc"
