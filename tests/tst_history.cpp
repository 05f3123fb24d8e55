// The history of attempts: the store (atomic, owner-only, bounded, damage set aside, a full
// disk never fatal), the recorder against a real client run, redaction, the step-by-step
// diff, and every export format parsed back.
#include "history/attempt.h"
#include "history/attemptdiff.h"
#include "history/attemptexport.h"
#include "history/attemptrecorder.h"
#include "history/historystore.h"
#include "smtp/smtpclient.h"

#include "buffermessagesource.h"
#include "fakesmtpserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using Kind = TranscriptCommand::Kind;
using Direction = TranscriptEntry::Direction;

namespace {

// Builds a transcript as the client emits it: commands with ids and origins, replies that
// name the command they answer.
struct Script
{
    Attempt attempt;
    int nextId = 0;
    qint64 now = 0;
    TranscriptCommand last;

    explicit Script(const QString &host = QStringLiteral("mx.example.org"))
    {
        attempt.host = host;
        attempt.port = 587;
        attempt.started = QDateTime(QDate(2026, 11, 30), QTime(2, 0), Qt::UTC);
    }
    Script &greet(const QString &line, qint64 latency = 10)
    {
        last = TranscriptCommand();
        last.kind = Kind::Greeting;
        return reply({line}, latency);
    }
    Script &send(Kind kind, const QString &line, const QString &address = QString(),
                 CommandOrigin::Source source = CommandOrigin::Source::Protocol)
    {
        TranscriptEntry e;
        e.elapsedMs = now;
        e.direction = Direction::Client;
        e.text = line;
        e.command.kind = kind;
        e.command.line = line;
        e.command.id = nextId++;
        e.command.origin.source = source;
        e.command.origin.address = address;
        last = e.command;
        attempt.entries << e;
        return *this;
    }
    Script &reply(const QStringList &lines, qint64 latency = 10)
    {
        now += latency;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            TranscriptEntry e;
            e.elapsedMs = now;
            e.direction = Direction::Server;
            e.text = lines.at(i);
            e.replyCode = lines.at(i).left(3).toInt();
            e.lastLineOfReply = i == lines.size() - 1;
            e.latencyMs = e.lastLineOfReply ? latency : -1;
            e.command = last;
            attempt.entries << e;
        }
        return *this;
    }
    Script &rcpt(const QString &address, const QString &replyLine, qint64 latency = 10)
    {
        return send(Kind::Rcpt, QStringLiteral("RCPT TO:<%1>").arg(address), address,
                    CommandOrigin::Source::To)
            .reply({replyLine}, latency);
    }
};

Script basic(const QStringList &recipients = {QStringLiteral("b@example.org")},
             const QStringList &ehlo = {QStringLiteral("250-mx"), QStringLiteral("250-PIPELINING"),
                                        QStringLiteral("250 SIZE 1000")})
{
    Script s;
    s.greet(QStringLiteral("220 mx ESMTP"))
        .send(Kind::Ehlo, QStringLiteral("EHLO me.example"), {}, CommandOrigin::Source::EhloName)
        .reply(ehlo)
        .send(Kind::Mail, QStringLiteral("MAIL FROM:<a@example.org>"),
              QStringLiteral("a@example.org"), CommandOrigin::Source::From)
        .reply({QStringLiteral("250 2.1.0 ok")});
    for (const QString &r : recipients)
        s.rcpt(r, QStringLiteral("250 2.1.5 ok"));
    s.send(Kind::Data, QStringLiteral("DATA"))
        .reply({QStringLiteral("354 go ahead")})
        .send(Kind::EndOfData, QStringLiteral("."))
        .reply({QStringLiteral("250 2.0.0 queued as Q1")})
        .send(Kind::Quit, QStringLiteral("QUIT"))
        .reply({QStringLiteral("221 bye")});
    s.attempt.outcome = Attempt::Outcome::Success;
    s.attempt.deriveEnvelope();
    return s;
}

// The fake server's address, in plain text, with the EHLO name its scenarios expect.
SmtpSettings loopback(quint16 port)
{
    SmtpSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port;
    settings.security = SmtpSettings::Security::None;
    settings.heloName = QStringLiteral("test.example");
    return settings;
}

