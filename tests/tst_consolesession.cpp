// The console's session against the scripted fake server: what typed lines put on the wire
// (escapes, CRLF, content), STARTTLS and AUTH carried out for real, masking, and every ending.
#include "console/consoleline.h"
#include "console/consolesession.h"
#include "fakesmtpserver.h"
#include "sandbox/mailstore.h"
#include "sandbox/sandboxserver.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

namespace {

QString certs(const char *name)
{
    return QStringLiteral(POSTWIRE_TEST_CERTS "/") + QLatin1String(name);
}

const QString Ehlo = QStringLiteral("S: 220 fake ESMTP\nC: EHLO me.example\n"
                                    "S: 250-fake\nS: 250-AUTH PLAIN LOGIN\nS: 250 STARTTLS\n");

// One session against one scenario, with everything it reported.
struct Run
{
    FakeSmtpServer server;
    ConsoleSession session;
    QList<TranscriptEntry> transcript;
    std::optional<std::pair<int, QString>> ending;
    int ready = 0;

    explicit Run(const QString &scenario)
        : server(scenario)
    {
        QObject::connect(&session, &ConsoleSession::transcriptEntry,
                         [this](const TranscriptEntry &e) { transcript << e; });
        QObject::connect(&session, &ConsoleSession::ended, [this](int kind, const QString &why) {
            QVERIFY2(!ending, "ended() emitted twice");
            ending = {kind, why};
        });
        QObject::connect(&session, &ConsoleSession::readyForInput, [this] { ++ready; });
    }

