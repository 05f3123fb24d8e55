// The addresses offered for completion: newest first, one entry per address (compared without
// regard to case, a newer display name replacing the old), at most MaxEntries, kept across
// starts; and an address field that keeps every address of a long list.
#include "addressfield.h"
#include "addresshistory.h"

#include <QSettings>
#include <QtTest>

class TestAddressHistory : public QObject
{
    Q_OBJECT
private:
    static QList<Mailbox> mailboxes(const QString &list)
    {
        QList<Mailbox> out;
        for (const MailboxParseResult &r : Mailbox::parseList(list))
            out.append(r.mailbox);
        return out;
    }

private Q_SLOTS:
    void init() { QSettings().remove(QStringLiteral("compose/usedAddresses")); }

    void remember_data()
    {
        QTest::addColumn<QStringList>("sends"); // each send's addresses, in order
        QTest::addColumn<QStringList>("entries");
        QTest::newRow("newest first")
            << QStringList{QStringLiteral("a@x.org, b@x.org")}
            << QStringList{QStringLiteral("b@x.org"), QStringLiteral("a@x.org")};
        QTest::newRow("a later send goes on top")
            << QStringList{QStringLiteral("a@x.org, b@x.org"), QStringLiteral("a@x.org")}
            << QStringList{QStringLiteral("a@x.org"), QStringLiteral("b@x.org")};
        QTest::newRow("one entry per address, any case, the newer name")
            << QStringList{QStringLiteral("Ana <ana@x.org>, bo@x.org"),
                           QStringLiteral("Ana Lima <ANA@x.org>")}
            << QStringList{QStringLiteral("Ana Lima <ANA@x.org>"), QStringLiteral("bo@x.org")};
        QTest::newRow("twice in one send: the later one")
            << QStringList{QStringLiteral("A <a@x.org>, b@x.org, Aa <a@x.org>")}
            << QStringList{QStringLiteral("Aa <a@x.org>"), QStringLiteral("b@x.org")};
    }

    void remember()
    {
        QFETCH(QStringList, sends);
        QFETCH(QStringList, entries);
        {
            AddressHistory history;
            for (const QString &send : sends)
                history.remember(mailboxes(send));
            QCOMPARE(history.entries(), entries);
        }
        // Kept for the next start.
        QCOMPARE(AddressHistory().entries(), entries);
    }

    void boundedForThousandsOfRecipients()
    {
        QStringList old;
        for (int i = 0; i < AddressHistory::MaxEntries; ++i)
            old << QStringLiteral("old%1@x.org").arg(i);
        AddressHistory history;
        history.remember(mailboxes(old.join(QStringLiteral(", "))));
        QList<Mailbox> many;
        for (int i = 0; i < 5000; ++i)
            many.append(mailboxes(QStringLiteral("user%1@x.org").arg(i)));
        history.remember(many);
        QCOMPARE(history.entries().size(), AddressHistory::MaxEntries);
        QCOMPARE(history.entries().first(), QStringLiteral("user4999@x.org"));
        QVERIFY(!history.entries().contains(QStringLiteral("old0@x.org")));
    }

    void aLongListIsKeptWhole()
    {
        QStringList to;
        for (int i = 0; i < 5000; ++i)
            to << QStringLiteral("user%1@example.org").arg(i);
        const QString text = to.join(QStringLiteral(", "));
        QVERIFY(text.size() > 32767); // QLineEdit's own limit
        AddressField field(QStringLiteral("To"), false);
        field.setText(text);
        QCOMPARE(field.text(), text);
        QCOMPARE(field.mailboxes().size(), 5000);
        QCOMPARE(field.mailboxes().last().address, QStringLiteral("user4999@example.org"));
    }
};

QTEST_MAIN(TestAddressHistory)
#include "tst_addresshistory.moc"
