// The inbox list at scale: rows served from the store's index, sorted and searched in the
// model by sender, recipient (header and envelope), subject and date, damaged messages shown
// as such, and messages a headless `postwire sandbox` stores in the same folder appearing.
#include "inboxmodel.h"
#include "sandbox/mailstore.h"
#include "sandbox_testclient.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class TestInboxModel : public QObject
{
    Q_OBJECT
private:
    static QString add(MailStore &store, const QString &from, const QString &to,
                       const QString &subject, const QStringList &rcpt,
                       const QDateTime &received = {})
    {
        StoredMessage meta;
        meta.mailFrom = QStringLiteral("bounce@example.net");
        meta.rcptTo = rcpt;
        meta.received = received;
        QString error;
        const QString id =
            store.add(meta,
                      QStringLiteral("From: %1\r\nTo: %2\r\nSubject: %3\r\n\r\nx\r\n")
                          .arg(from, to, subject)
                          .toUtf8(),
                      &error);
        if (id.isEmpty())
            qWarning() << error;
        return id;
    }

    static QStringList columnText(const InboxModel &model, int column)
    {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out << model.index(row, column).data().toString();
        return out;
    }

private Q_SLOTS:
    void sortsByEveryColumn_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<QStringList>("subjects");
        QTest::newRow("received, newest first")
            << int(InboxModel::ReceivedColumn) << int(Qt::DescendingOrder)
            << QStringList{QStringLiteral("banana"), QStringLiteral("Cherry"),
                           QStringLiteral("apple")};
        QTest::newRow("received, oldest first")
            << int(InboxModel::ReceivedColumn) << int(Qt::AscendingOrder)
            << QStringList{QStringLiteral("apple"), QStringLiteral("Cherry"),
                           QStringLiteral("banana")};
        QTest::newRow("subject, ignoring case")
            << int(InboxModel::SubjectColumn) << int(Qt::AscendingOrder)
            << QStringList{QStringLiteral("apple"), QStringLiteral("banana"),
                           QStringLiteral("Cherry")};
        QTest::newRow("from header, descending")
            << int(InboxModel::FromColumn) << int(Qt::DescendingOrder)
            << QStringList{QStringLiteral("apple"), QStringLiteral("Cherry"),
                           QStringLiteral("banana")};
        QTest::newRow("envelope recipient")
            << int(InboxModel::EnvelopeToColumn) << int(Qt::AscendingOrder)
            << QStringList{QStringLiteral("banana"), QStringLiteral("apple"),
                           QStringLiteral("Cherry")};
    }
    void sortsByEveryColumn()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(QStringList, subjects);
        QTemporaryDir dir;
        MailStore store(dir.path());
        add(store, QStringLiteral("zoe@example.org"), QStringLiteral("ana@example.org"),
            QStringLiteral("apple"), {QStringLiteral("m@example.org")});
        add(store, QStringLiteral("max@example.org"), QStringLiteral("ana@example.org"),
            QStringLiteral("Cherry"), {QStringLiteral("z@example.org")});
        add(store, QStringLiteral("ada@example.org"), QStringLiteral("ana@example.org"),
            QStringLiteral("banana"), {QStringLiteral("a@example.org")});
        InboxModel model(&store);
        model.sort(column, Qt::SortOrder(order));
        QCOMPARE(columnText(model, InboxModel::SubjectColumn), subjects);
        // A message arriving later takes its place in that order.
        add(store, QStringLiteral("bob@example.org"), QStringLiteral("ana@example.org"),
            QStringLiteral("date"), {QStringLiteral("b@example.org")});
        QCOMPARE(model.rowCount(), 4);
        InboxModel fresh(&store);
        fresh.sort(column, Qt::SortOrder(order));
        QCOMPARE(columnText(model, InboxModel::SubjectColumn),
                 columnText(fresh, InboxModel::SubjectColumn));
    }

    void searchesSenderRecipientsSubjectAndDate_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("subjects");
        QTest::newRow("everything") << QString() << QStringList{"three", "two", "one"};
        QTest::newRow("From header") << "Zoe@" << QStringList{"one"};
        QTest::newRow("envelope sender")
            << "bounce@example.net" << QStringList{"three", "two", "one"};
        QTest::newRow("To header") << "carl@" << QStringList{"two"};
        QTest::newRow("envelope only (Bcc)") << "hidden@example.org" << QStringList{"three"};
        QTest::newRow("subject, any case") << "TWO" << QStringList{"two"};
        QTest::newRow("day received") << "2025-03-04" << QStringList{"two"};
        QTest::newRow("month received") << "2025-03" << QStringList{"two", "one"};
        QTest::newRow("nothing") << "nobody-at-all" << QStringList{};
    }
    void searchesSenderRecipientsSubjectAndDate()
    {
        QFETCH(QString, search);
        QFETCH(QStringList, subjects);
        QTemporaryDir dir;
        MailStore store(dir.path());
        add(store, QStringLiteral("Zoe <zoe@example.org>"), QStringLiteral("ana@example.org"),
            QStringLiteral("one"), {QStringLiteral("ana@example.org")},
            QDateTime(QDate(2025, 3, 1), QTime(12, 0)));
        add(store, QStringLiteral("max@example.org"), QStringLiteral("Carl <carl@example.org>"),
            QStringLiteral("two"), {QStringLiteral("carl@example.org")},
            QDateTime(QDate(2025, 3, 4), QTime(23, 59)));
        add(store, QStringLiteral("max@example.org"), QStringLiteral("ana@example.org"),
            QStringLiteral("three"),
            {QStringLiteral("ana@example.org"), QStringLiteral("hidden@example.org")},
            QDateTime(QDate(2025, 4, 1), QTime(0, 0)));
        InboxModel model(&store);
        model.setFilterText(search);
        QCOMPARE(columnText(model, InboxModel::SubjectColumn), subjects);
        // A new message that matches shows up; one that does not stays hidden.
        const int before = model.rowCount();
        add(store, QStringLiteral("x@example.org"), QStringLiteral("y@example.org"),
            QStringLiteral("unrelated"), {QStringLiteral("y@example.org")});
        // (Every message has the same envelope sender.)
        const bool matchesAll = subjects.size() == 3;
        QCOMPARE(model.rowCount(), matchesAll ? before + 1 : before);
    }

    void damagedMessageIsShownAsDamaged()
    {
        QTemporaryDir dir;
        QString id;
        StoredLocation at;
        {
            MailStore store(dir.path());
            id = add(store, QStringLiteral("a@example.org"), QStringLiteral("b@example.org"),
                     QStringLiteral("whole"), {QStringLiteral("b@example.org")});
            at = store.message(id).location;
        }
        // A changed byte in the sidecar record: it fails its checksum.
        QFile segment(dir.filePath(at.sidecarSegment));
        QVERIFY(segment.open(QIODevice::ReadWrite));
        QVERIFY(segment.seek(at.sidecar + at.sidecarSize - 2));
        segment.write("#");
        segment.close();
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("index.pwi"))));
        MailStore store(dir.path());
        InboxModel model(&store);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(!model.index(0, 0).data(InboxModel::DamageRole).toString().isEmpty());
        QVERIFY(model.index(0, InboxModel::SubjectColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("whole")));
        QVERIFY(model.index(0, InboxModel::SubjectColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("damaged")));
    }

    void headlessSandboxWritesAppearInTheInbox()
    {
        // The window's store and a `postwire sandbox` process share one folder: what the
        // process stores shows in the window's inbox without a restart.
        QTemporaryDir dir;
        MailStore store(dir.path());
        InboxModel model(&store);
        add(store, QStringLiteral("a@example.org"), QStringLiteral("b@example.org"),
            QStringLiteral("from the window"), {QStringLiteral("b@example.org")});
        QProcess sandbox;
        sandbox.setProcessChannelMode(QProcess::MergedChannels);
        sandbox.start(QStringLiteral(POSTWIRE_BINARY),
                      {QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"),
                       QStringLiteral("--no-tls"), QStringLiteral("--store"), dir.path()});
        QByteArray output;
        quint16 port = 0;
        static const QRegularExpression listening(QStringLiteral("listening on [^:]+:(\\d+)"));
        QTRY_VERIFY_WITH_TIMEOUT(
            (output += sandbox.readAll(),
             port = listening.match(QString::fromUtf8(output)).captured(1).toUShort()) != 0,
            20000);
        QSignalSpy added(&store, &MailStore::messageAdded);
        SandboxTestClient client(port);
        client.send("EHLO c\r\nMAIL FROM:<far@example.org>\r\nRCPT TO:<near@example.org>\r\n"
                    "DATA\r\n");
        QTRY_COMPARE(client.replies.size(), 5);
        client.send("From: far@example.org\r\nSubject: from the headless sandbox\r\n\r\nhi\r\n"
                    ".\r\nQUIT\r\n");
        QTRY_VERIFY(client.replies.size() >= 6);
        QVERIFY2(client.replies.at(5).startsWith("250"), client.replies.at(5).constData());
        // Seen through the index the other process appended to (file watcher or polling).
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 5000);
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, InboxModel::SubjectColumn).data().toString(),
                 QStringLiteral("from the headless sandbox"));
        QCOMPARE(model.index(0, InboxModel::EnvelopeToColumn).data().toString(),
                 QStringLiteral("near@example.org"));
        const QString id = model.idAt(0);
        QCOMPARE(store.content(id), QByteArray("From: far@example.org\r\nSubject: from the "
                                               "headless sandbox\r\n\r\nhi\r\n"));
        sandbox.terminate();
        QTRY_VERIFY(sandbox.state() == QProcess::NotRunning);
        // A deletion in the window is seen by the next start, and the folder still agrees.
        QVERIFY(store.remove(id));
        MailStore again(dir.path());
        QCOMPARE(again.count(), 1);
        QCOMPARE(again.indexState(), MailStore::IndexState::Updated);
    }
};

QTEST_MAIN(TestInboxModel)
#include "tst_inboxmodel.moc"