    ConsoleSettings settings() const
    {
        ConsoleSettings s;
        s.host = QStringLiteral("127.0.0.1");
        s.port = server.port();
        s.timeouts = SmtpTimeouts::uniform(10'000);
        s.heloName = QStringLiteral("me.example");
        return s;
    }

    // Opens and waits until the person may type.
    bool open(ConsoleSettings s = {})
    {
        if (!server.listen())
            return false;
        if (s.host.isEmpty()) {
            s = settings();
        } else {
            s.port = server.port();
        }
        session.open(s);
        return QTest::qWaitFor([this] { return ready > 0 || ending; }, 10'000) && !ending;
    }

    // Types a line and waits for what it waits for.
    QString type(const QString &line)
    {
        const int before = ready;
        const QString error = session.submitLine(line);
        if (error.isEmpty() && session.isWaiting() &&
            !QTest::qWaitFor([&] { return ready > before || ending || !session.isWaiting(); },
                             10'000))
            return QStringLiteral("(test) the line was not answered in time");
        return error;
    }

    QString text() const
    {
        QStringList lines;
        for (const TranscriptEntry &e : transcript)
            lines << e.toPlainText();
        return lines.join(QLatin1Char('\n')) + QStringLiteral("\nserver: ") + server.report();
    }

    bool scriptFollowed() const
    {
        return server.mismatches().isEmpty() && server.unconsumed().isEmpty();
    }

    QList<TranscriptEntry> client() const
    {
        QList<TranscriptEntry> out;
        for (const TranscriptEntry &e : transcript) {
            if (e.direction == TranscriptEntry::Direction::Client)
                out << e;
        }
        return out;
    }
};

} // namespace

class TestConsoleSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void display();
    void articleDialogue();
    void escapes_data();
    void escapes();
    void refusedLines_data();
    void refusedLines();
    void dotStuffingNote();
    void startTlsTyped();
    void startTlsFromSecurity();
    void startTlsRequiredButMissing();
    void certificateReview();
    void authTypedAlone_data();
    void authTypedAlone();
    void authAsksForCredentials();
    void authTypedInFull();
    void authBeforeEhlo();
    void serverCloses_data();
    void serverCloses();
    void greetingRefused();
    void connectFails();
    void closeSendsQuit();
    void closeInsideData();
    void cancelSendsQuit();
    void replyToNoLine();
    void unansweredLine();
    void smugglingAgainstTheSandbox_data();
    void smugglingAgainstTheSandbox();
};

void TestConsoleSession::parse_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("error");

    QTest::newRow("plain") << "NOOP" << QByteArray("NOOP\r\n") << QString();
    QTest::newRow("backslash") << "a\\\\b" << QByteArray("a\\b\r\n") << QString();
    QTest::newRow("NUL keeps CRLF") << "a\\x00b" << QByteArray("a\0b\r\n", 5) << QString();
    QTest::newRow("bare LF is exact") << "Hi\\n.\\n" << QByteArray("Hi\n.\n") << QString();
    QTest::newRow("bare CR is exact") << "Hi\\r.\\r" << QByteArray("Hi\r.\r") << QString();
    QTest::newRow("\\x0a is exact") << "a\\x0a" << QByteArray("a\n") << QString();
    QTest::newRow("upper-case hex") << "\\x4F\\x4b" << QByteArray("OK\r\n") << QString();
    QTest::newRow("UTF-8") << QStringLiteral("Grüße") << QByteArray("Gr\xc3\xbc\xc3\x9f\x65\r\n")
                           << QString();
    QTest::newRow("unknown escape") << "a\\qb" << QByteArray() << "\"\\q\" at column 2";
    QTest::newRow("short \\x") << "ab\\x4" << QByteArray() << "\\x at column 3";
    QTest::newRow("\\x not hex") << "\\xg0" << QByteArray() << "\\x at column 1";
    QTest::newRow("\\x sign") << "\\x+1" << QByteArray() << "\\x at column 1";
    QTest::newRow("trailing backslash") << "abc\\" << QByteArray() << "column 4";
    QTest::newRow("raw line break") << "a\nb" << QByteArray() << "line break";
}

void TestConsoleSession::parse()
{
    QFETCH(QString, typed);
    QFETCH(QByteArray, wire);
    QFETCH(QString, error);
    const ConsoleLine line = ConsoleLine::parse(typed);
    if (error.isEmpty()) {
        QVERIFY2(line.isValid(), qPrintable(line.error));
        QCOMPARE(line.wire(), wire);
    } else {
        QVERIFY(!line.isValid());
        QVERIFY2(line.error.contains(error), qPrintable(line.error));
    }
}

void TestConsoleSession::display()
{
    QCOMPARE(ConsoleLine::display("Hi\n.\r\n"), QStringLiteral("Hi\\n.\\r\\n"));
    QCOMPARE(ConsoleLine::display(QByteArray("a\0b\\", 4)), QStringLiteral("a\\x00b\\\\"));
    QCOMPARE(ConsoleLine::display("\x1b[31m"), QStringLiteral("\\x1b[31m"));
    QCOMPARE(ConsoleLine::display("\xff"), QStringLiteral("\\xff"));
    // What is shown types the same bytes again.
    const QByteArray bytes("x\r\0\x7f\\y\n", 7);
    QCOMPARE(ConsoleLine::parse(ConsoleLine::display(bytes)).bytes, bytes);
}

// The article's dialogue, typed line by line: every reply linked to the line it answers.
void TestConsoleSession::articleDialogue()
{
    Run run(QStringLiteral("S: 220 fake ESMTP\nC: HELO me.example\nS: 250 hello\n"
                           "C: MAIL FROM: <ana@example.org>\nS: 250 ok\n"
                           "C: RCPT TO: <bo@example.org>\nS: 250 ok\nC: DATA\nS: 354 go on\n"
                           "D:\nS: 250 queued as 1\nC: QUIT\nS: 221 bye\n"));
    QVERIFY(run.open());
    QSignalSpy replies(&run.session, &ConsoleSession::replyReceived);
    for (const char *line :
         {"HELO me.example", "MAIL FROM: <ana@example.org>", "RCPT TO: <bo@example.org>", "DATA"}) {
        QCOMPARE(run.type(QLatin1String(line)), QString());
        QVERIFY2(!run.session.isWaiting(), qPrintable(run.text()));
    }
    QVERIFY(run.session.inData());
    QCOMPARE(run.type(QStringLiteral("Hi!")), QString());
    QVERIFY(!run.session.isWaiting()); // content waits for nothing
    QCOMPARE(run.type(QStringLiteral(".")), QString());
    QVERIFY(!run.session.inData());
    QCOMPARE(run.type(QStringLiteral("QUIT")), QString());
    QTRY_VERIFY(run.ending.has_value());
    QCOMPARE(run.ending->first, int(ConsoleSession::AfterQuit));
    QVERIFY2(run.ending->second.contains(QStringLiteral("221 bye")), qPrintable(run.text()));
    QVERIFY2(run.scriptFollowed(), qPrintable(run.text()));
    QCOMPARE(run.server.receivedData(), QByteArray("Hi!\r\n"));
    QCOMPARE(replies.size(), 6);

    // Each reply names the command it answers; typed lines come from the person.
    QList<TranscriptCommand::Kind> answered;
    for (const TranscriptEntry &e : std::as_const(run.transcript)) {
        if (e.direction == TranscriptEntry::Direction::Server)
            answered << e.command.kind;
        if (e.direction == TranscriptEntry::Direction::Client && !e.content)
            QCOMPARE(e.command.origin.source, CommandOrigin::Source::User);
    }
    using K = TranscriptCommand::Kind;
    QCOMPARE(answered,
             (QList<K>{K::Greeting, K::Helo, K::Mail, K::Rcpt, K::Data, K::EndOfData, K::Quit}));
    const QList<TranscriptEntry> sent = run.client();
    QCOMPARE(sent[4].text, QStringLiteral("Hi!"));
    QVERIFY(sent[4].content);
    QCOMPARE(sent[5].command.kind, K::EndOfData);
}

void TestConsoleSession::escapes_data()
{
    QTest::addColumn<QStringList>("typed");
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<bool>("bare"); // a bare CR or LF: the transcript explains smuggling

    // Bytes the server receives between DATA's 354 and the final CRLF.CRLF.
    QTest::newRow("bare LF end of data")
        << QStringList{"Hi", "\\n.\\n"} << QByteArray("Hi\r\n\n.\n") << "\\n.\\n"
        << true;
    QTest::newRow("bare CR end of data")
        << QStringList{"Hi\\r.\\r"} << QByteArray("Hi\r.\r") << "Hi\\r.\\r" << true;
    QTest::newRow("LF . CRLF") << QStringList{"Hi\\n.\\r\\n"} << QByteArray("Hi\n.\r\n")
                               << "Hi\\n.\\r\\n"
                               << true;
    QTest::newRow("NUL") << QStringList{"a\\x00b"} << QByteArray("a\0b\r\n", 5) << "a\\x00b"
                         << false;
}

void TestConsoleSession::escapes()
{
    QFETCH(QStringList, typed);
    QFETCH(QByteArray, wire);
    QFETCH(QString, shown);
    QFETCH(bool, bare);
    // The fake server takes the escaped bytes raw (B:), then expects the proper end of data:
    // to a strict reading, a bare line ending does not end the message.
    Run run(
        QStringLiteral("S: 220 fake\nC: DATA\nS: 354 go\nB: %1\nD:\nS: 250 ok\n").arg(wire.size()));
    QVERIFY(run.open());
    QCOMPARE(run.type(QStringLiteral("DATA")), QString());
    for (const QString &line : typed)
        QCOMPARE(run.type(line), QString());
    QVERIFY2(run.session.inData(), "a bare line ending must not end the data");
    QVERIFY(!run.session.isWaiting());
    QTRY_COMPARE(run.server.receivedData(), wire);
    QCOMPARE(run.client().last().text, shown);
    QCOMPARE(run.type(QStringLiteral(".")), QString());
    QVERIFY(!run.session.inData());
    QTRY_VERIFY2(run.scriptFollowed(), qPrintable(run.text()));
    QCOMPARE(run.text().contains(QStringLiteral("SMTP smuggling")), bare);
}

void TestConsoleSession::refusedLines_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("error");
    QTest::newRow("bad escape") << "NOOP \\q"
                                << "not an escape";
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("raw LF") << "NOOP\nNOOP"
                            << "line break";
    QTest::newRow("too much") << QString(70'000, QLatin1Char('a')) << "at most";
}

void TestConsoleSession::refusedLines()
{
    QFETCH(QString, typed);
    QFETCH(QString, error);
    Run run(QStringLiteral("S: 220 fake\nC: NOOP\nS: 250 ok\n"));
    QVERIFY(run.open());
    const QString got = run.session.submitLine(typed);
    QVERIFY2(got.contains(error), qPrintable(got));
    QCOMPARE(run.client().size(), 0);
    // Nothing left the client: the next line is the first the server sees.
    QCOMPARE(run.type(QStringLiteral("NOOP")), QString());
    QTRY_VERIFY2(run.scriptFollowed(), qPrintable(run.text()));
}

void TestConsoleSession::dotStuffingNote()
{
    Run run(QStringLiteral("S: 220 fake\nC: DATA\nS: 354 go\nD:\nS: 250 ok\n"));
    QVERIFY(run.open());
    run.type(QStringLiteral("DATA"));
    QCOMPARE(run.type(QStringLiteral(".hidden")), QString());
    QCOMPARE(run.type(QStringLiteral("..kept")), QString());
    QCOMPARE(run.type(QStringLiteral(".")), QString());
    QTRY_VERIFY2(run.scriptFollowed(), qPrintable(run.text()));
    // Nothing stuffed, nothing added: the fake server (which does not unstuff) sees the bytes.
    QCOMPARE(run.server.receivedData(), QByteArray(".hidden\r\n..kept\r\n"));
    const QString text = run.text();
    QVERIFY2(text.contains(QStringLiteral("arrives as \"hidden\"")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("dot-stuffing")));
    QVERIFY(text.contains(QStringLiteral("arrives as \".kept\"")));
}

void TestConsoleSession::startTlsTyped()
{
    Run run(Ehlo + QStringLiteral("C: STARTTLS\nS: 220 go ahead\nT:\nC: EHLO me.example\n"
                                  "S: 250-fake\nS: 250 AUTH PLAIN\n"));
    run.server.setCertificate(certs("server.pem"), certs("server.key"));
    ConsoleSettings s = run.settings();
    s.host = QStringLiteral("localhost");
    s.caCertificates = QSslCertificate::fromPath(certs("ca.pem"));
    QVERIFY(run.open(s));
    QSignalSpy encrypted(&run.session, &ConsoleSession::encrypted);
    run.type(QStringLiteral("EHLO me.example"));
    QVERIFY(run.session.capabilities().startTls());
    QCOMPARE(run.type(QStringLiteral("STARTTLS")), QString());
    QTRY_COMPARE(encrypted.size(), 1);
    QVERIFY(run.session.isEncrypted());
    QVERIFY2(run.session.capabilities().isEmpty(), "RFC 3207: nothing from before TLS is kept");
    QTRY_VERIFY(!run.session.isWaiting());
    QVERIFY(run.session.submitLine(QStringLiteral("STARTTLS")).contains(QStringLiteral("already")));
    run.type(QStringLiteral("EHLO me.example"));
    QVERIFY(run.session.capabilities().authMechanisms().contains("PLAIN"));
    QVERIFY2(run.scriptFollowed(), qPrintable(run.text()));
    QVERIFY(run.text().contains(QStringLiteral("TLS established")));
    QVERIFY(run.text().contains(QStringLiteral("Postwire Test CA")));
}

void TestConsoleSession::startTlsFromSecurity()
{
    Run run(Ehlo + QStringLiteral("C: STARTTLS\nS: 220 go ahead\nT:\nC: NOOP\nS: 250 ok\n"));
    run.server.setCertificate(certs("server.pem"), certs("server.key"));
    ConsoleSettings s = run.settings();
    s.host = QStringLiteral("localhost");
    s.security = SmtpSettings::Security::StartTls;
    s.caCertificates = QSslCertificate::fromPath(certs("ca.pem"));
    QVERIFY(run.open(s));
    QVERIFY(run.session.isEncrypted());
    QCOMPARE(run.client().first().command.origin.source, CommandOrigin::Source::EhloName);
    QCOMPARE(run.client().last().command.origin.source, CommandOrigin::Source::Security);
    QCOMPARE(run.type(QStringLiteral("NOOP")), QString());
    QVERIFY2(run.scriptFollowed(), qPrintable(run.text()));
}

void TestConsoleSession::startTlsRequiredButMissing()
{
    Run run(QStringLiteral("S: 220 fake\nC: EHLO me.example\nS: 250 fake\nC: QUIT\nS: 221 bye\n"));
    QVERIFY(run.server.listen());
    ConsoleSettings s = run.settings();
    s.security = SmtpSettings::Security::StartTls;
    run.session.open(s);
    QTRY_VERIFY(run.ending.has_value());
    QCOMPARE(run.ending->first, int(ConsoleSession::TlsFailed));
    QVERIFY2(run.ending->second.contains(QStringLiteral("does not offer STARTTLS")),
             qPrintable(run.ending->second));
    QCOMPARE(run.ready, 0);
    QVERIFY2(run.scriptFollowed(), qPrintable(run.text()));
}

// Without the test CA the certificate is not trusted: a person decides, as in a send.
void TestConsoleSession::certificateReview()
{
    Run run(Ehlo + QStringLiteral("C: STARTTLS\nS: 220 go ahead\nT:\n"));
    run.server.setCertificate(certs("server.pem"), certs("server.key"));
    ConsoleSettings s = run.settings();
    s.host = QStringLiteral("localhost");
    QSignalSpy review(&run.session, &ConsoleSession::certificateReview);
    QVERIFY(run.open(s));
    run.type(QStringLiteral("EHLO me.example"));
    QCOMPARE(run.session.submitLine(QStringLiteral("STARTTLS")), QString());
    QTRY_COMPARE(review.size(), 1);
    QVERIFY(run.session.isBusy());
    QVERIFY(!run.session.submitLine(QStringLiteral("NOOP")).isEmpty());
    run.session.rejectCertificate();
    QTRY_VERIFY(run.ending.has_value());
    QCOMPARE(run.ending->first, int(ConsoleSession::TlsFailed));
    QVERIFY(run.ending->second.contains(QStringLiteral("refused")));
}

void TestConsoleSession::authTypedAlone_data()
{
    QTest::addColumn<QString>("mechanism");
    QTest::addColumn<QString>("exchange");
    // PLAIN sends its secret in the AUTH line, LOGIN in answers to 334 challenges.
    QTest::newRow("PLAIN") << "PLAIN"
                           << "C: AUTH PLAIN AGFuYQBzM2NyZXQ=\nS: 235 2.7.0 ok\n";
    QTest::newRow("LOGIN") << "login"
                           << "C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: YW5h\n"
                              "S: 334 UGFzc3dvcmQ6\nC: czNjcmV0\nS: 235 2.7.0 ok\n";
}

void TestConsoleSession::authTypedAlone()
{
    QFETCH(QString, mechanism);
    QFETCH(QString, exchange);
    Run run(Ehlo + exchange + QStringLiteral("C: NOOP\nS: 250 ok\n"));
    ConsoleSettings s = run.settings();
    s.credentials = {QStringLiteral("ana"), QStringLiteral("s3cret"), QString()};
    QSignalSpy asked(&run.session, &ConsoleSession::credentialsNeeded);
    QVERIFY(run.open(s));
    run.type(QStringLiteral("EHLO me.example"));
    QCOMPARE(run.type(QStringLiteral("AUTH ") + mechanism), QString());
    QTRY_VERIFY(!run.session.isBusy());
    QCOMPARE(asked.size(), 0);
    QCOMPARE(run.type(QStringLiteral("NOOP")), QString());
    QTRY_VERIFY2(run.scriptFollowed(), qPrintable(run.text()));
    const QString text = run.text();
    QVERIFY2(!text.contains(QStringLiteral("s3cret")), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("czNjcmV0")));
    QVERIFY(!text.contains(QStringLiteral("AGFuYQBzM2NyZXQ=")));
    QVERIFY2(text.contains(QStringLiteral("authenticated as ana")), qPrintable(text));
    bool masked = false;
    for (const TranscriptEntry &e : run.client())
        masked = masked || (e.redacted && e.text.contains(SaslMechanism::mask()));
    QVERIFY(masked);
}

void TestConsoleSession::authAsksForCredentials()
{
    Run run(Ehlo + QStringLiteral("C: AUTH PLAIN AGFuYQBzM2NyZXQ=\nS: 535 5.7.8 bad\n"
                                  "C: AUTH PLAIN AGFuYQBhZ2Fpbg==\nS: 235 ok\n"));
    ConsoleSettings s = run.settings();
    s.credentials.user = QStringLiteral("ana");
    QSignalSpy asked(&run.session, &ConsoleSession::credentialsNeeded);
    QVERIFY(run.open(s));
    run.type(QStringLiteral("EHLO me.example"));
    QCOMPARE(run.session.submitLine(QStringLiteral("AUTH PLAIN")), QString());
    QTRY_COMPARE(asked.size(), 1);
    QCOMPARE(asked[0][0].toString(), QStringLiteral("ana"));
    QVERIFY(!run.session.submitLine(QStringLiteral("NOOP")).isEmpty());
    run.session.provideCredentials({QStringLiteral("ana"), QStringLiteral("s3cret"), {}});
    // The refused secret is asked for again, with the server's words.
    QTRY_COMPARE(asked.size(), 2);
    QVERIFY(asked[1][1].toString().contains(QStringLiteral("535")));
    run.session.provideCredentials({QStringLiteral("ana"), QStringLiteral("again"), {}});
    QTRY_VERIFY(!run.session.isBusy() && !run.session.isWaiting());
    QVERIFY2(run.scriptFollowed(), qPrintable(run.text()));
    QVERIFY(!run.text().contains(QStringLiteral("s3cret")));
    QVERIFY(!run.text().contains(QStringLiteral("again")));
}

void TestConsoleSession::authTypedInFull()
{
    Run run(Ehlo + QStringLiteral("C: AUTH PLAIN AGFuYQBzM2NyZXQ=\nS: 535 no\n"
                                  "C: AUTH LOGIN YW5h\nS: 334 UGFzc3dvcmQ6\nC: czNjcmV0\n"
                                  "S: 235 ok\nC: NOOP\nS: 250 ok\n"));
    QVERIFY(run.open());
    run.type(QStringLiteral("EHLO me.example"));
    QCOMPARE(run.type(QStringLiteral("AUTH PLAIN AGFuYQBzM2NyZXQ=")), QString());
    QCOMPARE(run.type(QStringLiteral("AUTH LOGIN YW5h")), QString());
    QCOMPARE(run.type(QStringLiteral("czNjcmV0")), QString()); // answers the 334
    QCOMPARE(run.type(QStringLiteral("NOOP")), QString());
    QTRY_VERIFY2(run.scriptFollowed(), qPrintable(run.text()));
    const QList<TranscriptEntry> sent = run.client();
    QCOMPARE(sent[1].text, QStringLiteral("AUTH PLAIN ********"));
    QVERIFY(sent[1].redacted);
    QCOMPARE(sent[2].text, QStringLiteral("AUTH LOGIN ********"));
    QCOMPARE(sent[3].text, QStringLiteral("********"));
    QCOMPARE(sent[3].command.kind, TranscriptCommand::Kind::AuthContinue);
    QVERIFY(sent[3].redacted);
    QCOMPARE(sent[4].text, QStringLiteral("NOOP")); // after 235, lines are commands again
    QVERIFY(!sent[4].redacted);
    QVERIFY(!run.text().contains(QStringLiteral("AGFuYQBzM2NyZXQ=")));
}

void TestConsoleSession::authBeforeEhlo()
{
    Run run(QStringLiteral("S: 220 fake\n"));
    QVERIFY(run.open());
    const QString error = run.session.submitLine(QStringLiteral("AUTH PLAIN"));
    QVERIFY2(error.contains(QStringLiteral("type EHLO")), qPrintable(error));
    QCOMPARE(run.client().size(), 0);
}

void TestConsoleSession::serverCloses_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QStringList>("typed");
    QTest::addColumn<QString>("reason");
    QTest::newRow("after a reply") << "S: 220 fake\nC: NOOP\nS: 250 ok\nX:\n"
                                   << QStringList{"NOOP"} << "the server closed the connection";
    QTest::newRow("before a reply") << "S: 220 fake\nC: NOOP\nX:\n"
                                    << QStringList{"NOOP"} << "before it answered NOOP";
    QTest::newRow("421") << "S: 220 fake\nC: NOOP\nS: 421 4.3.2 going down\nX:\n"
                         << QStringList{"NOOP"} << "closed";
    QTest::newRow("in data") << "S: 220 fake\nC: DATA\nS: 354 go\nX:\n"
                             << QStringList{"DATA"} << "inside the message data";
}

