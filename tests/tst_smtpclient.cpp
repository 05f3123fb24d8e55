// Scenario tests of the SMTP client against the scripted fake server: every branch of the
// dialogue, written the way the transcript reads.
#include "buffermessagesource.h"
#include "fakesmtpserver.h"
#include "smtp/smtpclient.h"

#include <QCryptographicHash>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

#include <functional>
#include <optional>

using Outcome = SendResult::Outcome;
using Error = SendResult::Error;
using State = SmtpClient::State;

Q_DECLARE_METATYPE(Outcome)
Q_DECLARE_METATYPE(Error)

namespace {

const QByteArray Message =
    "From: a@example.org\r\nTo: b@example.org\r\nSubject: hi\r\n\r\nHello.\r\n";
const QString Size = QString::number(Message.size());

const QString Greeting = QStringLiteral("S: 220 fake ESMTP\nC: EHLO test.example\n");
const QString Quit = QStringLiteral("C: QUIT\nS: 221 bye\n");

QString mail(const QString &extra = QString())
{
    return QStringLiteral("C: MAIL FROM:<a@example.org>") + extra + QLatin1Char('\n');
}

// Runs one send and collects everything the client reported.
struct Run
{
    FakeSmtpServer server;
    SmtpClient client;
    QList<TranscriptEntry> transcript;
    std::optional<SendResult> result;
    QList<State> states;

    explicit Run(const QString &scenario)
        : server(scenario)
    {
        QObject::connect(&client, &SmtpClient::transcriptEntry,
                         [this](const TranscriptEntry &e) { transcript.append(e); });
        QObject::connect(&client, &SmtpClient::finished, [this](const SendResult &r) {
            QVERIFY2(!result, "finished() emitted twice");
            result = r;
        });
        QObject::connect(&client, &SmtpClient::stateChanged, [this](State s) { states.append(s); });
    }

    SmtpSettings settings() const
    {
        SmtpSettings s;
        s.host = QStringLiteral("127.0.0.1");
        s.port = server.port();
        s.security = SmtpSettings::Security::None;
        s.heloName = QStringLiteral("test.example");
        s.timeouts = SmtpTimeouts::uniform(10'000);
        return s;
    }

    // The transcript and the server's report, for failure messages.
    QString context() const
    {
        return transcriptText() + QStringLiteral("\nserver: ") + server.report();
    }
    // The client did exactly what the scenario says, no more, no less.
    bool scriptFollowed() const
    {
        return server.mismatches().isEmpty() && server.unconsumed().isEmpty();
    }

    QString transcriptText() const
    {
        QStringList lines;
        for (const TranscriptEntry &e : transcript)
            lines << e.toPlainText();
        return lines.join(QLatin1Char('\n'));
    }
};

Envelope envelope(const QStringList &recipients = {QStringLiteral("b@example.org")})
{
    Envelope e;
    e.sender = QStringLiteral("a@example.org");
    e.recipients = recipients;
    return e;
}

QByteArray xoauthForm()
{
    return QByteArray("user=ana\x01"
                      "auth=Bearer s3cret!pass\x01\x01")
        .toBase64();
}

QString certs(const char *name)
{
    return QStringLiteral(POSTWIRE_TEST_CERTS "/") + QLatin1String(name);
}

} // namespace

class TestSmtpClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scenarios_data();
    void scenarios();
    void stepLabels();
    void failureAtEveryStep_data();
    void failureAtEveryStep();
    void endOfSessionNeverUndoesDelivery_data();
    void endOfSessionNeverUndoesDelivery();
    void invalidInputNeverConnects_data();
    void invalidInputNeverConnects();
    void serverTextIsPrintable();
    void dotStuffing();
    void largeMessageStreams();
    void auth_data();
    void auth();
    void authOverPlaintextToLoopback();
    void authRefusedOverPlaintext_data();
    void authRefusedOverPlaintext();
    void ipv6();
    void ehloName_data();
    void ehloName();
    void startTlsRequiredButNotOffered();
    void unansweredQuitAfterTheOutcome_data();
    void unansweredQuitAfterTheOutcome();
    void tls_data();
    void tls();
    void certificateReview_data();
    void certificateReview();
    void implicitTls();
    void smtpUtf8AndIdn();
    void eightBitMime();
    void cancelDuringContent();
    void sourceFailsMidContent_data();
    void sourceFailsMidContent();
    void pipelinedLatencyIsTheServersOwn();
    void longBurstLeavesTheEventLoopRunning();
    void commandLinks_data();
    void commandLinks();
    void onlyA250EndsTheData_data();
    void onlyA250EndsTheData();
    void stepMode_data();
    void stepMode();
    void stepContentPreview_data();
    void stepContentPreview();
    void stepTypedSecretsHidden();
};

void TestSmtpClient::scenarios_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QStringList>("recipients");
    QTest::addColumn<bool>("pipelining");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<Error>("error");
    QTest::addColumn<QString>("step");
    QTest::addColumn<int>("roundTrips");
    QTest::addColumn<QString>("messageContains");

    const QStringList one{QStringLiteral("b@example.org")};
    const QStringList three{QStringLiteral("b@example.org"), QStringLiteral("c@example.org"),
                            QStringLiteral("d@example.org")};
    const QString ehloPlain = QStringLiteral("S: 250-fake\nS: 250 SIZE 1000000\n");
    const QString ehloPipe =
        QStringLiteral("S: 250-fake\nS: 250-SIZE 1000000\nS: 250 PIPELINING\n");
    const QString ehloChunk =
        QStringLiteral("S: 250-fake\nS: 250-PIPELINING\nS: 250-SIZE\nS: 250 CHUNKING\n");
    const QString sized = QStringLiteral(" SIZE=") + Size;

    QTest::newRow("plain, one recipient")
        << Greeting + ehloPlain + mail(sized) +
               QStringLiteral(
                   "S: 250 ok\nC: RCPT TO:<b@example.org>\nS: 250 ok\nC: DATA\nS: 354 go\nD:\n"
                   "S: 250 2.0.0 Ok: queued as 4F3A21\n") +
               Quit
        << one << true << Outcome::Success << Error::NoError << QStringLiteral("EndOfData") << 7
        << QStringLiteral("queued as 4F3A21");
    QTest::newRow("HELO fallback")
        << Greeting +
               QStringLiteral(
                   "S: 502 5.5.1 EHLO not implemented\nC: HELO test.example\nS: 250 hello\n") +
               mail() +
               QStringLiteral("S: 250 ok\nC: RCPT TO:<b@example.org>\nS: 250 ok\nC: DATA\nS: 354 "
                              "go\nD:\nS: 250 ok\n") +
               Quit
        << one << true << Outcome::Success << Error::NoError << QStringLiteral("EndOfData") << 8
        << QString();
    QTest::newRow("pipelined, 3 recipients: 4 round trips")
        << Greeting + ehloPipe + mail(sized) +
               QStringLiteral("C: RCPT TO:<b@example.org>\nC: RCPT TO:<c@example.org>\n"
                              "C: RCPT TO:<d@example.org>\nC: DATA\n"
                              "S: 250 ok\nS: 250 ok\nS: 250 ok\nS: 250 ok\nS: 354 go\nD:\nC: QUIT\n"
                              "S: 250 queued\nS: 221 bye\n")
        << three << true << Outcome::Success << Error::NoError << QStringLiteral("EndOfData") << 4
        << QString();
    QTest::newRow("pipelining offered but switched off")
        << Greeting + ehloPipe + mail(sized) +
               QStringLiteral("S: 250 ok\nC: RCPT TO:<b@example.org>\nS: 250 ok\nC: DATA\nS: 354 "
                              "go\nD:\nS: 250 ok\n") +
               Quit
        << one << false << Outcome::Success << Error::NoError << QStringLiteral("EndOfData") << 7
        << QString();
    QTest::newRow("chunking, pipelined: 3 round trips")
        << Greeting + ehloChunk + mail(sized) +
               QStringLiteral("C: RCPT TO:<b@example.org>\nC: BDAT %1 LAST\nB: %1\nC: QUIT\n"
                              "S: 250 ok\nS: 250 ok\nS: 250 2.0.0 ok id=1q2w3e\nS: 221 bye\n")
                   .arg(Message.size())
        << one << true << Outcome::Success << Error::NoError << QStringLiteral("EndOfData") << 3
        << QStringLiteral("id=1q2w3e");
    // Issue 14, item 5: BDAT LAST went with the RCPTs, so its refusal comes last; the outcome
    // is what happened to the recipients, and the words say the content could not be held back.
    QTest::newRow("chunking, pipelined: every recipient refused")
        << Greeting + ehloChunk + mail(sized) +
               QStringLiteral("C: RCPT TO:<b@example.org>\nC: BDAT %1 LAST\nB: %1\nC: QUIT\n"
                              "S: 250 ok\nS: 550 5.1.1 no such user\n"
                              "S: 554 5.5.1 no valid recipients\nS: 221 bye\n")
                   .arg(Message.size())
        << one << true << Outcome::Failure << Error::AllRecipientsRefused
        << QStringLiteral("RcptTo") << 3
        << QStringLiteral("every recipient was refused, nothing was delivered: <b@example.org>: "
                          "550 5.1.1 no such user; the message content had already gone out, "
                          "pipelined behind the RCPT commands");
    // Issue 14, item 6: dropped before any reply of the group: MAIL is what was never answered.
    QTest::newRow("chunking, pipelined: dropped right after BDAT")
        << Greeting + ehloChunk + mail(sized) +
               QStringLiteral("C: RCPT TO:<b@example.org>\nC: BDAT %1 LAST\nB: %1\nC: QUIT\nX:\n")
                   .arg(Message.size())
        << one << true << Outcome::DeliveryUnknown << Error::ConnectionLost
        << QStringLiteral("MailFrom") << 3
        << QStringLiteral("closed the connection at the sender address (MAIL FROM), before it "
                          "answered MAIL FROM <a@example.org>; the whole message had already "
                          "gone out, pipelined behind the commands still unanswered");
    QTest::newRow("partial refusal")
        << Greeting + ehloPipe + mail(sized) +
               QStringLiteral(
                   "C: RCPT TO:<b@example.org>\nC: RCPT TO:<c@example.org>\n"
                   "C: RCPT TO:<d@example.org>\nC: DATA\n"
                   "S: 250 ok\nS: 250 ok\nS: 550 5.1.1 No such user\nS: 250 ok\nS: 354 go\nD:\n"
                   "C: QUIT\nS: 250 queued\nS: 221 bye\n")
        << three << true << Outcome::PartialSuccess << Error::NoError << QStringLiteral("EndOfData")
        << 4 << QStringLiteral("2 of 3");
    QTest::newRow("all refused, unpipelined: no DATA, RSET")
        << Greeting + ehloPlain + mail(sized) +
               QStringLiteral("S: 250 ok\nC: RCPT TO:<b@example.org>\nS: 550 5.1.1 No such user\n"
                              "C: RCPT TO:<c@example.org>\nS: 450 4.2.1 Try later\n"
                              "C: RSET\nS: 250 ok\n") +
               Quit
        << QStringList{QStringLiteral("b@example.org"), QStringLiteral("c@example.org")} << true
        << Outcome::Failure << Error::AllRecipientsRefused << QStringLiteral("RcptTo") << 7
        << QStringLiteral("550 5.1.1 No such user");
    QTest::newRow("all refused, pipelined: DATA refused, RSET")
        << Greeting + ehloPipe + mail(sized) +
               QStringLiteral(
                   "C: RCPT TO:<b@example.org>\nC: DATA\nS: 250 ok\nS: 550 5.1.1 No such user\n"
                   "S: 554 5.5.1 No valid recipients\nC: RSET\nC: QUIT\nS: 250 ok\nS: 221 bye\n")
        << one << true << Outcome::Failure << Error::AllRecipientsRefused
        << QStringLiteral("RcptTo") << 4 << QStringLiteral("every recipient was refused");
    QTest::newRow("all refused, pipelined, DATA wrongly accepted")
        << Greeting + ehloPipe + mail(sized) +
               QStringLiteral(
                   "C: RCPT TO:<b@example.org>\nC: DATA\nS: 250 ok\nS: 550 5.1.1 No such user\n"
                   "S: 354 go\nD:\nS: 554 no recipients\nC: RSET\nC: QUIT\nS: 250 ok\nS: 221 bye\n")
        << one << true << Outcome::Failure << Error::AllRecipientsRefused
        << QStringLiteral("RcptTo") << 5 << QStringLiteral("every recipient");
    QTest::newRow("MAIL refused")
        << Greeting + ehloPlain + mail(sized) +
               QStringLiteral("S: 553 5.1.8 Sender rejected\nC: RSET\nS: 250 ok\n") + Quit
        << one << true << Outcome::Failure << Error::Refused << QStringLiteral("MailFrom") << 5
        << QStringLiteral("MAIL FROM <a@example.org> refused: 553 5.1.8 Sender rejected");
    QTest::newRow("MAIL refused, pipelined")
        << Greeting + ehloPipe + mail(sized) +
               QStringLiteral("C: RCPT TO:<b@example.org>\nC: DATA\nS: 553 5.1.8 Sender rejected\n"
                              "S: 503 5.5.1 MAIL first\nS: 503 5.5.1 MAIL first\nC: RSET\nC: "
                              "QUIT\nS: 250 ok\nS: 221 bye\n")
        << one << true << Outcome::Failure << Error::Refused << QStringLiteral("MailFrom") << 4
        << QStringLiteral("553 5.1.8");
    QTest::newRow("DATA refused") << Greeting + ehloPlain + mail(sized) +
                                         QStringLiteral(
                                             "S: 250 ok\nC: RCPT TO:<b@example.org>\nS: 250 ok\nC: "
                                             "DATA\nS: 451 4.3.0 Not now\nC: RSET\nS: 250 ok\n") +
                                         Quit
                                  << one << true << Outcome::Failure << Error::Refused
                                  << QStringLiteral("Data") << 7
                                  << QStringLiteral("DATA refused: 451 4.3.0 Not now");
    QTest::newRow("refused after the content")
        << Greeting + ehloPlain + mail(sized) +
               QStringLiteral(
                   "S: 250 ok\nC: RCPT TO:<b@example.org>\nS: 250 ok\nC: DATA\nS: 354 go\nD:\n"
                   "S: 554 5.6.0 Message rejected\n") +
               Quit
        << one << true << Outcome::Failure << Error::Refused << QStringLiteral("EndOfData") << 7
        << QStringLiteral("554 5.6.0 Message rejected");
    QTest::newRow("greeting refused")
        << QStringLiteral("S: 554 5.3.2 No service for you\n") + Quit << one << true
        << Outcome::Failure << Error::Refused << QStringLiteral("Greeting") << 2
        << QStringLiteral("554 5.3.2");
    QTest::newRow("EHLO and HELO refused")
        << Greeting + QStringLiteral("S: 500 what\nC: HELO test.example\nS: 550 go away\n") + Quit
        << one << true << Outcome::Failure << Error::Refused << QStringLiteral("Helo") << 4
        << QStringLiteral("HELO refused");
    QTest::newRow("SIZE limit exceeded: nothing sent")
        << Greeting + QStringLiteral("S: 250-fake\nS: 250 SIZE 10\n") + Quit << one << true
        << Outcome::Failure << Error::Refused << QStringLiteral("MailFrom") << 3
        << QStringLiteral("SIZE limit of 10 bytes");
    QTest::newRow("garbage reply")
        << QStringLiteral("S: hello there\n") << one << true << Outcome::Failure << Error::Protocol
        << QStringLiteral("Greeting") << 1 << QStringLiteral("malformed reply line");
    QTest::newRow("unknown reply code")
        << Greeting + QStringLiteral("S: 999 huh\n") << one << true << Outcome::Failure
        << Error::Protocol << QStringLiteral("Ehlo") << 2
        << QStringLiteral("unknown reply code 999");
    QTest::newRow("binary junk") << QStringLiteral("R: \\x00\\x01\\xff\\xfe\\r\\n") << one << true
                                 << Outcome::Failure << Error::Protocol
                                 << QStringLiteral("Greeting") << 1
                                 << QStringLiteral("protocol error");
    QTest::newRow("reply line over 4 KB")
        << QStringLiteral("S: 220 ") + QString(5000, QLatin1Char('x')) << one << true
        << Outcome::Failure << Error::Protocol << QStringLiteral("Greeting") << 1
        << QStringLiteral("exceeds the limit");
    QTest::newRow("354 to MAIL is not an answer")
        << Greeting + ehloPlain + mail(sized) + QStringLiteral("S: 354 go ahead\n") << one << true
        << Outcome::Failure << Error::Protocol << QStringLiteral("MailFrom") << 3
        << QStringLiteral("does not answer MAIL FROM");
    QTest::newRow("reply to no command")
        << QStringLiteral("S: 220 hi\nS: 250 surprise\n") << one << true << Outcome::Failure
        << Error::Protocol << QStringLiteral("Ehlo") << 1 << QStringLiteral("unexpected reply");
    QTest::newRow("multi-line reply changing its code")
        << QStringLiteral("S: 220-hi\nS: 250 there\n") << one << true << Outcome::Failure
        << Error::Protocol << QStringLiteral("Greeting") << 1 << QStringLiteral("changes the code");
}

