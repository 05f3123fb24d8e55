// The transaction rules: what the replies to MAIL, RCPT, DATA and the end of the data decide,
// with and without pipelining and chunking, for partial and total refusal.
#include "smtp/smtptransaction.h"

#include <QtTest>

using Action = SmtpTransactionStep::Action;
using Outcome = SendResult::Outcome;
using Error = SendResult::Error;

Q_DECLARE_METATYPE(Outcome)
Q_DECLARE_METATYPE(Error)

namespace {

SmtpReply reply(int code, const QByteArray &text = "text")
{
    SmtpReply r;
    r.code = code;
    r.lines << text;
    return r;
}

QString actionName(Action action)
{
    switch (action) {
    case Action::Wait:
        return QStringLiteral("wait");
    case Action::SendRecipient:
        return QStringLiteral("rcpt");
    case Action::SendData:
        return QStringLiteral("data");
    case Action::StartContent:
        return QStringLiteral("content");
    case Action::EndEmptyMessage:
        return QStringLiteral("empty");
    case Action::Abort:
        return QStringLiteral("abort");
    case Action::Accepted:
        return QStringLiteral("accepted");
    case Action::Refused:
        return QStringLiteral("refused");
    }
    return QString();
}

} // namespace

class TestSmtpTransaction : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rules_data();
    void rules();
    void commandLines_data();
    void commandLines();
};

void TestSmtpTransaction::rules_data()
{
    // events: "mail 250", "rcpt 1 550" (recipient 1), "data 354", "end 250". steps: each event's
    // action ("rcpt 1": send RCPT for recipient 1).
    QTest::addColumn<bool>("pipelining");
    QTest::addColumn<bool>("chunking");
    QTest::addColumn<int>("recipients");
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<Error>("error");
    QTest::addColumn<QString>("step");
    QTest::addColumn<QString>("message");

    QTest::newRow("one at a time, all accepted")
        << false << false << 2
        << QStringList{"mail 250", "rcpt 0 250", "rcpt 1 250", "data 354", "end 250"}
        << QStringList{"rcpt 0", "rcpt 1", "data", "content", "accepted"} << Outcome::Success
        << Error::NoError << "EndOfData"
        << "message accepted: 250 queued as ABC123";
    QTest::newRow("one at a time, one refused: partial")
        << false << false << 2
        << QStringList{"mail 250", "rcpt 0 550", "rcpt 1 250", "data 354", "end 250"}
        << QStringList{"rcpt 0", "rcpt 1", "data", "content", "accepted"} << Outcome::PartialSuccess
        << Error::NoError << "EndOfData"
        << "message accepted for 1 of 2 recipients";
    QTest::newRow("one at a time, all refused")
        << false << false << 2 << QStringList{"mail 250", "rcpt 0 550", "rcpt 1 550"}
        << QStringList{"rcpt 0", "rcpt 1", "abort"} << Outcome::Failure
        << Error::AllRecipientsRefused << "RcptTo"
        << "every recipient was refused";
    QTest::newRow("one at a time, MAIL refused")
        << false << false << 1 << QStringList{"mail 553"} << QStringList{"abort"}
        << Outcome::Failure << Error::Refused << "MailFrom"
        << "MAIL FROM <a@example.org> refused";
    QTest::newRow("chunking: content after the last RCPT")
        << false << true << 1 << QStringList{"mail 250", "rcpt 0 250", "end 250"}
        << QStringList{"rcpt 0", "content", "accepted"} << Outcome::Success << Error::NoError
        << "EndOfData"
        << "message accepted";
    QTest::newRow("pipelined, the second of three refused")
        << true << false << 3
        << QStringList{"mail 250", "rcpt 0 250", "rcpt 1 550", "rcpt 2 250", "data 354", "end 250"}
        << QStringList{"wait", "wait", "wait", "wait", "content", "accepted"}
        << Outcome::PartialSuccess << Error::NoError << "EndOfData"
        << "message accepted for 2 of 3 recipients";
    QTest::newRow("pipelined, all refused, DATA still says 354")
        << true << false << 2
        << QStringList{"mail 250", "rcpt 0 550", "rcpt 1 550", "data 354", "end 554"}
        << QStringList{"wait", "wait", "wait", "empty", "abort"} << Outcome::Failure
        << Error::AllRecipientsRefused << "RcptTo"
        << "every recipient was refused";
    QTest::newRow("pipelined, MAIL refused, the rest follows it")
        << true << false << 1 << QStringList{"mail 553", "rcpt 0 503", "data 503"}
        << QStringList{"wait", "wait", "abort"} << Outcome::Failure << Error::Refused << "MailFrom"
        << "MAIL FROM <a@example.org> refused";
    QTest::newRow("pipelined, DATA refused")
        << true << false << 1 << QStringList{"mail 250", "rcpt 0 250", "data 554"}
        << QStringList{"wait", "wait", "abort"} << Outcome::Failure << Error::Refused << "Data"
        << "DATA refused: 554";
    // BDAT went with the group, so its refusal comes last; the outcome is what happened to
    // the recipients (issue 14, item 5), whatever the reply to BDAT says.
    QTest::newRow("pipelined with chunking, the recipient refused")
        << true << true << 1 << QStringList{"mail 250", "rcpt 0 550", "end 554"}
        << QStringList{"wait", "wait", "refused"} << Outcome::Failure << Error::AllRecipientsRefused
        << "RcptTo"
        << "every recipient was refused, nothing was delivered";
    QTest::newRow("pipelined with chunking, the recipient refused, BDAT 250")
        << true << true << 1 << QStringList{"mail 250", "rcpt 0 550", "end 250"}
        << QStringList{"wait", "wait", "refused"} << Outcome::Failure << Error::AllRecipientsRefused
        << "RcptTo"
        << "could not be held back";
    QTest::newRow("refused after the content")
        << false << false << 1 << QStringList{"mail 250", "rcpt 0 250", "data 354", "end 554"}
        << QStringList{"rcpt 0", "data", "content", "refused"} << Outcome::Failure << Error::Refused
        << "EndOfData"
        << "the message was refused after its content: 554";
}