QString labels(const AttemptDiff &diff)
{
    QStringList out;
    for (const AttemptDiff::Row &r : diff.rows()) {
        const char *mark = r.change == AttemptDiff::Row::Change::Same       ? "="
                           : r.change == AttemptDiff::Row::Change::Differs  ? "!"
                           : r.change == AttemptDiff::Row::Change::OnlyLeft ? "-"
                                                                            : "+";
        out << QLatin1String(mark) + r.label;
    }
    return out.join(QStringLiteral(" | "));
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void recorderKeepsARealSendWithoutTheSecret();
    void recorderSavesWhatItHeard_data();
    void recorderSavesWhatItHeard();
    void boundedWithEvictionSaid();
    void damagedEntrySetAside_data();
    void damagedEntrySetAside();
    void fullDiskFailsTheSaveNotTheSend();
    void removeAndResolve();
    void diffAlignment_data();
    void diffAlignment();
    void diffExtensionsAndTiming();
    void exportJson();
    void exportHtml();
    void exportText();
    void swaksCommand_data();
    void swaksCommand();
    void shellQuotingRoundTrips();
    void subjectFromTheContent_data();
    void subjectFromTheContent();
};

// The subject an attempt shows is read from the header that went out, one transcript entry
// per line as the client writes them: unfolded, its RFC 2047 words decoded.
void TestHistory::subjectFromTheContent_data()
{
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QString>("subject");
    QTest::newRow("plain") << QStringList{QStringLiteral("From: a@example.org"),
                                          QStringLiteral("Subject: hi there"), QString(),
                                          QStringLiteral("Subject: not this")}
                           << QStringLiteral("hi there");
    QTest::newRow("folded and encoded")
        << QStringList{QStringLiteral("Subject: =?UTF-8?Q?DirectDirect?="),
                       QStringLiteral(" =?UTF-8?Q?Direct?="), QStringLiteral("To: b@example.org"),
                       QString()}
        << QStringLiteral("DirectDirectDirect");
    QTest::newRow("non-ASCII")
        << QStringList{QStringLiteral("Subject: =?UTF-8?B?0J/RgNC40LLQtdGC?="), QString()}
        << QStringLiteral("Привет");
    QTest::newRow("only in the body") << QStringList{QStringLiteral("From: a@example.org"),
                                                     QString(), QStringLiteral("Subject: no")}
                                      << QString();
}

void TestHistory::subjectFromTheContent()
{
    QFETCH(QStringList, lines);
    QFETCH(QString, subject);
    Attempt a;
    for (const QString &line : lines) {
        TranscriptEntry e;
        e.direction = Direction::Client;
        e.content = true;
        e.text = line;
        a.entries << e;
    }
    a.deriveEnvelope();
    QCOMPARE(a.subject, subject);
}

void TestHistory::roundTrip()
{
    QTemporaryDir dir;
    const HistoryStore store(dir.path());
    Attempt a = basic().attempt;
    a.account = QStringLiteral("Work");
    a.user = QStringLiteral("ana");
    a.kind = Attempt::Kind::TestConnection;
    a.message = QStringLiteral("ok");
    a.entries[2].command.origin.options = {QStringLiteral("SIZE")};
    a.entries[2].command.group = 3;
    a.entries[2].command.groupSize = 2;
    const HistoryStore::Saved saved = store.save(a);
    QVERIFY2(saved.ok, qPrintable(saved.error));
    QVERIFY(!a.id.isEmpty());
    QStringList warnings;
    const QList<Attempt> all = store.list(&warnings);
    QVERIFY(warnings.isEmpty());
    QCOMPARE(all.size(), 1);
    const Attempt &b = all.first();
    QCOMPARE(b.id, a.id);
    QCOMPARE(b.kind, a.kind);
    QCOMPARE(b.started, a.started);
    QCOMPARE(b.account, a.account);
    QCOMPARE(b.server(), QStringLiteral("mx.example.org:587"));
    QCOMPARE(b.outcome, Attempt::Outcome::Success);
    QCOMPARE(b.to, QStringList{QStringLiteral("b@example.org")});
    QCOMPARE(b.entries.size(), a.entries.size());
    for (qsizetype i = 0; i < a.entries.size(); ++i) {
        const TranscriptEntry &x = a.entries.at(i), &y = b.entries.at(i);
        QCOMPARE(y.text, x.text);
        QCOMPARE(y.direction, x.direction);
        QCOMPARE(y.elapsedMs, x.elapsedMs);
        QCOMPARE(y.latencyMs, x.latencyMs);
        QCOMPARE(y.replyCode, x.replyCode);
        QCOMPARE(y.command.kind, x.command.kind);
        QCOMPARE(y.command.id, x.command.id);
        QCOMPARE(y.command.group, x.command.group);
        QCOMPARE(y.command.origin, x.command.origin);
    }
    // Owner-only, like every store of Postwire's.
    const QFileDevice::Permissions perms =
        QFile(store.folder() + QLatin1Char('/') + a.id + QStringLiteral(".json")).permissions();
    QVERIFY(perms & QFileDevice::ReadOwner);
    QVERIFY(!(perms & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                       QFileDevice::WriteOther)));
}