void TestSmtpClient::scenarios()
{
    QFETCH(QString, scenario);
    QFETCH(QStringList, recipients);
    QFETCH(bool, pipelining);
    QFETCH(Outcome, outcome);
    QFETCH(Error, error);
    QFETCH(QString, step);
    QFETCH(int, roundTrips);
    QFETCH(QString, messageContains);

    Run run(scenario);
    QVERIFY(run.server.listen());
    BufferMessageSource source(Message);
    SmtpSettings settings = run.settings();
    settings.usePipelining = pipelining;
    run.client.send(settings, envelope(recipients), &source);
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 10000);
    const SendResult &r = *run.result;
    const QString context = run.context();
    QVERIFY2(run.server.mismatches().isEmpty(), qPrintable(context));
    QVERIFY2(run.server.unconsumed().isEmpty(), qPrintable(context));
    QCOMPARE(r.outcome, outcome);
    QCOMPARE(r.error, error);
    QCOMPARE(r.step, step);
    QCOMPARE(r.stepLabel, SmtpClient::stepLabel(step));
    QCOMPARE(r.roundTrips, roundTrips);
    QVERIFY2(r.message.contains(messageContains), qPrintable(r.message));
    QCOMPARE(run.client.state(), State::Finished);
    if (outcome == Outcome::Success || outcome == Outcome::PartialSuccess) {
        QCOMPARE(run.server.receivedData(), Message);
        QCOMPARE(r.recipients.size(), recipients.size());
        int accepted = 0;
        for (const RecipientResult &rr : r.recipients)
            accepted += rr.accepted;
        QCOMPARE(accepted == recipients.size(), outcome == Outcome::Success);
        QCOMPARE(r.bytesSent, qint64(Message.size()));
    }
    if (error == Error::AllRecipientsRefused) {
        QVERIFY2(!run.server.clientLines().contains(QStringLiteral("DATA")) || pipelining,
                 qPrintable(context));
        // Only BDAT LAST pipelined behind the RCPTs carries the content before the refusals.
        QCOMPARE(run.server.receivedData().isEmpty(),
                 !run.server.clientLines().join(QLatin1Char(' ')).contains(QStringLiteral("BDAT")));
        for (const RecipientResult &rr : r.recipients)
            QVERIFY(!rr.accepted);
    }
    if (outcome == Outcome::PartialSuccess) {
        QVERIFY(!r.recipients[1].accepted);
        QCOMPARE(r.recipients[1].reply.code, 550);
        QCOMPARE(r.recipients[1].reply.enhanced.toString(), QStringLiteral("5.1.1"));
    }
}

// The canonical unpipelined dialogue, cut at each step: the server goes silent (timeout),
// drops the connection, answers 421, or the user cancels. Each must name the step.
// Settings a failure row needs besides the defaults.
enum StepSetup
{
    Plain = 0,
    RequireStartTls = 1,
    Authenticate = 2
};

void TestSmtpClient::stepLabels()
{
    // Every step has its own words for people, reachable from the machine name too.
    const QMetaEnum states = QMetaEnum::fromType<State>();
    QSet<QString> seen;
    for (int i = 0; i < states.keyCount(); ++i) {
        const auto state = State(states.value(i));
        const QString name = QString::fromLatin1(states.key(i));
        const QString label = SmtpClient::stepLabel(state);
        QVERIFY2(!label.isEmpty(), states.key(i));
        QVERIFY2(!label.contains(name), qPrintable(label));
        QVERIFY2(!seen.contains(label), qPrintable(label));
        seen.insert(label);
        QCOMPARE(SmtpClient::stepLabel(name), label);
    }
    QCOMPARE(SmtpClient::stepLabel(State::MailFrom),
             QStringLiteral("at the sender address (MAIL FROM)"));
    QVERIFY(SmtpClient::stepLabel(QStringLiteral("NoSuchStep")).isEmpty());
}

// Only the timer of the step under test is short: the steps before it get their replies at
// once, but a busy machine can hold a process off the CPU longer than a short timeout (the
// suite runs beside builds), and a timeout one step early would name the wrong step.
static SmtpTimeouts timeoutsFailingAt(const QString &step)
{
    SmtpTimeouts t = SmtpTimeouts::uniform(10'000);
    constexpr int Short = 500;
    if (step == QLatin1String("Greeting"))
        t.greeting = Short;
    else if (step == QLatin1String("MailFrom"))
        t.mail = t.rcpt = t.data = Short; // pipelined, the group waits on any of them
    else if (step == QLatin1String("RcptTo"))
        t.rcpt = Short;
    else if (step == QLatin1String("Data"))
        t.data = Short;
    else if (step == QLatin1String("EndOfData"))
        t.endOfData = Short;
    else // EHLO, HELO, STARTTLS, AUTH: one timer for commands (the EHLO before shares it)
        t.command = Short;
    return t;
}

void TestSmtpClient::failureAtEveryStep_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("step");
    QTest::addColumn<int>("setup");

    const QString greet = QStringLiteral("S: 220 fake\n");
    const QString ehlo = greet + QStringLiteral("C: EHLO test.example\nS: 250 fake\n");
    const QString mailOk = ehlo + QStringLiteral("C: MAIL FROM:<a@example.org>\nS: 250 ok\n");
    const QString rcptOk = mailOk + QStringLiteral("C: RCPT TO:<b@example.org>\nS: 250 ok\n");
    struct Cut
    {
        QString step;
        QString before; // the dialogue up to the step
        QString wait;   // what the client sends in the step; the server then fails
        int setup;
    };
    const QList<Cut> cuts = {
        {QStringLiteral("Greeting"), QString(), QString(), Plain},
        {QStringLiteral("Ehlo"), greet, QStringLiteral("C: EHLO test.example\n"), Plain},
        {QStringLiteral("Helo"), greet + QStringLiteral("C: EHLO test.example\nS: 502 no\n"),
         QStringLiteral("C: HELO test.example\n"), Plain},
        {QStringLiteral("StartTls"),
         greet + QStringLiteral("C: EHLO test.example\nS: 250-fake\nS: 250 STARTTLS\n"),
         QStringLiteral("C: STARTTLS\n"), RequireStartTls},
        {QStringLiteral("Authenticating"),
         greet + QStringLiteral("C: EHLO test.example\nS: 250-fake\nS: 250 AUTH PLAIN\n"),
         QStringLiteral("C~ AUTH PLAIN .+\n"), Authenticate},
        {QStringLiteral("MailFrom"), ehlo, QStringLiteral("C: MAIL FROM:<a@example.org>\n"), Plain},
        {QStringLiteral("RcptTo"), mailOk, QStringLiteral("C: RCPT TO:<b@example.org>\n"), Plain},
        {QStringLiteral("Data"), rcptOk, QStringLiteral("C: DATA\n"), Plain},
        {QStringLiteral("EndOfData"), rcptOk + QStringLiteral("C: DATA\nS: 354 go\nD:\n"),
         QString(), Plain},
        // A pipelined group: the oldest command still waiting names the step.
        {QStringLiteral("MailFrom"),
         greet + QStringLiteral("C: EHLO test.example\nS: 250-fake\nS: 250 PIPELINING\n"),
         QStringLiteral("C: MAIL FROM:<a@example.org>\nC: RCPT TO:<b@example.org>\nC: DATA\n"),
         Plain},
    };
    for (const Cut &cut : cuts) {
        const bool pipelined = cut.wait.count(QLatin1Char('\n')) > 1;
        for (const QString &how : {QStringLiteral("timeout"), QStringLiteral("drop"),
                                   QStringLiteral("421"), QStringLiteral("cancel")}) {
            QString scenario = cut.before + cut.wait;
            if (how == QLatin1String("drop"))
                scenario += QStringLiteral("X:\n");
            else if (how == QLatin1String("421"))
                scenario += QStringLiteral("S: 421 4.3.2 Shutting down\nX:\n");
            else if (how == QLatin1String("cancel"))
                scenario += QStringLiteral("C: QUIT\n"); // a cancel between commands says goodbye
            QTest::addRow("%s at %s%s", qPrintable(how), qPrintable(cut.step),
                          pipelined ? " (pipelined)" : "")
                << scenario << how << cut.step << cut.setup;
        }
    }
}

void TestSmtpClient::failureAtEveryStep()
{
    QFETCH(QString, scenario);
    QFETCH(QString, how);
    QFETCH(QString, step);
    QFETCH(int, setup);

    Run run(scenario);
    QVERIFY(run.server.listen());
    BufferMessageSource source(Message);
    SmtpSettings settings = run.settings();
    if (setup & RequireStartTls)
        settings.security = SmtpSettings::Security::StartTls;
    if (setup & Authenticate) {
        settings.authenticate = true;
        settings.credentials = {QStringLiteral("ana"), QStringLiteral("pw"), QString()};
    }
    if (how == QLatin1String("timeout"))
        settings.timeouts = timeoutsFailingAt(step);
    if (how == QLatin1String("cancel")) {
        // Cancel as a person would: from the event loop once the step is reached.
        QObject::connect(&run.client, &SmtpClient::stateChanged, &run.client,
                         [&run, step](State s) {
                             if (SmtpClient::stateName(s) == step)
                                 QMetaObject::invokeMethod(&run.client, &SmtpClient::cancel,
                                                           Qt::QueuedConnection);
                         });
    }
    run.client.send(settings, envelope(), &source);
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 10000);
    const SendResult &r = *run.result;
    const QString context = run.context();
    QVERIFY2(run.server.mismatches().isEmpty(), qPrintable(context));
    if (how == QLatin1String("cancel")) // the QUIT really left before the connection closed
        QTRY_VERIFY2(run.server.scenarioComplete(), qPrintable(run.context()));
    QCOMPARE(r.step, step);
    QCOMPARE(r.stepLabel, SmtpClient::stepLabel(step));
    // The step in words, never the internal name (issue 14, item 7).
    QVERIFY2(r.message.contains(r.stepLabel) || how == QLatin1String("421") ||
                 r.error == Error::Refused,
             qPrintable(r.message));
    QVERIFY2(!r.message.contains(QStringLiteral("step ") + step), qPrintable(r.message));
    if (step == QLatin1String("EndOfData") && how != QLatin1String("421")) {
        // The whole message went out; only the reply is missing.
        QCOMPARE(r.outcome, Outcome::DeliveryUnknown);
        QVERIFY2(r.message.contains(QStringLiteral("may or may not have been delivered")),
                 qPrintable(r.message));
    } else if (how == QLatin1String("cancel")) {
        QCOMPARE(r.outcome, Outcome::Cancelled);
        QCOMPARE(r.error, Error::Cancelled);
    } else {
        QCOMPARE(r.outcome, Outcome::Failure);
    }
    if (how == QLatin1String("timeout"))
        QCOMPARE(r.error, Error::Timeout);
    if (how == QLatin1String("drop") && step != QLatin1String("EndOfData"))
        QCOMPARE(r.error, Error::ConnectionLost);
    if (how == QLatin1String("421")) {
        QCOMPARE(r.error, Error::Refused);
        QCOMPARE(r.reply.code, 421);
        // RFC 5321 section 3.8: after 421 the client does not send QUIT.
        QVERIFY(!run.server.clientLines().contains(QStringLiteral("QUIT")));
    }
    // The error is also in the transcript, last, for people.
    QVERIFY(!run.transcript.isEmpty());
    QCOMPARE(run.transcript.last().direction, TranscriptEntry::Direction::Error);
}

