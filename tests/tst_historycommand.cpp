// `postwire history` run as a person runs it, with a data folder of its own: `postwire send`
// records its attempts, list (text and --json), show, diff, command, delete and limit read
// them, a damaged entry is set aside with a warning; the copied postwire command line is
// accepted by send's own option parser.
#include "cli/sendcommand.h"
#include "history/attemptexport.h"
#include "history/historystore.h"

#include "fakesmtpserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class TestHistoryCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void sendIsRecordedAndListed();
    void showDiffCommandDelete();
    void damagedEntryIsAWarning();
    void probeIsRecordedPerHost();
    void consoleSessionIsRecordedMasked();
    void badInput_data();
    void badInput();
    void copiedCommandParsesWithSendsParser_data();
    void copiedCommandParsesWithSendsParser();

private:
    Run postwire(const QStringList &args, const QByteArray &input = {});
    QString historyFolder() const
    {
        return m_data->path() + QStringLiteral("/Postwire/postwire/history");
    }
    void send(const QString &rcptReply, const QStringList &extraTo = {});
    QJsonArray listed();

    std::unique_ptr<QTemporaryDir> m_data;
};

void TestHistoryCommand::init()
{
    m_data = std::make_unique<QTemporaryDir>();
}

Run TestHistoryCommand::postwire(const QStringList &args, const QByteArray &input)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_data->path());
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(POSTWIRE_BINARY), args);
    process.write(input);
    process.closeWriteChannel();
    Run run;
    [&] { QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000); }();
    run.code = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

void TestHistoryCommand::send(const QString &rcptReply, const QStringList &extraTo)
{
    QString scenario = QStringLiteral("S: 220 fake ESMTP\nC: EHLO test.example\nS: 250-fake\n"
                                      "S: 250 8BITMIME\nC~ MAIL FROM:<a@example.org>.*\n"
                                      "S: 250 ok\nC: RCPT TO:<b@example.org>\nS: %1\n")
                           .arg(rcptReply);
    for (const QString &to : extraTo)
        scenario += QStringLiteral("C: RCPT TO:<%1>\nS: 250 ok\n").arg(to);
    const bool accepted = rcptReply.startsWith(QLatin1Char('2')) || !extraTo.isEmpty();
    scenario += accepted ? QStringLiteral("C: DATA\nS: 354 go\nD:\nS: 250 ok Q1\n")
                         : QStringLiteral("C: RSET\nS: 250 ok\n");
    scenario += QStringLiteral("C: QUIT\nS: 221 bye\n");
    FakeSmtpServer server(scenario);
    QVERIFY(server.listen());
    QStringList args = {QStringLiteral("send"),
                        QStringLiteral("--server"),
                        QStringLiteral("127.0.0.1:%1").arg(server.port()),
                        QStringLiteral("--security"),
                        QStringLiteral("none"),
                        QStringLiteral("--helo"),
                        QStringLiteral("test.example"),
                        QStringLiteral("--no-pipelining"),
                        QStringLiteral("--from"),
                        QStringLiteral("a@example.org"),
                        QStringLiteral("--to"),
                        QStringLiteral("b@example.org"),
                        QStringLiteral("--subject"),
                        QStringLiteral("Ana's test"),
                        QStringLiteral("--body"),
                        QStringLiteral("Hello.")};
    for (const QString &to : extraTo)
        args << QStringLiteral("--cc") << to;
    const Run run = postwire(args);
    QVERIFY2(server.report().isEmpty(), qPrintable(server.report() + run.out));
    QVERIFY2(!run.err.contains(QLatin1String("WARNING")), qPrintable(run.err));
}