void TestHistory::recorderKeepsARealSendWithoutTheSecret()
{
    const QByteArray plain = QByteArray("\0ana\0s3cret!pass", 16).toBase64();
    FakeSmtpServer server(
        QStringLiteral(
            "S: 220 fake ESMTP\nC: EHLO test.example\nS: 250-fake\nS: 250 AUTH PLAIN\n"
            "C: AUTH PLAIN %1\nS: 235 2.7.0 ok\nC: MAIL FROM:<a@example.org>\nS: 250 ok\n"
            "C: RCPT TO:<b@example.org>\nS: 250 ok\nC: RCPT TO:<c@example.org>\n"
            "S: 550 5.1.1 no such user\nC: DATA\nS: 354 go\nD:\nS: 250 ok Q9\n"
            "C: QUIT\nS: 221 bye\n")
            .arg(QString::fromLatin1(plain)));
    QVERIFY(server.listen());
    QTemporaryDir dir;
    SmtpClient client;
    AttemptRecorder recorder(HistoryStore(dir.path()), Attempt::Kind::Send);
    recorder.follow(&client);
    recorder.setAccountSource([] { return QStringLiteral("Work"); });
    QSignalSpy recorded(&recorder, &AttemptRecorder::recorded);
    QSignalSpy finished(&client, &SmtpClient::finished);
    SmtpSettings settings = loopback(server.port());
    settings.authenticate = true;
    settings.authMechanism = "PLAIN";
    settings.credentials = {QStringLiteral("ana"), QStringLiteral("s3cret!pass"), QString()};
    settings.usePipelining = false;
    Envelope envelope;
    envelope.sender = QStringLiteral("a@example.org");
    envelope.recipients = {QStringLiteral("b@example.org"), QStringLiteral("c@example.org")};
    envelope.senderField = CommandOrigin::Source::From;
    envelope.recipientFields = {CommandOrigin::Source::To, CommandOrigin::Source::Cc};
    BufferMessageSource source("From: a@example.org\r\nSubject: hello there\r\n\r\nHi.\r\n");
    client.send(settings, envelope, &source);
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 10000);
    QCOMPARE(finished.size(), 1);
    QVERIFY2(server.report().isEmpty(), qPrintable(server.report()));

    const Attempt a = recorded.first().first().value<Attempt>();
    QCOMPARE(a.account, QStringLiteral("Work"));
    QCOMPARE(a.outcome, Attempt::Outcome::PartialSuccess);
    QCOMPARE(a.server(), QStringLiteral("127.0.0.1:%1").arg(server.port()));
    QCOMPARE(a.user, QStringLiteral("ana"));
    QCOMPARE(a.sender, QStringLiteral("a@example.org"));
    QCOMPARE(a.to, QStringList{QStringLiteral("b@example.org")});
    QCOMPARE(a.cc, QStringList{QStringLiteral("c@example.org")});
    QCOMPARE(a.subject, QStringLiteral("hello there"));
    // The links are kept: the 550 answers the RCPT of c@, which came from the Cc field.
    bool found = false;
    for (const TranscriptEntry &e : a.entries) {
        if (e.direction == Direction::Server && e.replyCode == 550) {
            QCOMPARE(e.command.kind, Kind::Rcpt);
            QCOMPARE(e.command.origin.source, CommandOrigin::Source::Cc);
            QCOMPARE(e.command.origin.address, QStringLiteral("c@example.org"));
            found = true;
        }
    }
    QVERIFY(found);

    // Nothing on disk holds the password in any form.
    QFile file(dir.path() + QLatin1Char('/') + a.id + QStringLiteral(".json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.isEmpty());
    QVERIFY(!bytes.contains("s3cret!pass"));
    QVERIFY(!bytes.contains(plain));
    QVERIFY(!bytes.contains(QByteArray("s3cret!pass").toBase64()));
    QVERIFY(bytes.contains("AUTH PLAIN ********"));
    const QByteArray exported = AttemptExport::exported(a, AttemptExport::Format::Json) +
                                AttemptExport::exported(a, AttemptExport::Format::Html) +
                                AttemptExport::exported(a, AttemptExport::Format::Text) +
                                AttemptExport::postwireCommand(a).toUtf8() +
                                AttemptExport::swaksCommand(a).toUtf8();
    QVERIFY(!exported.contains("s3cret!pass"));
    QVERIFY(!exported.contains(plain));
}

void TestHistory::recorderSavesWhatItHeard_data()
{
    QTest::addColumn<QString>("lastReply");
    QTest::newRow("plain") << QStringLiteral("221 2.0.0 \"bye\" \\ see you");
    // The secret comes back after the lines were encoded: the file must not keep it.
    QTest::newRow("secret echoed") << QStringLiteral("221 bye, s3cret!pass");
}

// The recorder encodes each line as it comes (so a 10,000-line attempt costs the window nothing
// when it ends); what reaches the disk is exactly the attempt it reports.
void TestHistory::recorderSavesWhatItHeard()
{
    QFETCH(QString, lastReply);
    QTemporaryDir dir;
    AttemptRecorder recorder(HistoryStore(dir.path()), Attempt::Kind::Send);
    SmtpSettings settings = loopback(2525);
    settings.credentials = {QStringLiteral("ana"), QStringLiteral("s3cret!pass"), QString()};
    recorder.setSettingsSource([settings] { return settings; });
    QSignalSpy recorded(&recorder, &AttemptRecorder::recorded);
    const QList<TranscriptEntry> entries = basic().attempt.entries;
    QVERIFY(entries.size() > 5);
    for (const TranscriptEntry &e : entries)
        recorder.addEntry(e);
    TranscriptEntry last;
    last.direction = Direction::Server;
    last.text = lastReply;
    last.replyCode = 221;
    last.lastLineOfReply = true;
    recorder.addEntry(last);
    SendResult result;
    result.outcome = SendResult::Outcome::Success;
    recorder.finish(result);
    QCOMPARE(recorded.size(), 1);
    const Attempt a = recorded.first().first().value<Attempt>();
    QCOMPARE(a.entries.size(), entries.size() + 1);

    QFile file(dir.path() + QLatin1Char('/') + a.id + QStringLiteral(".json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QJsonParseError error;
    const QJsonDocument saved = QJsonDocument::fromJson(bytes, &error);
    QVERIFY2(saved.isObject(), qPrintable(error.errorString()));
    QCOMPARE(saved.object(), a.toJson());
    QVERIFY(!bytes.contains("s3cret!pass"));
    QString why;
    const std::optional<Attempt> back = HistoryStore(dir.path()).load(a.id, &why);
    QVERIFY2(back, qPrintable(why));
    QCOMPARE(back->entries.last().text, a.entries.last().text);
}

void TestHistory::boundedWithEvictionSaid()
{
    QTemporaryDir dir;
    HistoryStore store(dir.path());
    QCOMPARE(store.limit(), HistoryStore::DefaultLimit);
    QString error;
    QVERIFY(store.setLimit(3, &error));
    QCOMPARE(HistoryStore(dir.path()).limit(), 3); // kept for the window and the CLI alike
    QVERIFY(!store.setLimit(0, &error));
    QVERIFY(error.contains(QLatin1String("1")));
    QStringList ids;
    for (int i = 0; i < 5; ++i) {
        Attempt a = basic().attempt;
        a.started = a.started.addSecs(i);
        const HistoryStore::Saved saved = store.save(a);
        QVERIFY(saved.ok);
        QCOMPARE(saved.evicted, i < 3 ? 0 : 1);
        QCOMPARE(saved.notice.isEmpty(), i < 3);
        ids.prepend(a.id);
    }
    QCOMPARE(store.ids(), ids.mid(0, 3));
    const QList<Attempt> all = store.list();
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.first().id, ids.first()); // newest first
    // Lowering the limit evicts at once.
    QVERIFY(store.setLimit(1, &error));
    QCOMPARE(store.ids(), ids.mid(0, 1));
}

void TestHistory::damagedEntrySetAside_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("not JSON") << QByteArray("{\"id\": \"x\", trunc");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("an array") << QByteArray("[1,2]");
    QTest::newRow("unknown kind") << QByteArray(
        R"({"id":"x","kind":"teleport","outcome":"success","time":"2026-01-01T00:00:00Z","entries":[]})");
    QTest::newRow("no transcript") << QByteArray(
        R"({"id":"x","kind":"send","outcome":"success","time":"2026-01-01T00:00:00Z"})");
}

void TestHistory::damagedEntrySetAside()
{
    QFETCH(QByteArray, bytes);
    QTemporaryDir dir;
    const HistoryStore store(dir.path());
    Attempt good = basic().attempt;
    QVERIFY(store.save(good).ok);
    QFile bad(dir.path() + QStringLiteral("/20260101-000000-000.json"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(bytes);
    bad.close();
    QStringList warnings;
    const QList<Attempt> all = store.list(&warnings);
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().id, good.id);
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().contains(QLatin1String("20260101-000000-000.json")) &&
                 warnings.first().contains(QLatin1String("damaged")),
             qPrintable(warnings.first()));
    QVERIFY(!QFile::exists(bad.fileName()));
    QVERIFY(QFile::exists(dir.path() + QStringLiteral("/damaged/20260101-000000-000.json")));
    // Set aside once: the next listing is clean.
    warnings.clear();
    QCOMPARE(store.list(&warnings).size(), 1);
    QVERIFY(warnings.isEmpty());
}

void TestHistory::fullDiskFailsTheSaveNotTheSend()
{
    // A history folder that cannot be written (here a file stands where the folder should be;
    // a full disk fails the same QSaveFile commit): the save says so, the send is untouched.
    QTemporaryDir dir;
    const QString blocked = dir.path() + QStringLiteral("/history");
    QFile file(blocked);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    FakeSmtpServer server(QStringLiteral(
        "S: 220 fake ESMTP\nC: EHLO test.example\nS: 250 fake\nC: QUIT\nS: 221 bye\n"));
    QVERIFY(server.listen());
    SmtpClient client;
    AttemptRecorder recorder(HistoryStore(blocked), Attempt::Kind::TestConnection);
    recorder.follow(&client);
    QSignalSpy failed(&recorder, &AttemptRecorder::saveFailed);
    QSignalSpy finished(&client, &SmtpClient::finished);
    SmtpSettings settings = loopback(server.port());
    client.probe(settings);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().first().value<SendResult>().outcome, SendResult::Outcome::Success);
    QCOMPARE(failed.size(), 1);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QLatin1String("not saved")) && message.contains(blocked),
             qPrintable(message));
}

