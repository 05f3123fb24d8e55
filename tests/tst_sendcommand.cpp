// `postwire send` as scripts use it: the real binary against the scripted fake server, one
// exit code per failing step, and the transcript and outcome on stdout.
#include "fakesmtpserver.h"
#include "sandbox/mailstore.h"
#include "sandbox/sandboxserver.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString Start = QStringLiteral("S: 220 fake ESMTP\nC: EHLO cli.example\n");
const QString Ehlo = QStringLiteral("S: 250-fake\nS: 250 8BITMIME\n");
const QString Mail = QStringLiteral("C: MAIL FROM:<ana@example.org>\n");
const QString Rcpt = QStringLiteral("C: RCPT TO:<bob@example.org>\n");
const QString Quit = QStringLiteral("C: QUIT\nS: 221 bye\n");

} // namespace

class TestSendCommand : public QObject
{
    Q_OBJECT
private:
    struct Outcome
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    // Runs postwire send with the arguments; the server (if any) plays its scenario meanwhile.
    Outcome run(const QStringList &arguments,
                const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(POSTWIRE_BINARY),
                      QStringList{QStringLiteral("send")} + arguments);
        QSignalSpy finished(&process, &QProcess::finished);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 30000); }();
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    QStringList baseArguments(quint16 port) const
    {
        return {QStringLiteral("--server"),   QStringLiteral("127.0.0.1:%1").arg(port),
                QStringLiteral("--security"), QStringLiteral("none"),
                QStringLiteral("--helo"),     QStringLiteral("cli.example"),
                QStringLiteral("--from"),     QStringLiteral("Ana <ana@example.org>"),
                QStringLiteral("--to"),       QStringLiteral("bob@example.org"),
                QStringLiteral("--subject"),  QStringLiteral("cli"),
                QStringLiteral("--body"),     QStringLiteral("Hello"),
                QStringLiteral("--timeout"),  QStringLiteral("1")};
    }

    // The built-in sandbox without TLS, storing into dir; the test starts it.
    struct Sandbox
    {
        QTemporaryDir dir;
        MailStore store{dir.filePath(QStringLiteral("inbox"))};
        SandboxServer server;
        QString error;
        bool prepare()
        {
            if (!server.useDataFolder(dir.filePath(QStringLiteral("data")), &error))
                return false;
            server.setStore(&store);
            server.setTlsEnabled(false);
            return true;
        }
    };

