// The spelling underlines: which pieces of text are words, and checking a long text again
// (another language, spelling off, a word added) without freezing the window: the lines on
// screen at once in one layout pass, the rest between events, ending exactly as a check of
// every line would.
#include "richeditor.h"
#include "richtextedit.h"
#include "spellchecker.h"
#include "spellhighlighter.h"

#include <QAbstractTextDocumentLayout>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

namespace {

QStringList underlined(const QTextBlock &block)
{
    QStringList out;
    for (const QTextLayout::FormatRange &r : block.layout()->formats()) {
        if (r.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline)
            out << block.text().mid(r.start, r.length);
    }
    return out;
}

// The blocks whose underlines are not the misspelt words of their text.
QStringList wrongBlocks(QTextDocument *document, SpellChecker *checker)
{
    QStringList out;
    for (QTextBlock b = document->begin(); b.isValid(); b = b.next()) {
        QStringList expected;
        for (const auto &[start, length] : SpellHighlighter::misspelt(b.text(), checker))
            expected << b.text().mid(start, length);
        if (underlined(b) != expected)
            out << QString::number(b.blockNumber());
    }
    return out;
}

} // namespace

class TestSpellHighlighter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void words_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("plain") << QStringLiteral("Helo wrold") << QStringList{"Helo", "wrold"};
        QTest::newRow("apostrophe")
            << QStringLiteral("don't it\u2019s") << QStringList{"don't", "it\u2019s"};
        QTest::newRow("punctuation")
            << QStringLiteral("(quick), brown!") << QStringList{"quick", "brown"};
        QTest::newRow("address") << QStringLiteral("mail a.b@example.org now")
                                 << QStringList{"mail", "now"};
        QTest::newRow("link") << QStringLiteral("see https://exmaple.org/pth www.exmaple.org")
                              << QStringList{"see"};
        QTest::newRow("path") << QStringLiteral("edit /etc/postfx/main.cf") << QStringList{"edit"};
        QTest::newRow("glued to digits")
            << QStringLiteral("3rd v2beta x_name ok") << QStringList{"ok"};
        QTest::newRow("cyrillic") << QStringLiteral("Привет, мир") << QStringList{"Привет", "мир"};
    }

    void words()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, words);
        QStringList found;
        for (const auto &[start, length] : SpellHighlighter::words(text))
            found << text.mid(start, length);
        QCOMPARE(found, words);
    }

    void recheckLongText()
    {
        if (!SpellChecker::availableLanguages().contains(QStringLiteral("en_US")))
            QSKIP("the en_US Hunspell dictionary (hunspell-en-us) is not installed");
        RichEditor e;
        e.resize(700, 500);
        e.setSpellLanguage(QStringLiteral("en_US"));
        QStringList lines;
        for (int i = 0; i < 3000; ++i)
            lines << QStringLiteral("Line %1 says helo to the wrold and SMTP").arg(i);
        e.setPlainText(lines.join(QLatin1Char('\n')));
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        QTextDocument *doc = e.textEdit()->document();
        auto *highlighter = doc->findChild<SpellHighlighter *>();
        QVERIFY(highlighter);
        SpellChecker *checker = e.spellChecker();
        QCOMPARE(wrongBlocks(doc, checker), QStringList());
        const QStringList typos{QStringLiteral("helo"), QStringLiteral("wrold")};

        // Somewhere in the middle, then spelling off: the lines on screen lose their
        // underlines at once, in one layout pass (QSyntaxHighlighter::rehighlight() lays the
        // text out again after each block, seconds for a long message); the rest follow.
        QTextCursor middle(doc->findBlockByNumber(1500));
        middle.movePosition(QTextCursor::EndOfBlock);
        e.textEdit()->setTextCursor(middle);
        e.textEdit()->ensureCursorVisible();
        QSignalSpy layoutPasses(doc->documentLayout(), &QAbstractTextDocumentLayout::update);
        e.setSpellLanguage(QString());
        QVERIFY(layoutPasses.count() <= 1);
        QCOMPARE(underlined(doc->findBlockByNumber(1500)), QStringList());
        QVERIFY(highlighter->isChecking());
        QCOMPARE(underlined(doc->findBlockByNumber(2900)), typos); // not yet
        QTRY_VERIFY(!highlighter->isChecking());
        QCOMPARE(wrongBlocks(doc, checker), QStringList());
        QCOMPARE(underlined(doc->findBlockByNumber(0)), QStringList());

        // On again, and lines typed while the rest waits are checked too.
        e.setSpellLanguage(QStringLiteral("en_US"));
        QCOMPARE(underlined(doc->findBlockByNumber(1500)), typos);
        QVERIFY(highlighter->isChecking());
        QTextCursor top(doc);
        top.insertText(QStringLiteral("A new frist line\n"));
        QTest::keyClicks(e.textEdit(), QStringLiteral(" agian"));
        QTRY_VERIFY(!highlighter->isChecking());
        QCOMPARE(wrongBlocks(doc, checker), QStringList());
        QCOMPARE(underlined(doc->begin()), QStringList{QStringLiteral("frist")});
        QVERIFY(underlined(e.textEdit()->textCursor().block()).contains(QStringLiteral("agian")));
        QCOMPARE(underlined(doc->lastBlock()), typos);

        // A word added for the session: no longer underlined anywhere.
        checker->addWord(QStringLiteral("wrold"));
        e.textEdit()->recheckSpelling();
        QTRY_VERIFY(!highlighter->isChecking());
        QCOMPARE(wrongBlocks(doc, checker), QStringList());
        QCOMPARE(underlined(doc->lastBlock()), QStringList{QStringLiteral("helo")});
    }
};

QTEST_MAIN(TestSpellHighlighter)
#include "tst_spellhighlighter.moc"
