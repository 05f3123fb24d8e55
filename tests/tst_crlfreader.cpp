// CrlfReader: every line ending becomes CRLF whatever the read sizes, the size announced in
// advance (SIZE=, BDAT n) is exactly what is read, the end is 0 bytes (not an error), a failing
// source is an error, and a source that produces bytes over time is waited for.
#include "smtp/capabilities.h"
#include "smtp/crlfreader.h"
#include "smtp/messagesource.h"
#include "trickledevice.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QByteArray reference(QByteArray in)
{
    in.replace("\r\n", "\n");
    in.replace('\r', '\n');
    if (!in.isEmpty() && !in.endsWith('\n'))
        in += '\n';
    in.replace("\n", "\r\n");
    return in;
}

// Reads everything in pieces of `step` bytes; fails the test on -1 or on a read past the end.
QByteArray readInSteps(QIODevice *device, qint64 step, bool *sawError)
{
    QByteArray out;
    QByteArray buffer(step, Qt::Uninitialized);
    *sawError = false;
    for (int guard = 0; guard < 10'000'000; ++guard) {
        const qint64 n = device->read(buffer.data(), step);
        if (n < 0) {
            *sawError = true;
            break;
        }
        if (n == 0)
            break;
        out.append(buffer.constData(), n);
    }
    return out;
}

} // namespace

class TestCrlfReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalize_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("CRLF unchanged") << QByteArray("a\r\nb\r\n") << QByteArray("a\r\nb\r\n");
        QTest::newRow("bare LF") << QByteArray("a\nb\n") << QByteArray("a\r\nb\r\n");
        QTest::newRow("bare CR") << QByteArray("a\rb\r") << QByteArray("a\r\nb\r\n");
        QTest::newRow("no final newline") << QByteArray("a\nb") << QByteArray("a\r\nb\r\n");
        QTest::newRow("CR CR LF") << QByteArray("a\r\r\n") << QByteArray("a\r\n\r\n");
        QTest::newRow("LF CR") << QByteArray("a\n\rb") << QByteArray("a\r\n\r\nb\r\n");
        QTest::newRow("only LF") << QByteArray("\n") << QByteArray("\r\n");
        QTest::newRow("only CR") << QByteArray("\r") << QByteArray("\r\n");
        // Dots are the DATA stuffer's business, not the reader's.
        QTest::newRow("dots untouched") << QByteArray(".\n..x") << QByteArray(".\r\n..x\r\n");
        QTest::newRow("8-bit and NUL") << QByteArray("\xff\0\n", 3) << QByteArray("\xff\0\r\n", 4);
        // Across the reader's 64 KB chunks of the source.
        const QByteArray big(65535, 'x');
        QTest::newRow("CRLF across 64 KB") << big + "\r\nz" << big + "\r\nz\r\n";
        QTest::newRow("bare CR at 64 KB") << big + "\rz" << big + "\r\nz\r\n";
        QTest::newRow("CR ends 64 KB") << big + "\r" << big + "\r\n";
        QTest::newRow("LF at 64 KB") << big + "\n" + big << big + "\r\n" + big + "\r\n";
        QByteArray lf;
        for (int i = 0; i < 30000; ++i)
            lf += "line " + QByteArray::number(i) + '\n';
        QTest::newRow("many LF lines") << lf << reference(lf);
    }
    void normalize()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(reference(input), expected);
        for (const qint64 step : {qint64(1), qint64(7), qint64(4096), qint64(1 << 20)}) {
            if (step == 1 && input.size() > 70000)
                continue; // byte by byte through QIODevice is slow; 7 covers odd splits
            QBuffer source(&input);
            QVERIFY(source.open(QIODevice::ReadOnly));
            const qint64 announced = CrlfReader::normalizedSize(&source);
            QCOMPARE(source.pos(), qint64(0));
            CrlfReader reader(&source);
            QVERIFY(reader.isSequential());
            bool error = false;
            const QByteArray out = readInSteps(&reader, step, &error);
            QVERIFY2(!error, qPrintable(reader.errorString()));
            QVERIFY2(out == expected, qPrintable(QStringLiteral("step %1").arg(step)));
            QCOMPARE(announced, qint64(out.size()));
            QVERIFY(reader.atEnd());
            // Reading at the end keeps giving 0, never -1.
            char c;
            QCOMPARE(reader.read(&c, 1), qint64(0));
            QCOMPARE(reader.read(&c, 1), qint64(0));
        }
    }

    void readAllAndAtEnd()
    {
        QByteArray input("a\nb");
        QBuffer source(&input);
        QVERIFY(source.open(QIODevice::ReadOnly));
        CrlfReader reader(&source);
        QVERIFY(!reader.atEnd());
        QCOMPARE(reader.readAll(), QByteArray("a\r\nb\r\n"));
        QVERIFY(reader.atEnd());
        QCOMPARE(reader.bytesAvailable(), qint64(0));
        QVERIFY(reader.readAll().isEmpty());
    }

    // What the reader holds does not grow with the message: 8 MB of bare LFs (each doubling)
    // read in small pieces never has more than MaxBuffered bytes waiting.
    void bufferStaysBounded()
    {
        QByteArray input(8 << 20, '\n');
        QBuffer source(&input);
        QVERIFY(source.open(QIODevice::ReadOnly));
        CrlfReader reader(&source);
        char piece[4096];
        qint64 total = 0;
        qint64 most = 0;
        while (!reader.atEnd()) {
            const qint64 n = reader.read(piece, sizeof piece);
            QVERIFY(n > 0);
            total += n;
            most = qMax(most, reader.bytesAvailable());
        }
        QCOMPARE(total, 2 * input.size());
        QVERIFY2(most <= CrlfReader::MaxBuffered, QByteArray::number(most).constData());
    }

    void normalizedSizeFromTheMiddle()
    {
        // The size counts from where the source is and leaves it there.
        QByteArray input("skip\nfrom\nhere");
        QBuffer source(&input);
        QVERIFY(source.open(QIODevice::ReadOnly));
        QVERIFY(source.seek(5));
        QCOMPARE(CrlfReader::normalizedSize(&source), qint64(12)); // "from\r\nhere\r\n"
        QCOMPARE(source.pos(), qint64(5));
        CrlfReader reader(&source);
        QCOMPARE(reader.readAll(), QByteArray("from\r\nhere\r\n"));
    }

    void failingSource()
    {
        TrickleDevice source;
        source.feed("Subject: x\n\nbody");
        CrlfReader reader(&source);
        char buffer[4];
        QCOMPARE(reader.read(buffer, 4), qint64(4));
        source.failNext();
        // What was normalised already comes out first, then the failure shows.
        bool error = false;
        readInSteps(&reader, 64, &error);
        QVERIFY(error);
        QCOMPARE(reader.errorString(), QStringLiteral("attachment.pdf vanished"));
        QVERIFY(!reader.atEnd());

        TrickleDevice broken;
        broken.failNext();
        QCOMPARE(CrlfReader::normalizedSize(&broken), qint64(-1));
    }

    void sourceProducingOverTime()
    {
        TrickleDevice source;
        CrlfReader reader(&source);
        QSignalSpy readyRead(&reader, &QIODevice::readyRead);
        char buffer[64];
        // Nothing yet, but the source is not at its end: 0 bytes, not the end of the message.
        QCOMPARE(reader.read(buffer, sizeof buffer), qint64(0));
        QVERIFY(!reader.atEnd());

        source.feed("a\r");
        QCOMPARE(readyRead.count(), 1);
        QByteArray out = reader.read(64);
        // The CR may start a CRLF: it waits for the next byte.
        QCOMPARE(out, QByteArray("a"));
        QVERIFY(!reader.atEnd());

        source.feed("\nb");
        out += reader.read(64);
        QCOMPARE(out, QByteArray("a\r\nb"));

        source.end();
        QCOMPARE(readyRead.count(), 3);
        out += reader.read(64);
        QCOMPARE(out, QByteArray("a\r\nb\r\n"));
        QCOMPARE(reader.read(buffer, sizeof buffer), qint64(0));
        QVERIFY(reader.atEnd());
    }

    // The path `--eml FILE` takes: the announced size is the size of what is read.
    void fileMessageSource_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("eightBit");
        QTest::addColumn<bool>("utf8Headers");
        QTest::newRow("unix endings")
            << QByteArray("From: a@b\nSubject: x\n\nbody\n.\n") << false << false;
        QTest::newRow("no final newline")
            << QByteArray("From: a@b\r\n\r\nlast line") << false << false;
        QTest::newRow("8-bit body") << QByteArray("From: a@b\n\ncaf\xc3\xa9\n") << true << false;
        QTest::newRow("UTF-8 header")
            << QByteArray("From: J\xc3\xb6rg <j@b>\r\n\r\nx\r\n") << true << true;
        QTest::newRow("empty file") << QByteArray() << false << false;
    }
    void fileMessageSource()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, eightBit);
        QFETCH(bool, utf8Headers);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("message.eml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();

        FileMessageSource source(path);
        QString error;
        QIODevice *device = source.open(Capabilities(), &error);
        QVERIFY2(device, qPrintable(error));
        bool readError = false;
        const QByteArray out = readInSteps(device, 1000, &readError);
        QVERIFY(!readError);
        QCOMPARE(out, reference(content));
        QCOMPARE(source.size(), qint64(out.size()));
        QCOMPARE(source.needs8BitMime(), eightBit);
        QCOMPARE(source.needsSmtpUtf8(), utf8Headers);
    }

    void fileMessageSourceMissingFile()
    {
        FileMessageSource source(QStringLiteral("/nonexistent/postwire/message.eml"));
        QString error;
        QVERIFY(!source.open(Capabilities(), &error));
        QVERIFY2(error.contains(QLatin1String("/nonexistent/postwire/message.eml")),
                 qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestCrlfReader)
#include "tst_crlfreader.moc"
