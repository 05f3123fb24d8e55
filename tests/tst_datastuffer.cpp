// The DATA stream: CRLF line endings, dot-stuffing of every line (the first included) and the
// terminator, checked against hand-written cases and an independent line-by-line reference,
// with the input cut into chunks at every position.
#include "smtp/datastuffer.h"

#include <QRandomGenerator>
#include <QtTest>

namespace {

// The DATA stream built the slow, obvious way: split into lines, stuff, join.
QByteArray reference(QByteArray in)
{
    in.replace("\r\n", "\n");
    in.replace('\r', '\n');
    QByteArray out;
    if (!in.isEmpty()) {
        if (!in.endsWith('\n'))
            in += '\n';
        QList<QByteArray> lines = in.split('\n');
        lines.removeLast(); // after the final '\n'
        for (const QByteArray &line : std::as_const(lines)) {
            if (line.startsWith('.'))
                out += '.';
            out += line + "\r\n";
        }
    }
    return out + ".\r\n";
}

QByteArray stuff(const QList<QByteArray> &pieces, qint64 *lines = nullptr)
{
    DataStuffer stuffer;
    QByteArray out;
    for (const QByteArray &piece : pieces)
        stuffer.process(piece, &out);
    stuffer.finish(&out);
    if (lines)
        *lines = stuffer.linesSeen();
    return out;
}

// Random text over the bytes that matter, with plenty of line starts and dots.
QByteArray randomMessage(quint32 seed, int size)
{
    QRandomGenerator rng(seed);
    static const char alphabet[] = {'a', '.', '.', '\r', '\n', '\n', 'b', '\xe9', '\0', ' '};
    QByteArray out;
    for (int i = 0; i < size; ++i)
        out += alphabet[rng.bounded(int(sizeof alphabet))];
    return out;
}

} // namespace