void TestSmtpClient::endOfSessionNeverUndoesDelivery_data()
{
    QTest::addColumn<QString>("how");
    for (const char *how : {"timeout", "drop", "421", "cancel"})
        QTest::newRow(how) << QString::fromLatin1(how);
}

void TestSmtpClient::endOfSessionNeverUndoesDelivery()
{
    // The message was accepted; whatever happens to QUIT, the result stays "delivered" (a
    // script that saw "cancelled" would send it twice).
    QFETCH(QString, how);
    QString scenario = Greeting + QStringLiteral("S: 250 fake\n") + mail() +
                       QStringLiteral("S: 250 ok\nC: RCPT TO:<b@example.org>\nS: 250 ok\nC: DATA\n"
                                      "S: 354 go\nD:\nS: 250 2.0.0 queued as Q1\nC: QUIT\n");
    if (how == QLatin1String("drop"))
        scenario += QStringLiteral("X:\n");
    else if (how == QLatin1String("421"))
        scenario += QStringLiteral("S: 421 4.3.2 bye now\nX:\n");
    Run run(scenario);
    QVERIFY(run.server.listen());
    BufferMessageSource source(Message);
    SmtpSettings settings = run.settings();
    if (how == QLatin1String("timeout"))
        settings.timeouts.quit = 300;
    if (how == QLatin1String("cancel")) {
        QObject::connect(&run.client, &SmtpClient::stateChanged, &run.client, [&run](State s) {
            if (s == State::Quit)
                QMetaObject::invokeMethod(&run.client, &SmtpClient::cancel, Qt::QueuedConnection);
        });
    }
    run.client.send(settings, envelope(), &source);
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 10000);
    QTRY_VERIFY2(run.scriptFollowed(), qPrintable(run.context()));
    QCOMPARE(run.result->outcome, Outcome::Success);
    QCOMPARE(run.result->queueId, QStringLiteral("Q1"));
}

void TestSmtpClient::invalidInputNeverConnects_data()
{
    QTest::addColumn<QString>("sender");
    QTest::addColumn<QString>("recipient");
    QTest::addColumn<QString>("reason");
    QTest::newRow("CR") << QStringLiteral("a@example.org") << QStringLiteral("b@exa\rmple.org")
                        << QStringLiteral("line break");
    QTest::newRow("LF") << QStringLiteral("a@example.org\nRCPT TO:<x@y>")
                        << QStringLiteral("b@example.org") << QStringLiteral("sender");
    QTest::newRow("NUL") << QStringLiteral("a@example.org")
                         << QStringLiteral("b@ex") + QChar(0) + QStringLiteral("ample.org")
                         << QStringLiteral("NUL");
    QTest::newRow("space") << QStringLiteral("a@example.org") << QStringLiteral("b c@example.org")
                           << QStringLiteral("space");
    QTest::newRow("no @") << QStringLiteral("a@example.org") << QStringLiteral("example.org")
                          << QStringLiteral("no @");
    QTest::newRow("no recipient") << QStringLiteral("a@example.org") << QString()
                                  << QStringLiteral("no recipients");
}

void TestSmtpClient::invalidInputNeverConnects()
{
    QFETCH(QString, sender);
    QFETCH(QString, recipient);
    QFETCH(QString, reason);
    Run run(QStringLiteral("S: 220 never seen\n"));
    QVERIFY(run.server.listen());
    BufferMessageSource source(Message);
    Envelope e = envelope(recipient.isEmpty() ? QStringList() : QStringList{recipient});
    e.sender = sender;
    run.client.send(run.settings(), e, &source);
    // Refused at once, before any connection.
    QVERIFY(run.result.has_value());
    QCOMPARE(run.result->error, Error::InvalidInput);
    QVERIFY2(run.result->message.contains(reason), qPrintable(run.result->message));
    QCOMPARE(run.server.connectionCount(), 0);
}

void TestSmtpClient::serverTextIsPrintable()
{
    // Issue 17, item 4: a reply's control bytes stay in the reply (the parser's wire form)
    // but every transcript line and the result's message show them escaped.
    Run run(Greeting + QStringLiteral("S: 250 fake\n") + mail() +
            QStringLiteral("R: 554 5.7.1 \\x1b[2J\\x07\\x00 no\\rOK: message accepted\\r\\n\n"
                           "C: RSET\nS: 250 ok\n") +
            Quit);
    QVERIFY(run.server.listen());
    BufferMessageSource source(Message);
    run.client.send(run.settings(), envelope(), &source);
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 10000);
    const SendResult &r = *run.result;
    QTRY_VERIFY2(run.scriptFollowed(), qPrintable(run.context()));
    static const char wire[] = "5.7.1 \x1b[2J\x07\x00 no\rOK: message accepted";
    QCOMPARE(r.reply.lines.value(0), QByteArray(wire, sizeof wire - 1)); // kept as it came
    const auto hasControl = [](const QString &text) {
        return std::any_of(text.begin(), text.end(),
                           [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
    };
    QVERIFY2(!hasControl(r.message), qPrintable(r.message));
    QVERIFY2(
        r.message.contains(QStringLiteral("554 5.7.1 \\x1b[2J\\x07\\0 no\\rOK: message accepted")),
        qPrintable(r.message));
    bool shown = false;
    for (const TranscriptEntry &e : std::as_const(run.transcript)) {
        QVERIFY2(!hasControl(e.text), qPrintable(e.text.toUtf8().toPercentEncoding()));
        shown = shown || (e.direction == TranscriptEntry::Direction::Server &&
                          e.text == QStringLiteral("554 5.7.1 \\x1b[2J\\x07\\0 no\\rOK: message "
                                                   "accepted"));
    }
    QVERIFY2(shown, qPrintable(run.context()));
}

void TestSmtpClient::dotStuffing()
{
    // Lines starting with "." (the first line too), a lone ".", bare LF and CR, no final CRLF.
    const QByteArray content = ".first line\r\n..two dots\n.\r\nmiddle\rlast line";
    Run run(Greeting + QStringLiteral("S: 250 fake\n") + mail() +
            QStringLiteral("S: 250 ok\nC: RCPT TO:<b@example.org>\nS: 250 ok\nC: DATA\nS: 354 "
                           "go\nD:\nS: 250 ok\n") +
            Quit);
    QVERIFY(run.server.listen());
    BufferMessageSource source(content);
    run.client.send(run.settings(), envelope(), &source);
    QTRY_VERIFY(run.result.has_value());
    QVERIFY2(run.result->delivered(), qPrintable(run.transcriptText() + run.server.report()));
    // receivedData() is the raw wire form between DATA's 354 and the final "."
    QCOMPARE(run.server.receivedData(),
             QByteArray("..first line\r\n...two dots\r\n..\r\nmiddle\r\nlast line\r\n"));
}

void TestSmtpClient::largeMessageStreams()
{
    // 8 MB through DATA: the content flows as the socket drains, and progress reaches the total.
    QByteArray big;
    big.reserve(8 << 20);
    const QByteArray line = QByteArray(76, 'x') + "\r\n";
    while (big.size() < (8 << 20))
        big += line;
    Run run(
        Greeting + QStringLiteral("S: 250-fake\nS: 250 PIPELINING\n") + mail() +
        QStringLiteral("C: RCPT TO:<b@example.org>\nC: DATA\nS: 250 ok\nS: 250 ok\nS: 354 go\nD:\n"
                       "C: QUIT\nS: 250 ok\nS: 221 bye\n"));
    QVERIFY(run.server.listen());
    QSignalSpy progress(&run.client, &SmtpClient::progress);
    BufferMessageSource source(big);
    run.client.send(run.settings(), envelope(), &source);
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 30000);
    QVERIFY2(run.result->delivered(), qPrintable(run.result->message));
    QCOMPARE(run.server.receivedData().size(), big.size());
    QVERIFY(run.server.receivedData() == big);
    QVERIFY(progress.count() > 2);
    QCOMPARE(progress.last().at(0).toLongLong(), qint64(big.size()));
    QCOMPARE(progress.last().at(1).toLongLong(), qint64(big.size()));
    // The transcript summarises the body instead of copying 8 MB.
    qsizetype transcriptBytes = 0;
    for (const TranscriptEntry &e : run.transcript)
        transcriptBytes += e.text.size() + e.details.size();
    QVERIFY(transcriptBytes < 20000);
}

void TestSmtpClient::auth_data()
{
    QTest::addColumn<QByteArray>("mechanism");
    QTest::addColumn<QString>("exchange");
    QTest::addColumn<bool>("succeeds");
    QTest::addColumn<QString>("shownAuthLine");

    // user "ana", password "s3cret!pass"
    const QByteArray plain = QByteArray("\0ana\0s3cret!pass", 16).toBase64();
    QTest::newRow("PLAIN")
        << QByteArray("PLAIN")
        << QStringLiteral("C: AUTH PLAIN %1\nS: 235 2.7.0 ok\n").arg(QString::fromLatin1(plain))
        << true << QStringLiteral("AUTH PLAIN ********");
    QTest::newRow("PLAIN refused")
        << QByteArray("PLAIN")
        << QStringLiteral("C: AUTH PLAIN %1\nS: 535 5.7.8 Authentication credentials invalid\n")
               .arg(QString::fromLatin1(plain))
        << false << QStringLiteral("AUTH PLAIN ********");
    QTest::newRow("LOGIN") << QByteArray("LOGIN")
                           << QStringLiteral("C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: YW5h\nS: 334 "
                                             "UGFzc3dvcmQ6\nC: %1\nS: 235 ok\n")
                                  .arg(QString::fromLatin1(QByteArray("s3cret!pass").toBase64()))
                           << true << QStringLiteral("AUTH LOGIN");
    QTest::newRow("LOGIN temporary failure")
        << QByteArray("LOGIN")
        << QStringLiteral("C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: YW5h\nS: 334 UGFzc3dvcmQ6\nC: "
                          "%1\nS: 454 4.7.0 Temporary authentication failure\n")
               .arg(QString::fromLatin1(QByteArray("s3cret!pass").toBase64()))
        << false << QStringLiteral("AUTH LOGIN");
    // RFC 2195's challenge, answered with HMAC-MD5 of our password.
    const QByteArray challenge = "<1896.697170952@postoffice.reston.mci.net>";
    const QByteArray digest =
        QMessageAuthenticationCode::hash(challenge, "s3cret!pass", QCryptographicHash::Md5).toHex();
    QTest::newRow("CRAM-MD5") << QByteArray("CRAM-MD5")
                              << QStringLiteral("C: AUTH CRAM-MD5\nS: 334 %1\nC: %2\nS: 235 ok\n")
                                     .arg(QString::fromLatin1(challenge.toBase64()),
                                          QString::fromLatin1(
                                              QByteArray("ana " + digest).toBase64()))
                              << true << QStringLiteral("AUTH CRAM-MD5");
    QTest::newRow("CRAM-MD5 refused")
        << QByteArray("CRAM-MD5")
        << QStringLiteral(
               "C: AUTH CRAM-MD5\nS: 334 %1\nC: %2\nS: 535 5.7.8 Authentication failed\n")
               .arg(QString::fromLatin1(challenge.toBase64()),
                    QString::fromLatin1(QByteArray("ana " + digest).toBase64()))
        << false << QStringLiteral("AUTH CRAM-MD5");
    const QByteArray xoauth = "user=ana\x01"
                              "auth=Bearer s3cret!pass\x01\x01";
    QTest::newRow("XOAUTH2") << QByteArray("XOAUTH2")
                             << QStringLiteral("C: AUTH XOAUTH2 %1\nS: 235 2.7.0 Accepted\n")
                                    .arg(QString::fromLatin1(xoauth.toBase64()))
                             << true << QStringLiteral("AUTH XOAUTH2");
    QTest::newRow("XOAUTH2 refused with JSON challenge")
        << QByteArray("XOAUTH2")
        << QStringLiteral("C: AUTH XOAUTH2 %1\nS: 334 eyJzdGF0dXMiOiI0MDEifQ==\nC: \nS: 535 5.7.8 "
                          "Username and Password not accepted\n")
               .arg(QString::fromLatin1(xoauth.toBase64()))
        << false << QStringLiteral("AUTH XOAUTH2");
}