private Q_SLOTS:
    void exitCodes_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("outputContains");

        const QString delivered =
            Start + Ehlo + Mail + QStringLiteral("S: 250 ok\n") + Rcpt +
            QStringLiteral(
                "S: 250 ok\nC: DATA\nS: 354 go\nD:\nS: 250 2.0.0 Ok: queued as CLI42\n") +
            Quit;
        QTest::newRow("sent") << delivered << QStringList() << 0
                              << QStringLiteral("OK: message accepted");
        QTest::newRow("quiet") << delivered << QStringList{QStringLiteral("--quiet")} << 0
                               << QStringLiteral("queue id CLI42");
        QTest::newRow("partial: warning, exit 0")
            << Start + Ehlo + Mail + QStringLiteral("S: 250 ok\n") + Rcpt +
                   QStringLiteral(
                       "S: 250 ok\nC: RCPT TO:<eve@example.org>\nS: 550 5.1.1 No such user\n"
                       "C: DATA\nS: 354 go\nD:\nS: 250 ok\n") +
                   Quit
            << QStringList{QStringLiteral("--cc"), QStringLiteral("eve@example.org")} << 0
            << QStringLiteral(
                   "WARNING: recipient <eve@example.org> refused: 550 5.1.1 No such user");
        QTest::newRow("greeting") << QStringLiteral("S: 554 no\n") + Quit << QStringList() << 4
                                  << QStringLiteral("FAILED at the greeting");
        QTest::newRow("TLS: STARTTLS required, not offered")
            << Start + Ehlo + Quit
            << QStringList{QStringLiteral("--security"), QStringLiteral("starttls")} << 5
            << QStringLiteral("does not offer STARTTLS");
        QTest::newRow("EHLO") << Start +
                                     QStringLiteral("S: 502 no\nC: HELO cli.example\nS: 550 no\n") +
                                     Quit
                              << QStringList() << 6
                              << QStringLiteral("FAILED at the introduction (HELO)");
        QTest::newRow("AUTH") << Start +
                                     QStringLiteral("S: 250-fake\nS: 250 AUTH PLAIN\nC~ AUTH PLAIN "
                                                    ".+\nS: 535 5.7.8 Bad credentials\n") +
                                     Quit
                              << QStringList{QStringLiteral("--user"), QStringLiteral("ana"),
                                             QStringLiteral("--password-env"),
                                             QStringLiteral("CLI_SECRET")}
                              << 7 << QStringLiteral("535 5.7.8 Bad credentials");
        QTest::newRow("MAIL") << Start + Ehlo + Mail +
                                     QStringLiteral("S: 553 no\nC: RSET\nS: 250 ok\n") + Quit
                              << QStringList() << 8
                              << QStringLiteral("FAILED at the sender address (MAIL FROM)");
        QTest::newRow("RCPT, all refused")
            << Start + Ehlo + Mail + QStringLiteral("S: 250 ok\n") + Rcpt +
                   QStringLiteral("S: 550 no\nC: RSET\nS: 250 ok\n") + Quit
            << QStringList() << 9 << QStringLiteral("every recipient was refused");
        QTest::newRow("DATA") << Start + Ehlo + Mail + QStringLiteral("S: 250 ok\n") + Rcpt +
                                     QStringLiteral(
                                         "S: 250 ok\nC: DATA\nS: 554 no\nC: RSET\nS: 250 ok\n") +
                                     Quit
                              << QStringList() << 10 << QStringLiteral("DATA refused");
        QTest::newRow("end of data")
            << Start + Ehlo + Mail + QStringLiteral("S: 250 ok\n") + Rcpt +
                   QStringLiteral("S: 250 ok\nC: DATA\nS: 354 go\nD:\nS: 554 5.6.0 rejected\n") +
                   Quit
            << QStringList() << 11 << QStringLiteral("refused after its content");
        QTest::newRow("explain") << delivered << QStringList{QStringLiteral("--explain")} << 0
                                 << QStringLiteral("(220 — service ready");
        QTest::newRow("meaning of a refusal")
            << Start + Ehlo + Mail + QStringLiteral("S: 250 ok\n") + Rcpt +
                   QStringLiteral("S: 250 ok\nC: DATA\nS: 354 go\nD:\nS: 554 5.7.1 spam\n") + Quit
            << QStringList() << 11 << QStringLiteral("MEANING: 554 5.7.1 — ");
        // The meaning is looked up for the command the reply answered (issue 14, item 5):
        // 554 is "no SMTP service here" only in a greeting.
        QTest::newRow("meaning for the step's command")
            << Start + Ehlo + Mail + QStringLiteral("S: 554 5.7.1 no\nC: RSET\nS: 250 ok\n") + Quit
            << QStringList() << 8
            << QStringLiteral("MEANING: 554 5.7.1 \u2014 the sender was refused");
        QTest::newRow("timeout") << Start << QStringList() << 12
                                 << QStringLiteral("timeout at the introduction (EHLO)");
        QTest::newRow("delivery unknown")
            << Start + Ehlo + Mail + QStringLiteral("S: 250 ok\n") + Rcpt +
                   QStringLiteral("S: 250 ok\nC: DATA\nS: 354 go\nD:\nX:\n")
            << QStringList() << 14 << QStringLiteral("may or may not have been delivered");
    }

    void exitCodes()
    {
        QFETCH(QString, scenario);
        QFETCH(QStringList, extra);
        QFETCH(int, exitCode);
        QFETCH(QString, outputContains);
        FakeSmtpServer server(scenario);
        QVERIFY(server.listen());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CLI_SECRET"), QStringLiteral("hunter2!"));
        QStringList args = baseArguments(server.port());
        // A later option of the same name wins for --security: put extras last.
        args += extra;
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(POSTWIRE_BINARY), QStringList{QStringLiteral("send")} + args);
        QSignalSpy finished(&process, &QProcess::finished);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 30000);
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        const QString err = QString::fromUtf8(process.readAllStandardError());
        const QString context = out + err + QStringLiteral("\nserver: ") + server.report();
        QVERIFY2(process.exitCode() == exitCode,
                 qPrintable(QStringLiteral("exit %1: ").arg(process.exitCode()) + context));
        QVERIFY2(out.contains(outputContains), qPrintable(context));
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(context));
        QVERIFY(!out.contains(QStringLiteral("hunter2")));
        if (!extra.contains(QStringLiteral("--quiet")) && exitCode != 4)
            QVERIFY2(out.contains(QStringLiteral(" ms C: EHLO cli.example")), qPrintable(out));
        else if (extra.contains(QStringLiteral("--quiet")))
            QVERIFY(!out.contains(QStringLiteral("C: EHLO")));
    }

    // --explain against the built-in sandbox (a real server that pipelines its replies):
    // every reply is explained against its own command, also inside a pipelined group with a
    // refused recipient in the middle, and with CHUNKING's BDAT LAST.
    void serverControlBytesAreEscaped()
    {
        // Issue 17, item 4: a refusal that carries ESC, BEL, NUL and a CR followed by words
        // that would overwrite the failure line on a terminal. Nothing of it reaches stdout raw.
        FakeSmtpServer server(
            Start + Ehlo + Mail +
            QStringLiteral("R: 554 5.7.1 \\x1b[2J\\x07\\x00 no\\rOK: message accepted\\r\\n\n"
                           "C: RSET\nS: 250 ok\n") +
            Quit);
        QVERIFY(server.listen());
        const Outcome o = run(baseArguments(server.port()));
        QCOMPARE(o.exitCode, 8);
        for (const QChar c : o.out) {
            QVERIFY2(c == QLatin1Char('\n') || (c.unicode() >= 0x20 && c.unicode() != 0x7f),
                     qPrintable(QStringLiteral("raw U+%1 in: %2")
                                    .arg(c.unicode(), 4, 16, QLatin1Char('0'))
                                    .arg(o.out.toHtmlEscaped())));
        }
        const QStringList lines = o.out.split(QLatin1Char('\n'));
        const auto failed = std::find_if(lines.begin(), lines.end(), [](const QString &l) {
            return l.startsWith(QLatin1String("FAILED "));
        });
        QVERIFY2(failed != lines.end(), qPrintable(o.out));
        // The failure line is whole: the reply quoted escaped, after the words of the refusal.
        QVERIFY2(
            failed->contains(QLatin1String("554 5.7.1 \\x1b[2J\\x07\\0 no\\rOK: message accepted")),
            qPrintable(*failed));
        // The transcript line shows the reply escaped too, and no line starts with "OK".
        QVERIFY2(o.out.contains(QLatin1String("S: 554 5.7.1 \\x1b[2J")), qPrintable(o.out));
        for (const QString &l : lines)
            QVERIFY2(!l.startsWith(QLatin1String("OK")), qPrintable(l));
    }

    void explainPairsEveryReply_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("endOfData"); // the command the final 250 answers
        QTest::newRow("PIPELINING + CHUNKING") << QStringList() << QStringLiteral("BDAT ");
        QTest::newRow("PIPELINING + DATA") << QStringList{QStringLiteral("--no-chunking")}
                                           << QStringLiteral("the end of the message data: ");
        QTest::newRow("one command at a time")
            << QStringList{QStringLiteral("--no-chunking"), QStringLiteral("--no-pipelining")}
            << QStringLiteral("the end of the message data: ");
    }
    void explainPairsEveryReply()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, endOfData);
        Sandbox box;
        QVERIFY2(box.prepare(), qPrintable(box.error));
        SandboxServer &sandbox = box.server;
        SandboxBehaviour behaviour;
        behaviour.rejectRecipients = QStringLiteral("^bob@");
        QVERIFY(sandbox.setBehaviour(behaviour));
        sandbox.start();
        QTRY_VERIFY(sandbox.isListening());
        QStringList args = baseArguments(sandbox.port());
        args << QStringLiteral("--cc") << QStringLiteral("bob@example.org,carl@example.org")
             << QStringLiteral("--explain") << extra;
        args[args.indexOf(QStringLiteral("--to")) + 1] = QStringLiteral("ann@example.org");
        QProcess process;
        process.start(QStringLiteral(POSTWIRE_BINARY), QStringList{QStringLiteral("send")} + args);
        QSignalSpy finished(&process, &QProcess::finished);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 30000);
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(process.exitCode() == 0, qPrintable(out));
        // The explanation printed under a reply line.
        const auto meaningOf = [&out](const QString &reply) {
            const qsizetype at = out.indexOf(QStringLiteral(" S: ") + reply);
            if (at < 0)
                return QString();
            const qsizetype open =
                out.indexOf(QLatin1Char('('), out.indexOf(QLatin1Char('\n'), at));
            return out.mid(open, out.indexOf(QLatin1Char('\n'), open) - open);
        };
        const QString mail = meaningOf(QStringLiteral("250 2.1.0"));
        QVERIFY2(mail.startsWith(QStringLiteral("(answers MAIL FROM:<ana@example.org>")),
                 qPrintable(out));
        QVERIFY2(mail.contains(QStringLiteral("sender accepted")), qPrintable(mail));
        const QString refused = meaningOf(QStringLiteral("550 5.1.1"));
        QVERIFY2(
            refused.startsWith(QStringLiteral("(answers RCPT TO:<bob@example.org> (the Cc field")),
            qPrintable(out));
        QVERIFY2(refused.contains(QStringLiteral("this recipient was refused")),
                 qPrintable(refused));
        const QString accepted = meaningOf(QStringLiteral("250 2.0.0 Ok: queued"));
        QVERIFY2(accepted.startsWith(QStringLiteral("(answers ") + endOfData), qPrintable(out));
        QVERIFY2(accepted.contains(QStringLiteral("message accepted")), qPrintable(accepted));
        QVERIFY2(meaningOf(QStringLiteral("221")).startsWith(QStringLiteral("(answers QUIT")),
                 qPrintable(out));
        // Each recipient's 250 names its own address, in order.
        qsizetype from = 0;
        for (const char *who :
             {"ann@example.org> (the To field", "carl@example.org> (the Cc field"}) {
            from = out.indexOf(QStringLiteral("(answers RCPT TO:<") + QLatin1String(who), from);
            QVERIFY2(from > 0, qPrintable(out));
        }
        // The message's header lines are data: said once, not under every line.
        QCOMPARE(out.count(QStringLiteral("sent as data")), 1);
    }

    // --step (issue 16) against the built-in sandbox, answers piped one per line: a stdin
    // that is not a terminal is read through the event loop, one answer per pause.
    void stepThroughSend_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("answers");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("outputContains");
        QTest::addColumn<int>("stored");       // messages in the sandbox afterwards
        QTest::addColumn<QString>("heloSeen"); // what the sandbox recorded as the EHLO name

        const QStringList data{QStringLiteral("--no-chunking")};
        const QString cli = QStringLiteral("cli.example");
        // EHLO, MAIL, RCPT, DATA, the content (with its "."), QUIT.
        const QString all = QStringLiteral("\n\n\n\n\n\n");
        QTest::newRow("every step as planned, DATA")
            << data << all << 0
            << QStringList{QStringLiteral("   >> next: EHLO cli.example"),
                           QStringLiteral("Why: the account's EHLO name"),
                           QStringLiteral("   >> next: MAIL FROM:<ana@example.org>"),
                           QStringLiteral("Why: the From field (ana@example.org)"),
                           QStringLiteral("Why: the To field (bob@example.org)"),
                           QStringLiteral("   >> next: the message content, "),
                           QStringLiteral("      | From: Ana <ana@example.org>"),
                           QStringLiteral("Dot-stuffing (RFC 5321 section 4.5.2)"),
                           QStringLiteral("   >> then: ."),
                           QStringLiteral("OK: message accepted")}
            << 1 << cli;
        QTest::newRow("every step as planned, BDAT")
            << QStringList() << QStringLiteral("\n\n\n\n\n") << 0
            << QStringList{QStringLiteral("   >> with: BDAT "),
                           QStringLiteral("nothing is dot-stuffed"),
                           QStringLiteral("OK: message accepted")}
            << 1 << cli;
        QTest::newRow("the EHLO name replaced")
            << data << QStringLiteral("EHLO other.example\n\n\n\n\n\n") << 0
            << QStringList{QStringLiteral("step> EHLO other.example"),
                           QStringLiteral(" C: EHLO other.example")}
            << 1 << QStringLiteral("other.example");
        QTest::newRow("NOOP inserted before MAIL")
            << data << QStringLiteral("\n+NOOP\n\n\n\n\n\n") << 0
            << QStringList{QStringLiteral(" C: NOOP"), QStringLiteral(" S: 250 2.0.0 Ok"),
                           QStringLiteral("OK: message accepted")}
            << 1 << cli;
        QTest::newRow("q stops at RCPT")
            << data << QStringLiteral("\n\nq\n") << 13
            << QStringList{QStringLiteral("step> q"), QStringLiteral(" C: QUIT"),
                           QStringLiteral("CANCELLED at the recipient addresses (RCPT TO)")}
            << 0 << QString();
        QTest::newRow("a 600-octet line refused, then sent as planned")
            << data
            << QStringLiteral("\n") + QString(600, QLatin1Char('x')) + QStringLiteral("\n") + all
            << 0
            << QStringList{QStringLiteral("!! refused: a command line is at most 512 octets with "
                                          "its CRLF (RFC 5321 section 4.5.3.1.4); this one has "
                                          "602; answer again"),
                           QStringLiteral("OK: message accepted")}
            << 1 << cli;
        QTest::newRow("the content is not edited, nothing inserted into it")
            << data << QStringLiteral("\n\n\n\nHello\n+NOOP\n\n\n") << 0
            << QStringList{QStringLiteral("!! refused: the message content cannot be edited"),
                           QStringLiteral("!! refused: inside the message data")}
            << 1 << cli;
        QTest::newRow("the end of input stops")
            << data << QStringLiteral("\n") << 13
            << QStringList{QStringLiteral("-- end of input: stopping (QUIT)"),
                           QStringLiteral(" C: QUIT")}
            << 0 << QString();
        QTest::newRow("pipelining kept: the group is one step")
            << QStringList{QStringLiteral("--no-chunking"), QStringLiteral("--step-pipelining")}
            << QStringLiteral("\n#2 RCPT TO:<carl@example.org>\n\n\n") << 0
            << QStringList{QStringLiteral("   >> next, one pipelined group of 3 commands:"),
                           QStringLiteral("      #1 MAIL FROM:<ana@example.org>"),
                           QStringLiteral("      #2 RCPT TO:<bob@example.org>"),
                           QStringLiteral("      #3 DATA"),
                           QStringLiteral(" C: RCPT TO:<carl@example.org>"),
                           QStringLiteral("OK: message accepted")}
            << 1 << cli;
        QTest::newRow("pipelining kept with BDAT: the envelope goes with the content")
            << QStringList{QStringLiteral("--step-pipelining")}
            << QStringLiteral("\n#3 BDAT 1 LAST\n#2 RCPT TO:<carl@example.org>\n\n") << 0
            << QStringList{QStringLiteral("   >> with it, one pipelined group of 3 commands:"),
                           QStringLiteral("!! refused: the message content cannot be edited"),
                           QStringLiteral(" C: RCPT TO:<carl@example.org>"),
                           QStringLiteral("OK: message accepted")}
            << 1 << cli;
    }

    void stepThroughSend()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, answers);
        QFETCH(int, exitCode);
        QFETCH(QStringList, outputContains);
        QFETCH(int, stored);
        QFETCH(QString, heloSeen);
        Sandbox box;
        QVERIFY2(box.prepare(), qPrintable(box.error));
        SandboxServer &sandbox = box.server;
        const MailStore &store = box.store;
        sandbox.start();
        QTRY_VERIFY(sandbox.isListening());
        QProcess process;
        process.start(QStringLiteral(POSTWIRE_BINARY),
                      QStringList{QStringLiteral("send"), QStringLiteral("--step")} +
                          baseArguments(sandbox.port()) + extra);
        QTRY_COMPARE(process.state(), QProcess::Running); // it waits for its first answer
        process.write(answers.toUtf8());
        process.closeWriteChannel();
        QSignalSpy finished(&process, &QProcess::finished);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 30000);
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        const QString context = out + QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(process.exitCode() == exitCode,
                 qPrintable(QStringLiteral("exit %1: ").arg(process.exitCode()) + context));
        for (const QString &expected : outputContains)
            QVERIFY2(out.contains(expected), qPrintable(expected + QStringLiteral("\n") + context));
        QTRY_COMPARE(store.count(), stored);
        if (stored > 0)
            QCOMPARE(store.messages().first().helo, heloSeen);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QStringList ok{QStringLiteral("--server"), QStringLiteral("127.0.0.1:1"),
                             QStringLiteral("--from"),   QStringLiteral("ana@example.org"),
                             QStringLiteral("--to"),     QStringLiteral("bob@example.org")};
        QTest::newRow("no server") << ok.mid(2) << QStringLiteral("--server: missing");
        QTest::newRow("bad port") << QStringList{QStringLiteral("--server"),
                                                 QStringLiteral("host:99999")} +
                                         ok.mid(2)
                                  << QStringLiteral("--server: the port");
        QTest::newRow("no @") << ok.mid(0, 4) + QStringList{QStringLiteral("--to"),
                                                            QStringLiteral("bob.example.org")}
                              << QStringLiteral("--to:");
        QTest::newRow("space in address")
            << ok + QStringList{QStringLiteral("--cc"), QStringLiteral("carl smith@example.org")}
            << QStringLiteral("--cc:");
        QTest::newRow("bad from") << QStringList{QStringLiteral("--server"),
                                                 QStringLiteral("h"),
                                                 QStringLiteral("--from"),
                                                 QStringLiteral("ana@"),
                                                 QStringLiteral("--to"),
                                                 QStringLiteral("b@example.org")}
                                  << QStringLiteral("--from:");
        QTest::newRow("no recipient") << ok.mid(0, 4) << QStringLiteral("no recipient");
        QTest::newRow("bad security")
            << ok + QStringList{QStringLiteral("--security"), QStringLiteral("ssl")}
            << QStringLiteral("--security:");
        QTest::newRow("user without password")
            << ok + QStringList{QStringLiteral("--user"), QStringLiteral("ana")}
            << QStringLiteral("--password-env or --password-file");
        QTest::newRow("unknown mechanism")
            << ok + QStringList{QStringLiteral("--auth"), QStringLiteral("NTLM"),
                                QStringLiteral("--user"), QStringLiteral("a")}
            << QStringLiteral("--auth:");
        QTest::newRow("missing attachment")
            << ok + QStringList{QStringLiteral("--attach"), QStringLiteral("/nonexistent/file.pdf")}
            << QStringLiteral("--attach:");
        QTest::newRow("missing eml")
            << ok + QStringList{QStringLiteral("--eml"), QStringLiteral("/nonexistent.eml")}
            << QStringLiteral("--eml:");
        QTest::newRow("unknown option") << ok + QStringList{QStringLiteral("--bogus")}
                                        << QStringLiteral("Unknown option 'bogus'");
        QTest::newRow("missing value")
            << QStringList{QStringLiteral("--from"), QStringLiteral("a@example.org"),
                           QStringLiteral("--to"), QStringLiteral("b@example.org"),
                           QStringLiteral("--server")}
            << QStringLiteral("Missing value after '--server'");
        QTest::newRow("NEVER with others")
            << ok + QStringList{QStringLiteral("--dsn"), QStringLiteral("NEVER,SUCCESS")}
            << QStringLiteral("--dsn:");
        QTest::newRow("helo with space")
            << ok + QStringList{QStringLiteral("--helo"), QStringLiteral("a b")}
            << QStringLiteral("--helo:");
        QTest::newRow("header injection in subject")
            << ok + QStringList{QStringLiteral("--subject"),
                                QStringLiteral("hi\r\nBcc: eve@example.org")}
            << QStringLiteral("Subject");
    }

    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Outcome o = run(arguments);
        QVERIFY2(o.exitCode == 2, qPrintable(QString::number(o.exitCode) + o.out + o.err));
        QVERIFY2(o.err.contains(message), qPrintable(o.err));
        QVERIFY2(o.err.startsWith(QStringLiteral("postwire send: ")), qPrintable(o.err));
    }

    void connectFailure()
    {
        // A port nobody listens on: listen, note the port, stop listening.
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        const Outcome o = run(baseArguments(port));
        QCOMPARE(o.exitCode, 3);
        QVERIFY2(o.out.contains(QStringLiteral("cannot connect")), qPrintable(o.out));
    }

    void interruptCancels()
    {
        // Ctrl+C (or a TERM from a script) while the server is silent: exit 13, named step.
        FakeSmtpServer server(QStringLiteral("S: 220 fake\nC: EHLO cli.example\n"));
        QVERIFY(server.listen());
        QProcess process;
        QStringList args = baseArguments(server.port());
        args.removeAt(args.indexOf(QStringLiteral("--timeout")) + 1);
        args.removeAll(QStringLiteral("--timeout"));
        process.start(QStringLiteral(POSTWIRE_BINARY), QStringList{QStringLiteral("send")} + args);
        QSignalSpy finished(&process, &QProcess::finished);
        QTRY_VERIFY(server.scenarioComplete()); // the client is waiting for EHLO's reply
        process.terminate();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 10000);
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 13, qPrintable(QString::number(process.exitCode()) + out));
        QVERIFY2(out.contains(QStringLiteral("CANCELLED at the introduction (EHLO)")),
                 qPrintable(out));
        QTRY_VERIFY(server.clientLines().contains(QStringLiteral("QUIT")));
    }

    void help()
    {
        const Outcome o = run({QStringLiteral("--help")});
        QCOMPARE(o.exitCode, 0);
        for (const char *option : {"--server",        "--from",          "--to",    "--cc",
                                   "--bcc",           "--subject",       "--body",  "--body-file",
                                   "--attach",        "--security",      "--auth",  "--user",
                                   "--password-env",  "--password-file", "--helo",  "--timeout",
                                   "--no-pipelining", "--no-chunking",   "--quiet", "--eml"})
            QVERIFY2(o.out.contains(QLatin1String(option)), option);
        QVERIFY(o.out.contains(QStringLiteral("Exit status")));
    }
};

QTEST_GUILESS_MAIN(TestSendCommand)
#include "tst_sendcommand.moc"