void TestConsoleSession::serverCloses()
{
    QFETCH(QString, scenario);
    QFETCH(QStringList, typed);
    QFETCH(QString, reason);
    Run run(scenario);
    QVERIFY(run.open());
    for (const QString &line : typed)
        run.type(line);
    QTRY_VERIFY(run.ending.has_value());
    QCOMPARE(run.ending->first, int(ConsoleSession::ClosedByServer));
    QVERIFY2(run.ending->second.contains(reason), qPrintable(run.ending->second));
    QVERIFY(!run.session.isOpen());
    QVERIFY(!run.session.submitLine(QStringLiteral("NOOP")).isEmpty());
}

void TestConsoleSession::greetingRefused()
{
    Run run(QStringLiteral("S: 554 5.7.1 go away\nC: QUIT\nS: 221 bye\n"));
    QVERIFY(run.server.listen());
    run.session.open(run.settings());
    QTRY_VERIFY(run.ending.has_value());
    QCOMPARE(run.ending->first, int(ConsoleSession::GreetingRefused));
    QVERIFY(run.ending->second.contains(QStringLiteral("554 5.7.1 go away")));
    QCOMPARE(run.ready, 0);
    QVERIFY2(run.scriptFollowed(), qPrintable(run.text()));
}

void TestConsoleSession::connectFails()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    ConsoleSession session;
    QSignalSpy ended(&session, &ConsoleSession::ended);
    ConsoleSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = port;
    session.open(s);
    QTRY_COMPARE(ended.size(), 1);
    QCOMPARE(ended[0][0].toInt(), int(ConsoleSession::ConnectFailed));
    QVERIFY(ended[0][1].toString().contains(QStringLiteral("cannot connect")));

    ConsoleSession noHost;
    QSignalSpy ended2(&noHost, &ConsoleSession::ended);
    noHost.open(ConsoleSettings());
    QCOMPARE(ended2.size(), 1);
    QVERIFY(ended2[0][1].toString().contains(QStringLiteral("no host name")));
}

