// The content pump: the wire bytes for DATA (dot-stuffed, ended by ".") and BDAT (as they
// are), the header lines it shows, its counts, and a device that fails or pauses.
#include "buffermessagesource.h"
#include "smtp/contentpump.h"
#include "trickledevice.h"

#include <QBuffer>
#include <QtTest>

using Next = ContentPump::Step::Next;
Q_DECLARE_METATYPE(Next)

class TestContentPump : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wire_data();
    void wire();
    void roomLimitsOneRead();
    void failingDevice();
    void deviceWithMoreLater();
};

void TestContentPump::wire_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<bool>("chunking");
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QStringList>("headers");
    QTest::addColumn<qint64>("bodyLines");

    const QByteArray simple = "Subject: hi\r\nTo: b@example.org\r\n\r\nHello.\r\n";
    QTest::newRow("DATA: ended by a lone dot")
        << simple << false << simple + ".\r\n"
        << QStringList{QStringLiteral("Subject: hi"), QStringLiteral("To: b@example.org")}
        << qint64(1);
    QTest::newRow("DATA: lines starting with a dot are doubled")
        << QByteArray("Subject: x\r\n\r\n.\r\n..two\r\n") << false
        << QByteArray("Subject: x\r\n\r\n..\r\n...two\r\n.\r\n")
        << QStringList{QStringLiteral("Subject: x")} << qint64(2);
    QTest::newRow("DATA: a missing final CRLF is added")
        << QByteArray("Subject: x\r\n\r\nno end") << false
        << QByteArray("Subject: x\r\n\r\nno end\r\n.\r\n")
        << QStringList{QStringLiteral("Subject: x")} << qint64(0);
    QTest::newRow("BDAT: the bytes as they are")
        << QByteArray("Subject: x\r\n\r\n.dot\r\n") << true
        << QByteArray("Subject: x\r\n\r\n.dot\r\n") << QStringList{QStringLiteral("Subject: x")}
        << qint64(1);
    QTest::newRow("folded header, then a body line that looks like one")
        << QByteArray("Subject: a\r\n b\r\n\r\nKey: value\r\n") << true
        << QByteArray("Subject: a\r\n b\r\n\r\nKey: value\r\n")
        << QStringList{QStringLiteral("Subject: a"), QStringLiteral(" b")} << qint64(1);
    QTest::newRow("no header at all: no preview")
        << QByteArray("just text\r\n") << true << QByteArray("just text\r\n") << QStringList()
        << qint64(0);
}

void TestContentPump::wire()
{
    QFETCH(QByteArray, message);
    QFETCH(bool, chunking);
    QFETCH(QByteArray, wire);
    QFETCH(QStringList, headers);
    QFETCH(qint64, bodyLines);

    QBuffer device(&message);
    device.open(QIODevice::ReadOnly);
    ContentPump pump(&device, chunking);
    ContentPump::Step step = pump.read(1 << 20);
    QCOMPARE(step.next, Next::Done);
    QCOMPARE(step.wire + pump.finish(), wire);
    QCOMPARE(step.headerLines, headers);
    QCOMPARE(pump.bytesRead(), qint64(message.size()));
    QCOMPARE(pump.headerLines(), int(headers.size()));
    if (!headers.isEmpty())
        QCOMPARE(pump.bodyLines(), bodyLines);
}

void TestContentPump::roomLimitsOneRead()
{
    QByteArray big(300 * 1024, 'x');
    QBuffer device(&big);
    device.open(QIODevice::ReadOnly);
    ContentPump pump(&device, true);
    const ContentPump::Step first = pump.read(100 * 1024);
    QCOMPARE(first.next, Next::More);
    QVERIFY(first.wire.size() >= 100 * 1024 && first.wire.size() < 200 * 1024);
    qint64 total = first.wire.size();
    ContentPump::Step step;
    do {
        step = pump.read(100 * 1024);
        total += step.wire.size();
    } while (step.next == Next::More);
    QCOMPARE(step.next, Next::Done);
    QCOMPARE(total, qint64(big.size()));
}

void TestContentPump::failingDevice()
{
    FailingDevice device("Subject: x\r\n\r\nsome", QStringLiteral("the file disappeared"));
    ContentPump pump(&device, false);
    const ContentPump::Step step = pump.read(1 << 20);
    QCOMPARE(step.next, Next::Failed);
    QCOMPARE(step.error, QStringLiteral("the file disappeared"));
    QVERIFY(step.wire.isEmpty()); // nothing of a message that cannot be completed goes out
}

void TestContentPump::deviceWithMoreLater()
{
    TrickleDevice device; // some bytes now, more later
    device.feed("Subject: x\r\n");
    ContentPump pump(&device, false);
    const ContentPump::Step step = pump.read(1 << 20);
    QCOMPARE(step.next, Next::WaitDevice);
    QCOMPARE(step.wire, QByteArray("Subject: x\r\n"));
}

QTEST_GUILESS_MAIN(TestContentPump)
#include "tst_contentpump.moc"