void TestSmtpClient::auth()
{
    QFETCH(QByteArray, mechanism);
    QFETCH(QString, exchange);
    QFETCH(bool, succeeds);
    QFETCH(QString, shownAuthLine);

    const QString ehlo = QStringLiteral("S: 250-fake\nS: 250 AUTH PLAIN LOGIN CRAM-MD5 XOAUTH2\n");
    const QString rest =
        succeeds ? mail() +
                       QStringLiteral("S: 250 ok\nC: RCPT TO:<b@example.org>\nS: 250 ok\n"
                                      "C: DATA\nS: 354 go\nD:\nS: 250 ok\n") +
                       Quit
                 : Quit;
    Run run(Greeting + ehlo + exchange + rest);
    QVERIFY(run.server.listen());
    BufferMessageSource source(Message);
    SmtpSettings settings = run.settings();
    settings.authenticate = true;
    settings.authMechanism = mechanism;
    settings.credentials = {QStringLiteral("ana"), QStringLiteral("s3cret!pass"), QString()};
    run.client.send(settings, envelope(), &source);
    QTRY_VERIFY(run.result.has_value());
    const QString context = run.context();
    QTRY_VERIFY2(run.scriptFollowed(), qPrintable(context));
    QCOMPARE(run.result->delivered(), succeeds);
    if (!succeeds) {
        QCOMPARE(run.result->error, Error::Authentication);
        QCOMPARE(run.result->step, QStringLiteral("Authenticating"));
        QVERIFY2(run.result->message.contains(QString::number(run.result->reply.code)),
                 qPrintable(run.result->message));
    }
    // The secret, and its base64 and hex forms, never reach the transcript.
    const QByteArray secret = "s3cret!pass";
    const QString text = run.transcriptText();
    for (const QByteArray &form : {secret, secret.toBase64(), secret.toHex(),
                                   QByteArray("\0ana\0s3cret!pass", 16).toBase64(), xoauthForm()})
        QVERIFY2(!text.contains(QString::fromLatin1(form)),
                 qPrintable(QStringLiteral("leaked: ") + QString::fromLatin1(form)));
    bool sawAuth = false;
    for (const TranscriptEntry &e : run.transcript) {
        if (e.direction == TranscriptEntry::Direction::Client && e.text.startsWith(shownAuthLine)) {
            sawAuth = true;
            if (mechanism == "PLAIN" || mechanism == "XOAUTH2")
                QVERIFY(e.redacted);
        }
    }
    QVERIFY2(sawAuth, qPrintable(text));
}

void TestSmtpClient::authOverPlaintextToLoopback()
{
    // RFC 4954 leaves it to the client; Postwire allows unencrypted AUTH only to loopback (a
    // local test server) unless the account says otherwise. Tests cannot reach a non-loopback
    // server, so this checks the loopback side; the refusal path is in the client's startAuth().
    Run run(Greeting +
            QStringLiteral("S: 250-fake\nS: 250 AUTH PLAIN\nC~ AUTH PLAIN .*\nS: 235 ok\n") +
            mail() +
            QStringLiteral("S: 250 ok\nC: RCPT TO:<b@example.org>\nS: 250 ok\nC: DATA\nS: 354 "
                           "go\nD:\nS: 250 ok\n") +
            Quit);
    QVERIFY(run.server.listen());
    BufferMessageSource source(Message);
    SmtpSettings settings = run.settings();
    settings.authenticate = true;
    settings.credentials = {QStringLiteral("ana"), QStringLiteral("pw"), QString()};
    run.client.send(settings, envelope(), &source);
    QTRY_VERIFY(run.result.has_value());
    QVERIFY2(run.result->delivered(), qPrintable(run.transcriptText()));
}

void TestSmtpClient::authRefusedOverPlaintext_data()
{
    QTest::addColumn<bool>("allowed");
    QTest::newRow("refused: nothing but QUIT") << false;
    QTest::newRow("explicitly allowed, with a warning") << true;
}

void TestSmtpClient::authRefusedOverPlaintext()
{
    // The rule for a server that is not on loopback, applied to the loopback fake server.
    QFETCH(bool, allowed);
    const QString tail =
        allowed ? QStringLiteral("C~ AUTH PLAIN .+\nS: 235 ok\n") + mail() +
                      QStringLiteral("S: 250 ok\nC: RCPT TO:<b@example.org>\nS: 250 ok\n"
                                     "C: DATA\nS: 354 go\nD:\nS: 250 ok\n") +
                      Quit
                : Quit;
    Run run(Greeting + QStringLiteral("S: 250-fake\nS: 250 AUTH PLAIN\n") + tail);
    QVERIFY(run.server.listen());
    BufferMessageSource source(Message);
    SmtpSettings settings = run.settings();
    settings.loopbackIsTrusted = false;
    settings.allowPlaintextAuth = allowed;
    settings.authenticate = true;
    settings.credentials = {QStringLiteral("ana"), QStringLiteral("pw"), QString()};
    run.client.send(settings, envelope(), &source);
    QTRY_VERIFY(run.result.has_value());
    const QString context = run.context();
    QTRY_VERIFY2(run.scriptFollowed(), qPrintable(context));
    QCOMPARE(run.result->delivered(), allowed);
    if (allowed) {
        QVERIFY(context.contains(
            QStringLiteral("warning: authenticating over an UNENCRYPTED connection")));
    } else {
        QCOMPARE(run.result->error, Error::Authentication);
        QVERIFY(run.result->message.contains(QStringLiteral("unencrypted connection")));
        QCOMPARE(run.server.clientLines(),
                 QStringList({QStringLiteral("EHLO test.example"), QStringLiteral("QUIT")}));
    }
}

void TestSmtpClient::ipv6()
{
    Run run(Greeting + QStringLiteral("S: 250 fake\n") + mail() +
            QStringLiteral("S: 250 ok\nC: RCPT TO:<b@example.org>\nS: 250 ok\nC: DATA\nS: 354 "
                           "go\nD:\nS: 250 ok\n") +
            Quit);
    if (!run.server.listen(QHostAddress::LocalHostIPv6))
        QSKIP("this machine has no IPv6 loopback");
    BufferMessageSource source(Message);
    SmtpSettings settings = run.settings();
    settings.host = QStringLiteral("::1");
    run.client.send(settings, envelope(), &source);
    QTRY_VERIFY(run.result.has_value());
    QVERIFY2(run.result->delivered(), qPrintable(run.transcriptText()));
    QVERIFY(run.transcriptText().contains(QStringLiteral("connected to ::1")));
}

namespace {
QString g_hostName; // what the injected host-name lookup answers
QString fakeHostName()
{
    return g_hostName;
}
} // namespace

void TestSmtpClient::ehloName_data()
{
    QTest::addColumn<QString>("hostName"); // what the host-name lookup answers
    QTest::addColumn<QString>("setting");  // the account's EHLO name
    QTest::addColumn<bool>("v6");          // the server's address (and so the client's end): ::1
    QTest::addColumn<QString>("ehlo");
    const bool v4 = false;
    const bool v6 = true;
    // Issue 14, item 12 (RFC 5321 section 4.1.4): an FQDN, else the address literal.
    QTest::newRow("FQDN") << QStringLiteral("mail.example.org") << QString() << v4
                          << QStringLiteral("mail.example.org");
    QTest::newRow("short name: IPv4 literal")
        << QStringLiteral("vm") << QString() << v4 << QStringLiteral("[127.0.0.1]");
    QTest::newRow("no name: IPv4 literal")
        << QString() << QString() << v4 << QStringLiteral("[127.0.0.1]");
    QTest::newRow("localdomain is no FQDN")
        << QStringLiteral("vm.localdomain") << QString() << v4 << QStringLiteral("[127.0.0.1]");
    QTest::newRow("short name: IPv6 literal")
        << QStringLiteral("vm") << QString() << v6 << QStringLiteral("[IPv6:::1]");
    QTest::newRow("the account's setting wins")
        << QStringLiteral("mail.example.org") << QStringLiteral("set.example") << v4
        << QStringLiteral("set.example");
}

void TestSmtpClient::ehloName()
{
    QFETCH(QString, hostName);
    QFETCH(QString, setting);
    QFETCH(bool, v6);
    QFETCH(QString, ehlo);
    const QHostAddress listen = v6 ? QHostAddress::LocalHostIPv6 : QHostAddress::LocalHost;
    g_hostName = hostName;
    SmtpClient::setHostNameLookup(&fakeHostName);
    const auto restore = qScopeGuard([] { SmtpClient::setHostNameLookup(nullptr); });
    Run run(
        QStringLiteral("S: 220 fake\nC: EHLO %1\nS: 250 fake\nC: QUIT\nS: 221 bye\n").arg(ehlo));
    if (!run.server.listen(listen))
        QSKIP("this machine has no IPv6 loopback");
    SmtpSettings settings = run.settings();
    settings.host = listen.toString();
    settings.heloName = setting;
    run.client.probe(settings);
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 10000);
    QTRY_VERIFY2(run.scriptFollowed(), qPrintable(run.context()));
    QVERIFY2(run.result->delivered(), qPrintable(run.context()));
}

void TestSmtpClient::startTlsRequiredButNotOffered()
{
    // Nothing after EHLO but QUIT: no AUTH, no MAIL.
    Run run(Greeting + QStringLiteral("S: 250-fake\nS: 250 AUTH PLAIN\n") + Quit);
    QVERIFY(run.server.listen());
    BufferMessageSource source(Message);
    SmtpSettings settings = run.settings();
    settings.security = SmtpSettings::Security::StartTls;
    settings.authenticate = true;
    settings.credentials = {QStringLiteral("ana"), QStringLiteral("pw"), QString()};
    run.client.send(settings, envelope(), &source);
    QTRY_VERIFY(run.result.has_value());
    QTRY_VERIFY2(run.scriptFollowed(), qPrintable(run.server.report()));
    QCOMPARE(run.server.clientLines(),
             QStringList({QStringLiteral("EHLO test.example"), QStringLiteral("QUIT")}));
    QCOMPARE(run.result->error, Error::Tls);
    QCOMPARE(run.result->step, QStringLiteral("Ehlo"));
    QVERIFY(run.result->message.contains(QStringLiteral("does not offer STARTTLS")));
}

void TestSmtpClient::unansweredQuitAfterTheOutcome_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<Outcome>("outcome");
    const QString envelopeOk = Greeting + QStringLiteral("S: 250 fake\n") + mail() +
                               QStringLiteral("S: 250 ok\nC: RCPT TO:<b@example.org>\nS: 250 ok\n"
                                              "C: DATA\nS: 354 go\nD:\n");
    // Issue 17, item 8: the server never answers QUIT (the scenario ends there).
    QTest::newRow("after acceptance")
        << envelopeOk + QStringLiteral("S: 250 ok\nC: QUIT\n") << Outcome::Success;
    QTest::newRow("after a refusal")
        << envelopeOk + QStringLiteral("S: 554 5.7.1 no\nC: QUIT\n") << Outcome::Failure;
}

void TestSmtpClient::unansweredQuitAfterTheOutcome()
{
    QFETCH(QString, scenario);
    QFETCH(Outcome, outcome);
    Run run(scenario);
    QVERIFY(run.server.listen());
    BufferMessageSource source(Message);
    SmtpSettings settings = run.settings();
    settings.timeouts = SmtpTimeouts(); // RFC 5321's: 30 s for QUIT
    QElapsedTimer clock;
    clock.start();
    run.client.send(settings, envelope(), &source);
    // The outcome is known: a short grace, far below QUIT's own 30 s.
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), SmtpTimeouts::QuitGrace + 3000);
    QVERIFY2(clock.elapsed() < SmtpTimeouts::QuitGrace + 3000, qPrintable(run.context()));
    QTRY_VERIFY2(run.scriptFollowed(), qPrintable(run.context()));
    QCOMPARE(run.result->outcome, outcome);
    QVERIFY(run.transcriptText().contains(QStringLiteral("no reply to QUIT")));
}

void TestSmtpClient::tls_data()
{
    QTest::addColumn<int>("security");
    QTest::addColumn<QString>("ehlo");
    QTest::addColumn<bool>("encrypted");
    QTest::newRow("STARTTLS required") << int(SmtpSettings::Security::StartTls)
                                       << QStringLiteral("S: 250-fake\nS: 250 STARTTLS\n") << true;
    QTest::newRow("STARTTLS if offered, offered")
        << int(SmtpSettings::Security::StartTlsIfOffered)
        << QStringLiteral("S: 250-fake\nS: 250 STARTTLS\n") << true;
    QTest::newRow("STARTTLS if offered, not offered: warned")
        << int(SmtpSettings::Security::StartTlsIfOffered) << QStringLiteral("S: 250 fake\n")
        << false;
}

void TestSmtpClient::tls()
{
    QFETCH(int, security);
    QFETCH(QString, ehlo);
    QFETCH(bool, encrypted);
    const QString afterTls =
        encrypted ? QStringLiteral("C: STARTTLS\nS: 220 go ahead\nT:\nC: EHLO test.example\n"
                                   "S: 250-fake\nS: 250 AUTH PLAIN\nC~ AUTH PLAIN .+\nS: 235 ok\n")
                  : QString();
    Run run(Greeting + ehlo + afterTls + mail() +
            QStringLiteral("S: 250 ok\nC: RCPT TO:<b@example.org>\nS: 250 ok\nC: DATA\nS: 354 "
                           "go\nD:\nS: 250 ok\n") +
            Quit);
    run.server.setCertificate(certs("server.pem"), certs("server.key"));
    QVERIFY(run.server.listen());
    BufferMessageSource source(Message);
    SmtpSettings settings = run.settings();
    settings.security = SmtpSettings::Security(security);
    settings.host = QStringLiteral("localhost");
    settings.caCertificates = QSslCertificate::fromPath(certs("ca.pem"));
    settings.authenticate = encrypted;
    settings.credentials = {QStringLiteral("ana"), QStringLiteral("pw"), QString()};
    run.client.send(settings, envelope(), &source);
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 10000);
    const QString context = run.context();
    QVERIFY2(run.result->delivered(), qPrintable(context));
    QTRY_VERIFY2(run.scriptFollowed(), qPrintable(context));
    QCOMPARE(run.server.receivedData(), Message);
    QCOMPARE(context.contains(QStringLiteral("TLS established")), encrypted);
    if (encrypted) {
        QVERIFY(context.contains(QStringLiteral("Postwire Test CA")));
        QVERIFY(context.contains(QStringLiteral("SHA-256")));
    } else {
        QVERIFY(context.contains(QStringLiteral("continuing UNENCRYPTED")));
    }
}

