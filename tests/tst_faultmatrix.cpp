// The fault matrix of issue 17: the client against the scripted fake server with a fault at
// every step, each cell asserting the outcome, the error, the step named (in words too) and
// that it ends within a bounded time.
#include "buffermessagesource.h"
#include "fakesmtpserver.h"
#include "smtp/smtpclient.h"

#include <QElapsedTimer>
#include <QtTest>

#include <optional>

using Outcome = SendResult::Outcome;
using Error = SendResult::Error;

Q_DECLARE_METATYPE(Outcome)
Q_DECLARE_METATYPE(Error)

namespace {

const QByteArray Message = "From: a@example.org\r\nTo: b@example.org\r\nSubject: hi\r\n\r\nHi.\r\n";

// Short timeouts from the step where a cell ends: a silent server costs a fraction of a second
// per cell. The steps before it keep long ones: their replies come at once, but a busy machine
// can hold a process off the CPU longer than a short timeout, and a timeout one step early
// would name the wrong step.
constexpr int Timeout = 300;
constexpr int Long = 10'000;
// Every cell ends well within this, whatever the fault.
constexpr int Bound = 4'000;

SmtpTimeouts timeoutsFrom(const QString &step)
{
    // The timers in the order of the dialogue, each with the first step it serves.
    const QStringList order = {QStringLiteral("Greeting"), QStringLiteral("Ehlo"),
                               QStringLiteral("MailFrom"), QStringLiteral("RcptTo"),
                               QStringLiteral("Data"),     QStringLiteral("EndOfData")};
    qsizetype at = order.indexOf(step);
    if (at < 0) // HELO, STARTTLS, AUTH: the commands' timer, as EHLO's
        at = 1;
    SmtpTimeouts t = SmtpTimeouts::uniform(Long);
    int *const timers[] = {&t.greeting, &t.command, &t.mail, &t.rcpt, &t.data, &t.endOfData};
    for (qsizetype i = at; i < qsizetype(std::size(timers)); ++i)
        *timers[i] = Timeout;
    t.tlsHandshake = at <= 1 ? Timeout : Long;
    t.dataBlock = t.quit = Timeout;
    return t;
}

const QString Greet = QStringLiteral("S: 220 fake\n");
const QString Ehlo = QStringLiteral("C: EHLO test.example\n");
const QString EhloOk = Ehlo + QStringLiteral("S: 250 fake\n");
const QString EhloPipelining = Ehlo + QStringLiteral("S: 250-fake\nS: 250 PIPELINING\n");
const QString Mail = QStringLiteral("C: MAIL FROM:<a@example.org>\n");
const QString Rcpt = QStringLiteral("C: RCPT TO:<b@example.org>\n");
const QString Data = QStringLiteral("C: DATA\n");
const QString Group = Mail + Rcpt + Data; // the pipelined envelope (RFC 2920)
const QString Ok = QStringLiteral("S: 250 ok\n");

// The step's setup: which account settings it needs to be reached.
enum Setup
{
    Plain,
    StartTls,
    Auth
};

// The dialogue up to the point where the server's fault comes: the step's command has left the
// client (nothing for the greeting). pipelined: the server offers PIPELINING, and the swallowed
// reply is the one of this step.
QString before(const QString &step, bool pipelined)
{
    const QString envelope = Greet + EhloOk + Mail;
    if (step == QLatin1String("greeting"))
        return QString();
    if (step == QLatin1String("EHLO"))
        return Greet + Ehlo;
    if (step == QLatin1String("STARTTLS"))
        return Greet + Ehlo + QStringLiteral("S: 250-fake\nS: 250 STARTTLS\nC: STARTTLS\n");
    if (step == QLatin1String("AUTH"))
        return Greet + Ehlo + QStringLiteral("S: 250-fake\nS: 250 AUTH PLAIN\nC~ AUTH PLAIN .+\n");
    if (pipelined) {
        const QString group = Greet + EhloPipelining + Group;
        if (step == QLatin1String("end of data") || step == QLatin1String("QUIT"))
            return group + Ok + Ok + QStringLiteral("S: 354 go\nD:\nC: QUIT\n");
        return group;
    }
    if (step == QLatin1String("MAIL"))
        return envelope;
    if (step == QLatin1String("RCPT"))
        return envelope + Ok + Rcpt;
    if (step == QLatin1String("DATA"))
        return envelope + Ok + Rcpt + Ok + Data;
    if (step == QLatin1String("end of data"))
        return envelope + Ok + Rcpt + Ok + Data + QStringLiteral("S: 354 go\nD:\n");
    return envelope + Ok + Rcpt + Ok + Data + QStringLiteral("S: 354 go\nD:\n") + Ok +
           QStringLiteral("C: QUIT\n");
}

// The server's fault. code: the refusal (4xx, 5xx) or wrong-kind reply of this step.
QString fault(const QString &step, const QString &kind, const QString &code)
{
    // After a refusal the client may end the transaction (RSET) and says goodbye (QUIT).
    const QString goodbye = QStringLiteral("C~ (RSET|QUIT)\nS: 221 bye\nC~ QUIT\nS: 221 bye\n");
    if (kind == QLatin1String("drop"))
        return QStringLiteral("X:\n");
    if (kind == QLatin1String("421"))
        return QStringLiteral("S: 421 4.3.2 shutting down\nX:\n");
    if (kind == QLatin1String("4xx") || kind == QLatin1String("5xx"))
        return QStringLiteral("S: %1 refused\n").arg(code) + goodbye;
    if (kind == QLatin1String("silence"))
        return QString();
    if (kind == QLatin1String("swallowed")) {
        // The replies of the group, less the one of this step. MAIL's or RCPT's missing: the
        // next reply is taken as its answer and DATA's 354 lands on RCPT, a reply of the wrong
        // kind. DATA's missing: nothing answers it. The end of data's: QUIT's 221 lands on it.
        // The greeting's: the server skips it and sends what it would answer to EHLO, as
        // if the greeting had gone. EHLO, STARTTLS and AUTH are sent alone (PIPELINING is not
        // known before EHLO's reply, STARTTLS ends a group, AUTH is never pipelined), so no
        // later reply can take the place of theirs: it just never comes.
        if (step == QLatin1String("greeting"))
            return QStringLiteral("S: 250-fake\nS: 250 PIPELINING\n");
        if (step == QLatin1String("EHLO") || step == QLatin1String("STARTTLS") ||
            step == QLatin1String("AUTH"))
            return QString();
        if (step == QLatin1String("MAIL") || step == QLatin1String("RCPT"))
            return Ok + QStringLiteral("S: 354 go\n");
        if (step == QLatin1String("DATA"))
            return Ok + Ok;
        if (step == QLatin1String("end of data"))
            return QStringLiteral("S: 221 bye\n");
        return Ok; // QUIT's: the end of data is answered, QUIT never is
    }
    if (kind == QLatin1String("endless")) {
        // More continuation lines than a reply may have: a protocol error, not a 5 GB client.
        QString lines;
        for (int i = 0; i < 1200; ++i)
            lines += QStringLiteral("S: 250-more and more\n");
        return lines;
    }
    return QStringLiteral("S: %1 of the wrong kind\n").arg(code); // "wrong kind"
}

} // namespace

