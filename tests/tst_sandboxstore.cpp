// The sandbox's mail store on disk: atomic messages, newest first, a size cap, deletion,
// and what survives a restart (and what a crash mid-write leaves).
#include "sandbox/mailindex.h"
#include "sandbox/mailsegment.h"
#include "sandbox/mailstore.h"
#include "sandbox/parsedmail.h"
#include "sandbox/varint.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <sys/stat.h>

class TestSandboxStore : public QObject
{
    Q_OBJECT
private:
    static QString add(MailStore &store, const QByteArray &content, const QString &from = {})
    {
        StoredMessage meta;
        meta.mailFrom = from;
        meta.rcptTo = {QStringLiteral("x@y.example")};
        QString error;
        return store.add(meta, content, &error);
    }

    // Bytes of the folder's files whose names end with suffix (all of them when empty).
    static qint64 bytesOf(const QString &folder, const QString &suffix = {})
    {
        qint64 total = 0;
        const QFileInfoList files = QDir(folder).entryInfoList(QDir::Files | QDir::Hidden);
        for (const QFileInfo &file : files) {
            if (file.fileName().endsWith(suffix))
                total += file.size();
        }
        return total;
    }
    // A session's transcript of lines lines, as a session gives it when it ends.
    static QList<TranscriptEntry> sessionOf(int lines)
    {
        QList<TranscriptEntry> transcript;
        for (int i = 0; i < lines; ++i) {
            TranscriptEntry e;
            e.direction = TranscriptEntry::Direction::Server;
            e.text = QStringLiteral("250 line %1 of the session").arg(i);
            transcript << e;
        }
        return transcript;
    }
    static QStringList segments(const QString &folder)
    {
        return QDir(folder).entryList({QStringLiteral("*.pws")}, QDir::Files, QDir::Name);
    }
    // Changes the byte at offset of the file at path.
    static void flip(const QString &path, qint64 offset)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(offset));
        const char c = file.read(1).at(0);
        QVERIFY(file.seek(offset));
        file.write(QByteArray(1, char(c ^ 0x55)));
    }