void TestSmtpClient::certificateReview_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>(
        "decision"); // approve, reject, none (no one listening), pin, wrongpin
    QTest::addColumn<bool>("delivered");
    QTest::addColumn<QString>("reason");
    QTest::newRow("self-signed, approved")
        << QStringLiteral("selfsigned") << QStringLiteral("approve") << true << QString();
    QTest::newRow("self-signed, refused")
        << QStringLiteral("selfsigned") << QStringLiteral("reject") << false
        << QStringLiteral("self-signed");
    QTest::newRow("self-signed, nobody to ask")
        << QStringLiteral("selfsigned") << QStringLiteral("none") << false
        << QStringLiteral("not trusted");
    QTest::newRow("expired, refused") << QStringLiteral("expired") << QStringLiteral("reject")
                                      << false << QStringLiteral("expired");
    QTest::newRow("wrong host, refused") << QStringLiteral("wronghost") << QStringLiteral("reject")
                                         << false << QStringLiteral("host name");
    QTest::newRow("self-signed, pinned")
        << QStringLiteral("selfsigned") << QStringLiteral("pin") << true << QString();
    QTest::newRow("pinned, changed to one that verifies")
        << QStringLiteral("server") << QStringLiteral("wrongpin") << false
        << QStringLiteral("certificate changed");
    QTest::newRow("pinned certificate changed")
        << QStringLiteral("other") << QStringLiteral("wrongpin") << false
        << QStringLiteral("certificate changed");
}

void TestSmtpClient::certificateReview()
{
    QFETCH(QString, certificate);
    QFETCH(QString, decision);
    QFETCH(bool, delivered);
    QFETCH(QString, reason);
    const QString tail =
        delivered ? QStringLiteral("C: EHLO test.example\nS: 250 fake\n") + mail() +
                        QStringLiteral("S: 250 ok\nC: RCPT TO:<b@example.org>\nS: 250 ok\n"
                                       "C: DATA\nS: 354 go\nD:\nS: 250 ok\n") +
                        Quit
                  : QString();
    Run run(Greeting +
            QStringLiteral("S: 250-fake\nS: 250 STARTTLS\nC: STARTTLS\nS: 220 go ahead\nT:\n") +
            tail);
    run.server.setCertificate(certs(qPrintable(certificate + QStringLiteral(".pem"))),
                              certs(qPrintable(certificate + QStringLiteral(".key"))));
    QVERIFY(run.server.listen());
    BufferMessageSource source(Message);
    SmtpSettings settings = run.settings();
    settings.security = SmtpSettings::Security::StartTls;
    settings.host = QStringLiteral("localhost");
    settings.caCertificates = QSslCertificate::fromPath(certs("ca.pem"));
    const auto fingerprint = [](const QString &name) {
        return QSslCertificate::fromPath(certs(qPrintable(name + QStringLiteral(".pem"))))
            .value(0)
            .digest(QCryptographicHash::Sha256)
            .toHex();
    };
    if (decision == QLatin1String("pin"))
        settings.pinnedFingerprints = {fingerprint(certificate)};
    if (decision == QLatin1String("wrongpin"))
        settings.pinnedFingerprints = {fingerprint(QStringLiteral("selfsigned"))};
    QList<QSslError> reviewed;
    if (decision == QLatin1String("approve") || decision == QLatin1String("reject")) {
        QObject::connect(&run.client, &SmtpClient::certificateReview, &run.client,
                         [&](const QList<QSslCertificate> &chain, const QList<QSslError> &errors) {
                             QVERIFY(!chain.isEmpty());
                             reviewed = errors;
                             QCOMPARE(run.client.state(), State::CertificateReview);
                             // A person answers later, from the event loop.
                             QTimer::singleShot(50, &run.client, [&run, decision] {
                                 if (decision == QLatin1String("approve"))
                                     run.client.approveCertificate();
                                 else
                                     run.client.rejectCertificate();
                             });
                         });
    }
    run.client.send(settings, envelope(), &source);
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 10000);
    const QString context = run.context();
    QCOMPARE(run.result->delivered(), delivered);
    if (decision == QLatin1String("approve") || decision == QLatin1String("reject"))
        QVERIFY2(!reviewed.isEmpty(), qPrintable(context));
    if (delivered) {
        QCOMPARE(run.server.receivedData(), Message);
    } else {
        QCOMPARE(run.result->error, Error::Tls);
        QVERIFY2(run.result->message.contains(reason, Qt::CaseInsensitive),
                 qPrintable(run.result->message));
        // Nothing but STARTTLS after EHLO went out in the clear or otherwise.
        QVERIFY(!run.server.clientLines().contains(QStringLiteral("MAIL FROM:<a@example.org>")));
    }
    if (decision == QLatin1String("wrongpin")) {
        // Both fingerprints, as people compare them: upper-case hex pairs with colons.
        const auto shown = [&](const QString &name) {
            return QString::fromLatin1(QByteArray::fromHex(fingerprint(name)).toHex(':').toUpper());
        };
        QVERIFY2(run.result->message.contains(shown(certificate)), qPrintable(run.result->message));
        QVERIFY2(run.result->message.contains(shown(QStringLiteral("selfsigned"))),
                 qPrintable(run.result->message));
    }
}

void TestSmtpClient::implicitTls()
{
    Run run(QStringLiteral("S: 220 fake ESMTP\nC: EHLO test.example\nS: 250 fake\n") + mail() +
            QStringLiteral("S: 250 ok\nC: RCPT TO:<b@example.org>\nS: 250 ok\nC: DATA\nS: 354 "
                           "go\nD:\nS: 250 ok\n") +
            Quit);
    run.server.setCertificate(certs("server.pem"), certs("server.key"));
    run.server.setImplicitTls(true);
    QVERIFY(run.server.listen());
    BufferMessageSource source(Message);
    SmtpSettings settings = run.settings();
    settings.security = SmtpSettings::Security::ImplicitTls;
    settings.host = QStringLiteral("localhost");
    settings.caCertificates = QSslCertificate::fromPath(certs("ca.pem"));
    run.client.send(settings, envelope(), &source);
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 10000);
    const QString context = run.context();
    QVERIFY2(run.result->delivered(), qPrintable(context));
    QVERIFY(context.contains(QStringLiteral("TLS established")));
}

void TestSmtpClient::smtpUtf8AndIdn()
{
    {
        // Non-ASCII local part, no SMTPUTF8: refused, nothing sent after EHLO but QUIT.
        Run run(Greeting + QStringLiteral("S: 250 fake\n") + Quit);
        QVERIFY(run.server.listen());
        BufferMessageSource source(Message);
        run.client.send(run.settings(), envelope({QStringLiteral("jürgen@example.org")}), &source);
        QTRY_VERIFY(run.result.has_value());
        QCOMPARE(run.result->error, Error::InvalidInput);
        QVERIFY(run.result->message.contains(QStringLiteral("jürgen@example.org")));
        QVERIFY2(run.server.unconsumed().isEmpty(), qPrintable(run.server.report()));
    }
    {
        // With SMTPUTF8 the address goes as UTF-8 and MAIL says SMTPUTF8; an IDN domain alone
        // goes as its A-label without needing SMTPUTF8.
        Run run(
            Greeting + QStringLiteral("S: 250-fake\nS: 250 SMTPUTF8\n") +
            QStringLiteral(
                "C: MAIL FROM:<a@example.org> SMTPUTF8\nS: 250 ok\nC: RCPT "
                "TO:<jürgen@example.org>\nS: 250 ok\n"
                "C: RCPT TO:<b@bücher.example>\nS: 250 ok\nC: DATA\nS: 354 go\nD:\nS: 250 ok\n") +
            Quit);
        QVERIFY(run.server.listen());
        BufferMessageSource source(Message);
        run.client.send(
            run.settings(),
            envelope({QStringLiteral("jürgen@example.org"), QStringLiteral("b@bücher.example")}),
            &source);
        QTRY_VERIFY(run.result.has_value());
        QVERIFY2(run.result->delivered(), qPrintable(run.transcriptText() + run.server.report()));
    }
    {
        Run run(Greeting + QStringLiteral("S: 250 fake\n") + mail() +
                QStringLiteral("S: 250 ok\nC: RCPT TO:<b@xn--bcher-kva.example>\nS: 250 ok\nC: "
                               "DATA\nS: 354 go\nD:\nS: 250 ok\n") +
                Quit);
        QVERIFY(run.server.listen());
        BufferMessageSource source(Message);
        run.client.send(run.settings(), envelope({QStringLiteral("b@bücher.example")}), &source);
        QTRY_VERIFY(run.result.has_value());
        QVERIFY2(run.result->delivered(), qPrintable(run.transcriptText() + run.server.report()));
    }
}

void TestSmtpClient::eightBitMime()
{
    Run run(Greeting + QStringLiteral("S: 250-fake\nS: 250-8BITMIME\nS: 250 DSN\n") +
            QStringLiteral(
                "C: MAIL FROM:<a@example.org> BODY=8BITMIME RET=HDRS ENVID=abc+2B1+3D2\nS: 250 ok\n"
                "C: RCPT TO:<b@example.org> NOTIFY=SUCCESS,FAILURE\nS: 250 ok\nC: DATA\nS: 354 "
                "go\nD:\nS: 250 ok\n") +
            Quit);
    QVERIFY(run.server.listen());
    const QByteArray content = "Subject: caf\xc3\xa9\r\n\r\n\xc3\xa9t\xc3\xa9\r\n";
    BufferMessageSource source(content, true, false);
    Envelope e = envelope();
    e.dsn.notify = DsnOptions::Success | DsnOptions::Failure;
    e.dsn.envelopeId = "abc+1=2"; // "+" and "=" travel as xtext (RFC 3461)
    e.dsn.ret = DsnOptions::Return::Headers;
    run.client.send(run.settings(), e, &source);
    QTRY_VERIFY(run.result.has_value());
    QVERIFY2(run.result->delivered(), qPrintable(run.transcriptText() + run.server.report()));
    QCOMPARE(run.server.receivedData(), content);
}

void TestSmtpClient::cancelDuringContent()
{
    // A large message to a server that reads slowly: cancel while the content flows. The
    // message must not be ended with "." (that would deliver half of it).
    QByteArray big(32 << 20, 'y');
    for (qsizetype i = 100; i < big.size(); i += 100)
        big[i] = '\n';
    Run run(Greeting + QStringLiteral("S: 250 fake\n") + mail() +
            QStringLiteral("S: 250 ok\nC: RCPT TO:<b@example.org>\nS: 250 ok\nC: DATA\nS: 354 "
                           "go\nD:\nS: 250 ok\n"));
    QVERIFY(run.server.listen());
    BufferMessageSource source(big);
    QObject::connect(&run.client, &SmtpClient::progress, &run.client, [&run](qint64 sent, qint64) {
        if (sent > 0)
            QMetaObject::invokeMethod(&run.client, &SmtpClient::cancel, Qt::QueuedConnection);
    });
    run.client.send(run.settings(), envelope(), &source);
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 20000);
    QCOMPARE(run.result->outcome, Outcome::Cancelled);
    QCOMPARE(run.result->step, QStringLiteral("Content"));
    QTRY_VERIFY(run.server.clientDisconnected());
    QVERIFY(!run.server.scenarioComplete()); // the "." never came
}

void TestSmtpClient::sourceFailsMidContent_data()
{
    QTest::addColumn<bool>("chunking");
    QTest::newRow("DATA") << false;
    QTest::newRow("BDAT") << true;
}

void TestSmtpClient::sourceFailsMidContent()
{
    // An attachment that vanishes while the message goes out: the error names the file, the
    // message is never ended (no "." or full BDAT), and it is not blamed on the server.
    QFETCH(bool, chunking);
    QByteArray half = "Subject: big\r\n\r\n";
    half += QByteArray(600 * 1024, 'z');
    const qint64 announced = half.size() * 2;
    const QString data =
        chunking
            ? QStringLiteral("C: RCPT TO:<b@example.org>\nC: BDAT %1 LAST\nS: 250 ok\nS: 250 ok\n"
                             "B: %1\nS: 250 never\n")
                  .arg(announced)
            : QStringLiteral("C: RCPT TO:<b@example.org>\nC: DATA\nS: 250 ok\nS: 250 ok\n"
                             "S: 354 go\nD:\nS: 250 never\n");
    Run run(Greeting +
            (chunking ? QStringLiteral("S: 250-fake\nS: 250-PIPELINING\nS: 250 CHUNKING\n")
                      : QStringLiteral("S: 250-fake\nS: 250 PIPELINING\n")) +
            mail() + data);
    QVERIFY(run.server.listen());
    FailingMessageSource source(half, announced,
                                QStringLiteral("attachment report.pdf: the file disappeared"));
    run.client.send(run.settings(), envelope(), &source);
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 10000);
    QCOMPARE(run.result->outcome, Outcome::Failure);
    QCOMPARE(run.result->error, Error::MessageSource);
    QVERIFY2(run.result->message.contains(QStringLiteral("report.pdf")),
             qPrintable(run.result->message));
    QVERIFY2(!run.context().contains(QStringLiteral("server closed")), qPrintable(run.context()));
    QTRY_VERIFY(run.server.clientDisconnected());
    QVERIFY2(!run.server.scenarioComplete(), qPrintable(run.context())); // never ended
}