class TestDataStuffer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stuffing_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<qint64>("lines");
        QTest::newRow("empty message") << QByteArray() << QByteArray(".\r\n") << qint64(0);
        QTest::newRow("one line") << QByteArray("Hello\r\n") << QByteArray("Hello\r\n.\r\n")
                                  << qint64(1);
        QTest::newRow("no final newline")
            << QByteArray("Hello") << QByteArray("Hello\r\n.\r\n") << qint64(1);
        QTest::newRow("no final newline, two lines")
            << QByteArray("a\r\nb") << QByteArray("a\r\nb\r\n.\r\n") << qint64(2);
        QTest::newRow("first line starts with a dot")
            << QByteArray(".hidden\r\nx\r\n") << QByteArray("..hidden\r\nx\r\n.\r\n") << qint64(2);
        QTest::newRow("whole message is a dot")
            << QByteArray(".") << QByteArray("..\r\n.\r\n") << qint64(1);
        QTest::newRow("dot line in the middle")
            << QByteArray("a\r\n.\r\nb\r\n") << QByteArray("a\r\n..\r\nb\r\n.\r\n") << qint64(3);
        QTest::newRow("the terminator inside the content")
            << QByteArray("x\r\n.\r\ny") << QByteArray("x\r\n..\r\ny\r\n.\r\n") << qint64(3);
        QTest::newRow("two dots") << QByteArray("..\r\n") << QByteArray("...\r\n.\r\n")
                                  << qint64(1);
        QTest::newRow("dot inside a line")
            << QByteArray("a.b\r\n a\r\n") << QByteArray("a.b\r\n a\r\n.\r\n") << qint64(2);
        QTest::newRow("bare LF") << QByteArray("a\nb\n") << QByteArray("a\r\nb\r\n.\r\n")
                                 << qint64(2);
        QTest::newRow("bare CR") << QByteArray("a\rb") << QByteArray("a\r\nb\r\n.\r\n")
                                 << qint64(2);
        QTest::newRow("dot after bare LF")
            << QByteArray("a\n.b\n") << QByteArray("a\r\n..b\r\n.\r\n") << qint64(2);
        QTest::newRow("dot after bare CR")
            << QByteArray("a\r.b") << QByteArray("a\r\n..b\r\n.\r\n") << qint64(2);
        QTest::newRow("CR CR LF") << QByteArray("a\r\r\nb") << QByteArray("a\r\n\r\nb\r\n.\r\n")
                                  << qint64(3);
        QTest::newRow("LF CR") << QByteArray("a\n\rb") << QByteArray("a\r\n\r\nb\r\n.\r\n")
                               << qint64(3);
        QTest::newRow("ends with CR") << QByteArray("a\r") << QByteArray("a\r\n.\r\n") << qint64(1);
        QTest::newRow("only a newline") << QByteArray("\n") << QByteArray("\r\n.\r\n") << qint64(1);
        QTest::newRow("empty lines")
            << QByteArray("\r\n\r\n\n") << QByteArray("\r\n\r\n\r\n.\r\n") << qint64(3);
        QTest::newRow("8-bit and NUL pass through")
            << QByteArray("\xc3\xa9\0x\n", 5) << QByteArray("\xc3\xa9\0x\r\n.\r\n", 9) << qint64(1);
        QTest::newRow("headers and body")
            << QByteArray("From: a@b\nSubject: .x\n\n.\n..\nend")
            << QByteArray("From: a@b\r\nSubject: .x\r\n\r\n..\r\n...\r\nend\r\n.\r\n") << qint64(6);
    }
    void stuffing()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, wire);
        QFETCH(qint64, lines);
        qint64 seen = -1;
        QCOMPARE(stuff({input}, &seen), wire);
        QCOMPARE(seen, lines);
        // The reference agrees, so it can be trusted for the random cases below.
        QCOMPARE(reference(input), wire);
    }

    // Chunk boundaries anywhere: split in two at every position, and byte by byte.
    void chunkBoundaries_data() { stuffing_data(); }
    void chunkBoundaries()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, wire);
        QFETCH(qint64, lines);
        for (qsizetype at = 0; at <= input.size(); ++at) {
            qint64 seen = -1;
            const QByteArray out = stuff({input.left(at), input.mid(at)}, &seen);
            QVERIFY2(out == wire, qPrintable(QStringLiteral("split at %1").arg(at)));
            QCOMPARE(seen, lines);
        }
        QList<QByteArray> bytes;
        for (const char c : input)
            bytes << QByteArray(1, c);
        QCOMPARE(stuff(bytes), wire);
    }

    void randomAgainstReference_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("size");
        for (quint32 seed = 1; seed <= 40; ++seed)
            QTest::addRow("seed %u", seed) << seed << int(20 + seed * 7);
    }
    void randomAgainstReference()
    {
        QFETCH(quint32, seed);
        QFETCH(int, size);
        const QByteArray input = randomMessage(seed, size);
        const QByteArray expected = reference(input);
        qint64 lines = -1;
        QCOMPARE(stuff({input}, &lines), expected);
        QCOMPARE(lines, qint64(expected.count("\r\n") - 1));
        for (qsizetype at = 0; at <= input.size(); ++at)
            QVERIFY(stuff({input.left(at), input.mid(at)}) == expected);
        // Three pieces of varying sizes, the way a socket drains.
        for (qsizetype a = 0; a < input.size(); a += 5) {
            for (qsizetype b = a; b <= input.size(); b += 3)
                QVERIFY(stuff({input.left(a), input.mid(a, b - a), input.mid(b)}) == expected);
        }
    }

    void noStrayBareLineEnds()
    {
        // Whatever the input, the wire form has CR only before LF and LF only after CR.
        for (quint32 seed = 100; seed < 140; ++seed) {
            const QByteArray out = stuff({randomMessage(seed, 200)});
            for (qsizetype i = 0; i < out.size(); ++i) {
                if (out[i] == '\r')
                    QVERIFY(i + 1 < out.size() && out[i + 1] == '\n');
                if (out[i] == '\n')
                    QVERIFY(i > 0 && out[i - 1] == '\r');
            }
            QVERIFY(out.endsWith("\r\n.\r\n") || out == ".\r\n");
            // The terminator occurs only at the very end.
            QCOMPARE(out.indexOf("\r\n.\r\n"), out.size() - 5);
        }
    }

    void appendsToOutput()
    {
        DataStuffer stuffer;
        QByteArray out = "DATA already here|";
        stuffer.process(QByteArray(".x\n"), &out);
        stuffer.finish(&out);
        QCOMPARE(out, QByteArray("DATA already here|..x\r\n.\r\n"));
    }

    void largeMessage()
    {
        // 4 MB of 76-character lines, every tenth starting with a dot, in 64 KB chunks.
        QByteArray input;
        for (int i = 0; input.size() < 4 * 1024 * 1024; ++i)
            input += (i % 10 == 0 ? QByteArray(".") : QByteArray("x")) + QByteArray(75, 'y') + '\n';
        QList<QByteArray> chunks;
        for (qsizetype at = 0; at < input.size(); at += 65536)
            chunks << input.mid(at, 65536);
        QCOMPARE(stuff(chunks), reference(input));
    }
};

QTEST_GUILESS_MAIN(TestDataStuffer)
#include "tst_datastuffer.moc"