void TestHistory::removeAndResolve()
{
    QTemporaryDir dir;
    const HistoryStore store(dir.path());
    Attempt a = basic().attempt, b = basic().attempt;
    b.started = b.started.addSecs(3600);
    QVERIFY(store.save(a).ok);
    QVERIFY(store.save(b).ok);
    QString error;
    QCOMPARE(store.resolve(a.id, &error), a.id);
    QCOMPARE(store.resolve(b.id.left(11), &error), b.id); // 20261130-03 is only b
    QVERIFY(store.resolve(QStringLiteral("2026"), &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("2 attempts")), qPrintable(error));
    QVERIFY(store.resolve(QStringLiteral("nope"), &error).isEmpty());
    QVERIFY(error.contains(QLatin1String("nope")));
    QVERIFY(store.remove(a.id, &error));
    QCOMPARE(store.ids(), QStringList{b.id});
    QVERIFY(!store.remove(a.id, &error));
    QVERIFY(!store.remove(QStringLiteral("../x"), &error));
}

void TestHistory::diffAlignment_data()
{
    QTest::addColumn<QStringList>("leftRecipients");
    QTest::addColumn<QStringList>("rightRecipients");
    QTest::addColumn<bool>("rightHasData");
    QTest::addColumn<QString>("expected");
    const QString b = QStringLiteral("b@example.org"), c = QStringLiteral("c@example.org"),
                  d = QStringLiteral("d@example.org");
    const QString head = QStringLiteral("=Greeting | =EHLO | =MAIL FROM <a@example.org> | ");
    const QString tail = QStringLiteral("=DATA | =End of data (.) | =QUIT");
    QTest::newRow("same") << QStringList{b} << QStringList{b} << true
                          << head + QStringLiteral("=RCPT TO <b@example.org> | ") + tail;
    QTest::newRow("extra recipients on the right")
        << QStringList{b} << QStringList{b, c, d} << true
        << head +
               QStringLiteral("=RCPT TO <b@example.org> | +RCPT TO <c@example.org> | "
                              "+RCPT TO <d@example.org> | ") +
               tail;
    QTest::newRow("recipients in another order and one missing")
        << QStringList{b, c, d} << QStringList{d, b} << true
        << head +
               QStringLiteral("-RCPT TO <b@example.org> | -RCPT TO <c@example.org> | "
                              "=RCPT TO <d@example.org> | +RCPT TO <b@example.org> | ") +
               tail;
    QTest::newRow("missing DATA step")
        << QStringList{b} << QStringList{b} << false
        << head + QStringLiteral("=RCPT TO <b@example.org> | -DATA | -End of data (.) | =QUIT");
}