void TestSmtpTransaction::rules()
{
    QFETCH(bool, pipelining);
    QFETCH(bool, chunking);
    QFETCH(int, recipients);
    QFETCH(QStringList, events);
    QFETCH(QStringList, steps);
    QFETCH(Outcome, outcome);
    QFETCH(Error, error);
    QFETCH(QString, step);
    QFETCH(QString, message);

    QStringList addresses;
    for (int i = 0; i < recipients; ++i)
        addresses << QStringLiteral("r%1@example.org").arg(i);
    Envelope envelope;
    envelope.sender = QStringLiteral("a@example.org");
    envelope.recipients = addresses;
    SmtpTransaction t(envelope, Capabilities(), pipelining, chunking);
    QStringList got;
    for (const QString &event : events) {
        const QStringList parts = event.split(QLatin1Char(' '));
        const int code = parts.last().toInt();
        const SmtpReply r = reply(code, code == 250 ? "queued as ABC123" : "no");
        SmtpTransactionStep s;
        if (parts[0] == QLatin1String("mail"))
            s = t.onMail(r);
        else if (parts[0] == QLatin1String("rcpt"))
            s = t.onRecipient(parts[1].toInt(), r);
        else if (parts[0] == QLatin1String("data"))
            s = t.onData(r);
        else
            s = t.onEndOfData(r);
        got << (s.action == Action::SendRecipient
                    ? actionName(s.action) + QLatin1Char(' ') + QString::number(s.recipient)
                    : actionName(s.action));
    }
    QCOMPARE(got, steps);
    const SendResult &v = t.verdict();
    QCOMPARE(v.outcome, outcome);
    QCOMPARE(v.error, error);
    QCOMPARE(v.step, step);
    QVERIFY2(v.message.contains(message), qPrintable(v.message));
    if (outcome != Outcome::Failure)
        QCOMPARE(v.queueId, QStringLiteral("ABC123"));
}