private Q_SLOTS:
    void addListAndReload()
    {
        QTemporaryDir dir;
        QStringList ids;
        {
            MailStore store(dir.path());
            QSignalSpy added(&store, &MailStore::messageAdded);
            for (int i = 0; i < 5; ++i)
                ids << add(store, "Subject: " + QByteArray::number(i) + "\r\n\r\n" +
                                      QByteArray("\x00\xff\r\n", 4));
            QCOMPARE(added.count(), 5);
            QCOMPARE(store.count(), 5);
            QCOMPARE(store.messages().first().id, ids.last());
        }
        MailStore again(dir.path());
        QCOMPARE(again.count(), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(again.messages().at(i).id, ids.at(4 - i)); // newest first after restart
        QCOMPARE(again.content(ids.first()), QByteArray("Subject: 0\r\n\r\n\x00\xff\r\n", 18));
        QCOMPARE(again.messages().first().rcptTo, QStringList{QStringLiteral("x@y.example")});
    }

    void sizeCapCountsEverythingAndSaysSo()
    {
        QTemporaryDir dir;
        MailStore store(dir.path());
        QSignalSpy evicted(&store, &MailStore::evicted);
        const QString a = add(store, QByteArray(100, 'a'));
        // The cap counts what the store writes: the message's record, its sidecar record and
        // its index record; the segment holds the two records and nothing else.
        const StoredMessage first = store.message(a);
        const qint64 each = first.diskSize;
        const qint64 index = MailIndex::record(first).size();
        QCOMPARE(each, MailSegment::recordSize(a, 100) + first.location.sidecarSize + index);
        QCOMPARE(bytesOf(dir.path(), QStringLiteral(".pws")), each - index);
        QCOMPARE(store.diskUsage(), bytesOf(dir.path()));
        QVERIFY(each > 100);
        store.setSizeCap(each * 5 / 2);
        const QString b = add(store, QByteArray(100, 'b'));
        QCOMPARE(store.count(), 2);
        QCOMPARE(evicted.count(), 0);
        const QString c = add(store, QByteArray(100, 'c'));
        QCOMPARE(store.count(), 2);
        QVERIFY(!store.contains(a));
        QVERIFY(store.content(a).isEmpty());
        QVERIFY(store.contains(b) && store.contains(c));
        QCOMPARE(evicted.count(), 1);
        QCOMPARE(evicted.first().at(0).toInt(), 1);
        QCOMPARE(evicted.first().at(1).toLongLong(), each);
        // A message bigger than the cap on its own is still kept: it is the newest.
        const QString d = add(store, QByteArray(each * 3, 'd'));
        QCOMPARE(store.count(), 1);
        QVERIFY(store.contains(d));
        QCOMPARE(evicted.count(), 2);
        QCOMPARE(evicted.last().at(0).toInt(), 2);
        QCOMPARE(store.content(d), QByteArray(each * 3, 'd'));
        QCOMPARE(store.diskUsage(), bytesOf(dir.path()));
    }

    void spaceComesBack_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("removed one by one") << QStringLiteral("remove");
        QTest::newRow("evicted by the cap") << QStringLiteral("cap");
        QTest::newRow("all removed") << QStringLiteral("all");
    }
    void spaceComesBack()
    {
        // Deleted messages leave dead records in their segments: a segment nothing is live in
        // is deleted, one mostly dead is compacted, and what is left reads as before.
        QFETCH(QString, how);
        QTemporaryDir dir;
        MailStore store(dir.path());
        store.setSegmentSize(4 * 1024); // a few messages per segment
        QStringList ids;
        for (int i = 0; i < 40; ++i)
            ids << add(store, "Subject: " + QByteArray::number(i) + "\r\n\r\n" +
                                  QByteArray(500, char('a' + i % 26)) + "\r\n");
        const qint64 full = bytesOf(dir.path(), QStringLiteral(".pws"));
        const int segmentsBefore = int(segments(dir.path()).size());
        QVERIFY2(segmentsBefore > 4, qPrintable(QString::number(segmentsBefore)));
        QStringList kept;
        if (how == QLatin1String("remove")) {
            // Every other message, and then all of the oldest ten.
            for (int i = 0; i < 40; ++i) {
                if (i < 10 || i % 2 == 1)
                    QVERIFY(store.remove(ids.at(i)));
                else
                    kept << ids.at(i);
            }
        } else if (how == QLatin1String("cap")) {
            QSignalSpy evicted(&store, &MailStore::evicted);
            qint64 newest = 0; // what the ten newest take
            for (const QString &id : ids.mid(30))
                newest += store.message(id).diskSize;
            store.setSizeCap(newest);
            QCOMPARE(evicted.count(), 1);
            QCOMPARE(evicted.first().at(0).toInt(), 30);
            kept = ids.mid(30);
        } else {
            store.removeAll();
            QCOMPARE(segments(dir.path()), QStringList());
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                     QStringList{QFileInfo(MailIndex::path(dir.path())).fileName()});
            return;
        }
        qint64 live = 0;
        for (const QString &id : std::as_const(kept)) {
            const StoredMessage m = store.message(id);
            live += MailSegment::recordSize(id, m.size) + m.location.sidecarSize;
        }
        // Compaction runs on the writer thread: at most as much dead as live is left.
        QTRY_VERIFY2(bytesOf(dir.path(), QStringLiteral(".pws")) <= 2 * live,
                     qPrintable(QStringLiteral("%1 bytes in segments for %2 live of %3")
                                    .arg(bytesOf(dir.path(), QStringLiteral(".pws")))
                                    .arg(live)
                                    .arg(full)));
        QVERIFY(int(segments(dir.path()).size()) < segmentsBefore);
        QCOMPARE(store.diskUsage(), bytesOf(dir.path()));
        QCOMPARE(store.count(), kept.size());
        const auto check = [&](MailStore &s) {
            for (const QString &id : std::as_const(kept)) {
                const int i = int(ids.indexOf(id));
                QCOMPARE(s.content(id), "Subject: " + QByteArray::number(i) + "\r\n\r\n" +
                                            QByteArray(500, char('a' + i % 26)) + "\r\n");
                QVERIFY(s.message(id).damage.isEmpty());
                QCOMPARE(s.message(id).headers.subject, QString::number(i));
            }
        };
        check(store);
        // Also after a restart, from the index and from the segments alone.
        {
            MailStore again(dir.path());
            QCOMPARE(again.count(), kept.size());
            check(again);
        }
        QVERIFY(QFile::remove(MailIndex::path(dir.path())));
        MailStore rebuilt(dir.path());
        QCOMPARE(rebuilt.indexState(), MailStore::IndexState::Rebuilt);
        QCOMPARE(rebuilt.count(), kept.size());
        check(rebuilt);
    }

    void closingLeavesTheFolderCompact_data()
    {
        QTest::addColumn<int>("bodySize");
        QTest::addColumn<bool>("closedAtOnce");
        // Small messages: the dead first sidecars are most of the segment.
        QTest::newRow("mostly dead") << 8 << false;
        // Large ones: they are a few per cent, under what is compacted while the store runs,
        // and go all the same when it closes.
        QTest::newRow("a little dead") << 40000 << false;
        // Closed as soon as the updates are asked for: the writer has done some, not all, and
        // none has been handled. None is lost, and the folder is left as compact.
        QTest::newRow("closed at once") << 8 << true;
        QTest::newRow("closed at once, a little dead") << 40000 << true;
    }

    void closingLeavesTheFolderCompact()
    {
        // Each message's first sidecar record is dead once its session ended and wrote the
        // whole transcript: by the time the store is closed, the segments hold only what is
        // live, the index lists only what is there, and it all reads back.
        QFETCH(int, bodySize);
        QFETCH(bool, closedAtOnce);
        const QByteArray body = QByteArray(bodySize, 'b') + "\r\n";
        QTemporaryDir dir;
        QStringList ids;
        qint64 live = 0;
        const QList<TranscriptEntry> transcript = sessionOf(20);
        {
            MailStore store(dir.path());
            for (int i = 0; i < 10; ++i)
                ids << add(store, "Subject: " + QByteArray::number(i) + "\r\n\r\n" + body);
            QSignalSpy updated(&store, &MailStore::messageUpdated);
            for (const QString &id : std::as_const(ids))
                QVERIFY(store.updateTranscript(id, transcript));
            if (closedAtOnce)
                QCOMPARE(updated.count(), 0);
            else
                QTRY_COMPARE(updated.count(), 10);
        }
        // As the store left them (a store opened closes compact too).
        const qint64 left = bytesOf(dir.path(), QStringLiteral(".pws"));
        const MailIndex::Read index = MailIndex::read(dir.path(), 0, 0);
        {
            const MailStore closed(dir.path());
            for (const QString &id : std::as_const(ids)) {
                const StoredMessage m = closed.message(id);
                QCOMPARE(m.transcript.size(), 20);
                live += MailSegment::recordSize(id, m.size) + m.location.sidecarSize;
            }
        }
        QCOMPARE(left, live);
        QVERIFY(index.valid && !index.damaged);
        QCOMPARE(index.entries.size(), 10); // one entry each: no update or move records left
        MailStore again(dir.path());
        QCOMPARE(again.indexState(), MailStore::IndexState::Read);
        QCOMPARE(again.count(), 10);
        for (const QString &id : std::as_const(ids)) {
            QCOMPARE(again.message(id).transcript.size(), 20);
            QVERIFY(again.content(id).endsWith(QByteArray("\r\n\r\n" + body)));
        }
    }

    void compactionWaitsForTheSessionsToEnd()
    {
        // A message a session stored has its transcript written again when the session ends,
        // and its first sidecar record dies then: a segment is compacted only once every
        // session that stored a message in it has ended, so that what is copied stays live.
        QTemporaryDir dir;
        MailStore store(dir.path());
        QSignalSpy updated(&store, &MailStore::messageUpdated);
        QObject context;
        const auto commit = [&](const QByteArray &body) {
            QString error;
            MailStore::IncomingFile file = store.beginMessage(&error);
            file->write("Subject: s\r\n\r\n" + body + "\r\n");
            StoredMessage meta;
            meta.rcptTo = {QStringLiteral("x@y.example")};
            QString id;
            store.commit(meta, std::move(file), &context,
                         [&](const StoredMessage &m, const QString &) { id = m.id; });
            [&] { QTRY_VERIFY(!id.isEmpty()); }();
            return id;
        };
        const QList<TranscriptEntry> transcript = sessionOf(20);
        // Two sessions' messages in one segment; the first session ends.
        const QString a = commit("a");
        const QString b = commit("b");
        const QString segment = store.message(a).location.segment;
        QCOMPARE(store.message(b).location.segment, segment);
        QVERIFY(store.updateTranscript(a, transcript));
        QTRY_COMPARE(updated.count(), 1);
        // Its first sidecar record is dead (over a twentieth of the segment), and the other
        // session has not ended: nothing is copied. (The writer does jobs in order: a
        // compaction asked for then would be done before the next message is.)
        const QString c = commit("c");
        QCOMPARE(store.compactionCount(), 0);
        // They end: the segment is compacted, and nothing dead is left in it.
        QVERIFY(store.updateTranscript(c, transcript));
        QVERIFY(store.updateTranscript(b, transcript));
        QTRY_COMPARE(store.compactionCount(), 1);
        QTRY_VERIFY(!QFile::exists(dir.filePath(segment)));
        for (const QString &id : {a, b, c}) {
            QCOMPARE(store.message(id).transcript.size(), 20);
            QVERIFY(store.content(id).startsWith("Subject: s\r\n\r\n"));
        }
    }

    void removeAndRemoveAll()
    {
        QTemporaryDir dir;
        MailStore store(dir.path());
        const QString a = add(store, "a\r\n");
        add(store, "b\r\n");
        QSignalSpy removed(&store, &MailStore::messageRemoved);
        QVERIFY(store.remove(a));
        QVERIFY(!store.remove(a));
        QCOMPARE(removed.count(), 1);
        // Gone for good: not listed again when the index is rebuilt from the segments.
        {
            QTemporaryDir copy;
            for (const QString &name : QDir(dir.path()).entryList(QDir::Files))
                QVERIFY(QFile::copy(dir.filePath(name), copy.filePath(name)));
            QVERIFY(QFile::remove(MailIndex::path(copy.path())));
            MailStore rebuilt(copy.path());
            QCOMPARE(rebuilt.indexState(), MailStore::IndexState::Rebuilt);
            QCOMPARE(rebuilt.count(), 1);
            QVERIFY(!rebuilt.contains(a));
        }
        store.removeAll();
        QCOMPARE(store.count(), 0);
        // Only the index is left, listing nothing (once a compaction the removal began is
        // done).
        QTRY_COMPARE(QDir(dir.path()).entryList(QDir::Files),
                     QStringList{QFileInfo(MailIndex::path(dir.path())).fileName()});
        QCOMPARE(MailStore(dir.path()).count(), 0);
    }

    void storedOwnerOnly()
    {
        // A typical umask would leave the inbox readable by every user of the machine. The
        // "user" bits (0x0700) repeat the owner bits for the owner: compared without them.
        const mode_t saved = ::umask(022);
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("data/inbox"));
        MailStore store(folder);
        const QString id = add(store, "Subject: private\r\n\r\nx\r\n");
        QSignalSpy updated(&store, &MailStore::messageUpdated);
        QVERIFY(store.updateTranscript(id, {}));
        QTRY_COMPARE(updated.count(), 1);
        ::umask(saved);
        QVERIFY(!id.isEmpty());
        const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
        QCOMPARE(QFileInfo(folder).permissions() & ~QFileDevice::Permissions(0x0700),
                 ownerOnly | QFileDevice::ExeOwner);
        const QFileInfoList files = QDir(folder).entryInfoList(QDir::Files | QDir::Hidden);
        QCOMPARE(files.size(), 2); // a segment and the index
        for (const QFileInfo &file : files)
            QCOMPARE(file.permissions() & ~QFileDevice::Permissions(0x0700), ownerOnly);
    }

    void rebuiltIndexTakesTheSessionsLastTranscript()
    {
        // A message's sidecar written when its session ended replaces the one written with
        // the message whatever the order of their segments' names: a compaction's copies go to
        // a segment opened earlier than the one new records go to, so the copy of the final
        // sidecar may come first (here "a") and a dead first sidecar after it (here "b").
        QTemporaryDir dir;
        const QString id = QStringLiteral("20260101T000000000-0002-abcd");
        StoredMessage meta;
        meta.id = id;
        meta.size = 12;
        meta.rcptTo = {QStringLiteral("x@y.example")};
        meta.transcript = StoredTranscript(sessionOf(3));
        const QByteArray first = MailSegment::packSidecar(QJsonDocument(meta.toJson()).toJson());
        meta.transcript = StoredTranscript(sessionOf(5));
        const QByteArray last = MailSegment::packSidecar(QJsonDocument(meta.toJson()).toJson());
        const auto write = [&](const QString &name, const QByteArray &records) {
            QFile segment(dir.filePath(name));
            QVERIFY(segment.open(QIODevice::WriteOnly));
            segment.write(records);
        };
        write(QStringLiteral("a.pws"),
              MailSegment::record(MailSegment::Kind::Content, id, "Subject: w\r\n") +
                  MailSegment::record(MailSegment::Kind::Update, id, last));
        write(QStringLiteral("b.pws"), MailSegment::record(MailSegment::Kind::Sidecar, id, first));
        MailStore store(dir.path());
        QCOMPARE(store.indexState(), MailStore::IndexState::Rebuilt);
        QCOMPARE(store.count(), 1);
        QCOMPARE(store.message(id).transcript.size(), 5);
        QCOMPARE(store.message(id).location.sidecarSegment, QStringLiteral("a.pws"));
        QVERIFY(store.message(id).damage.isEmpty());
    }

    void halfWrittenMessageIsNotListed()
    {
        QTemporaryDir dir;
        // An .eml without its sidecar is what a crash between the two writes leaves.
        QFile orphan(dir.filePath(QStringLiteral("20260101T000000000-0001-abcd.eml")));
        QVERIFY(orphan.open(QIODevice::WriteOnly));
        orphan.write("Subject: half\r\n");
        orphan.flush();
        QVERIFY(orphan.setFileTime(QDateTime::currentDateTime().addSecs(-3600),
                                   QFileDevice::FileModificationTime));
        orphan.close();
        // In a segment: a message record without its sidecar record (a crash between the
        // two), and after a whole message a record cut off (a crash in the middle of it).
        const QString whole = QStringLiteral("20260101T000000000-0002-abcd");
        const QString half = QStringLiteral("20260101T000000000-0003-abcd");
        const QString cut = QStringLiteral("20260101T000000000-0004-abcd");
        QFile segment(dir.filePath(QStringLiteral("20260101T000000000-0001-0000.pws")));
        QVERIFY(segment.open(QIODevice::WriteOnly));
        StoredMessage meta;
        meta.id = whole;
        meta.size = 12;
        segment.write(MailSegment::record(MailSegment::Kind::Content, half, "Subject: h\r\n"));
        segment.write(MailSegment::record(MailSegment::Kind::Content, whole, "Subject: w\r\n"));
        segment.write(
            MailSegment::record(MailSegment::Kind::Sidecar, whole,
                                MailSegment::packSidecar(QJsonDocument(meta.toJson()).toJson())));
        segment.write(
            MailSegment::record(MailSegment::Kind::Content, cut, QByteArray(1000, 'c')).left(500));
        segment.close();
        MailStore store(dir.path());
        QCOMPARE(store.count(), 1);
        QVERIFY(store.contains(whole));
        QCOMPARE(store.content(whole), QByteArray("Subject: w\r\n"));
        QVERIFY(!orphan.exists()); // an old orphan is cleaned away
        QVERIFY(store.content(QStringLiteral("20260101T000000000-0001-abcd")).isEmpty());
        QVERIFY(store.content(half).isEmpty());
    }

    void transcriptUpdate()
    {
        QTemporaryDir dir;
        MailStore store(dir.path());
        const QString id = add(store, "x\r\n");
        TranscriptEntry e;
        e.direction = TranscriptEntry::Direction::Server;
        e.text = QStringLiteral("221 bye");
        e.replyCode = 221;
        e.latencyMs = 3;
        e.redacted = true;
        QSignalSpy updated(&store, &MailStore::messageUpdated);
        QVERIFY(store.updateTranscript(id, {e}));
        // Written by the writer thread; the signal says it is on disk.
        QCOMPARE(updated.count(), 0);
        QTRY_COMPARE(updated.count(), 1);
        QCOMPARE(store.message(id).transcript.size(), 1);
        MailStore again(dir.path());
        const TranscriptEntry back = again.message(id).transcript.value(0);
        QCOMPARE(back.text, e.text);
        QCOMPARE(back.direction, e.direction);
        QCOMPARE(back.replyCode, 221);
        QCOMPARE(back.latencyMs, 3);
        QVERIFY(back.redacted);
    }

    void sidecarIsPackedAndUnpacked_data()
    {
        QTest::addColumn<QString>("extra"); // a key added to the sidecar
        QTest::addColumn<bool>("compact");
        QTest::newRow("as the store writes it") << QString() << true;
        QTest::newRow("a key the compact form does not know") << "note" << false;
        QTest::newRow("a size that is not a whole number") << "size" << false;
        QTest::newRow("an entry's flag set false") << "last" << true;
    }
    void sidecarIsPackedAndUnpacked()
    {
        // A sidecar record holds the envelope and transcript in the compact form (varints,
        // keys known by their place) or, for a sidecar outside that form, compressed JSON with
        // the entries as rows. Either unpacks to the JSON it was made from.
        QFETCH(QString, extra);
        QFETCH(bool, compact);
        StoredMessage meta;
        meta.id = QStringLiteral("20261130T120000000-0001-abcd");
        meta.received = QDateTime::currentDateTime();
        meta.mailFrom = QStringLiteral("a@example.org");
        meta.rcptTo = {QStringLiteral("b@example.org"), QStringLiteral("в@пример.рф")};
        meta.rcptParameters = {QString(), QStringLiteral("NOTIFY=NEVER")};
        meta.size = 1157;
        meta.sessionId = 12;
        meta.receivedHeader = QStringLiteral("Received: from x\r\n\tby y; now");
        TranscriptEntry plain;
        plain.elapsedMs = 4;
        plain.direction = TranscriptEntry::Direction::Client;
        plain.text = QStringLiteral("QUIT");
        TranscriptEntry redacted = plain;
        redacted.direction = TranscriptEntry::Direction::Server;
        redacted.replyCode = 221;
        redacted.redacted = true;
        TranscriptEntry full = redacted;
        full.elapsedMs = -1;
        full.latencyMs = 7;
        full.lastLineOfReply = true;
        full.details = QStringLiteral("From: a\r\nTo: b");
        meta.transcript << plain << redacted << full;
        QJsonObject json = meta.toJson();
        if (extra == QLatin1String("note"))
            json.insert(extra, 1);
        else if (extra == QLatin1String("size"))
            json.insert(extra, 1.5);
        QJsonArray entries = json.value(QLatin1String("transcript")).toArray();
        if (extra == QLatin1String("last")) {
            QJsonObject entry = entries.at(0).toObject();
            entry.insert(extra, false);
            entries[0] = entry;
            json.insert(QLatin1String("transcript"), entries);
        }
        const QByteArray packed = MailSegment::packSidecar(QJsonDocument(json).toJson());
        QCOMPARE(packed.startsWith('P'), compact);
        const QJsonObject back =
            QJsonDocument::fromJson(MailSegment::unpackSidecar(packed)).object();
        QCOMPARE(back, json);
        QCOMPARE(StoredMessage::fromJson(back).transcript.size(), 3);
        if (compact)
            return;
        // The JSON form leaves off the values an entry lacks at the end of its row (most lines
        // are a time, a direction and a text), and has null for those before one it has.
        const QJsonArray rows =
            QJsonDocument::fromJson(qUncompress(packed)).object().value("rows").toArray();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).toArray(), (QJsonArray{4, "Client", "QUIT"}));
        QCOMPARE(rows.at(1).toArray(),
                 (QJsonArray{4, "Server", "QUIT", 221, QJsonValue(), QJsonValue(), true}));
    }

    void damagedCompactSidecarIsNotRead()
    {
        // A compact sidecar whose fields do not read to their end gives no JSON (the message is
        // then listed as damaged), whatever was cut or changed.
        StoredMessage meta;
        meta.id = QStringLiteral("x");
        meta.rcptTo = {QStringLiteral("b@example.org")};
        const QByteArray packed = MailSegment::packSidecar(QJsonDocument(meta.toJson()).toJson());
        QVERIFY(packed.startsWith('P'));
        const QByteArray fields = qUncompress(packed.mid(1));
        QVERIFY(!MailSegment::unpackSidecar(packed).isEmpty());
        for (qsizetype cut = 0; cut < fields.size(); ++cut)
            QVERIFY2(MailSegment::unpackSidecar('P' + qCompress(fields.left(cut))).isEmpty(),
                     qPrintable(QString::number(cut)));
        QVERIFY(MailSegment::unpackSidecar('P' + qCompress(fields + 'x')).isEmpty());
    }

    void transcriptIsReadOnDemand_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("added at once") << QStringLiteral("add");
        QTest::newRow("committed by the writer") << QStringLiteral("commit");
        QTest::newRow("read at start") << QStringLiteral("reload");
    }

    void transcriptIsReadOnDemand()
    {
        // A listed message costs a small index entry: its session transcript (up to about a
        // thousand entries) stays in the sidecar until someone looks at it.
        QFETCH(QString, how);
        QTemporaryDir dir;
        auto store = std::make_unique<MailStore>(dir.path());
        StoredMessage meta;
        meta.rcptTo = {QStringLiteral("x@y.example")};
        meta.receivedHeader = QStringLiteral("Received: from c (127.0.0.1)");
        for (int i = 0; i < 50; ++i) {
            TranscriptEntry e;
            e.direction = TranscriptEntry::Direction::Client;
            e.text = QStringLiteral("NOOP %1").arg(i);
            meta.transcript << e;
        }
        QString id;
        if (how == QLatin1String("commit")) {
            QString error;
            MailStore::IncomingFile file = store->beginMessage(&error);
            QVERIFY2(file, qPrintable(error));
            file->write("Subject: t\r\n\r\nx\r\n");
            QObject context;
            StoredMessage stored;
            store->commit(meta, std::move(file), &context,
                          [&](const StoredMessage &m, const QString &) { stored = m; });
            QTRY_VERIFY(!stored.id.isEmpty());
            id = stored.id;
            QCOMPARE(stored.transcript.size(), 50); // what the session is told has it all
        } else {
            QString error;
            id = store->add(meta, "Subject: t\r\n\r\nx\r\n", &error);
            QVERIFY2(!id.isEmpty(), qPrintable(error));
        }
        if (how == QLatin1String("reload"))
            store = std::make_unique<MailStore>(dir.path());
        QVERIFY(store->messages().constFirst().transcript.isOnDisk());
        QVERIFY(store->messages().constFirst().receivedHeader.isOnDisk());
        const StoredMessage shown = store->message(id);
        QCOMPARE(shown.transcript.size(), 50);
        QCOMPARE(shown.transcript.at(49).text, QStringLiteral("NOOP 49"));
        QCOMPARE(shown.receivedHeader.get(), QStringLiteral("Received: from c (127.0.0.1)"));
        QCOMPARE(shown.rcptTo, meta.rcptTo);
        // Looking at it did not load it into the index.
        QVERIFY(store->messages().constFirst().transcript.isOnDisk());
        QVERIFY(store->messages().constFirst().receivedHeader.isOnDisk());
        // A copy taken before the message goes has nothing left to read afterwards.
        const StoredMessage before = store->message(id);
        QVERIFY(store->remove(id));
        QVERIFY(before.transcript.isEmpty());
    }

    void commitIsDurableBeforeItIsReported()
    {
        // Messages handed over together are written and flushed as groups by the writer
        // thread: fewer flushes than messages, each reported (listed, messageAdded, the
        // callback) only once its files are complete.
        QTemporaryDir dir;
        MailStore store(dir.path());
        QSignalSpy added(&store, &MailStore::messageAdded);
        QStringList done;
        QObject context;
        constexpr int Count = 20;
        for (int i = 0; i < Count; ++i) {
            QString error;
            MailStore::IncomingFile file = store.beginMessage(&error);
            QVERIFY2(file, qPrintable(error));
            file->write("Subject: " + QByteArray::number(i) + "\r\n\r\nx\r\n");
            StoredMessage meta;
            meta.rcptTo = {QStringLiteral("x@y.example")};
            store.commit(meta, std::move(file), &context,
                         [&](const StoredMessage &m, const QString &error) {
                             QVERIFY2(error.isEmpty(), qPrintable(error));
                             QVERIFY(store.contains(m.id));
                             QVERIFY(!store.content(m.id).isEmpty());
                             done << m.id;
                         });
        }
        QCOMPARE(store.count(), 0); // nothing is listed before it is durable
        QTRY_COMPARE(done.size(), Count);
        QCOMPARE(added.count(), Count);
        QVERIFY2(store.flushCount() < Count, qPrintable(QString::number(store.flushCount())));
        MailStore again(dir.path());
        QCOMPARE(again.count(), Count);
        QCOMPARE(again.content(done.first()), QByteArray("Subject: 0\r\n\r\nx\r\n"));
        // An abandoned message leaves no file.
        QString error;
        {
            MailStore::IncomingFile file = store.beginMessage(&error);
        }
        // One segment and the index.
        QTRY_COMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
    }

    void damagedMessageIsListedAsDamaged_data()
    {
        QTest::addColumn<bool>("withIndex");
        QTest::addColumn<QString>("record");
        QTest::addColumn<QString>("damage");
        // Read from the index, the damage shows when the message is read; rebuilt, at once.
        for (const bool withIndex : {true, false}) {
            const char *how = withIndex ? "indexed" : "rebuilt";
            QTest::addRow("%s: message record changed", how)
                << withIndex << QStringLiteral("content") << QStringLiteral("checksum");
        }
        QTest::addRow("indexed: segment cut off in the message")
            << true << QStringLiteral("cut") << QStringLiteral("cut off");
        // The index lists a message without reading its sidecar: a broken one shows when
        // rebuilt.
        QTest::addRow("rebuilt: sidecar record changed")
            << false << QStringLiteral("sidecar") << QStringLiteral("cannot be read");
    }
    void damagedMessageIsListedAsDamaged()
    {
        // What a failing disk or a person can leave: a record whose bytes changed, a segment
        // cut short. Listed, never hidden, never fatal.
        QFETCH(bool, withIndex);
        QFETCH(QString, record);
        QFETCH(QString, damage);
        QTemporaryDir dir;
        QString id, sound;
        StoredLocation at;
        const QByteArray original = "Subject: whole\r\n\r\nbody\r\n";
        {
            MailStore store(dir.path());
            sound = add(store, "Subject: fine\r\n\r\nbody\r\n");
            id = add(store, original);
            at = store.message(id).location;
        }
        const QString segment = dir.filePath(at.segment);
        QByteArray expected = original;
        if (record == QLatin1String("content")) {
            flip(segment, at.content + MailSegment::HeadSize + id.size() + 3);
            expected[3] = char(expected.at(3) ^ 0x55);
        } else if (record == QLatin1String("sidecar")) {
            flip(segment, at.sidecar + MailSegment::HeadSize + id.size() + 3);
        } else {
            QVERIFY(QFile::resize(segment, at.content + MailSegment::HeadSize + id.size() + 4));
            expected = original.left(4);
        }
        if (!withIndex)
            QVERIFY(QFile::remove(MailIndex::path(dir.path())));
        MailStore again(dir.path());
        QCOMPARE(again.count(), 2);
        QVERIFY(again.contains(id));
        QVERIFY(again.message(sound).damage.isEmpty());
        QSignalSpy updated(&again, &MailStore::messageUpdated);
        if (withIndex) {
            QVERIFY(again.message(id).damage.isEmpty());
            QCOMPARE(again.content(id), expected); // what there is of it
            QCOMPARE(updated.count(), 1);
        }
        QVERIFY2(again.message(id).damage.contains(damage), qPrintable(again.message(id).damage));
        QVERIFY(again.content(sound).startsWith("Subject: fine"));
        QVERIFY(again.message(sound).damage.isEmpty());
        // And it stays damaged after the next start, until it is deleted.
        if (withIndex) {
            MailStore third(dir.path());
            QVERIFY(third.message(id).damage.contains(damage));
        }
        QVERIFY(again.remove(id));
        QCOMPARE(MailStore(dir.path()).count(), 1);
    }

    void indexRecordKeepsEveryField()
    {
        // Every field the list shows and sorts by comes back from an index record as it went
        // in, whatever its size (numbers are varints, strings UTF-8 with their length).
        StoredMessage m;
        m.id = QStringLiteral("20261130T120000000-0001-abcd");
        m.received = QDateTime::fromMSecsSinceEpoch(1'796'000'000'123);
        m.mailFrom = QStringLiteral("отправитель@пример.рф");
        for (int i = 0; i < 300; ++i)
            m.rcptTo << QStringLiteral("r%1@example.org").arg(i);
        m.mailParameters = {QStringLiteral("BODY=8BITMIME"), QStringLiteral("SMTPUTF8")};
        m.rcptParameters = QStringList(300, QString());
        m.rcptParameters[7] = QStringLiteral("NOTIFY=SUCCESS,FAILURE");
        m.size = 5'000'000'000; // more than 32 bits
        m.helo = QStringLiteral("client.example");
        m.peer = QStringLiteral("[::1]:40000");
        m.tls = QStringLiteral("TLSv1.3 TLS_AES_256_GCM_SHA384");
        m.authMechanism = QStringLiteral("PLAIN");
        m.authUser = QStringLiteral("sandbox");
        m.transferCommand = QStringLiteral("BDAT");
        m.sessionId = 1ULL << 40;
        m.headers.from = QStringLiteral("Ann <a@example.org>");
        m.headers.to = QStringLiteral("Bob <b@example.org>");
        m.headers.cc = QStringLiteral("c@example.org");
        m.headers.subject =
            QStringLiteral("Привет, 世界 — %1").arg(QString(2000, QLatin1Char('x')));
        m.damage = QStringLiteral("its sidecar record is damaged");
        m.location = {QStringLiteral("a.pws"), 3'000'000'000, QStringLiteral("b.pws"), 127, 128};
        QTemporaryDir dir;
        QString error;
        quint64 generation = 0;
        QVERIFY(MailIndex::rewrite(dir.path(), {m}, &generation, &error));
        const MailIndex::Read read = MailIndex::read(dir.path(), 0, 0);
        QVERIFY(read.valid && !read.damaged);
        QCOMPARE(read.entries.size(), 1);
        const StoredMessage back = read.entries.first().message;
        QCOMPARE(back.id, m.id);
        QCOMPARE(back.received, m.received);
        QCOMPARE(back.mailFrom, m.mailFrom);
        QCOMPARE(back.rcptTo, m.rcptTo);
        QCOMPARE(back.mailParameters, m.mailParameters);
        QCOMPARE(back.rcptParameters, m.rcptParameters);
        QCOMPARE(back.size, m.size);
        for (const auto field : {&StoredMessage::helo, &StoredMessage::peer, &StoredMessage::tls,
                                 &StoredMessage::authMechanism, &StoredMessage::authUser,
                                 &StoredMessage::transferCommand, &StoredMessage::damage})
            QCOMPARE(back.*field, m.*field);
        QCOMPARE(back.sessionId, m.sessionId);
        QCOMPARE(back.headers.from, m.headers.from);
        QCOMPARE(back.headers.to, m.headers.to);
        QCOMPARE(back.headers.cc, m.headers.cc);
        QCOMPARE(back.headers.subject, m.headers.subject);
        QCOMPARE(back.location.segment, m.location.segment);
        QCOMPARE(back.location.content, m.location.content);
        QCOMPARE(back.location.sidecarSegment, m.location.sidecarSegment);
        QCOMPARE(back.location.sidecar, m.location.sidecar);
        QCOMPARE(back.location.sidecarSize, m.location.sidecarSize);
        // What the store wrote for it: its two records and this one.
        QCOMPARE(back.diskSize, MailIndex::diskSize(m));
        QCOMPARE(back.diskSize,
                 MailSegment::recordSize(m.id, m.size) + 128 + MailIndex::record(m).size());
        // An update record says where the records are now.
        StoredMessage moved = m;
        moved.location = {QStringLiteral("c.pws"), 1, QStringLiteral("c.pws"), 5'000'000'000, 9};
        QVERIFY(MailIndex::append(dir.path(), MailIndex::update(moved, true), &error));
        const MailIndex::Read both = MailIndex::read(dir.path(), 0, 0);
        QCOMPARE(both.entries.size(), 2);
        QVERIFY(both.entries.at(1).update);
        StoredMessage applied = back;
        MailIndex::apply(both.entries.at(1).message, &applied);
        QCOMPARE(applied.location.segment, QStringLiteral("c.pws"));
        QCOMPARE(applied.location.content, qint64(1));
        QCOMPARE(applied.location.sidecarSegment, QStringLiteral("c.pws"));
        QCOMPARE(applied.location.sidecar, qint64(5'000'000'000));
        QCOMPARE(applied.location.sidecarSize, qint64(9));
        QCOMPARE(applied.diskSize, MailIndex::diskSize(moved));
    }

    void varintReaderRefusesWhatNoNumberIs()
    {
        // The largest 64-bit number takes ten bytes, the last of them 1; more is damage, as is
        // a size or an offset beyond what a qint64 holds, or a text longer than what is left.
        const QByteArray largest = QByteArray(QByteArray(9, '\xff') + '\x01');
        VarintReader max(largest);
        QCOMPARE(max.number(), std::numeric_limits<quint64>::max());
        QVERIFY(max.done());
        VarintReader asSize(largest);
        asSize.size();
        QVERIFY(!asSize.ok());
        const QList<QByteArray> bad = {QByteArray(QByteArray(9, '\xff') + '\x02'),
                                       QByteArray(10, '\xff'), QByteArray(1, '\x80'),
                                       QByteArray("\x05"
                                                  "abc")};
        for (const QByteArray &bytes : bad) {
            VarintReader in(bytes);
            in.text();
            QVERIFY2(!in.ok(), bytes.toHex().constData());
        }
        VarintWriter out;
        out.signedNumber(std::numeric_limits<qint64>::min());
        out.signedNumber(-1);
        const QByteArray written = out.take();
        VarintReader back(written);
        QCOMPARE(back.signedNumber(), std::numeric_limits<qint64>::min());
        QCOMPARE(back.signedNumber(), qint64(-1));
        QVERIFY(back.done());
    }

    void indexRebuiltWhenMissingStaleOrDamaged_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("count");
        QTest::newRow("as written") << "none" << int(MailStore::IndexState::Read) << 4;
        QTest::newRow("missing") << "missing" << int(MailStore::IndexState::Rebuilt) << 4;
        QTest::newRow("not an index") << "garbage" << int(MailStore::IndexState::Rebuilt) << 4;
        QTest::newRow("a record damaged") << "flip" << int(MailStore::IndexState::Rebuilt) << 4;
        QTest::newRow("cut off in its last record")
            << "cut" << int(MailStore::IndexState::Updated) << 4;
        QTest::newRow("of the previous version")
            << "version" << int(MailStore::IndexState::Rebuilt) << 4;
        QTest::newRow("stale: misses messages")
            << "older" << int(MailStore::IndexState::Updated) << 4;
        QTest::newRow("stale: lists a message deleted behind it")
            << "deleted" << int(MailStore::IndexState::Updated) << 3;
    }
    void indexRebuiltWhenMissingStaleOrDamaged()
    {
        QFETCH(QString, change);
        QFETCH(int, state);
        QFETCH(int, count);
        QTemporaryDir dir;
        const QString index = MailIndex::path(dir.path());
        QStringList ids;
        QByteArray older;
        QString contentSegment;
        {
            MailStore store(dir.path());
            store.setSegmentSize(1);
            for (int i = 0; i < 4; ++i) {
                ids << add(store, "From: a" + QByteArray::number(i) + "@example.org\r\nSubject: s" +
                                      QByteArray::number(i) + "\r\n\r\nx\r\n");
                if (i == 2)
                    contentSegment = store.message(ids.last()).location.segment;
                if (i == 1) {
                    QFile file(index);
                    QVERIFY(file.open(QIODevice::ReadOnly));
                    older = file.readAll();
                }
            }
        }
        QFile file(index);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        if (change == QLatin1String("missing")) {
            QVERIFY(file.remove());
        } else if (change == QLatin1String("garbage")) {
            bytes = "this is not an index";
        } else if (change == QLatin1String("flip")) {
            bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x55);
        } else if (change == QLatin1String("cut")) {
            bytes.chop(3); // what a crash in the middle of an append leaves
        } else if (change == QLatin1String("version")) {
            QVERIFY(bytes.startsWith("PWIDX3\n"));
            bytes[5] = '2'; // version 2 wrote its numbers fixed-size: not read as version 3
        } else if (change == QLatin1String("older")) {
            bytes = older; // messages stored while the index was not written
        } else if (change == QLatin1String("deleted")) {
            // Each record has a segment of its own here.
            QVERIFY(QFile::remove(dir.filePath(contentSegment)));
        }
        if (file.exists()) {
            file.resize(0);
            file.write(bytes);
        }
        file.close();
        MailStore store(dir.path());
        QCOMPARE(int(store.indexState()), state);
        QCOMPARE(store.count(), count);
        // The list comes whole from either: headers, envelope, sizes.
        const StoredMessage newest = store.messages().first();
        QCOMPARE(newest.id, ids.last());
        QCOMPARE(newest.headers.subject, QStringLiteral("s3"));
        QCOMPARE(newest.headers.from, QStringLiteral("a3@example.org"));
        QCOMPARE(newest.rcptTo, QStringList{QStringLiteral("x@y.example")});
        QCOMPARE(newest.size, qint64(store.content(newest.id).size()));
        QVERIFY(newest.damage.isEmpty());
        // Brought up to date: the next start reads it as it is.
        MailStore again(dir.path());
        QCOMPARE(again.indexState(), MailStore::IndexState::Read);
        QCOMPARE(again.count(), count);
    }

    void oldLayoutIsRead()
    {
        // What Postwire 0.1 wrote: an .eml and a JSON sidecar per message, no index.
        QTemporaryDir dir;
        const QString id = QStringLiteral("20250102T030405006-0001-abcd");
        QFile eml(dir.filePath(id + QStringLiteral(".eml")));
        QVERIFY(eml.open(QIODevice::WriteOnly));
        const QByteArray content = "From: Old <old@example.org>\r\nTo: new@example.org\r\n"
                                   "Subject: from 0.1\r\n\r\nbody\r\n";
        eml.write(content);
        eml.close();
        QFile sidecar(dir.filePath(id + QStringLiteral(".json")));
        QVERIFY(sidecar.open(QIODevice::WriteOnly));
        sidecar.write("{\"id\":\"" + id.toLatin1() +
                      "\",\"received\":\"2025-01-02T03:04:05.006Z\",\"mailFrom\":\"old@"
                      "example.org\",\"rcptTo\":[\"new@example.org\",\"bcc@example.org\"],"
                      "\"size\":" +
                      QByteArray::number(content.size()) +
                      ",\"helo\":\"old.example\",\"transferCommand\":\"DATA\","
                      "\"transcript\":[{\"ms\":1,\"dir\":\"Client\",\"text\":\"EHLO "
                      "old.example\"}]}");
        sidecar.close();
        MailStore store(dir.path());
        QCOMPARE(store.indexState(), MailStore::IndexState::Rebuilt);
        QCOMPARE(store.count(), 1);
        const StoredMessage m = store.message(id);
        QVERIFY(m.damage.isEmpty());
        QCOMPARE(m.headers.subject, QStringLiteral("from 0.1"));
        QCOMPARE(m.mailFrom, QStringLiteral("old@example.org"));
        QCOMPARE(m.rcptTo.size(), 2);
        QCOMPARE(m.helo, QStringLiteral("old.example"));
        QCOMPARE(m.received, QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5, 6), Qt::UTC));
        QCOMPARE(m.transcript.size(), 1);
        QCOMPARE(store.content(id), content);
        // Migrated into a segment: the old files are gone.
        QVERIFY(!QFile::exists(eml.fileName()));
        QVERIFY(!QFile::exists(sidecar.fileName()));
        QCOMPARE(segments(dir.path()).size(), 1);
        // From the index from then on, with the same facts.
        MailStore again(dir.path());
        QCOMPARE(again.indexState(), MailStore::IndexState::Read);
        QCOMPARE(again.message(id).received, m.received);
        QCOMPARE(again.message(id).headers.subject, QStringLiteral("from 0.1"));
        QCOMPARE(again.message(id).transcript.size(), 1);
    }

    void oldLayoutDamagedPairIsKept()
    {
        // A 0.1 pair whose sidecar is not JSON: migrated with its message, listed as damaged.
        QTemporaryDir dir;
        const QString id = QStringLiteral("20250102T030405006-0002-abcd");
        const QByteArray content = "Subject: kept\r\n\r\nbody\r\n";
        QFile eml(dir.filePath(id + QStringLiteral(".eml")));
        QVERIFY(eml.open(QIODevice::WriteOnly));
        eml.write(content);
        eml.close();
        QFile sidecar(dir.filePath(id + QStringLiteral(".json")));
        QVERIFY(sidecar.open(QIODevice::WriteOnly));
        sidecar.write("{not json");
        sidecar.close();
        MailStore store(dir.path());
        QCOMPARE(store.count(), 1);
        QVERIFY2(store.message(id).damage.contains(QLatin1String("cannot be read")),
                 qPrintable(store.message(id).damage));
        QCOMPARE(store.content(id), content);
        QCOMPARE(store.message(id).headers.subject, QStringLiteral("kept"));
        QVERIFY(!eml.exists());
        QCOMPARE(MailStore(dir.path()).message(id).damage, store.message(id).damage);
    }

    void compactionIsFollowedByAnotherStore()
    {
        // One process compacts what it removed; another that lists the same messages reads
        // them from their new places.
        QTemporaryDir dir;
        MailStore window(dir.path());
        MailStore headless(dir.path());
        headless.setSegmentSize(2 * 1024);
        QStringList ids;
        for (int i = 0; i < 12; ++i)
            ids << add(headless, "Subject: " + QByteArray::number(i) + "\r\n\r\n" +
                                     QByteArray(400, char('a' + i)) + "\r\n");
        window.readIndexTail();
        QCOMPARE(window.count(), 12);
        const QStringList before = segments(dir.path());
        for (int i = 0; i < 12; ++i) {
            if (i % 3 != 0)
                QVERIFY(headless.remove(ids.at(i)));
        }
        QTRY_VERIFY(headless.compactionCount() > 0);
        QTRY_COMPARE(window.count(), 4);
        for (int i = 0; i < 12; i += 3) {
            QCOMPARE(window.content(ids.at(i)), "Subject: " + QByteArray::number(i) + "\r\n\r\n" +
                                                    QByteArray(400, char('a' + i)) + "\r\n");
            QVERIFY(window.message(ids.at(i)).damage.isEmpty());
        }
        QVERIFY(segments(dir.path()) != before);
    }

    void otherStoreOnTheFolderIsFollowed()
    {
        // Two stores on one folder (the window and a headless sandbox): each sees what the
        // other adds and removes, through the index's tail.
        QTemporaryDir dir;
        MailStore window(dir.path());
        MailStore headless(dir.path());
        QSignalSpy added(&window, &MailStore::messageAdded);
        QSignalSpy removed(&window, &MailStore::messageRemoved);
        const QString id = add(headless, "Subject: elsewhere\r\n\r\nx\r\n");
        QTRY_COMPARE(added.count(), 1);
        QCOMPARE(window.message(id).headers.subject, QStringLiteral("elsewhere"));
        QVERIFY(headless.remove(id));
        QTRY_COMPARE(removed.count(), 1);
        QCOMPARE(window.count(), 0);
        // Its own messages are listed once, however the index and the writer race.
        const QString own = add(window, "Subject: own\r\n\r\nx\r\n");
        window.readIndexTail();
        QCOMPARE(window.count(), 1);
        QCOMPARE(added.count(), 2);
        QTRY_COMPARE(headless.count(), 1);
        QVERIFY(headless.contains(own));
    }

    void parsedMailHeaders_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("decoded");
        QTest::newRow("plain") << QByteArray("Hello") << QStringLiteral("Hello");
        QTest::newRow("q") << QByteArray("=?iso-8859-1?Q?K=F6ln_Hbf?=")
                           << QStringLiteral("Köln Hbf");
        QTest::newRow("b adjacent")
            << QByteArray("=?UTF-8?B?R3LDvA==?= =?UTF-8?B?w59l?=") << QStringLiteral("Grüße");
        QTest::newRow("raw utf-8") << QByteArray("Gr\xc3\xbc\xc3\x9f"
                                                 "e")
                                   << QStringLiteral("Grüße");
        QTest::newRow("unknown charset")
            << QByteArray("=?x-unknown?Q?a=E9?=") << QStringLiteral("a\u00e9");
    }
    void parsedMailHeaders()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, decoded);
        QCOMPARE(ParsedMail::decodeHeader(value), decoded);
    }
};

QTEST_GUILESS_MAIN(TestSandboxStore)
#include "tst_sandboxstore.moc"
