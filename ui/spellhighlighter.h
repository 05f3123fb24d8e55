// Underlines misspelt words as they are typed (a wavy red line, nothing in the text itself).
// A key press checks only the edited block; checking the whole text again (another language,
// a word added) does the blocks on screen at once and the rest in short slices between
// events, so a long message never freezes the window.
#pragma once

#include <QList>
#include <QSyntaxHighlighter>
#include <QTextCursor>

class QTimer;
class SpellChecker;

class SpellHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    SpellHighlighter(QTextDocument *document, SpellChecker *checker);

    // The words of a text to check, as (start, length): letters with inner apostrophes;
    // numbers, addresses and links are not words.
    static QList<QPair<int, int>> words(const QString &text);
    // The misspelt words of a text, as (start, length).
    static QList<QPair<int, int>> misspelt(const QString &text, SpellChecker *checker);

    // Checks every block again: from `first` to `last` (those on screen) before returning,
    // the others a slice at a time from the event loop. Invalid blocks: the start of the text.
    void recheck(const QTextBlock &first = {}, const QTextBlock &last = {});
    // Blocks are still waiting for recheck()'s slices.
    bool isChecking() const { return !m_pending.isEmpty(); }

    // The most blocks one slice checks; a slice stays well under a frame (16 ms).
    static constexpr int SliceBlocks = 80;

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Range
    {
        QTextCursor from; // follows edits made while the range waits
        QTextCursor to;
    };
    // Checks blocks from `block` up to the position `end` or `maxBlocks` of them, with one
    // layout pass for them all; returns the first block not checked.
    QTextBlock checkBlocks(QTextBlock block, int end, int maxBlocks);
    void checkSlice();

    SpellChecker *m_checker;
    QTimer *m_slices;
    QList<Range> m_pending;
};
