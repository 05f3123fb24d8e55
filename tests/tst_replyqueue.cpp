// The queue of commands awaiting replies: which reply codes can answer which command, and
// strict in-order matching of a pipelined group.
#include "smtp/replyqueue.h"

#include <QtTest>

using Kind = TranscriptCommand::Kind;
using Result = ReplyQueue::Match::Result;

Q_DECLARE_METATYPE(Kind)
Q_DECLARE_METATYPE(Result)

namespace {

SmtpReply reply(int code)
{
    SmtpReply r;
    r.code = code;
    r.lines << "text";
    return r;
}

ReplyQueue::Awaited awaited(Kind kind, int id, bool written = true)
{
    ReplyQueue::Awaited a;
    a.command.kind = kind;
    a.command.id = id;
    a.written = written;
    return a;
}

} // namespace

class TestReplyQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fits_data();
    void fits();
    void matchesInOrder_data();
    void matchesInOrder();
    void extraGoesBeforeThePlanned();
    void writtenUpdatesTheCommands();
};

void TestReplyQueue::fits_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("lastChunk");
    QTest::addColumn<bool>("fits");

    QTest::newRow("greeting 220") << Kind::Greeting << 220 << true << true;
    QTest::newRow("greeting 554") << Kind::Greeting << 554 << true << true;
    QTest::newRow("greeting 354") << Kind::Greeting << 354 << true << false;
    QTest::newRow("greeting 250") << Kind::Greeting << 250 << true << false;
    QTest::newRow("EHLO 250") << Kind::Ehlo << 250 << true << true;
    QTest::newRow("EHLO 334") << Kind::Ehlo << 334 << true << false;
    QTest::newRow("MAIL 250") << Kind::Mail << 250 << true << true;
    QTest::newRow("MAIL 354") << Kind::Mail << 354 << true << false;
    QTest::newRow("RCPT 550") << Kind::Rcpt << 550 << true << true;
    QTest::newRow("RCPT 251") << Kind::Rcpt << 251 << true << true;
    QTest::newRow("DATA 354") << Kind::Data << 354 << true << true;
    QTest::newRow("DATA 250") << Kind::Data << 250 << true << false;
    QTest::newRow("DATA 554") << Kind::Data << 554 << true << true;
    QTest::newRow("AUTH 334") << Kind::Auth << 334 << true << true;
    QTest::newRow("AUTH 235") << Kind::Auth << 235 << true << true;
    QTest::newRow("AUTH 354") << Kind::AuthContinue << 354 << true << false;
    QTest::newRow("end of data 250") << Kind::EndOfData << 250 << true << true;
    QTest::newRow("end of data 221") << Kind::EndOfData << 221 << true << false;
    QTest::newRow("end of data 251") << Kind::EndOfData << 251 << true << false;
    QTest::newRow("end of data 451") << Kind::EndOfData << 451 << true << true;
    QTest::newRow("BDAT LAST 250") << Kind::Bdat << 250 << true << true;
    QTest::newRow("BDAT LAST 221") << Kind::Bdat << 221 << true << false;
    QTest::newRow("BDAT chunk 251") << Kind::Bdat << 251 << false << true;
    QTest::newRow("RSET 250") << Kind::Rset << 250 << true << true;
    QTest::newRow("RSET 354") << Kind::Rset << 354 << true << false;
    QTest::newRow("QUIT 221") << Kind::Quit << 221 << true << true;
    QTest::newRow("QUIT 354") << Kind::Quit << 354 << true << false;
    QTest::newRow("a typed line 354") << Kind::Other << 354 << true << true;
    QTest::newRow("VRFY 252") << Kind::Vrfy << 252 << true << true;
    QTest::newRow("no command 250") << Kind::None << 250 << true << false;
}

void TestReplyQueue::fits()
{
    QFETCH(Kind, kind);
    QFETCH(int, code);
    QFETCH(bool, lastChunk);
    QFETCH(bool, fits);
    QCOMPARE(ReplyQueue::fits(kind, code, lastChunk), fits);
}