void TestHistory::diffAlignment()
{
    QFETCH(QStringList, leftRecipients);
    QFETCH(QStringList, rightRecipients);
    QFETCH(bool, rightHasData);
    QFETCH(QString, expected);
    const Attempt left = basic(leftRecipients).attempt;
    Attempt right = basic(rightRecipients).attempt;
    if (!rightHasData) {
        // The server refused... nothing: the client stopped before DATA; cut DATA and ".".
        QList<TranscriptEntry> kept;
        for (const TranscriptEntry &e : right.entries) {
            if (e.command.kind != Kind::Data && e.command.kind != Kind::EndOfData)
                kept << e;
        }
        right.entries = kept;
    }
    const AttemptDiff diff(left, right);
    QCOMPARE(labels(diff), expected);
    QCOMPARE(diff.identical(), QTest::currentDataTag() == QLatin1String("same"));
    const QString text = diff.toText();
    QVERIFY(!text.isEmpty());
}

void TestHistory::diffExtensionsAndTiming()
{
    Script l = basic();
    Script r;
    r.greet(QStringLiteral("220 mx ESMTP"), 15)
        .send(Kind::Ehlo, QStringLiteral("EHLO me.example"))
        .reply({QStringLiteral("250-mx"), QStringLiteral("250-SIZE 2000"),
                QStringLiteral("250 SMTPUTF8")})
        .send(Kind::Mail, QStringLiteral("MAIL FROM:<a@example.org>"),
              QStringLiteral("a@example.org"))
        .reply({QStringLiteral("250 2.1.0 ok")})
        .rcpt(QStringLiteral("b@example.org"), QStringLiteral("550 5.1.1 no such user"), 1510)
        .send(Kind::Quit, QStringLiteral("QUIT"))
        .reply({QStringLiteral("221 bye")});
    const AttemptDiff diff(l.attempt, r.attempt);
    const QList<AttemptDiff::Row> &rows = diff.rows();
    QCOMPARE(rows.at(0).change, AttemptDiff::Row::Change::Same);
    QCOMPARE(AttemptDiff::timing(rows.at(0)), QStringLiteral("Greeting: +5 ms"));
    const AttemptDiff::Row &ehlo = rows.at(1);
    QCOMPARE(ehlo.change, AttemptDiff::Row::Change::Differs);
    QCOMPARE(ehlo.extensionsAdded, QStringList{QStringLiteral("SMTPUTF8")});
    QCOMPARE(ehlo.extensionsRemoved, QStringList{QStringLiteral("PIPELINING")});
    QCOMPARE(ehlo.extensionsChanged.size(), 1);
    QVERIFY(ehlo.extensionsChanged.first().contains(QLatin1String("1000")));
    const AttemptDiff::Row &rcpt = rows.at(3);
    QCOMPARE(rcpt.label, QStringLiteral("RCPT TO <b@example.org>"));
    QVERIFY(rcpt.replyCodeDiffers);
    QCOMPARE(rcpt.change, AttemptDiff::Row::Change::Differs);
    QCOMPARE(AttemptDiff::timing(rcpt), QStringLiteral("RCPT TO <b@example.org>: +1500 ms"));
    const QString text = diff.toText();
    QVERIFY2(text.contains(QLatin1String("extensions added: SMTPUTF8")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("extensions removed: PIPELINING")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("550 5.1.1 no such user")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("+1500 ms")), qPrintable(text));
}