void TestConsoleSession::closeSendsQuit()
{
    Run run(QStringLiteral("S: 220 fake\nC: QUIT\nS: 221 bye\n"));
    QVERIFY(run.open());
    run.session.close();
    QTRY_VERIFY(run.ending.has_value());
    QCOMPARE(run.ending->first, int(ConsoleSession::AfterQuit));
    QVERIFY2(run.scriptFollowed(), qPrintable(run.text()));
    QCOMPARE(run.client().last().command.origin.source, CommandOrigin::Source::Protocol);
}

void TestConsoleSession::closeInsideData()
{
    Run run(QStringLiteral("S: 220 fake\nC: DATA\nS: 354 go\n"));
    QVERIFY(run.open());
    run.type(QStringLiteral("DATA"));
    run.type(QStringLiteral("half a message"));
    run.session.close();
    QTRY_VERIFY(run.ending.has_value());
    QCOMPARE(run.ending->first, int(ConsoleSession::ClosedInData));
    QTRY_VERIFY(run.server.clientDisconnected());
    QVERIFY(!run.server.clientLines().contains(QStringLiteral("QUIT")));
}

void TestConsoleSession::cancelSendsQuit()
{
    Run run(QStringLiteral("S: 220 fake\nC: NOOP\nS: 250 ok\nC: QUIT\n"));
    QVERIFY(run.open());
    run.type(QStringLiteral("NOOP"));
    run.session.cancel();
    QVERIFY(run.ending.has_value());
    QCOMPARE(run.ending->first, int(ConsoleSession::Cancelled));
    QTRY_VERIFY2(run.scriptFollowed(), qPrintable(run.text()));
}

