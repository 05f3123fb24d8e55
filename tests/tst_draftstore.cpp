// Drafts: what was typed survives a save and load unchanged, a damaged file is reported.
#include "account/draftstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

class TestDraftStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        QTemporaryDir dir;
        DraftStore store(dir.filePath(QStringLiteral("drafts")));
        Draft d;
        d.accountId = QStringLiteral("3f2c9a");
        d.account = QStringLiteral("Work");
        d.from = QStringLiteral("Ana Lima <ana@example.org>");
        // Invalid as typed: a draft keeps it exactly so.
        d.to = QStringLiteral("bo@example.org, ana@, \"Doe, J\" <j@x.org>");
        d.cc = QStringLiteral("c@example.org");
        d.bcc = QStringLiteral("hidden@example.org");
        d.replyTo = QStringLiteral("list@example.org");
        d.subject = QStringLiteral("Grüße \u2014 \"quoted\"\nsecond line");
        d.body = QStringLiteral("Line 1\r\nLine 2\n\n.\n\u00e9\u4e2d");
        d.html = true;
        d.showCcBcc = true;
        Attachment a;
        a.path = QStringLiteral("/tmp/report.pdf");
        a.name = QStringLiteral("Report.pdf");
        a.contentType = QStringLiteral("application/pdf");
        d.attachments = {a};
        // Fields the form does not show, from an opened .eml.
        d.carried.sender = QStringLiteral("Office <office@example.org>");
        d.carried.inReplyTo = QStringLiteral("first.1@example.org");
        d.carried.references = {QStringLiteral("root.1@example.org"),
                                QStringLiteral("first.1@example.org")};
        d.carried.priority = Message::Priority::Low;
        d.carried.dispositionNotificationTo = QStringLiteral("ana@example.org");
        d.carried.extraHeaders = {{QStringLiteral("Organization"), QStringLiteral("Köln GmbH")}};
        QString error;
        QVERIFY2(store.save(d, &error), qPrintable(error));
        QVERIFY(QFile::exists(store.path()));
        const std::optional<Draft> back = store.load(&error);
        QVERIFY2(back.has_value(), qPrintable(error));
        QVERIFY(*back == d);
        QVERIFY(!back->isEmpty());
        store.remove();
        QVERIFY(!QFile::exists(store.path()));
        QVERIFY(!store.load(&error).has_value());
        QVERIFY(error.isEmpty());
    }

    void draftBeforeAccountIdsKeepsTheName()
    {
        // Version 1 drafts named the account only.
        const Draft d =
            Draft::fromJson(QJsonObject{{QStringLiteral("version"), 1},
                                        {QStringLiteral("account"), QStringLiteral("Work")},
                                        {QStringLiteral("subject"), QStringLiteral("x")}});
        QCOMPARE(d.account, QStringLiteral("Work"));
        QVERIFY(d.accountId.isEmpty());
        QCOMPARE(d.subject, QStringLiteral("x"));
    }

    void attachmentFoldersRemoved()
    {
        QTemporaryDir dir;
        DraftStore store(dir.filePath(QStringLiteral("drafts")));
        const QString used = store.attachmentFolder();
        const QString orphan = store.attachmentFolder();
        const QString namedByDamaged = store.attachmentFolder();
        QCOMPARE(QSet<QString>({used, orphan, namedByDamaged}).size(), 3);
        for (const QString &folder : {used, orphan, namedByDamaged}) {
            QFile f(folder + QStringLiteral("/a.txt"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("a");
        }
        Draft d;
        d.subject = QStringLiteral("x");
        d.attachments = {Attachment{used + QStringLiteral("/a.txt"), {}, {}, false, {}},
                         Attachment{dir.filePath(QStringLiteral("mine.txt")), {}, {}, false, {}}};
        QCOMPARE(store.attachmentFolderOf(d), used);
        QString error;
        QVERIFY2(store.save(d, &error), qPrintable(error));
        // A damaged draft set aside may still be recovered: what it names stays.
        QFile damaged(store.path() + QStringLiteral(".damaged"));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("{ \"attachments\": [ { \"path\": \"" + namedByDamaged.toUtf8() + "/a.txt");
        damaged.close();

        // At start: only what no draft refers to goes.
        QCOMPARE(store.removeUnusedAttachmentFolders(), 1);
        QVERIFY(QFileInfo::exists(used));
        QVERIFY(!QFileInfo::exists(orphan));
        QVERIFY(QFileInfo::exists(namedByDamaged));

        // Sent, discarded or replaced: its folder goes, and nothing outside the store's own.
        QVERIFY(!store.removeAttachmentFolder(dir.path()));
        QVERIFY(!store.removeAttachmentFolder(dir.filePath(QStringLiteral("drafts"))));
        QVERIFY(!store.removeAttachmentFolder(used + QStringLiteral("/../..")));
        QVERIFY(!store.removeAttachmentFolder(QString()));
        QVERIFY(QFileInfo::exists(store.path()));
        QVERIFY(store.removeAttachmentFolder(used));
        QVERIFY(!QFileInfo::exists(used));

        // No draft and no damaged one: every folder is unused.
        store.remove();
        QVERIFY(damaged.remove());
        QCOMPARE(store.removeUnusedAttachmentFolders(), 1);
        QVERIFY(!QFileInfo::exists(namedByDamaged));
        QCOMPARE(store.attachmentFolderOf(Draft()), QString());
    }

    // Folders made in one millisecond are "<stamp>" and "<stamp>-2": a damaged draft naming the
    // second keeps the second only. (attachmentFoldersRemoved met this only when the clock
    // ticked between its first two folders, which a loaded machine makes likely.)
    void damagedDraftKeepsOnlyTheFolderItNames_data()
    {
        QTest::addColumn<QString>("named");
        QTest::addColumn<QStringList>("kept");
        const QString stamp = QStringLiteral("20261130-040631123");
        const QString twin = stamp + QStringLiteral("-2");
        const QString tenth = stamp + QStringLiteral("-10");
        QTest::newRow("younger twin") << twin << QStringList{twin};
        QTest::newRow("older twin") << stamp << QStringList{stamp};
        QTest::newRow("-10 is not -1")
            << stamp + QStringLiteral("-1") << QStringList{stamp + QStringLiteral("-1")};
        QTest::newRow("cut off after the name")
            << tenth + QStringLiteral("<end>") << QStringList{tenth};
    }
    void damagedDraftKeepsOnlyTheFolderItNames()
    {
        QFETCH(QString, named);
        QFETCH(QStringList, kept);
        const bool cutOff = named.endsWith(QStringLiteral("<end>"));
        named.remove(QStringLiteral("<end>"));
        QTemporaryDir dir;
        DraftStore store(dir.filePath(QStringLiteral("drafts")));
        const QString root = dir.filePath(QStringLiteral("drafts/attachments/"));
        const QStringList all = {
            QStringLiteral("20261130-040631123"), QStringLiteral("20261130-040631123-1"),
            QStringLiteral("20261130-040631123-2"), QStringLiteral("20261130-040631123-10")};
        for (const QString &name : all)
            QVERIFY(QDir().mkpath(root + name));
        QFile damaged(store.path() + QStringLiteral(".damaged"));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("{ \"attachments\": [ { \"path\": \"" + (root + named).toUtf8() +
                      (cutOff ? "" : "/a.txt\" } ] }"));
        damaged.close();
        QCOMPARE(store.removeUnusedAttachmentFolders(), all.size() - kept.size());
        for (const QString &name : all)
            QVERIFY2(QFileInfo::exists(root + name) == kept.contains(name), qPrintable(name));
    }

    void isEmpty_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<bool>("empty");
        QTest::newRow("nothing") << QString() << true;
        QTest::newRow("from only") << QStringLiteral("from") << true;
        QTest::newRow("to") << QStringLiteral("to") << false;
        QTest::newRow("subject") << QStringLiteral("subject") << false;
        QTest::newRow("body") << QStringLiteral("body") << false;
        QTest::newRow("blank body") << QStringLiteral("blank") << true;
        QTest::newRow("attachment") << QStringLiteral("attachment") << false;
    }
    void isEmpty()
    {
        QFETCH(QString, field);
        QFETCH(bool, empty);
        Draft d;
        d.account = QStringLiteral("Work"); // the account alone is no message
        if (field == QLatin1String("from"))
            d.from = QStringLiteral("ana@example.org");
        else if (field == QLatin1String("to"))
            d.to = QStringLiteral("x");
        else if (field == QLatin1String("subject"))
            d.subject = QStringLiteral("x");
        else if (field == QLatin1String("body"))
            d.body = QStringLiteral("x");
        else if (field == QLatin1String("blank"))
            d.body = QStringLiteral(" \n ");
        else if (field == QLatin1String("attachment"))
            d.attachments = {Attachment{QStringLiteral("/x"), {}, {}, false, {}}};
        QCOMPARE(d.isEmpty(), empty);
    }

    void damagedFileIsReported()
    {
        QTemporaryDir dir;
        DraftStore store(dir.path());
        QFile file(store.path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ this is not json");
        file.close();
        QString error;
        QVERIFY(!store.load(&error).has_value());
        QVERIFY2(error.contains(store.path()), qPrintable(error));
        // Set aside, not overwritten by the next save.
        QVERIFY(QFile::exists(store.path() + QStringLiteral(".damaged")));
        QVERIFY(!QFile::exists(store.path()));
    }

    void unwritableFolderIsReported()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        // A folder path that runs through a file cannot be created.
        DraftStore store(dir.filePath(QStringLiteral("file/drafts")));
        QString error;
        Draft d;
        d.subject = QStringLiteral("x");
        QVERIFY(!store.save(d, &error));
        QVERIFY2(error.contains(QStringLiteral("file/drafts")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestDraftStore)
#include "tst_draftstore.moc"