void TestHistory::exportJson()
{
    Attempt a = basic().attempt;
    a.entries[1].command.origin.options = {QStringLiteral("SIZE")};
    const QByteArray bytes = AttemptExport::exported(a, AttemptExport::Format::Json);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray events = doc.object().value(QStringLiteral("events")).toArray();
    QCOMPARE(events.size(), a.entries.size());
    int replies = 0, commands = 0;
    for (const QJsonValue &v : events) {
        const QJsonObject o = v.toObject();
        QVERIFY(QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs)
                    .isValid());
        QVERIFY(!o.value(QStringLiteral("text")).toString().isEmpty());
        const QString direction = o.value(QStringLiteral("direction")).toString();
        if (direction == QLatin1String("server")) {
            ++replies;
            QVERIFY(o.contains(QStringLiteral("answers")));
        } else if (direction == QLatin1String("client")) {
            ++commands;
            QVERIFY(o.value(QStringLiteral("origin")).isObject());
            QVERIFY(!o.value(QStringLiteral("explanation")).toString().isEmpty());
        }
    }
    QVERIFY(replies > 0 && commands > 0);
    // The reply to RCPT names its command and is explained against it.
    const QJsonObject rcptReply = events.at(8).toObject();
    QCOMPARE(rcptReply.value(QStringLiteral("text")).toString(), QStringLiteral("250 2.1.5 ok"));
    QCOMPARE(rcptReply.value(QStringLiteral("answers"))
                 .toObject()
                 .value(QStringLiteral("kind"))
                 .toString(),
             QStringLiteral("Rcpt"));
    QCOMPARE(rcptReply.value(QStringLiteral("answers"))
                 .toObject()
                 .value(QStringLiteral("line"))
                 .toString(),
             QStringLiteral("RCPT TO:<b@example.org>"));
    QVERIFY(!rcptReply.value(QStringLiteral("explanation")).toString().isEmpty());
    const QJsonObject rcpt = events.at(7).toObject();
    QCOMPARE(
        rcpt.value(QStringLiteral("origin")).toObject().value(QStringLiteral("source")).toString(),
        QStringLiteral("To"));
    QCOMPARE(
        rcpt.value(QStringLiteral("origin")).toObject().value(QStringLiteral("address")).toString(),
        QStringLiteral("b@example.org"));
}