void TestSmtpClient::pipelinedLatencyIsTheServersOwn()
{
    // Replies to a pipelined group come one after another; each reply's latency is the time
    // since the previous reply, not since the whole group was sent.
    Run run(
        Greeting + QStringLiteral("S: 250-fake\nS: 250 PIPELINING\n") + mail() +
        QStringLiteral("C: RCPT TO:<b@example.org>\nC: DATA\nS: 250 ok\nW: 120\nS: 250 ok\nW: 120\n"
                       "S: 354 go\nD:\nC: QUIT\nS: 250 ok\nS: 221 bye\n"));
    QVERIFY(run.server.listen());
    BufferMessageSource source(Message);
    run.client.send(run.settings(), envelope(), &source);
    QTRY_VERIFY(run.result.has_value());
    QVERIFY2(run.result->delivered(), qPrintable(run.context()));
    QList<TranscriptEntry> replies;
    for (const TranscriptEntry &e : std::as_const(run.transcript)) {
        if (e.direction == TranscriptEntry::Direction::Server && e.lastLineOfReply)
            replies << e;
    }
    // EHLO... then MAIL 250, RCPT 250, DATA 354
    QVERIFY(replies.size() >= 5);
    const TranscriptEntry &mailReply = replies[2];
    const TranscriptEntry &rcptReply = replies[3];
    const TranscriptEntry &dataReply = replies[4];
    QCOMPARE(dataReply.replyCode, 354);
    QVERIFY2(qAbs(rcptReply.latencyMs - (rcptReply.elapsedMs - mailReply.elapsedMs)) <= 1,
             qPrintable(run.context()));
    QVERIFY2(qAbs(dataReply.latencyMs - (dataReply.elapsedMs - rcptReply.elapsedMs)) <= 1,
             qPrintable(run.context()));
}

void TestSmtpClient::longBurstLeavesTheEventLoopRunning()
{
    // 2,000 pipelined RCPTs: their lines and their replies reach transcriptEntry() in slices,
    // the thread's other events (here a zero timer) running in between, and still in order.
    constexpr int Recipients = 2000;
    QStringList recipients;
    QString rcpts;
    QString oks;
    for (int i = 0; i < Recipients; ++i) {
        recipients << QStringLiteral("r%1@example.org").arg(i);
        rcpts += QStringLiteral("C: RCPT TO:<r%1@example.org>\n").arg(i);
        oks += QStringLiteral("S: 250 ok\n");
    }
    Run run(Greeting + QStringLiteral("S: 250-fake\nS: 250 PIPELINING\n") + mail() + rcpts +
            QStringLiteral("C: DATA\nS: 250 ok\n") + oks +
            QStringLiteral("S: 354 go\nD:\nC: QUIT\nS: 250 ok\nS: 221 bye\n"));
    QVERIFY(run.server.listen());
    int turns = 0;
    QTimer tick;
    tick.setInterval(0);
    connect(&tick, &QTimer::timeout, this, [&turns] { ++turns; });
    tick.start();
    QList<int> turnOfLine;
    connect(&run.client, &SmtpClient::transcriptEntry, this, [&](const TranscriptEntry &) {
        turnOfLine << turns;
        // Work such as a window does for each line (the pane, the history), so that the burst
        // takes many slices on any machine.
        QCryptographicHash::hash(QByteArray(64 * 1024, 'x'), QCryptographicHash::Sha256);
    });
    BufferMessageSource source(Message);
    run.client.send(run.settings(), envelope(recipients), &source);
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 60000);
    QVERIFY2(run.result->delivered(), qPrintable(run.result->message));
    QTRY_VERIFY2(run.scriptFollowed(), qPrintable(run.server.report()));
    QCOMPARE(turnOfLine.size(), run.transcript.size());

    // In order: every reply answers a command shown before it.
    QSet<int> shown;
    qsizetype firstRcpt = -1;
    qsizetype lastRcptReply = -1;
    for (qsizetype i = 0; i < run.transcript.size(); ++i) {
        const TranscriptEntry &e = run.transcript.at(i);
        if (e.command.id < 0 || e.command.kind == TranscriptCommand::Kind::Greeting)
            continue;
        if (e.direction == TranscriptEntry::Direction::Client) {
            shown.insert(e.command.id);
            if (e.command.kind == TranscriptCommand::Kind::Rcpt && firstRcpt < 0)
                firstRcpt = i;
        } else if (e.direction == TranscriptEntry::Direction::Server) {
            QVERIFY2(shown.contains(e.command.id), qPrintable(e.text));
            if (e.command.kind == TranscriptCommand::Kind::Rcpt)
                lastRcptReply = i;
        }
    }
    QVERIFY(firstRcpt >= 0 && lastRcptReply > firstRcpt);
    QCOMPARE(run.result->recipients.size(), Recipients);
    // Handled all at once, the 4,000 lines took one or two turns of the event loop.
    QVERIFY2(turnOfLine.at(lastRcptReply) - turnOfLine.at(firstRcpt) >= 10,
             qPrintable(QStringLiteral("%1 turns")
                            .arg(turnOfLine.at(lastRcptReply) - turnOfLine.at(firstRcpt))));
}

namespace {

// "250 ok <- 3 Rcpt "RCPT" RCPT TO:<b@example.org> @1/5": a reply line and the command it
// answers (id, kind, verb, line, place in its pipelined group or "alone").
QString link(const TranscriptCommand &c)
{
    const QString place = c.group < 0 ? QStringLiteral("alone")
                                      : QStringLiteral("@%1/%2").arg(c.groupIndex).arg(c.groupSize);
    return QStringLiteral("%1 %2 \"%3\" %4 %5")
        .arg(c.id)
        .arg(QLatin1String(QMetaEnum::fromType<TranscriptCommand::Kind>().valueToKey(int(c.kind))),
             c.verb(), c.line, place);
}

// "To b@example.org #0 [DSN]": where a command came from.
QString origin(const CommandOrigin &o)
{
    return QStringLiteral("%1 %2 #%3 [%4]")
        .arg(QLatin1String(QMetaEnum::fromType<CommandOrigin::Source>().valueToKey(int(o.source))),
             o.address)
        .arg(o.recipient)
        .arg(o.options.join(QLatin1Char(',')));
}

} // namespace

void TestSmtpClient::commandLinks_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<bool>("pipelining");
    QTest::addColumn<QStringList>("replies");  // each server line <- link()
    QTest::addColumn<QStringList>("commands"); // each client command: link() | origin()

    const QString bdat = QStringLiteral("BDAT %1 LAST").arg(Size);
    QTest::newRow("PIPELINING: MAIL + 3 RCPT + DATA, the second RCPT refused")
        << Greeting +
               QStringLiteral("S: 250-fake\nS: 250 PIPELINING\n") + mail() +
               QStringLiteral("C: RCPT TO:<b@example.org>\nC: RCPT TO:<c@example.org>\n"
                              "C: RCPT TO:<d@example.org>\nC: DATA\nS: 250 2.1.0 ok\n"
                              "S: 250 2.1.5 ok\nS: 550 5.1.1 no such user\nS: 250 2.1.5 ok\n"
                              "S: 354 go\nD:\nC: QUIT\nS: 250 2.0.0 queued\nS: 221 bye\n")
        << true
        << QStringList{
               QStringLiteral("220 fake ESMTP <- 0 Greeting \"\"  alone"),
               QStringLiteral("250-fake <- 1 Ehlo \"EHLO\" EHLO test.example alone"),
               QStringLiteral("250 PIPELINING <- 1 Ehlo \"EHLO\" EHLO test.example alone"),
               QStringLiteral("250 2.1.0 ok <- 2 Mail \"MAIL\" MAIL FROM:<a@example.org> @0/5"),
               QStringLiteral("250 2.1.5 ok <- 3 Rcpt \"RCPT\" RCPT TO:<b@example.org> @1/5"),
               QStringLiteral(
                   "550 5.1.1 no such user <- 4 Rcpt \"RCPT\" RCPT TO:<c@example.org> @2/5"),
               QStringLiteral("250 2.1.5 ok <- 5 Rcpt \"RCPT\" RCPT TO:<d@example.org> @3/5"),
               QStringLiteral("354 go <- 6 Data \"DATA\" DATA @4/5"),
               QStringLiteral("250 2.0.0 queued <- 7 EndOfData \".\" . @0/2"),
               QStringLiteral("221 bye <- 8 Quit \"QUIT\" QUIT @1/2"),
           }
        << QStringList{
               QStringLiteral("1 Ehlo \"EHLO\" EHLO test.example alone | EhloName  #-1 []"),
               QStringLiteral("2 Mail \"MAIL\" MAIL FROM:<a@example.org> @0/5 | "
                              "From a@example.org #-1 []"),
               QStringLiteral(
                   "3 Rcpt \"RCPT\" RCPT TO:<b@example.org> @1/5 | To b@example.org #0 []"),
               QStringLiteral(
                   "4 Rcpt \"RCPT\" RCPT TO:<c@example.org> @2/5 | Cc c@example.org #1 []"),
               QStringLiteral(
                   "5 Rcpt \"RCPT\" RCPT TO:<d@example.org> @3/5 | Bcc d@example.org #2 []"),
               QStringLiteral("6 Data \"DATA\" DATA @4/5 | Message  #-1 []"),
               QStringLiteral("7 EndOfData \".\" . @0/2 | Message  #-1 []"),
               QStringLiteral("8 Quit \"QUIT\" QUIT @1/2 | Protocol  #-1 []"),
           };
    QTest::newRow("PIPELINING and CHUNKING: MAIL + RCPT + BDAT LAST")
        << Greeting +
               QStringLiteral("S: 250-fake\nS: 250-PIPELINING\nS: 250-SIZE\nS: 250 CHUNKING\n") +
               mail(QStringLiteral(" SIZE=") + Size) +
               QStringLiteral("C: RCPT TO:<b@example.org>\nC: %1\nS: 250 2.1.0 ok\n"
                              "S: 250 2.1.5 ok\nB: %2\nS: 250 2.0.0 queued\nC: QUIT\n"
                              "S: 221 bye\n")
                   .arg(bdat, Size)
        << true
        << QStringList{
               QStringLiteral("220 fake ESMTP <- 0 Greeting \"\"  alone"),
               QStringLiteral("250-fake <- 1 Ehlo \"EHLO\" EHLO test.example alone"),
               QStringLiteral("250-PIPELINING <- 1 Ehlo \"EHLO\" EHLO test.example alone"),
               QStringLiteral("250-SIZE <- 1 Ehlo \"EHLO\" EHLO test.example alone"),
               QStringLiteral("250 CHUNKING <- 1 Ehlo \"EHLO\" EHLO test.example alone"),
               QStringLiteral("250 2.1.0 ok <- 2 Mail \"MAIL\" MAIL FROM:<a@example.org> SIZE=%1 "
                              "@0/3")
                   .arg(Size),
               QStringLiteral("250 2.1.5 ok <- 3 Rcpt \"RCPT\" RCPT TO:<b@example.org> @1/3"),
               QStringLiteral("250 2.0.0 queued <- 4 Bdat \".\" %1 @2/3").arg(bdat),
               QStringLiteral("221 bye <- 5 Quit \"QUIT\" QUIT alone"),
           }
        << QStringList{
               QStringLiteral("1 Ehlo \"EHLO\" EHLO test.example alone | EhloName  #-1 []"),
               QStringLiteral("2 Mail \"MAIL\" MAIL FROM:<a@example.org> SIZE=%1 @0/3 | "
                              "From a@example.org #-1 [SIZE]")
                   .arg(Size),
               QStringLiteral(
                   "3 Rcpt \"RCPT\" RCPT TO:<b@example.org> @1/3 | To b@example.org #0 []"),
               QStringLiteral("4 Bdat \".\" %1 @2/3 | Message  #-1 []").arg(bdat),
               QStringLiteral("5 Quit \"QUIT\" QUIT alone | Protocol  #-1 []"),
           };
    QTest::newRow("no PIPELINING: each command alone")
        << Greeting + QStringLiteral("S: 250 fake\n") + mail() +
               QStringLiteral("S: 250 2.1.0 ok\nC: RCPT TO:<b@example.org>\nS: 250 2.1.5 ok\n"
                              "C: DATA\nS: 354 go\nD:\nS: 250 2.0.0 queued\n") +
               Quit
        << false
        << QStringList{
               QStringLiteral("220 fake ESMTP <- 0 Greeting \"\"  alone"),
               QStringLiteral("250 fake <- 1 Ehlo \"EHLO\" EHLO test.example alone"),
               QStringLiteral("250 2.1.0 ok <- 2 Mail \"MAIL\" MAIL FROM:<a@example.org> alone"),
               QStringLiteral("250 2.1.5 ok <- 3 Rcpt \"RCPT\" RCPT TO:<b@example.org> alone"),
               QStringLiteral("354 go <- 4 Data \"DATA\" DATA alone"),
               QStringLiteral("250 2.0.0 queued <- 5 EndOfData \".\" . alone"),
               QStringLiteral("221 bye <- 6 Quit \"QUIT\" QUIT alone"),
           }
        << QStringList{
               QStringLiteral("1 Ehlo \"EHLO\" EHLO test.example alone | EhloName  #-1 []"),
               QStringLiteral(
                   "2 Mail \"MAIL\" MAIL FROM:<a@example.org> alone | From a@example.org #-1 []"),
               QStringLiteral(
                   "3 Rcpt \"RCPT\" RCPT TO:<b@example.org> alone | To b@example.org #0 []"),
               QStringLiteral("4 Data \"DATA\" DATA alone | Message  #-1 []"),
               QStringLiteral("5 EndOfData \".\" . alone | Message  #-1 []"),
               QStringLiteral("6 Quit \"QUIT\" QUIT alone | Protocol  #-1 []"),
           };
}

