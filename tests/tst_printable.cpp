// printableText(): every control character a server or a file could use against a terminal or
// a view comes out as a visible escape, and ordinary text (any script, emoji) comes out as it is.
#include "smtp/printable.h"

#include <QtTest>

class TestPrintable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bytes_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("shown");
        QTest::newRow("plain") << QByteArray("250 ok") << QStringLiteral("250 ok");
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("CR LF TAB NUL")
            << QByteArray("a\rb\nc\td\0e", 9) << QStringLiteral("a\\rb\\nc\\td\\0e");
        QTest::newRow("ESC BEL BS")
            << QByteArray("\x1b[2J\x07\x08") << QStringLiteral("\\x1b[2J\\x07\\x08");
        QTest::newRow("every other C0")
            << QByteArray("\x01\x0b\x0c\x1f") << QStringLiteral("\\x01\\x0b\\x0c\\x1f");
        QTest::newRow("DEL") << QByteArray("\x7f") << QStringLiteral("\\x7f");
        QTest::newRow("C1 as UTF-8") << QByteArray("\xc2\x80\xc2\x9b\xc2\x9f\xc2\xa0")
                                     << QStringLiteral("\\u0080\\u009b\\u009f\u00a0");
        QTest::newRow("bidi override and isolate") << QByteArray("a\xe2\x80\xae"
                                                                 "b\xe2\x81\xa6")
                                                   << QStringLiteral("a\\u202eb\\u2066");
        QTest::newRow("line separator")
            << QByteArray("a\xe2\x80\xa8") << QStringLiteral("a\\u2028");
        QTest::newRow("UTF-8 kept")
            << QByteArray("Gr\xc3\xbc\xc3\x9f \xe2\x82\xac \xf0\x9f\x93\xa7")
            << QStringLiteral("Gr\u00fc\u00df \u20ac \U0001f4e7");
        QTest::newRow("lone continuation") << QByteArray("a\x80") << QStringLiteral("a\\x80");
        QTest::newRow("truncated sequence")
            << QByteArray("\xe2\x82") << QStringLiteral("\\xe2\\x82");
        QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << QStringLiteral("\\xc0\\xaf");
        QTest::newRow("overlong three bytes")
            << QByteArray("\xe0\x80\xaf") << QStringLiteral("\\xe0\\x80\\xaf");
        QTest::newRow("surrogate")
            << QByteArray("\xed\xa0\x80") << QStringLiteral("\\xed\\xa0\\x80");
        QTest::newRow("beyond U+10FFFF")
            << QByteArray("\xf4\x90\x80\x80") << QStringLiteral("\\xf4\\x90\\x80\\x80");
        QTest::newRow("Latin-1 C1 byte") << QByteArray("\x9b"
                                                       "31m")
                                         << QStringLiteral("\\x9b31m");
        QTest::newRow("backslash kept") << QByteArray("C:\\x") << QStringLiteral("C:\\x");
    }
    void bytes()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, shown);
        QCOMPARE(printableText(QByteArrayView(input)), shown);
        // Whatever came in, nothing that controls a terminal goes out.
        for (const QChar c : printableText(QByteArrayView(input))) {
            QVERIFY(c.unicode() >= 0x20 && c.unicode() != 0x7f);
            QVERIFY(c.unicode() < 0x80 || c.unicode() >= 0xa0);
        }
    }

    void text_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("shown");
        QTest::newRow("plain") << QStringLiteral("Bob") << QStringLiteral("Bob");
        QTest::newRow("controls") << QStringLiteral("a\r\x1b\x7f\u0085")
                                  << QStringLiteral("a\\r\\x1b\\x7f\\u0085");
        QTest::newRow("NUL") << QString(QChar(0)) << QStringLiteral("\\0");
        QTest::newRow("bidi") << QStringLiteral("\u202eevil") << QStringLiteral("\\u202eevil");
        QTest::newRow("emoji kept") << QStringLiteral("\U0001f4e7") << QStringLiteral("\U0001f4e7");
        QTest::newRow("lone surrogate") << QString(QChar(0xd800)) << QStringLiteral("\\ud800");
    }
    void text()
    {
        QFETCH(QString, input);
        QFETCH(QString, shown);
        QCOMPARE(printableText(QStringView(input)), shown);
    }
};

QTEST_GUILESS_MAIN(TestPrintable)
#include "tst_printable.moc"