class TestFaultMatrix : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void faultAtEveryStep_data();
    void faultAtEveryStep();
};

void TestFaultMatrix::faultAtEveryStep_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("setup");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<Error>("error");
    QTest::addColumn<QString>("step"); // SendResult::step; its words are stepLabel()

    using O = Outcome;
    using E = Error;
    struct Step
    {
        const char *name;
        Setup setup;
        const char *refusal4;  // this step's 4xx
        const char *refusal5;  // this step's 5xx (not 500/502 at EHLO: those mean "try HELO")
        const char *wrongKind; // a reply that cannot answer this step's command
    };
    const Step steps[] = {
        {"greeting", Plain, "450", "554", "354"},    {"EHLO", Plain, "450", "550", "354"},
        {"STARTTLS", StartTls, "454", "501", "354"}, {"AUTH", Auth, "454", "535", "354"},
        {"MAIL", Plain, "451", "550", "354"},        {"RCPT", Plain, "450", "550", "354"},
        {"DATA", Plain, "451", "554", "250"},        {"end of data", Plain, "451", "554", "221"},
        {"QUIT", Plain, "451", "554", "354"},
    };
    struct Cell
    {
        const char *step;
        const char *fault;
        Outcome outcome;
        Error error;
        const char *endsIn; // the step the result names
    };
    // clang-format off
    const Cell matrix[] = {
        // step          fault        outcome              error                    ends in
        {"greeting",    "drop",      O::Failure,          E::ConnectionLost,       "Greeting"},
        {"greeting",    "421",       O::Failure,          E::Refused,              "Greeting"},
        {"greeting",    "4xx",       O::Failure,          E::Refused,              "Greeting"},
        {"greeting",    "5xx",       O::Failure,          E::Refused,              "Greeting"},
        {"greeting",    "silence",   O::Failure,          E::Timeout,              "Greeting"},
        {"greeting",    "swallowed", O::Failure,          E::Protocol,             "Greeting"},
        {"greeting",    "endless",   O::Failure,          E::Protocol,             "Greeting"},
        {"greeting",    "wrong kind",O::Failure,          E::Protocol,             "Greeting"},

        {"EHLO",        "drop",      O::Failure,          E::ConnectionLost,       "Ehlo"},
        {"EHLO",        "421",       O::Failure,          E::Refused,              "Ehlo"},
        {"EHLO",        "4xx",       O::Failure,          E::Refused,              "Ehlo"},
        {"EHLO",        "5xx",       O::Failure,          E::Refused,              "Ehlo"},
        {"EHLO",        "silence",   O::Failure,          E::Timeout,              "Ehlo"},
        // EHLO goes alone (PIPELINING is not known before its reply): nothing takes its place
        {"EHLO",        "swallowed", O::Failure,          E::Timeout,              "Ehlo"},
        {"EHLO",        "endless",   O::Failure,          E::Protocol,             "Ehlo"},
        {"EHLO",        "wrong kind",O::Failure,          E::Protocol,             "Ehlo"},

        {"STARTTLS",    "drop",      O::Failure,          E::ConnectionLost,       "StartTls"},
        {"STARTTLS",    "421",       O::Failure,          E::Refused,              "StartTls"},
        {"STARTTLS",    "4xx",       O::Failure,          E::Tls,                  "StartTls"},
        {"STARTTLS",    "5xx",       O::Failure,          E::Tls,                  "StartTls"},
        {"STARTTLS",    "silence",   O::Failure,          E::Timeout,              "StartTls"},
        // STARTTLS ends any group (RFC 3207): sent alone, its swallowed reply never comes
        {"STARTTLS",    "swallowed", O::Failure,          E::Timeout,              "StartTls"},
        {"STARTTLS",    "endless",   O::Failure,          E::Protocol,             "StartTls"},
        {"STARTTLS",    "wrong kind",O::Failure,          E::Protocol,             "StartTls"},

        {"AUTH",        "drop",      O::Failure,          E::ConnectionLost,       "Authenticating"},
        {"AUTH",        "421",       O::Failure,          E::Refused,              "Authenticating"},
        {"AUTH",        "4xx",       O::Failure,          E::Authentication,       "Authenticating"},
        {"AUTH",        "5xx",       O::Failure,          E::Authentication,       "Authenticating"},
        {"AUTH",        "silence",   O::Failure,          E::Timeout,              "Authenticating"},
        // AUTH is never pipelined (RFC 4954 section 4): sent alone, its reply never comes
        {"AUTH",        "swallowed", O::Failure,          E::Timeout,              "Authenticating"},
        {"AUTH",        "endless",   O::Failure,          E::Protocol,             "Authenticating"},
        {"AUTH",        "wrong kind",O::Failure,          E::Protocol,             "Authenticating"},

        {"MAIL",        "drop",      O::Failure,          E::ConnectionLost,       "MailFrom"},
        {"MAIL",        "421",       O::Failure,          E::Refused,              "MailFrom"},
        {"MAIL",        "4xx",       O::Failure,          E::Refused,              "MailFrom"},
        {"MAIL",        "5xx",       O::Failure,          E::Refused,              "MailFrom"},
        {"MAIL",        "silence",   O::Failure,          E::Timeout,              "MailFrom"},
        // the client cannot tell which reply is missing: it finds out at the 354 to RCPT
        {"MAIL",        "swallowed", O::Failure,          E::Protocol,             "RcptTo"},
        {"MAIL",        "endless",   O::Failure,          E::Protocol,             "MailFrom"},
        {"MAIL",        "wrong kind",O::Failure,          E::Protocol,             "MailFrom"},

        {"RCPT",        "drop",      O::Failure,          E::ConnectionLost,       "RcptTo"},
        {"RCPT",        "421",       O::Failure,          E::Refused,              "RcptTo"},
        {"RCPT",        "4xx",       O::Failure,          E::AllRecipientsRefused, "RcptTo"},
        {"RCPT",        "5xx",       O::Failure,          E::AllRecipientsRefused, "RcptTo"},
        {"RCPT",        "silence",   O::Failure,          E::Timeout,              "RcptTo"},
        {"RCPT",        "swallowed", O::Failure,          E::Protocol,             "RcptTo"},
        {"RCPT",        "endless",   O::Failure,          E::Protocol,             "RcptTo"},
        {"RCPT",        "wrong kind",O::Failure,          E::Protocol,             "RcptTo"},

        {"DATA",        "drop",      O::Failure,          E::ConnectionLost,       "Data"},
        {"DATA",        "421",       O::Failure,          E::Refused,              "Data"},
        {"DATA",        "4xx",       O::Failure,          E::Refused,              "Data"},
        {"DATA",        "5xx",       O::Failure,          E::Refused,              "Data"},
        {"DATA",        "silence",   O::Failure,          E::Timeout,              "Data"},
        {"DATA",        "swallowed", O::Failure,          E::Timeout,              "Data"},
        {"DATA",        "endless",   O::Failure,          E::Protocol,             "Data"},
        {"DATA",        "wrong kind",O::Failure,          E::Protocol,             "Data"},

        // the whole message went: a missing or unreadable reply is "delivery unknown"
        {"end of data", "drop",      O::DeliveryUnknown,  E::ConnectionLost,       "EndOfData"},
        {"end of data", "421",       O::Failure,          E::Refused,              "EndOfData"},
        {"end of data", "4xx",       O::Failure,          E::Refused,              "EndOfData"},
        {"end of data", "5xx",       O::Failure,          E::Refused,              "EndOfData"},
        {"end of data", "silence",   O::DeliveryUnknown,  E::Timeout,              "EndOfData"},
        {"end of data", "swallowed", O::DeliveryUnknown,  E::Protocol,             "EndOfData"},
        {"end of data", "endless",   O::DeliveryUnknown,  E::Protocol,             "EndOfData"},
        {"end of data", "wrong kind",O::DeliveryUnknown,  E::Protocol,             "EndOfData"},

        // the message was accepted: nothing at QUIT undoes that
        {"QUIT",        "drop",      O::Success,          E::NoError,              "EndOfData"},
        {"QUIT",        "421",       O::Success,          E::NoError,              "EndOfData"},
        {"QUIT",        "4xx",       O::Success,          E::NoError,              "EndOfData"},
        {"QUIT",        "5xx",       O::Success,          E::NoError,              "EndOfData"},
        {"QUIT",        "silence",   O::Success,          E::NoError,              "EndOfData"},
        {"QUIT",        "swallowed", O::Success,          E::NoError,              "EndOfData"},
        {"QUIT",        "endless",   O::Success,          E::NoError,              "EndOfData"},
        {"QUIT",        "wrong kind",O::Success,          E::NoError,              "EndOfData"},
    };
    // clang-format on
    for (const Cell &cell : matrix) {
        const QLatin1String name(cell.step);
        const Step *step = std::find_if(std::begin(steps), std::end(steps),
                                        [&](const Step &s) { return name == s.name; });
        QVERIFY(step != std::end(steps));
        const QString kind = QLatin1String(cell.fault);
        const QString code = kind == QLatin1String("4xx")   ? QLatin1String(step->refusal4)
                             : kind == QLatin1String("5xx") ? QLatin1String(step->refusal5)
                                                            : QLatin1String(step->wrongKind);
        const QString scenario =
            before(name, kind == QLatin1String("swallowed")) + fault(name, kind, code);
        QTest::addRow("%s x %s", cell.step, cell.fault)
            << scenario << int(step->setup) << cell.outcome << cell.error
            << QString::fromLatin1(cell.endsIn);
    }
    // The whole matrix: every step meets every fault.
    QCOMPARE(std::size(matrix), std::size(steps) * 8);
}

