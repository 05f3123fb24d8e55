// format=flowed (RFC 3676): the encoder against the RFC's rules and examples, and the decoder
// reading back what the encoder wrote and what other programs write.
#include "mime/flowedtext.h"

#include <QTest>

class TestFlowedText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encode_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("flowed");
        QTest::newRow("short lines unchanged")
            << QStringLiteral("Hi Ana,\n\nSee you.") << QStringLiteral("Hi Ana,\n\nSee you.");
        // Section 4.2: a long paragraph is wrapped at spaces; each soft line ends in a space.
        const QString words = QStringLiteral("word ").repeated(30).trimmed();
        QTest::newRow("long line wrapped")
            << words
            << QStringLiteral("word ").repeated(15) + QLatin1Char('\n') +
                   QStringLiteral("word ").repeated(14) + QStringLiteral("word");
        // Section 4.4: lines starting with a space, "From " or ">" (unquoted) are stuffed.
        QTest::newRow("space-stuffing") << QStringLiteral(" indented\nFrom here on")
                                        << QStringLiteral("  indented\n From here on");
        // Section 4.1: spaces before a hard break are trimmed, or the line would flow.
        QTest::newRow("trailing spaces trimmed")
            << QStringLiteral("end   \nnext") << QStringLiteral("end\nnext");
        // Section 4.3: the signature separator keeps its space and never flows.
        QTest::newRow("signature separator")
            << QStringLiteral("Bye\n-- \nAna") << QStringLiteral("Bye\n-- \nAna");
        // Section 4.5: quoted lines keep their depth, with one space after the markers, and
        // a wrapped quoted line repeats them.
        QTest::newRow("quotes") << QStringLiteral(">> old\n> newer\nmine")
                                << QStringLiteral(">> old\n> newer\nmine");
        QTest::newRow("quoted long line")
            << QStringLiteral("> ") + words
            << QStringLiteral("> ") + QStringLiteral("word ").repeated(15) +
                   QStringLiteral("\n> ") + QStringLiteral("word ").repeated(14) +
                   QStringLiteral("word");
        const QString longWord = QStringLiteral("x").repeated(100);
        QTest::newRow("a word longer than a line stays whole")
            << QStringLiteral("a ") + longWord << QStringLiteral("a \n") + longWord;
    }
    void encode()
    {
        QFETCH(QString, text);
        QFETCH(QString, flowed);
        const QString out = FlowedText::encode(text);
        QCOMPARE(out, flowed);
        for (const QString &line : out.split(QLatin1Char('\n'))) {
            if (!line.contains(QStringLiteral("xxxxxxxxxx")))
                QVERIFY2(line.size() <= FlowedText::Width, qPrintable(line));
        }
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("paragraphs")
            << QStringLiteral("Hello,\n\n") +
                   QStringLiteral("A long sentence goes on. ").repeated(12).trimmed() +
                   QStringLiteral("\n\nBye");
        QTest::newRow("stuffed") << QStringLiteral(" one\nFrom two\n>> three");
        QTest::newRow("quoted paragraph")
            << QStringLiteral("> ") + QStringLiteral("quoted words ").repeated(20).trimmed();
        QTest::newRow("signature") << QStringLiteral("Text\n-- \nAna Lima");
        QTest::newRow("unicode") << QStringLiteral("Grüße aus Köln, ").repeated(10).trimmed();
    }
    void roundTrip()
    {
        QFETCH(QString, text);
        QString expected = text;
        // The decoder writes quotes canonically: ">> three" stays, "> quoted" stays.
        QCOMPARE(FlowedText::decode(FlowedText::encode(text)), expected);
    }

    void decode_data()
    {
        QTest::addColumn<QString>("flowed");
        QTest::addColumn<bool>("delSp");
        QTest::addColumn<QString>("text");
        // Soft breaks join, hard breaks stay (section 4.2).
        QTest::newRow("soft and hard")
            << QStringLiteral("one \ntwo\r\nthree") << false << QStringLiteral("one two\nthree");
        // DelSp=yes deletes the space of a soft break (section 4.2).
        QTest::newRow("delsp") << QStringLiteral("Kurz\xe2\x80\x8b \ngesagt") << true
                               << QStringLiteral("Kurz\xe2\x80\x8bgesagt");
        // A change of quote depth ends the paragraph even after a soft break (section 4.5).
        QTest::newRow("depth change")
            << QStringLiteral("> a \n>> b") << false << QStringLiteral("> a \n>> b");
        QTest::newRow("stuffed From")
            << QStringLiteral(" From me") << false << QStringLiteral("From me");
        QTest::newRow("signature is hard")
            << QStringLiteral("-- \nAna") << false << QStringLiteral("-- \nAna");
    }
    void decode()
    {
        QFETCH(QString, flowed);
        QFETCH(bool, delSp);
        QFETCH(QString, text);
        QCOMPARE(FlowedText::decode(flowed, delSp), text);
    }
};

QTEST_APPLESS_MAIN(TestFlowedText)
#include "tst_flowedtext.moc"
