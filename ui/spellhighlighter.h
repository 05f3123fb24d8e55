// Underlines misspelt words as they are typed (a wavy red line, nothing in the text itself);
// only the changed block is checked again, so typing stays smooth in a long message.
#pragma once

#include <QSyntaxHighlighter>

class SpellChecker;

class SpellHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    SpellHighlighter(QTextDocument *document, SpellChecker *checker);

    // The words of a text to check, as (start, length): letters with inner apostrophes;
    // numbers, addresses and links are not words.
    static QList<QPair<int, int>> words(const QString &text);

protected:
    void highlightBlock(const QString &text) override;

private:
    SpellChecker *m_checker;
};