void TestFaultMatrix::faultAtEveryStep()
{
    QFETCH(QString, scenario);
    QFETCH(int, setup);
    QFETCH(Outcome, outcome);
    QFETCH(Error, error);
    QFETCH(QString, step);

    FakeSmtpServer server(scenario);
    QVERIFY(server.listen());
    SmtpClient client;
    QStringList transcript;
    QObject::connect(&client, &SmtpClient::transcriptEntry,
                     [&](const TranscriptEntry &e) { transcript << e.toPlainText(); });
    std::optional<SendResult> result;
    QObject::connect(&client, &SmtpClient::finished, [&](const SendResult &r) { result = r; });

    SmtpSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = server.port();
    settings.security =
        setup == StartTls ? SmtpSettings::Security::StartTls : SmtpSettings::Security::None;
    settings.heloName = QStringLiteral("test.example");
    settings.timeouts = timeoutsFrom(step);
    if (setup == Auth) {
        settings.authenticate = true;
        settings.credentials = {QStringLiteral("ana"), QStringLiteral("pw"), QString()};
    }
    Envelope envelope;
    envelope.sender = QStringLiteral("a@example.org");
    envelope.recipients = {QStringLiteral("b@example.org")};
    BufferMessageSource source(Message);

    QElapsedTimer clock;
    clock.start();
    client.send(settings, envelope, &source);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), Bound);
    const QString context = transcript.join(QLatin1Char('\n')) + QStringLiteral("\nserver: ") +
                            server.report() + QStringLiteral("\nresult: ") + result->message;
    QVERIFY2(clock.elapsed() < Bound, qPrintable(context));
    QVERIFY2(server.mismatches().isEmpty(), qPrintable(context));
    QCOMPARE(result->outcome, outcome);
    QCOMPARE(result->error, error);
    QCOMPARE(result->step, step);
    // The step in words, for the window and the command line.
    QCOMPARE(result->stepLabel, SmtpClient::stepLabel(step));
    if (error == Error::Timeout || error == Error::ConnectionLost || error == Error::Protocol)
        QVERIFY2(result->message.contains(result->stepLabel) ||
                     (step != QLatin1String("EndOfData") && error == Error::Protocol &&
                      result->message.contains(QStringLiteral("does not answer"))),
                 qPrintable(context));
    QVERIFY2(!result->message.contains(QStringLiteral("step ") + step), qPrintable(context));
}

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