void TestSmtpClient::commandLinks()
{
    QFETCH(QString, scenario);
    QFETCH(bool, pipelining);
    QFETCH(QStringList, replies);
    QFETCH(QStringList, commands);

    Run run(scenario);
    QVERIFY(run.server.listen());
    BufferMessageSource source(Message);
    SmtpSettings settings = run.settings();
    settings.usePipelining = pipelining;
    Envelope e = envelope(commands.size() > 7 ? QStringList{QStringLiteral("b@example.org"),
                                                            QStringLiteral("c@example.org"),
                                                            QStringLiteral("d@example.org")}
                                              : QStringList{QStringLiteral("b@example.org")});
    e.senderField = CommandOrigin::Source::From;
    e.recipientFields = {CommandOrigin::Source::To, CommandOrigin::Source::Cc,
                         CommandOrigin::Source::Bcc};
    run.client.send(settings, e, &source);
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 10000);
    QTRY_VERIFY2(run.scriptFollowed(), qPrintable(run.context()));
    QVERIFY2(run.result->delivered(), qPrintable(run.context()));

    QStringList gotReplies;
    QStringList gotCommands;
    int contentLines = 0;
    for (const TranscriptEntry &entry : std::as_const(run.transcript)) {
        if (entry.direction == TranscriptEntry::Direction::Server) {
            gotReplies << entry.text + QStringLiteral(" <- ") + link(entry.command);
        } else if (entry.direction == TranscriptEntry::Direction::Client && entry.content) {
            ++contentLines; // the header preview: the message, no command
            QCOMPARE(entry.command.origin.source, CommandOrigin::Source::Message);
            QCOMPARE(entry.command.kind, TranscriptCommand::Kind::None);
        } else if (entry.direction == TranscriptEntry::Direction::Client) {
            QCOMPARE(entry.text, entry.command.line);
            gotCommands << link(entry.command) + QStringLiteral(" | ") +
                               origin(entry.command.origin);
        }
    }
    QCOMPARE(gotReplies, replies);
    QCOMPARE(gotCommands, commands);
    QCOMPARE(contentLines, 3); // From, To, Subject
}

void TestSmtpClient::onlyA250EndsTheData_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("answered"); // what the protocol error says was not answered

    // Issue 17: a server that swallows the reply to the end of data and answers only the
    // pipelined QUIT must not make the client report success.
    QTest::newRow("DATA: 221 answers the end of data")
        << Greeting + QStringLiteral("S: 250-fake\nS: 250 PIPELINING\n") + mail() +
               QStringLiteral("C: RCPT TO:<b@example.org>\nC: DATA\nS: 250 ok\nS: 250 ok\n"
                              "S: 354 go\nD:\nC: QUIT\nS: 221 2.0.0 Bye\n")
        << QStringLiteral("the end of the message data");
    QTest::newRow("BDAT LAST: 221 answers the chunk")
        << Greeting + QStringLiteral("S: 250-fake\nS: 250-PIPELINING\nS: 250 CHUNKING\n") + mail() +
               QStringLiteral("C: RCPT TO:<b@example.org>\nC: BDAT %1 LAST\nS: 250 ok\n"
                              "S: 250 ok\nB: %1\nC: QUIT\nS: 221 2.0.0 Bye\n")
                   .arg(Size)
        << QStringLiteral("BDAT (the message)");
    QTest::newRow("DATA: a 2xx other than 250 to the end of data")
        << Greeting + QStringLiteral("S: 250 fake\n") + mail() +
               QStringLiteral("S: 250 ok\nC: RCPT TO:<b@example.org>\nS: 250 ok\nC: DATA\n"
                              "S: 354 go\nD:\nS: 221 2.0.0 Bye\n")
        << QStringLiteral("the end of the message data");
}

void TestSmtpClient::onlyA250EndsTheData()
{
    QFETCH(QString, scenario);
    QFETCH(QString, answered);

    Run run(scenario);
    QVERIFY(run.server.listen());
    BufferMessageSource source(Message);
    run.client.send(run.settings(), envelope(), &source);
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 10000);
    const SendResult &r = *run.result;
    QVERIFY2(run.server.mismatches().isEmpty(), qPrintable(run.context()));
    QCOMPARE(r.outcome, Outcome::DeliveryUnknown);
    QCOMPARE(r.error, Error::Protocol);
    QCOMPARE(r.step, QStringLiteral("EndOfData"));
    QVERIFY2(
        r.message.contains(QStringLiteral("reply \"221 2.0.0 Bye\" does not answer ") + answered),
        qPrintable(r.message));
    QVERIFY2(r.message.contains(QStringLiteral("may or may not have been delivered")),
             qPrintable(r.message));
}

void TestSmtpClient::stepMode_data()
{
    QTest::addColumn<QString>("mode"); // plain, pipelining, chunking, chunking+pipelining, auth
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QStringList>("actions"); // one per pause, refusals between
    QTest::addColumn<QStringList>("pauses");  // what each pause showed, a group joined by " + "
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<QString>("step");
    QTest::addColumn<QStringList>("refusals"); // words of each refusal, in order

    const QString greet = QStringLiteral("S: 220 fake ESMTP\n");
    const QString ehloReply = QStringLiteral("S: 250-fake\nS: 250 PIPELINING\n");
    const QString ehlo = QStringLiteral("C: EHLO test.example\n") + ehloReply;
    const QString mailOk = mail() + QStringLiteral("S: 250 ok\n");
    const QString rcptOk = QStringLiteral("C: RCPT TO:<b@example.org>\nS: 250 ok\n");
    const QString data = QStringLiteral("C: DATA\nS: 354 go\nD:\nS: 250 queued\n");
    const QString all = greet + ehlo + mailOk + rcptOk + data + Quit;
    const QStringList steps{QStringLiteral("EHLO test.example"),
                            QStringLiteral("MAIL FROM:<a@example.org>"),
                            QStringLiteral("RCPT TO:<b@example.org>"),
                            QStringLiteral("DATA"),
                            QStringLiteral("."),
                            QStringLiteral("QUIT")};
    const QString go = QStringLiteral("go");
    const QStringList allGo{go, go, go, go, go, go};
    const auto with = [&](int at, const QStringList &actions) {
        QStringList a = allGo;
        a.removeAt(at);
        for (qsizetype i = actions.size() - 1; i >= 0; --i)
            a.insert(at, actions[i]);
        return a;
    };
    const auto twice = [&](int at) {
        QStringList p = steps;
        p.insert(at, steps[at]);
        return p;
    };
    const QString delivered = QStringLiteral("EndOfData");

    QTest::newRow("each step as planned")
        << "plain" << all << allGo << steps << Outcome::Success << delivered << QStringList();
    QTest::newRow("a pause outlasts Postwire's own timeout")
        << "short timeouts" << all << with(1, {QStringLiteral("later")}) << steps
        << Outcome::Success << delivered << QStringList();

    // Edit and send, at each kind of step
    QTest::newRow("EHLO edited") << "plain"
                                 << greet + QStringLiteral("C: EHLO other.example\n") + ehloReply +
                                        mailOk + rcptOk + data + Quit
                                 << with(0, {QStringLiteral("edit EHLO other.example")}) << steps
                                 << Outcome::Success << delivered << QStringList();
    QTest::newRow("MAIL edited")
        << "plain"
        << greet + ehlo + QStringLiteral("C: MAIL FROM:<x@example.org> BODY=7BIT\nS: 250 ok\n") +
               rcptOk + data + Quit
        << with(1, {QStringLiteral("edit MAIL FROM:<x@example.org> BODY=7BIT")}) << steps
        << Outcome::Success << delivered << QStringList();
    QTest::newRow("RCPT edited") << "plain"
                                 << greet + ehlo + mailOk +
                                        QStringLiteral("C: RCPT TO:<c@example.org>\nS: 250 ok\n") +
                                        data + Quit
                                 << with(2, {QStringLiteral("edit RCPT TO:<c@example.org>")})
                                 << steps << Outcome::Success << delivered << QStringList();
    QTest::newRow("DATA edited") << "plain"
                                 << greet + ehlo + mailOk + rcptOk +
                                        QStringLiteral("C: data\nS: 354 go\nD:\nS: 250 ok\n") + Quit
                                 << with(3, {QStringLiteral("edit data")}) << steps
                                 << Outcome::Success << delivered << QStringList();
    QTest::newRow("QUIT edited") << "plain"
                                 << greet + ehlo + mailOk + rcptOk + data +
                                        QStringLiteral("C: QUIT now\nS: 221 bye\n")
                                 << with(5, {QStringLiteral("edit QUIT now")}) << steps
                                 << Outcome::Success << delivered << QStringList();

    // Edited into another command: the reply answers what went, and the planned step waits
    // again (before, a NOOP's 250 read as "STARTTLS refused: 250").
    QTest::newRow("STARTTLS edited into NOOP")
        << "starttls"
        << greet + QStringLiteral("C: EHLO test.example\nS: 250-fake\nS: 250 STARTTLS\n"
                                  "C: NOOP\nS: 250 2.0.0 Ok\nC: QUIT\n")
        << QStringList{go, QStringLiteral("edit NOOP"), QStringLiteral("stop")}
        << QStringList{steps[0], QStringLiteral("STARTTLS"), QStringLiteral("STARTTLS")}
        << Outcome::Cancelled << "StartTls" << QStringList();
    QTest::newRow("RCPT edited into MAIL")
        << "plain"
        << greet + ehlo + mailOk +
               QStringLiteral("C: MAIL FROM:<x@example.org>\nS: 503 5.5.1 nested MAIL\n") + rcptOk +
               data + Quit
        << with(2, {QStringLiteral("edit MAIL FROM:<x@example.org>"), go}) << twice(2)
        << Outcome::Success << delivered << QStringList();
    QTest::newRow("EHLO edited into HELO")
        << "plain"
        << greet + QStringLiteral("C: helo other.example\nS: 250 fake\n") + ehlo + mailOk + rcptOk +
               data + Quit
        << with(0, {QStringLiteral("edit helo other.example"), go}) << twice(0) << Outcome::Success
        << delivered << QStringList();

    // Insert a command first, at each kind of step
    QTest::newRow("NOOP before EHLO") << "plain"
                                      << greet + QStringLiteral("C: NOOP\nS: 250 2.0.0 ok\n") +
                                             ehlo + mailOk + rcptOk + data + Quit
                                      << with(0, {QStringLiteral("extra NOOP"), go}) << twice(0)
                                      << Outcome::Success << delivered << QStringList();
    QTest::newRow("RSET before MAIL")
        << "plain"
        << greet + ehlo + QStringLiteral("C: RSET\nS: 250 2.0.0 ok\n") + mailOk + rcptOk + data +
               Quit
        << with(1, {QStringLiteral("extra RSET"), go}) << twice(1) << Outcome::Success << delivered
        << QStringList();
    QTest::newRow("VRFY before RCPT")
        << "plain"
        << greet + ehlo + mailOk +
               QStringLiteral("C: VRFY b@example.org\nS: 252 2.0.0 cannot verify\n") + rcptOk +
               data + Quit
        << with(2, {QStringLiteral("extra VRFY b@example.org"), go}) << twice(2) << Outcome::Success
        << delivered << QStringList();
    QTest::newRow("a refused line before DATA")
        << "plain"
        << greet + ehlo + mailOk + rcptOk +
               QStringLiteral("C: XYZZY\nS: 500 5.5.2 unknown command\n") + data + Quit
        << with(3, {QStringLiteral("extra XYZZY"), go}) << twice(3) << Outcome::Success << delivered
        << QStringList();
    QTest::newRow("HELP before QUIT")
        << "plain"
        << greet + ehlo + mailOk + rcptOk + data +
               QStringLiteral("C: HELP\nS: 214-see\nS: 214 RFC 5321\n") + Quit
        << with(5, {QStringLiteral("extra HELP"), go}) << twice(5) << Outcome::Success << delivered
        << QStringList();

    // Refused edits and inserts: the pause stays, the reason is given
    QTest::newRow("refused lines")
        << "plain" << all
        << with(0, {QStringLiteral("refuse-crlf"), QStringLiteral("refuse-long"),
                    QStringLiteral("refuse-empty"), go})
        << steps << Outcome::Success << delivered
        << QStringList{QStringLiteral("CR and LF"), QStringLiteral("RFC 5321 section 4.5.3.1.4"),
                       QStringLiteral("empty")};
    QTest::newRow("the content is neither edited nor interrupted")
        << "plain" << all
        << with(4, {QStringLiteral("refuse-edit X"), QStringLiteral("refuse-extra NOOP"), go})
        << steps << Outcome::Success << delivered
        << QStringList{QStringLiteral("content cannot be edited"),
                       QStringLiteral("part of the message")};

    // Stop, at each kind of step
    QTest::newRow("stop at EHLO") << "plain" << greet + QStringLiteral("C: QUIT\n")
                                  << QStringList{QStringLiteral("stop")} << steps.mid(0, 1)
                                  << Outcome::Cancelled << "Ehlo" << QStringList();
    QTest::newRow("stop at MAIL") << "plain" << greet + ehlo + QStringLiteral("C: QUIT\n")
                                  << QStringList{go, QStringLiteral("stop")} << steps.mid(0, 2)
                                  << Outcome::Cancelled << "MailFrom" << QStringList();
    QTest::newRow("stop at RCPT") << "plain" << greet + ehlo + mailOk + QStringLiteral("C: QUIT\n")
                                  << QStringList{go, go, QStringLiteral("stop")} << steps.mid(0, 3)
                                  << Outcome::Cancelled << "RcptTo" << QStringList();
    QTest::newRow("stop at DATA") << "plain"
                                  << greet + ehlo + mailOk + rcptOk + QStringLiteral("C: QUIT\n")
                                  << QStringList{go, go, go, QStringLiteral("stop")}
                                  << steps.mid(0, 4) << Outcome::Cancelled << "Data"
                                  << QStringList();
    // After the 354 a QUIT would be message text: the connection is closed instead.
    QTest::newRow("stop at the content")
        << "plain" << greet + ehlo + mailOk + rcptOk + QStringLiteral("C: DATA\nS: 354 go\n")
        << QStringList{go, go, go, go, QStringLiteral("stop")} << steps.mid(0, 5)
        << Outcome::Cancelled << "Data" << QStringList();
    // The message was accepted: stopping keeps it accepted.
    QTest::newRow("stop at QUIT") << "plain"
                                  << greet + ehlo + mailOk + rcptOk + data +
                                         QStringLiteral("C: QUIT\n")
                                  << QStringList{go, go, go, go, go, QStringLiteral("stop")}
                                  << steps << Outcome::Success << delivered << QStringList();

    // Pipelining kept: a group is one step
    const QString group = QStringLiteral("MAIL FROM:<a@example.org> + RCPT TO:<b@example.org>");
    QTest::newRow("pipelined group as planned")
        << "pipelining"
        << greet + ehlo + mail() +
               QStringLiteral("C: RCPT TO:<b@example.org>\nC: DATA\nS: 250 ok\nS: 250 ok\n"
                              "S: 354 go\nD:\nS: 250 queued\n") +
               Quit
        << QStringList{go, go, go, go}
        << QStringList{steps[0], group + QStringLiteral(" + DATA"), QStringLiteral("."),
                       QStringLiteral("QUIT")}
        << Outcome::Success << delivered << QStringList();
    QTest::newRow("pipelined group, its RCPT edited, a NOOP first")
        << "pipelining"
        << greet + ehlo + QStringLiteral("C: NOOP\nS: 250 ok\n") + mail() +
               QStringLiteral("C: RCPT TO:<c@example.org>\nC: DATA\nS: 250 ok\nS: 250 ok\n"
                              "S: 354 go\nD:\nS: 250 queued\n") +
               Quit
        << QStringList{go, QStringLiteral("extra NOOP"),
                       QStringLiteral("edit@1 RCPT TO:<c@example.org>"), go, go}
        << QStringList{steps[0], group + QStringLiteral(" + DATA"),
                       group + QStringLiteral(" + DATA"), QStringLiteral("."),
                       QStringLiteral("QUIT")}
        << Outcome::Success << delivered << QStringList();
    QTest::newRow("pipelined group stopped")
        << "pipelining" << greet + ehlo + QStringLiteral("C: QUIT\n")
        << QStringList{go, QStringLiteral("stop")}
        << QStringList{steps[0], group + QStringLiteral(" + DATA")} << Outcome::Cancelled
        << "MailFrom" << QStringList();
    const QString bdat = QStringLiteral("BDAT %1 LAST").arg(Size);
    const QString chunked = QStringLiteral("C: EHLO test.example\nS: 250-fake\nS: 250-PIPELINING\n"
                                           "S: 250 CHUNKING\n");
    // Its RCPT can change, its BDAT cannot.
    QTest::newRow("pipelined group with BDAT is the content step")
        << "chunking+pipelining"
        << greet + chunked + mail() +
               QStringLiteral("C: RCPT TO:<c@example.org>\nC: %1\nS: 250 ok\nS: 250 ok\nB: %2\n"
                              "S: 250 queued\n")
                   .arg(bdat, Size) +
               Quit
        << QStringList{go, QStringLiteral("refuse-edit@2 BDAT 1 LAST"),
                       QStringLiteral("edit@1 RCPT TO:<c@example.org>"), go}
        << QStringList{steps[0], group + QStringLiteral(" + ") + bdat, QStringLiteral("QUIT")}
        << Outcome::Success << delivered << QStringList{QStringLiteral("content cannot be edited")};
    QTest::newRow("BDAT alone, a NOOP before it")
        << "chunking"
        << greet + chunked + mailOk + rcptOk +
               QStringLiteral("C: NOOP\nS: 250 ok\nC: %1\nB: %2\nS: 250 queued\n").arg(bdat, Size) +
               Quit
        << QStringList{go, go, go, QStringLiteral("extra NOOP"), go, go}
        << QStringList{steps[0], steps[1], steps[2], bdat, bdat, QStringLiteral("QUIT")}
        << Outcome::Success << delivered << QStringList();

    // AUTH: credentials hidden, never edited
    QTest::newRow("AUTH shown without credentials, not editable")
        << "auth"
        << greet +
               QStringLiteral("C: EHLO test.example\nS: 250-fake\nS: 250 AUTH PLAIN\n"
                              "C~ AUTH PLAIN \\S+\nS: 235 ok\n") +
               mailOk + rcptOk + data + Quit
        << QStringList{go, QStringLiteral("refuse-edit AUTH PLAIN AGFuYQBzZWNyZXQ="),
                       go, go,
                       go, go,
                       go, go}
        << QStringList{steps[0], QStringLiteral("AUTH PLAIN (credentials hidden)")} + steps.mid(1)
        << Outcome::Success << delivered << QStringList{QStringLiteral("credentials")};

    // The server does not wait for ever
    QTest::newRow("the server closes the connection during a pause")
        << "plain" << greet + ehlo + QStringLiteral("W: 100\nX:\n")
        << QStringList{go, QStringLiteral("wait")} << steps.mid(0, 2) << Outcome::Failure
        << "MailFrom" << QStringList();
}

