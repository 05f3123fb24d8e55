// The Sent folder on disk: kept across a restart (a new store reading the folder), searched,
// bounded with the eviction said, deleted, and a damaged entry set aside.
#include "account/sentstore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

SentEntry entry(const QString &subject, const QStringList &to = {QStringLiteral("bo@example.org")})
{
    SentEntry e;
    e.accountId = QStringLiteral("acc-1");
    e.account = QStringLiteral("Work");
    e.from = QStringLiteral("Ana <ana@example.org>");
    e.to = to;
    e.subject = subject;
    e.outcome = QStringLiteral("250 2.0.0 Ok: queued as 4F2A1");
    e.attemptId = QStringLiteral("20260701-101010-abcd");
    e.draft.subject = subject;
    e.draft.to = to.join(QStringLiteral(", "));
    e.draft.body = QStringLiteral("Body of ") + subject;
    return e;
}

QStringList subjects(const QList<SentEntry> &entries)
{
    QStringList out;
    for (const SentEntry &e : entries)
        out << e.subject;
    return out;
}

} // namespace

class TestSentStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keptAcrossARestart()
    {
        QTemporaryDir dir;
        QString id;
        {
            SentStore store(dir.path());
            QString error;
            id = store.add(entry(QStringLiteral("Lunch")), "Subject: Lunch\r\n\r\nHi\r\n", &error);
            QVERIFY2(!id.isEmpty(), qPrintable(error));
        }
        QStringList problems;
        SentStore again(dir.path(), &problems);
        QVERIFY(problems.isEmpty());
        QCOMPARE(again.count(), 1);
        const SentEntry e = again.entry(id);
        QCOMPARE(e.subject, QStringLiteral("Lunch"));
        QCOMPARE(e.account, QStringLiteral("Work"));
        QCOMPARE(e.accountId, QStringLiteral("acc-1"));
        QCOMPARE(e.attemptId, QStringLiteral("20260701-101010-abcd"));
        QCOMPARE(e.outcome, QStringLiteral("250 2.0.0 Ok: queued as 4F2A1"));
        QCOMPARE(e.draft.body, QStringLiteral("Body of Lunch"));
        QVERIFY(e.sent.isValid());
        QFile eml(again.emlPath(id));
        QVERIFY(eml.open(QIODevice::ReadOnly));
        QCOMPARE(eml.readAll(), QByteArray("Subject: Lunch\r\n\r\nHi\r\n"));
        QCOMPARE(eml.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }

    void newestFirstAndSearch_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("found");
        QTest::newRow("everything") << "" << QStringList{"Report", "Lunch Friday", "Lunch"};
        QTest::newRow("subject word") << "lunch" << QStringList{"Lunch Friday", "Lunch"};
        QTest::newRow("two words") << "LUNCH friday" << QStringList{"Lunch Friday"};
        QTest::newRow("recipient") << "cy@" << QStringList{"Report"};
        QTest::newRow("nothing") << "zebra" << QStringList();
    }
    void newestFirstAndSearch()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, found);
        QTemporaryDir dir;
        SentStore store(dir.path());
        QString error;
        QVERIFY(!store.add(entry(QStringLiteral("Lunch")), "a", &error).isEmpty());
        QVERIFY(!store.add(entry(QStringLiteral("Lunch Friday")), "b", &error).isEmpty());
        QVERIFY(!store
                     .add(entry(QStringLiteral("Report"), {QStringLiteral("cy@example.org")}), "c",
                          &error)
                     .isEmpty());
        QCOMPARE(subjects(store.search(text)), found);
        QCOMPARE(subjects(SentStore(dir.path()).search(text)), found);
    }

    void capsEvictTheOldestAndSaySo_data()
    {
        QTest::addColumn<int>("maxCount");
        QTest::addColumn<qint64>("maxBytes");
        QTest::addColumn<QStringList>("kept");
        QTest::addColumn<QStringList>("evicted");
        QTest::newRow("count") << 2 << qint64(1000) << QStringList{"3", "2"} << QStringList{"1"};
        QTest::newRow("bytes") << 10 << qint64(250) << QStringList{"3", "2"} << QStringList{"1"};
        QTest::newRow("one too big stays")
            << 10 << qint64(50) << QStringList{"3"} << QStringList{"1", "2"};
    }
    void capsEvictTheOldestAndSaySo()
    {
        QFETCH(int, maxCount);
        QFETCH(qint64, maxBytes);
        QFETCH(QStringList, kept);
        QFETCH(QStringList, evicted);
        QTemporaryDir dir;
        SentStore store(dir.path());
        store.setCaps(maxCount, maxBytes);
        QString error;
        QList<SentEntry> gone;
        QStringList goneSubjects;
        for (const char *s : {"1", "2", "3"}) {
            QVERIFY(
                !store.add(entry(QLatin1String(s)), QByteArray(100, 'x'), &error, &gone).isEmpty());
            goneSubjects += subjects(gone);
        }
        QCOMPARE(subjects(store.entries()), kept);
        QCOMPARE(goneSubjects, evicted);
        QCOMPARE(subjects(SentStore(dir.path()).entries()), kept);
        // Nothing of the evicted ones is left behind on disk.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2 * kept.size());
    }

    void deleteRemovesTheFiles()
    {
        QTemporaryDir dir;
        SentStore store(dir.path());
        QString error;
        const QString a = store.add(entry(QStringLiteral("A")), "a", &error);
        const QString b = store.add(entry(QStringLiteral("B")), QByteArray(), &error);
        QVERIFY(store.emlPath(b).isEmpty()); // no .eml kept (e.g. too large to record)
        QVERIFY(store.remove(a, &error));
        QVERIFY(!store.remove(a, &error));
        QVERIFY(error.contains(a));
        QCOMPARE(subjects(SentStore(dir.path()).entries()), QStringList{"B"});
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
    }

    void damagedEntryIsSetAside()
    {
        QTemporaryDir dir;
        {
            SentStore store(dir.path());
            QString error;
            QVERIFY(!store.add(entry(QStringLiteral("Good")), "g", &error).isEmpty());
        }
        QFile bad(dir.filePath(QStringLiteral("20260101-000000000-0000.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{ not json");
        bad.close();
        QStringList problems;
        SentStore store(dir.path(), &problems);
        QCOMPARE(subjects(store.entries()), QStringList{"Good"});
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().contains(QStringLiteral("damaged")));
        QVERIFY(QFile::exists(bad.fileName() + QStringLiteral(".damaged")));
    }
};

QTEST_GUILESS_MAIN(TestSentStore)
#include "tst_sentstore.moc"