// What a vulnerable server does with a smuggled end of data: more replies than lines sent.
void TestConsoleSession::replyToNoLine()
{
    Run run(QStringLiteral("S: 220 fake\nC: NOOP\nS: 250 ok\nS: 250 extra\nC: NOOP\nS: 250 ok\n"));
    QVERIFY(run.open());
    QSignalSpy replies(&run.session, &ConsoleSession::replyReceived);
    run.type(QStringLiteral("NOOP"));
    QTRY_COMPARE(replies.size(), 2);
    QVERIFY(run.session.isOpen());
    QCOMPARE(run.transcript.last().text.contains(QStringLiteral("a reply to no line")), true);
    QCOMPARE(run.type(QStringLiteral("NOOP")), QString());
    QTRY_VERIFY2(run.scriptFollowed(), qPrintable(run.text()));
}

void TestConsoleSession::unansweredLine()
{
    // A bare CR ends no line: the server waits, and so would the console, forever.
    Run run(QStringLiteral("S: 220 fake\nB: 5\nC: NOOP\nS: 250 ok\n"));
    QVERIFY(run.server.listen());
    ConsoleSettings s = run.settings();
    s.timeouts.command = 300;
    run.session.open(s);
    QTRY_COMPARE(run.ready, 1);
    QCOMPARE(run.session.submitLine(QStringLiteral("NOOP\\r")), QString());
    QVERIFY(run.session.isWaiting());
    QTRY_COMPARE(run.ready, 2);
    QVERIFY(run.text().contains(QStringLiteral("stops waiting")));
    QCOMPARE(run.type(QStringLiteral("NOOP")), QString());
    QTRY_VERIFY2(run.scriptFollowed(), qPrintable(run.text()));
}