void TestSmtpTransaction::commandLines_data()
{
    QTest::addColumn<QByteArrayList>("extensions"); // the EHLO keywords
    QTest::addColumn<bool>("eightBit");
    QTest::addColumn<bool>("dsn"); // RET=HDRS, ENVID and NOTIFY asked for
    QTest::addColumn<QByteArray>("mail");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QByteArray>("rcpt");
    QTest::addColumn<int>("warnings");

    QTest::newRow("plain server") << QByteArrayList() << false << false
                                  << QByteArray("MAIL FROM:<a@example.org>") << QStringList()
                                  << QByteArray("RCPT TO:<b@example.org>") << 0;
    QTest::newRow("SIZE and 8BITMIME")
        << QByteArrayList{"SIZE 1000", "8BITMIME"} << true << false
        << QByteArray("MAIL FROM:<a@example.org> SIZE=42 BODY=8BITMIME")
        << QStringList{"SIZE", "BODY=8BITMIME"} << QByteArray("RCPT TO:<b@example.org>") << 0;
    QTest::newRow("8-bit content, no 8BITMIME: a warning")
        << QByteArrayList() << true << false << QByteArray("MAIL FROM:<a@example.org>")
        << QStringList() << QByteArray("RCPT TO:<b@example.org>") << 1;
    QTest::newRow("DSN offered") << QByteArrayList{"DSN"} << false << true
                                 << QByteArray("MAIL FROM:<a@example.org> RET=HDRS ENVID=id+2B1")
                                 << QStringList{"DSN"}
                                 << QByteArray("RCPT TO:<b@example.org> NOTIFY=FAILURE") << 0;
    QTest::newRow("DSN asked for, not offered: a warning")
        << QByteArrayList() << false << true << QByteArray("MAIL FROM:<a@example.org>")
        << QStringList() << QByteArray("RCPT TO:<b@example.org>") << 1;
}

void TestSmtpTransaction::commandLines()
{
    QFETCH(QByteArrayList, extensions);
    QFETCH(bool, eightBit);
    QFETCH(bool, dsn);
    QFETCH(QByteArray, mail);
    QFETCH(QStringList, options);
    QFETCH(QByteArray, rcpt);
    QFETCH(int, warnings);

    SmtpReply ehlo = reply(250, "fake");
    ehlo.lines += extensions;
    Envelope envelope;
    envelope.sender = QStringLiteral("a@example.org");
    envelope.recipients = {QStringLiteral("b@example.org")};
    envelope.senderField = CommandOrigin::Source::Sender;
    envelope.recipientFields = {CommandOrigin::Source::Cc};
    if (dsn) {
        envelope.dsn.ret = DsnOptions::Return::Headers;
        envelope.dsn.envelopeId = "id+1";
        envelope.dsn.notify = DsnOptions::Failure;
    }
    const SmtpTransaction t(envelope, Capabilities::fromEhloReply(ehlo), true, false);
    QStringList warned;
    const SmtpTransaction::Command m = t.mailCommand(42, eightBit, false, &warned);
    QCOMPARE(m.line, mail);
    QCOMPARE(m.origin.source, CommandOrigin::Source::Sender);
    QCOMPARE(m.origin.options, options);
    QCOMPARE(warned.size(), warnings);
    const SmtpTransaction::Command r = t.recipientCommand(0);
    QCOMPARE(r.line, rcpt);
    QCOMPARE(r.origin.source, CommandOrigin::Source::Cc);
    QCOMPARE(r.origin.address, QStringLiteral("b@example.org"));
    QCOMPARE(r.origin.options.contains(QStringLiteral("DSN")), rcpt.contains("NOTIFY"));
}

QTEST_GUILESS_MAIN(TestSmtpTransaction)
#include "tst_smtptransaction.moc"
