// What an account remembers of its server: kept in the accounts' file, only for the server it
// was learnt from, and the sentences said before a send the server would refuse.
#include "account/account.h"
#include "account/serverknowledge.h"
#include "mime/mimemessagesource.h"
#include "smtp/smtpreply.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {

Capabilities caps(const QList<QByteArray> &lines)
{
    SmtpReply reply;
    reply.code = 250;
    reply.lines = QList<QByteArray>{"server.example"} + lines;
    return Capabilities::fromEhloReply(reply);
}

} // namespace

class TestServerKnowledge : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keptAndMatched()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("postwire.conf"));
        Account a;
        a.id = QStringLiteral("acc1");
        a.host = QStringLiteral("Smtp.Example.org");
        a.port = 587;
        {
            ServerKnowledgeStore store(file);
            QSignalSpy changed(&store, &ServerKnowledgeStore::changed);
            QVERIFY(!store.knowledge(a).isValid());
            QVERIFY(
                store.learn(a.id, ServerKnowledge::from(caps({"SIZE 1000", "DSN", "AUTH PLAIN"}),
                                                        a.serverLabel(), true)));
            QCOMPARE(changed.size(), 1);
        }
        ServerKnowledgeStore again(file); // as after a restart
        const ServerKnowledge k = again.knowledge(a);
        QVERIFY(k.isValid());
        QVERIFY(k.tls);
        QCOMPARE(k.capabilities().sizeLimit(), 1000);
        QVERIFY(k.capabilities().dsn());
        QCOMPARE(k.capabilities().authMechanisms(), QList<QByteArray>{"PLAIN"});
        QVERIFY(k.learntAt.secsTo(QDateTime::currentDateTimeUtc()) < 60);

        Account moved = a;
        moved.port = 465;
        QVERIFY2(!again.knowledge(moved).isValid(), "another port is another server");
        moved = a;
        moved.host = QStringLiteral("smtp.example.org");
        QVERIFY2(again.knowledge(moved).isValid(), "host names are case-insensitive");

        again.forget(a.id);
        QVERIFY(!again.knowledge(a).isValid());
    }

    void preflight_data()
    {
        QTest::addColumn<QList<QByteArray>>("extensions");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<bool>("utf8");
        QTest::addColumn<bool>("dsn");
        QTest::addColumn<QStringList>("said"); // a word of each sentence, in order

        const QList<QByteArray> all{"SIZE 1000", "SMTPUTF8", "DSN"};
        QTest::newRow("fits") << all << qint64(1000) << true << true << QStringList();
        QTest::newRow("too large") << all << qint64(1001) << false << false
                                   << QStringList{QStringLiteral("larger than the 1000 B")};
        QTest::newRow("SIZE without a limit")
            << QList<QByteArray>{"SIZE", "SMTPUTF8"} << qint64(1'000'000'000) << true << false
            << QStringList();
        QTest::newRow("no SIZE at all") << QList<QByteArray>{"SMTPUTF8"} << qint64(1'000'000'000)
                                        << false << false << QStringList();
        QTest::newRow("non-ASCII address, no SMTPUTF8")
            << QList<QByteArray>{"SIZE 1000", "DSN"} << qint64(10) << true << false
            << QStringList{QStringLiteral("SMTPUTF8")};
        QTest::newRow("DSN asked, not offered")
            << QList<QByteArray>{"SIZE 1000", "SMTPUTF8"} << qint64(10) << false << true
            << QStringList{QStringLiteral("DSN")};
        QTest::newRow("all three")
            << QList<QByteArray>{"SIZE 100"} << qint64(101) << true << true
            << QStringList{QStringLiteral("SIZE"), QStringLiteral("SMTPUTF8"),
                           QStringLiteral("DSN")};
    }

    void preflight()
    {
        QFETCH(QList<QByteArray>, extensions);
        QFETCH(qint64, size);
        QFETCH(bool, utf8);
        QFETCH(bool, dsn);
        QFETCH(QStringList, said);
        const ServerKnowledge k =
            ServerKnowledge::from(caps(extensions), QStringLiteral("mx.example:25"), false);
        DsnOptions options;
        if (dsn)
            options.notify = DsnOptions::Success | DsnOptions::Failure;
        const QStringList warnings = k.preflight(size, utf8, options);
        QCOMPARE(warnings.size(), said.size());
        for (int i = 0; i < said.size(); ++i)
            QVERIFY2(warnings[i].contains(said[i]), qPrintable(warnings[i]));
        for (const QString &w : warnings)
            QVERIFY2(w.contains(QStringLiteral("learnt just now")), qPrintable(w));
        // Nothing known, nothing said.
        QVERIFY(ServerKnowledge().preflight(size, utf8, options).isEmpty());
    }

    // A whole message as this server would get it: its real size, and a non-ASCII mailbox
    // name the writer cannot put on the wire without SMTPUTF8.
    void preflightMessage()
    {
        Message m;
        m.from = Mailbox::parse(QStringLiteral("ana@example.org")).mailbox;
        m.to = {Mailbox::parse(QStringLiteral("bo@example.org")).mailbox};
        m.subject = QStringLiteral("Hi");
        m.text = QString(3000, QLatin1Char('x'));
        MimeMessageSource big(m);
        QStringList w =
            ServerKnowledge::from(caps({"SIZE 2000", "8BITMIME"}), QStringLiteral("a:25"), false)
                .preflight(big, DsnOptions());
        QCOMPARE(w.size(), 1);
        QVERIFY2(w.first().contains(QStringLiteral("larger than")), qPrintable(w.first()));

        m.text = QStringLiteral("short");
        m.to = {Mailbox::parse(QStringLiteral("jos\u00e9@example.org")).mailbox};
        MimeMessageSource utf8(m);
        w = ServerKnowledge::from(caps({"SIZE 2000", "8BITMIME"}), QStringLiteral("a:25"), false)
                .preflight(utf8, DsnOptions());
        QCOMPARE(w.size(), 1);
        QVERIFY2(w.first().contains(QStringLiteral("SMTPUTF8")), qPrintable(w.first()));
        MimeMessageSource offered(m);
        QVERIFY(ServerKnowledge::from(caps({"SIZE 2000", "8BITMIME", "SMTPUTF8"}),
                                      QStringLiteral("a:25"), false)
                    .preflight(offered, DsnOptions())
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServerKnowledge)
#include "tst_serverknowledge.moc"
