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
        QTest::newRow("a reply")
            << QStringLiteral("Hi Ana,\n\n") +
                   QStringLiteral("Sounds good to me. ").repeated(9).trimmed() +
                   QStringLiteral("\n\n>> ") +
                   QStringLiteral("the first words, ").repeated(8).trimmed() +
                   QStringLiteral("\n> ") + QStringLiteral("then yours, ").repeated(12).trimmed() +
                   QStringLiteral("\n>\n> Ana\n\nBo\n-- \nBo Lima, ") +
                   QStringLiteral("Example Org ").repeated(8).trimmed();
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
        // Section 4.3: a flowed line before the separator ends there; the separator is never
        // joined, in a quote neither.
        QTest::newRow("signature after a flowed line")
            << QStringLiteral("Bye \n-- \nAna") << false << QStringLiteral("Bye \n-- \nAna");
        QTest::newRow("quoted signature") << QStringLiteral("> text \n> -- \n> Bo") << false
                                          << QStringLiteral("> text \n> -- \n> Bo");
        // Section 4.4: one leading space is stuffing, removed; a second one is the text's.
        QTest::newRow("stuffed space") << QStringLiteral("  two spaces\n >not a quote") << false
                                       << QStringLiteral(" two spaces\n>not a quote");
        // Section 4.5: quoted flowed lines of one depth are one quoted paragraph; the space
        // after the quote marks is stuffing, absent or not.
        QTest::newRow("quoted paragraph")
            << QStringLiteral("> one \n>two \n> three\n>> deeper \n>> still\nmine") << false
            << QStringLiteral("> one two three\n>> deeper still\nmine");
        // A flowed line joins the next even when that is empty, which then ends the
        // paragraph: no empty line shows (encoders never flow into an empty line).
        QTest::newRow("flowed into an empty quoted line")
            << QStringLiteral("> a \n>\n> b") << false << QStringLiteral("> a \n> b");
        QTest::newRow("empty quoted line")
            << QStringLiteral("> a\n> \n>\n> b") << false << QStringLiteral("> a\n>\n>\n> b");
        // Section 4.2 with DelSp=yes: the soft break's space goes, other spaces stay.
        QTest::newRow("delsp with spaces in the text")
            << QStringLiteral("Ein langer \nSatz hier") << true
            << QStringLiteral("Ein langerSatz hier");
        QTest::newRow("delsp=no keeps the space")
            << QStringLiteral("Ein langer \nSatz hier") << false
            << QStringLiteral("Ein langer Satz hier");
        // A line of only a space is an empty, stuffed line.
        QTest::newRow("space-only line")
            << QStringLiteral("a\n \nb") << false << QStringLiteral("a\n\nb");
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