void TestHistory::exportHtml()
{
    Attempt a = basic().attempt;
    a.account = QStringLiteral("R&D <lab>");
    a.entries[0].text = QStringLiteral("220 mx <script>alert(1)</script> & \"q\"");
    const QByteArray html = AttemptExport::exported(a, AttemptExport::Format::Html);
    QVERIFY(!html.contains("<script>"));
    QVERIFY(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;"));
    QVERIFY(html.contains("R&amp;D &lt;lab&gt;"));
    // Well-formed enough for an XML parser, and every line's explanation is a visible cell.
    QXmlStreamReader xml(html);
    int rows = 0, explanations = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("tr"))
            ++rows;
        if (xml.isStartElement() && xml.name() == QLatin1String("td") &&
            xml.attributes().value(QStringLiteral("class")) == QLatin1String("explanation")) {
            if (!xml.readElementText().isEmpty())
                ++explanations;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(rows, int(a.entries.size()) + 1);
    QVERIFY(explanations >= 10);
}

void TestHistory::exportText()
{
    const Attempt a = basic().attempt;
    const QString text = AttemptExport::toText(a);
    QVERIFY(text.contains(QLatin1String("C: RCPT TO:<b@example.org>")));
    // The explanation follows its line, in parentheses, as `postwire send --explain` prints it.
    const QStringList lines = text.split(QLatin1Char('\n'));
    const qsizetype rcpt = lines.indexOf(QRegularExpression(QStringLiteral(".*S: 250 2.1.5 ok.*")));
    QVERIFY(rcpt > 0);
    QVERIFY2(lines.at(rcpt + 1).trimmed().startsWith(QLatin1Char('(')), qPrintable(text));
    QCOMPARE(AttemptExport::formatForFile(QStringLiteral("a.HTML")), AttemptExport::Format::Html);
    QCOMPARE(AttemptExport::formatForFile(QStringLiteral("a.json")), AttemptExport::Format::Json);
    QCOMPARE(AttemptExport::formatForFile(QStringLiteral("a.log")), AttemptExport::Format::Text);
}

void TestHistory::swaksCommand_data()
{
    QTest::addColumn<int>("security");
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("tlsOption");
    QTest::newRow("starttls, auth")
        << int(SmtpSettings::Security::StartTls) << QStringLiteral("ana")
        << int(Attempt::Kind::Send) << QStringLiteral("--tls");
    QTest::newRow("implicit tls") << int(SmtpSettings::Security::ImplicitTls) << QString()
                                  << int(Attempt::Kind::Send) << QStringLiteral("--tls-on-connect");
    QTest::newRow("optional") << int(SmtpSettings::Security::StartTlsIfOffered) << QString()
                              << int(Attempt::Kind::Send)
                              << QStringLiteral("--tls-optional-strict");
    QTest::newRow("plain test connection")
        << int(SmtpSettings::Security::None) << QStringLiteral("ana")
        << int(Attempt::Kind::TestConnection) << QString();
}

void TestHistory::swaksCommand()
{
    QFETCH(int, security);
    QFETCH(QString, user);
    QFETCH(int, kind);
    QFETCH(QString, tlsOption);
    // swaks' own option names (its reference documentation, doc/ref.txt): any other name is
    // a command line swaks refuses.
    const QSet<QString> documented = {QStringLiteral("--to"),
                                      QStringLiteral("--from"),
                                      QStringLiteral("--server"),
                                      QStringLiteral("--port"),
                                      QStringLiteral("--ehlo"),
                                      QStringLiteral("--helo"),
                                      QStringLiteral("--quit-after"),
                                      QStringLiteral("--timeout"),
                                      QStringLiteral("--pipeline"),
                                      QStringLiteral("--tls"),
                                      QStringLiteral("--tls-optional"),
                                      QStringLiteral("--tls-optional-strict"),
                                      QStringLiteral("--tls-on-connect"),
                                      QStringLiteral("--tls-verify"),
                                      QStringLiteral("--tls-ca-path"),
                                      QStringLiteral("--auth"),
                                      QStringLiteral("--auth-user"),
                                      QStringLiteral("--auth-password"),
                                      QStringLiteral("--header"),
                                      QStringLiteral("--body")};
    Attempt a = basic({QStringLiteral("b@example.org"), QStringLiteral("c@example.org")}).attempt;
    a.security = SmtpSettings::Security(security);
    a.user = user;
    a.kind = Attempt::Kind(kind);
    a.heloName = QStringLiteral("me.example");
    a.subject = QStringLiteral("it's a test");
    const QStringList args = AttemptExport::swaksArguments(a);
    QCOMPARE(args.first(), QStringLiteral("swaks"));
    for (const QString &arg : args) {
        if (arg.startsWith(QLatin1String("--")))
            QVERIFY2(documented.contains(arg), qPrintable(arg));
    }
    QCOMPARE(args.at(args.indexOf(QStringLiteral("--server")) + 1),
             QStringLiteral("mx.example.org"));
    QCOMPARE(args.at(args.indexOf(QStringLiteral("--port")) + 1), QStringLiteral("587"));
    if (!tlsOption.isEmpty())
        QVERIFY(args.contains(tlsOption));
    else
        QVERIFY(!args.contains(QStringLiteral("--tls")));
    if (!user.isEmpty()) {
        QCOMPARE(args.at(args.indexOf(QStringLiteral("--auth-user")) + 1), user);
        QCOMPARE(args.at(args.indexOf(QStringLiteral("--auth-password")) + 1),
                 QStringLiteral("$POSTWIRE_PASSWORD"));
        QVERIFY(AttemptExport::swaksCommand(a).contains(QLatin1String("\"$POSTWIRE_PASSWORD\"")));
    }
    if (a.kind == Attempt::Kind::Send)
        QCOMPARE(args.at(args.indexOf(QStringLiteral("--to")) + 1),
                 QStringLiteral("b@example.org,c@example.org"));
    else
        QVERIFY(args.contains(QStringLiteral("--quit-after")));
}

void TestHistory::shellQuotingRoundTrips()
{
    // What the shell makes of the quoted line is exactly the arguments.
    const QStringList words = {QStringLiteral("plain"),
                               QStringLiteral("two words"),
                               QStringLiteral("it's"),
                               QStringLiteral("$HOME"),
                               QStringLiteral("a;b|c&d`e`"),
                               QStringLiteral("\"q\" \\ *"),
                               QStringLiteral("Ana <ana@example.org>"),
                               QStringLiteral("")};
    QProcess sh;
    sh.setProgram(QStringLiteral("/bin/sh"));
    qputenv("HOME", "/home/quoted-test");
    sh.setArguments({QStringLiteral("-c"), QStringLiteral("for a in ") +
                                               AttemptExport::shellLine(words) +
                                               QStringLiteral("; do printf '%s\\n' \"$a\"; done")});
    QSignalSpy done(&sh, &QProcess::finished);
    sh.start();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    QStringList got = QString::fromUtf8(sh.readAllStandardOutput()).split(QLatin1Char('\n'));
    got.removeLast();
    QStringList expected = words;
    expected[3] = QStringLiteral("/home/quoted-test"); // "$VAR" is left for the shell to fill
    QCOMPARE(got, expected);
}

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