// Both answers to SMTP smuggling (CVE-2023-51764, -51765, -51766), typed with the console's
// escapes: the sandbox's default keeps a bare-line-ending "." as content (one message); its
// lenient behaviour ends the data there, as vulnerable servers did, and takes the smuggled
// MAIL, RCPT and DATA as commands (two messages, the second from evil@).
void TestConsoleSession::smugglingAgainstTheSandbox_data()
{
    QTest::addColumn<QString>("end");
    QTest::addColumn<bool>("lenient");
    for (const char *end : {"\\n.\\n", "\\r.\\r", "\\n.\\r\\n", "\\r\\n.\\n"}) {
        QTest::addRow("strict, %s", end) << QString::fromLatin1(end) << false;
        QTest::addRow("lenient, %s", end) << QString::fromLatin1(end) << true;
    }
}

void TestConsoleSession::smugglingAgainstTheSandbox()
{
    QFETCH(QString, end);
    QFETCH(bool, lenient);
    QTemporaryDir dir;
    MailStore store(dir.path());
    SandboxServer sandbox;
    sandbox.setStore(&store);
    sandbox.setTlsEnabled(false);
    SandboxBehaviour behaviour;
    behaviour.lenientEndOfData = lenient;
    QVERIFY(sandbox.setBehaviour(behaviour));
    QSignalSpy started(&sandbox, &SandboxServer::started);
    sandbox.start();
    QTRY_COMPARE(started.size(), 1);
    QSignalSpy received(&sandbox, &SandboxServer::messageReceived);

    Run run(QString{});
    ConsoleSettings s = run.settings();
    s.port = sandbox.port();
    run.session.open(s);
    QTRY_COMPARE(run.ready, 1);
    for (const char *line :
         {"EHLO me.example", "MAIL FROM:<ana@example.org>", "RCPT TO:<bo@example.org>", "DATA"})
        QCOMPARE(run.type(QLatin1String(line)), QString());
    QVERIFY(run.session.inData());
    QSignalSpy replies(&run.session, &ConsoleSession::replyReceived);
    QCOMPARE(run.type(QStringLiteral("Subject: real")), QString());
    QCOMPARE(run.type(QString()), QString());
    QCOMPARE(run.type(QStringLiteral("Hi") + end +
                      QStringLiteral("MAIL FROM:<evil@example.org>\\r\\nRCPT TO:<bo@example.org>"
                                     "\\r\\nDATA\\r\\nSubject: smuggled\\r\\n")),
             QString());
    if (lenient) // 250 for the first message, MAIL, RCPT, 354: all while the console sends data
        QTRY_COMPARE(replies.size(), 4);
    QCOMPARE(run.type(QStringLiteral(".")), QString());
    QTRY_COMPARE(received.size(), lenient ? 2 : 1);
    QTRY_VERIFY(!run.session.isWaiting());
    const QString text = run.text();
    QVERIFY2(text.contains(QStringLiteral("SMTP smuggling")), qPrintable(text));
    QCOMPARE(text.contains(QStringLiteral("a reply in the middle of the message data")), lenient);
    const auto first = received[0][1].value<StoredMessage>();
    QCOMPARE(first.mailFrom, QStringLiteral("ana@example.org"));
    const QByteArray content = store.content(first.id);
    QVERIFY2(content.startsWith("Subject: real\r\n\r\nHi"), content.constData());
    QCOMPARE(content.contains("MAIL FROM:<evil@example.org>"), !lenient);
    if (lenient) {
        const auto smuggled = received[1][1].value<StoredMessage>();
        QCOMPARE(smuggled.mailFrom, QStringLiteral("evil@example.org"));
        QCOMPARE(store.content(smuggled.id), QByteArray("Subject: smuggled\r\n"));
    }
    run.session.close();
    QTRY_VERIFY(run.ending.has_value());
    QCOMPARE(run.ending->first, int(ConsoleSession::AfterQuit));
}

QTEST_GUILESS_MAIN(TestConsoleSession)
#include "tst_consolesession.moc"