void TestHistoryCommand::sendIsRecordedAndListed()
{
    send(QStringLiteral("250 ok"));
    QTest::qWait(5); // two attempts a millisecond apart still get their own ids
    send(QStringLiteral("550 5.1.1 no such user"));

    const Run json =
        postwire({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(json.code, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.out.toUtf8(), &error);
    QVERIFY2(doc.isArray(), qPrintable(error.errorString() + json.out));
    const QJsonArray list = doc.array();
    QCOMPARE(list.size(), 2);
    const QJsonObject newest = list.at(0).toObject(), oldest = list.at(1).toObject();
    for (const QString &key :
         {QStringLiteral("id"), QStringLiteral("time"), QStringLiteral("kind"),
          QStringLiteral("server"), QStringLiteral("account"), QStringLiteral("outcome")})
        QVERIFY2(newest.contains(key), qPrintable(key));
    QCOMPARE(newest.value(QStringLiteral("outcome")).toString(), QStringLiteral("failure"));
    QCOMPARE(oldest.value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
    QCOMPARE(newest.value(QStringLiteral("kind")).toString(), QStringLiteral("send"));
    QVERIFY(
        newest.value(QStringLiteral("server")).toString().startsWith(QLatin1String("127.0.0.1:")));
    QVERIFY(
        QDateTime::fromString(newest.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs) >=
        QDateTime::fromString(oldest.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs));

    const Run text = postwire({QStringLiteral("history"), QStringLiteral("list")});
    QCOMPARE(text.code, 0);
    QVERIFY(text.out.contains(newest.value(QStringLiteral("id")).toString()));
    QVERIFY(text.out.indexOf(newest.value(QStringLiteral("id")).toString()) <
            text.out.indexOf(oldest.value(QStringLiteral("id")).toString()));
    QVERIFY(text.out.contains(QLatin1String("no such user")));

    const Run filtered =
        postwire({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--json"),
                  QStringLiteral("--outcome"), QStringLiteral("success")});
    QCOMPARE(QJsonDocument::fromJson(filtered.out.toUtf8()).array().size(), 1);

    // --no-history keeps nothing.
    const Run none =
        postwire({QStringLiteral("send"), QStringLiteral("--server"), QStringLiteral("127.0.0.1:1"),
                  QStringLiteral("--security"), QStringLiteral("none"), QStringLiteral("--from"),
                  QStringLiteral("a@example.org"), QStringLiteral("--to"),
                  QStringLiteral("b@example.org"), QStringLiteral("--no-history")});
    QCOMPARE(none.code, 3);
    QCOMPARE(HistoryStore(historyFolder()).ids().size(), 2);
}

void TestHistoryCommand::showDiffCommandDelete()
{
    send(QStringLiteral("250 ok"));
    QTest::qWait(5);
    send(QStringLiteral("550 5.1.1 no such user"), {QStringLiteral("c@example.org")});
    const QStringList ids = HistoryStore(historyFolder()).ids();
    QCOMPARE(ids.size(), 2);
    const QString first = ids.at(1), second = ids.at(0);

    const Run show = postwire({QStringLiteral("history"), QStringLiteral("show"), second});
    QCOMPARE(show.code, 0);
    QVERIFY2(show.out.contains(QLatin1String("C: RCPT TO:<c@example.org>")), qPrintable(show.out));
    QVERIFY(show.out.contains(QLatin1String("S: 550 5.1.1 no such user")));
    QVERIFY(show.out.contains(QLatin1String("postwire send --server 127.0.0.1:")));
    QVERIFY(show.out.contains(QLatin1String("swaks --server 127.0.0.1")));
    QVERIFY(show.out.contains(QLatin1String("--subject 'Ana'\\''s test'")));

    const Run json = postwire({QStringLiteral("history"), QStringLiteral("show"), second,
                               QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(json.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QVERIFY(o.value(QStringLiteral("events")).toArray().size() > 10);

    const QString htmlFile = m_data->path() + QStringLiteral("/out.html");
    const Run html = postwire({QStringLiteral("history"), QStringLiteral("show"), second,
                               QStringLiteral("--output"), htmlFile});
    QCOMPARE(html.code, 0);
    QFile file(htmlFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("<!DOCTYPE html>"));

    const Run diff = postwire({QStringLiteral("history"), QStringLiteral("diff"), first, second});
    QCOMPARE(diff.code, 0);
    QVERIFY2(diff.out.contains(QLatin1String("! RCPT TO <b@example.org>")), qPrintable(diff.out));
    QVERIFY2(diff.out.contains(QLatin1String("+ RCPT TO <c@example.org>")), qPrintable(diff.out));
    QVERIFY(diff.out.contains(QLatin1String("B: 550 5.1.1 no such user")));

    const Run command = postwire({QStringLiteral("history"), QStringLiteral("command"), second});
    QCOMPARE(command.code, 0);
    QVERIFY(command.out.startsWith(QLatin1String("postwire send ")));
    QVERIFY(command.out.contains(QLatin1String("--cc c@example.org")));
    const Run swaks = postwire(
        {QStringLiteral("history"), QStringLiteral("command"), second, QStringLiteral("--swaks")});
    QVERIFY(swaks.out.startsWith(QLatin1String("swaks ")));
    QVERIFY(swaks.out.contains(QLatin1String("--to b@example.org,c@example.org")));

    const Run limit = postwire({QStringLiteral("history"), QStringLiteral("limit")});
    QCOMPARE(limit.out.trimmed(), QStringLiteral("1000"));
    QCOMPARE(
        postwire({QStringLiteral("history"), QStringLiteral("limit"), QStringLiteral("1")}).code,
        0);
    QCOMPARE(HistoryStore(historyFolder()).ids(), QStringList{second});

    const Run del = postwire({QStringLiteral("history"), QStringLiteral("delete"), second});
    QCOMPARE(del.code, 0);
    QVERIFY(HistoryStore(historyFolder()).ids().isEmpty());
    const Run empty = postwire({QStringLiteral("history"), QStringLiteral("list")});
    QCOMPARE(empty.code, 0);
    QVERIFY(empty.out.contains(QLatin1String("empty")));
}

void TestHistoryCommand::damagedEntryIsAWarning()
{
    send(QStringLiteral("250 ok"));
    QFile bad(historyFolder() + QStringLiteral("/20200101-000000-000.json"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{\"id\": ");
    bad.close();
    const Run run =
        postwire({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(run.code, 0);
    QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).array().size(), 1);
    QVERIFY2(run.err.contains(QLatin1String("20200101-000000-000.json")) &&
                 run.err.contains(QLatin1String("damaged")),
             qPrintable(run.err));
    QVERIFY(QFile::exists(historyFolder() + QStringLiteral("/damaged/20200101-000000-000.json")));
}

QJsonArray TestHistoryCommand::listed()
{
    const Run run =
        postwire({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--json")});
    return QJsonDocument::fromJson(run.out.toUtf8()).array();
}

void TestHistoryCommand::probeIsRecordedPerHost()
{
    FakeSmtpServer server(QStringLiteral("S: 220 fake ESMTP\nC: EHLO test.example\n"
                                         "S: 250-fake\nS: 250 8BITMIME\nC: QUIT\nS: 221 bye\n"));
    QVERIFY(server.listen());
    const QStringList common = {QStringLiteral("--security"), QStringLiteral("none"),
                                QStringLiteral("--helo"), QStringLiteral("test.example")};
    const Run ran = postwire(
        QStringList{QStringLiteral("probe"), QStringLiteral("127.0.0.1:%1").arg(server.port())} +
        common);
    QCOMPARE(ran.code, 0);
    QVERIFY2(server.report().isEmpty(), qPrintable(server.report()));
    const Run refused =
        postwire(QStringList{QStringLiteral("probe"), QStringLiteral("127.0.0.1:1")} + common);
    QCOMPARE(refused.code, 3);

    const QJsonArray list = listed();
    QCOMPARE(list.size(), 2);
    const QJsonObject failed = list.at(0).toObject(), checked = list.at(1).toObject();
    for (const QJsonObject &a : {failed, checked})
        QCOMPARE(a.value(QStringLiteral("kind")).toString(), QStringLiteral("server-check"));
    QCOMPARE(checked.value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
    QCOMPARE(checked.value(QStringLiteral("server")).toString(),
             QStringLiteral("127.0.0.1:%1").arg(server.port()));
    QCOMPARE(failed.value(QStringLiteral("outcome")).toString(), QStringLiteral("failure"));
    QCOMPARE(failed.value(QStringLiteral("server")).toString(), QStringLiteral("127.0.0.1:1"));
    const Run shown = postwire({QStringLiteral("history"), QStringLiteral("show"),
                                checked.value(QStringLiteral("id")).toString()});
    QVERIFY2(shown.out.contains(QLatin1String("EHLO test.example")) &&
                 shown.out.contains(QLatin1String("8BITMIME")),
             qPrintable(shown.out));

    const Run none = postwire(QStringList{QStringLiteral("probe"), QStringLiteral("127.0.0.1:1"),
                                          QStringLiteral("--no-history")} +
                              common);
    QCOMPARE(none.code, 3);
    QCOMPARE(listed().size(), 2);
}

void TestHistoryCommand::consoleSessionIsRecordedMasked()
{
    const QByteArray secret = "s3cret-typed-in-console";
    const QByteArray plain = QByteArray("\0alice\0", 7) + secret;
    const QString auth = QStringLiteral("AUTH PLAIN ") + QString::fromLatin1(plain.toBase64());
    FakeSmtpServer server(QStringLiteral("S: 220 fake ESMTP\nC: EHLO test.example\n"
                                         "S: 250-fake\nS: 250 AUTH PLAIN\nC: %1\n"
                                         "S: 235 2.7.0 ok\nC: QUIT\nS: 221 bye\n")
                              .arg(auth));
    QVERIFY(server.listen());
    const QStringList args = {QStringLiteral("console"), QStringLiteral("--server"),
                              QStringLiteral("127.0.0.1:%1").arg(server.port()),
                              QStringLiteral("--security"), QStringLiteral("none")};
    const Run run = postwire(args, "EHLO test.example\n" + auth.toLatin1() + "\nQUIT\n");
    QCOMPARE(run.code, 0);
    QVERIFY2(server.report().isEmpty(), qPrintable(server.report() + run.out));

    const QJsonArray list = listed();
    QCOMPARE(list.size(), 1);
    const QJsonObject session = list.at(0).toObject();
    QCOMPARE(session.value(QStringLiteral("kind")).toString(), QStringLiteral("console"));
    QCOMPARE(session.value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
    QCOMPARE(session.value(QStringLiteral("server")).toString(),
             QStringLiteral("127.0.0.1:%1").arg(server.port()));
    QFile saved(historyFolder() + QLatin1Char('/') +
                session.value(QStringLiteral("id")).toString() + QStringLiteral(".json"));
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray file = saved.readAll();
    QVERIFY(file.contains("EHLO test.example") && file.contains("AUTH PLAIN"));
    QVERIFY2(!file.contains(plain.toBase64()) && !file.contains(secret), file.constData());

    // A session that never connects is one failed attempt; --no-history keeps nothing.
    const QStringList refused = {QStringLiteral("console"), QStringLiteral("--server"),
                                 QStringLiteral("127.0.0.1:1"), QStringLiteral("--security"),
                                 QStringLiteral("none")};
    QCOMPARE(postwire(refused, "QUIT\n").code, 3);
    const QJsonArray after = listed();
    QCOMPARE(after.size(), 2);
    QCOMPARE(after.at(0).toObject().value(QStringLiteral("outcome")).toString(),
             QStringLiteral("failure"));
    QCOMPARE(postwire(refused + QStringList{QStringLiteral("--no-history")}, "QUIT\n").code, 3);
    QCOMPARE(listed().size(), 2);
}

void TestHistoryCommand::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("error");
    QTest::newRow("no command") << QStringList{} << 2 << QStringLiteral("Usage:");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2
                                     << QStringLiteral("unknown command \"frobnicate\"");
    QTest::newRow("show without id")
        << QStringList{QStringLiteral("show")} << 2 << QStringLiteral("show: give one attempt id");
    QTest::newRow("unknown id") << QStringList{QStringLiteral("show"), QStringLiteral("nope")} << 2
                                << QStringLiteral("no attempt \"nope\"");
    QTest::newRow("diff with one id") << QStringList{QStringLiteral("diff"), QStringLiteral("x")}
                                      << 2 << QStringLiteral("diff: give two attempt ids");
    QTest::newRow("bad format") << QStringList{QStringLiteral("show"), QStringLiteral("x"),
                                               QStringLiteral("--format"), QStringLiteral("pdf")}
                                << 2 << QStringLiteral("--format: \"pdf\"");
    QTest::newRow("bad option") << QStringList{QStringLiteral("list"), QStringLiteral("--jsn")} << 2
                                << QStringLiteral("jsn");
    QTest::newRow("bad outcome") << QStringList{QStringLiteral("list"), QStringLiteral("--outcome"),
                                                QStringLiteral("meh")}
                                 << 2 << QStringLiteral("--outcome: \"meh\"");
    QTest::newRow("bad limit") << QStringList{QStringLiteral("limit"), QStringLiteral("0")} << 2
                               << QStringLiteral("limit: ");
}

void TestHistoryCommand::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, error);
    const Run run = postwire(QStringList{QStringLiteral("history")} + args);
    QCOMPARE(run.code, code);
    QVERIFY2(run.err.contains(error), qPrintable(run.err));
}

void TestHistoryCommand::copiedCommandParsesWithSendsParser_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("security");
    QTest::addColumn<QString>("subject");
    QTest::newRow("plain") << QString() << int(SmtpSettings::Security::None) << QString();
    QTest::newRow("auth, starttls")
        << QStringLiteral("ana") << int(SmtpSettings::Security::StartTls)
        << QStringLiteral("it's \"quoted\" $HOME");
    QTest::newRow("implicit tls, optional")
        << QStringLiteral("ana@example.org") << int(SmtpSettings::Security::ImplicitTls)
        << QStringLiteral("plain");
    QTest::newRow("starttls if offered")
        << QString() << int(SmtpSettings::Security::StartTlsIfOffered) << QString();
}

void TestHistoryCommand::copiedCommandParsesWithSendsParser()
{
    QFETCH(QString, user);
    QFETCH(int, security);
    QFETCH(QString, subject);
    Attempt a;
    a.kind = Attempt::Kind::Send;
    a.host = QStringLiteral("smtp.example.org");
    a.port = 2525;
    a.security = SmtpSettings::Security(security);
    a.heloName = QStringLiteral("client.example");
    a.user = user;
    a.authMechanism = user.isEmpty() ? QString() : QStringLiteral("PLAIN");
    a.pipelining = false;
    a.verifyPeer = false;
    a.sender = QStringLiteral("a@example.org");
    a.to = {QStringLiteral("b@example.org")};
    a.cc = {QStringLiteral("c@example.org")};
    a.bcc = {QStringLiteral("d@example.org")};
    a.subject = subject;
    const QStringList args = AttemptExport::postwireArguments(a);
    QCOMPARE(args.mid(0, 2), (QStringList{QStringLiteral("postwire"), QStringLiteral("send")}));
    qputenv("POSTWIRE_PASSWORD", "secret");
    const QString problem = checkSendArguments(args);
    QVERIFY2(problem.isEmpty(),
             qPrintable(problem + QStringLiteral(": ") + args.join(QLatin1Char(' '))));
    QCOMPARE(args.contains(QStringLiteral("--password-env")), !user.isEmpty());
    QVERIFY(!AttemptExport::postwireCommand(a).contains(QLatin1String("secret")));
    // And a broken line is refused by the same parser, so the check can fail.
    QVERIFY(!checkSendArguments(args + QStringList{QStringLiteral("--no-such-option")}).isEmpty());
}

QTEST_GUILESS_MAIN(TestHistoryCommand)
#include "tst_historycommand.moc"