void TestSmtpClient::stepMode()
{
    QFETCH(QString, mode);
    QFETCH(QString, scenario);
    QFETCH(QStringList, actions);
    QFETCH(QStringList, pauses);
    QFETCH(Outcome, outcome);
    QFETCH(QString, step);
    QFETCH(QStringList, refusals);

    Run run(scenario);
    QVERIFY(run.server.listen());
    BufferMessageSource source(Message);
    SmtpSettings settings = run.settings();
    settings.stepMode = true;
    settings.stepKeepsPipelining = mode.contains(QLatin1String("pipelining"));
    settings.useChunking = mode.startsWith(QLatin1String("chunking"));
    if (mode == QLatin1String("short timeouts")) // the pause ("later") is 2.5 times as long
        settings.timeouts = SmtpTimeouts::uniform(1'400);
    if (mode == QLatin1String("starttls"))
        settings.security = SmtpSettings::Security::StartTls;
    if (mode == QLatin1String("auth")) {
        settings.authenticate = true;
        settings.credentials = {QStringLiteral("ana"), QStringLiteral("secret"), QString()};
    }

    QStringList shown;
    QStringList refused;
    QStringList userLines;
    qsizetype next = 0;
    std::function<void()> act = [&] {
        while (next < actions.size()) {
            const QString action = actions[next++];
            const QString verb = action.section(QLatin1Char(' '), 0, 0);
            const QByteArray line = action.section(QLatin1Char(' '), 1).toUtf8();
            if (verb == QLatin1String("go")) {
                run.client.proceed();
            } else if (verb == QLatin1String("later")) {
                QTimer::singleShot(3'500, &run.client, &SmtpClient::proceed);
            } else if (verb == QLatin1String("stop")) {
                run.client.stop();
            } else if (verb == QLatin1String("edit")) {
                userLines << QString::fromUtf8(line);
                QCOMPARE(run.client.proceedWith(line), QString());
            } else if (verb == QLatin1String("edit@1")) {
                userLines << QString::fromUtf8(line);
                QCOMPARE(run.client.proceedWith(line, 1), QString());
            } else if (verb == QLatin1String("extra")) {
                userLines << QString::fromUtf8(line);
                QCOMPARE(run.client.sendExtra(line), QString());
            } else if (verb.startsWith(QLatin1String("refuse"))) {
                const QByteArray bad = verb == QLatin1String("refuse-crlf")   ? "NOOP\r\nQUIT"
                                       : verb == QLatin1String("refuse-long") ? QByteArray(511, 'x')
                                       : verb == QLatin1String("refuse-empty") ? QByteArray(" ")
                                                                               : line;
                refused << (verb == QLatin1String("refuse-extra")
                                ? run.client.sendExtra(bad)
                                : run.client.proceedWith(
                                      bad, verb.endsWith(QLatin1String("@2")) ? 2 : 0));
                QVERIFY(run.client.isPaused());
                continue; // the same pause takes the next action
            }
            return; // "wait": nothing
        }
    };
    QObject::connect(&run.client, &SmtpClient::paused,
                     [&](const QList<TranscriptCommand> &commands) {
                         QStringList lines;
                         for (const TranscriptCommand &c : commands) {
                             QVERIFY(c.isValid());
                             QVERIFY(c.origin.source != CommandOrigin::Source::None);
                             lines << c.line;
                         }
                         shown << lines.join(QStringLiteral(" + "));
                         QTimer::singleShot(0, &run.client, act);
                     });
    run.client.send(settings, envelope(), &source);
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 10000);
    // A stop at QUIT ends the send once QUIT is written: the server reads it a turn later.
    QTRY_VERIFY2(run.scriptFollowed(), qPrintable(run.context()));
    const QString context = run.context();
    QCOMPARE(shown, pauses);
    QCOMPARE(run.result->outcome, outcome);
    QCOMPARE(run.result->step, step);
    QCOMPARE(refused.size(), refusals.size());
    for (qsizetype i = 0; i < refusals.size(); ++i)
        QVERIFY2(refused[i].contains(refusals[i]), qPrintable(refused[i]));
    QVERIFY2(context.contains(QStringLiteral("the server's idle timer keeps running")),
             qPrintable(context));
    const bool otherVerb = QByteArray(QTest::currentDataTag()).contains(" edited into ");
    QCOMPARE(context.contains(QStringLiteral("still waits to be sent")), otherVerb);
    // Lines a person edited or added carry origin User, and so do the replies to them.
    int userReplies = 0;
    for (const TranscriptEntry &e : std::as_const(run.transcript)) {
        if (!userLines.contains(e.command.line))
            continue;
        QCOMPARE(e.command.origin.source, CommandOrigin::Source::User);
        userReplies += e.direction == TranscriptEntry::Direction::Server ? 1 : 0;
    }
    QVERIFY2(userLines.isEmpty() || userReplies >= userLines.size(), qPrintable(context));
    QVERIFY(!context.contains(QStringLiteral("secret")));
}

// The content step shows the message's size and first lines before any of it goes; peeking
// leaves every byte for the send.
void TestSmtpClient::stepContentPreview_data()
{
    QTest::addColumn<bool>("chunking");
    QTest::newRow("DATA") << false;
    QTest::newRow("BDAT") << true;
}

void TestSmtpClient::stepContentPreview()
{
    QFETCH(bool, chunking);
    const QString ehlo = chunking ? QStringLiteral("S: 250-fake\nS: 250 CHUNKING\n")
                                  : QStringLiteral("S: 250 fake\n");
    const QString content = chunking ? QStringLiteral("C: BDAT %1 LAST\nB: %1\n").arg(Size)
                                     : QStringLiteral("C: DATA\nS: 354 go\nD:\n");
    Run run(Greeting + ehlo + mail() +
            QStringLiteral("S: 250 ok\nC: RCPT TO:<b@example.org>\nS: 250 ok\n") + content +
            QStringLiteral("S: 250 queued\n") + Quit);
    QVERIFY(run.server.listen());
    BufferMessageSource source(Message);
    SmtpSettings settings = run.settings();
    settings.stepMode = true;
    QList<SmtpStep::Content> seen;
    QObject::connect(&run.client, &SmtpClient::paused, [&] {
        seen << run.client.pendingContent();
        QTimer::singleShot(0, &run.client, &SmtpClient::proceed);
    });
    run.client.send(settings, envelope(), &source);
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 10000);
    QTRY_VERIFY2(run.scriptFollowed(), qPrintable(run.context()));
    QCOMPARE(run.result->outcome, Outcome::Success);
    QCOMPARE(run.server.receivedData(), Message);
    // EHLO, MAIL, RCPT, (DATA,) the content, QUIT: only the content step has content.
    QCOMPARE(seen.size(), chunking ? 5 : 6);
    const SmtpStep::Content &c = seen[seen.size() - 2];
    QVERIFY(c.present);
    QCOMPARE(c.chunking, chunking);
    QCOMPARE(c.size, Message.size());
    QCOMPARE(
        c.firstLines,
        (QStringList{QStringLiteral("From: a@example.org"), QStringLiteral("To: b@example.org"),
                     QStringLiteral("Subject: hi"), QString(), QStringLiteral("Hello.")}));
    for (qsizetype i = 0; i < seen.size(); ++i)
        QCOMPARE(seen[i].present, i == seen.size() - 2);
}

// A person's AUTH line, and a line answering the challenge it brought, never show a secret.
void TestSmtpClient::stepTypedSecretsHidden()
{
    Run run(Greeting +
            QStringLiteral("S: 250-fake\nS: 250 AUTH PLAIN LOGIN\n"
                           "C: AUTH PLAIN AGFuYQBzZWNyZXQ=\nS: 235 ok\n"
                           "C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: YW5h\nS: 334 UGFzc3dvcmQ6\n"
                           "C: c2VjcmV0\nS: 235 ok\nC: QUIT\n"));
    QVERIFY(run.server.listen());
    BufferMessageSource source(Message);
    SmtpSettings settings = run.settings();
    settings.stepMode = true;
    QStringList actions{QStringLiteral("go"),         QStringLiteral("AUTH PLAIN AGFuYQBzZWNyZXQ="),
                        QStringLiteral("AUTH LOGIN"), QStringLiteral("YW5h"),
                        QStringLiteral("c2VjcmV0"),   QStringLiteral("stop")};
    QObject::connect(&run.client, &SmtpClient::paused, [&] {
        QTimer::singleShot(0, &run.client, [&] {
            const QString a = actions.takeFirst();
            if (a == QLatin1String("go"))
                run.client.proceed();
            else if (a == QLatin1String("stop"))
                run.client.stop();
            else
                QCOMPARE(run.client.sendExtra(a.toUtf8()), QString());
        });
    });
    run.client.send(settings, envelope(), &source);
    QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 10000);
    const QString context = run.context();
    QVERIFY2(run.server.mismatches().isEmpty(), qPrintable(context));
    QVERIFY2(actions.isEmpty(), qPrintable(context));
    for (const char *secret : {"AGFuYQBzZWNyZXQ=", "YW5h", "c2VjcmV0"})
        QVERIFY2(!context.contains(QLatin1String(secret)), qPrintable(context));
    QVERIFY2(context.contains(QStringLiteral("AUTH PLAIN ********")), qPrintable(context));
    QVERIFY2(context.contains(QStringLiteral("C: AUTH LOGIN")), qPrintable(context));
    int masked = 0;
    for (const TranscriptEntry &e : std::as_const(run.transcript))
        masked += e.direction == TranscriptEntry::Direction::Client && e.redacted ? 1 : 0;
    QCOMPARE(masked, 3);
}

QTEST_GUILESS_MAIN(TestSmtpClient)
#include "tst_smtpclient.moc"