void TestReplyQueue::matchesInOrder_data()
{
    // A pipelined MAIL, RCPT, DATA group, then "." and QUIT; the codes arriving in order and
    // what each was matched with.
    QTest::addColumn<QList<int>>("codes");
    QTest::addColumn<QList<int>>("ids"); // the command each answers, -1: none
    QTest::addColumn<QList<Result>>("results");

    QTest::newRow("each reply its own command")
        << QList<int>{250, 550, 354} << QList<int>{1, 2, 3}
        << QList<Result>{Result::Answers, Result::Answers, Result::Answers};
    QTest::newRow("a swallowed reply shifts the rest: DATA gets a 250")
        << QList<int>{250, 250} << QList<int>{1, 2}
        << QList<Result>{Result::Answers, Result::Answers};
    QTest::newRow("DATA answered by 250 is the wrong kind")
        << QList<int>{250, 250, 250} << QList<int>{1, 2, 3}
        << QList<Result>{Result::Answers, Result::Answers, Result::WrongKind};
    QTest::newRow("a reply too many answers nothing")
        << QList<int>{250, 250, 354, 250} << QList<int>{1, 2, 3, -1}
        << QList<Result>{Result::Answers, Result::Answers, Result::Answers, Result::NoCommand};
}

void TestReplyQueue::matchesInOrder()
{
    QFETCH(QList<int>, codes);
    QFETCH(QList<int>, ids);
    QFETCH(QList<Result>, results);

    ReplyQueue queue;
    queue.expect(awaited(Kind::Mail, 1));
    queue.expect(awaited(Kind::Rcpt, 2));
    queue.expect(awaited(Kind::Data, 3));
    queue.expect(awaited(Kind::EndOfData, 4, false)); // planned, not yet written
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const ReplyQueue::Match m = queue.match(reply(codes[i]));
        QCOMPARE(m.result, results[i]);
        QCOMPARE(m.result == Result::NoCommand ? -1 : m.awaited.command.id, ids[i]);
    }
}

void TestReplyQueue::extraGoesBeforeThePlanned()
{
    ReplyQueue queue;
    queue.expect(awaited(Kind::Mail, 1));
    queue.expect(awaited(Kind::Rcpt, 2, false));
    queue.expectFirst(awaited(Kind::Noop, 3));
    QCOMPARE(queue.match(reply(250)).awaited.command.id, 1);
    QVERIFY(queue.waiting());
    QCOMPARE(queue.match(reply(250)).awaited.command.id, 3);
    QVERIFY(!queue.waiting()); // RCPT was never written: a reply now answers nothing
    QCOMPARE(queue.match(reply(250)).result, Result::NoCommand);
    queue.dropUnwritten();
    QVERIFY(queue.isEmpty());
}

void TestReplyQueue::writtenUpdatesTheCommands()
{
    ReplyQueue queue;
    queue.expect(awaited(Kind::Mail, 1, false));
    queue.expect(awaited(Kind::Rcpt, 2, false));
    TranscriptCommand mail;
    mail.kind = Kind::Mail;
    mail.id = 1;
    mail.group = 0;
    mail.groupIndex = 0;
    mail.groupSize = 2;
    TranscriptCommand rcpt = mail;
    rcpt.kind = Kind::Rcpt;
    rcpt.id = 2;
    rcpt.groupIndex = 1;
    queue.written({mail, rcpt}, 42);
    const ReplyQueue::Match first = queue.match(reply(250));
    QCOMPARE(first.awaited.sentAt, 42);
    QCOMPARE(first.awaited.command.groupSize, 2);
    QCOMPARE(queue.match(reply(250)).awaited.command.groupIndex, 1);
}

QTEST_GUILESS_MAIN(TestReplyQueue)
#include "tst_replyqueue.moc"
