#include "spellhighlighter.h"

#include "spellchecker.h"

#include <QRegularExpression>
#include <QTextDocument>
#include <QTextLayout>
#include <QTimer>

namespace {

QTextCharFormat misspeltFormat()
{
    QTextCharFormat wrong;
    wrong.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
    wrong.setUnderlineColor(Qt::red);
    return wrong;
}

} // namespace

SpellHighlighter::SpellHighlighter(QTextDocument *document, SpellChecker *checker)
    : QSyntaxHighlighter(document)
    , m_checker(checker)
    , m_slices(new QTimer(this))
{
    m_slices->setSingleShot(true);
    m_slices->setInterval(0);
    connect(m_slices, &QTimer::timeout, this, &SpellHighlighter::checkSlice);
}

QList<QPair<int, int>> SpellHighlighter::words(const QString &text)
{
    static const QRegularExpression token(QStringLiteral("[^\\s]+"));
    static const QRegularExpression word(
        QStringLiteral("[\\p{L}\\p{M}]+(?:['\\x{2019}][\\p{L}\\p{M}]+)*"));
    QList<QPair<int, int>> out;
    for (auto t = token.globalMatch(text); t.hasNext();) {
        const QRegularExpressionMatch m = t.next();
        const QString piece = m.captured();
        // Addresses, links and paths are not prose.
        if (piece.contains(QLatin1Char('@')) || piece.contains(QLatin1String("://")) ||
            piece.contains(QLatin1Char('/')) || piece.startsWith(QLatin1String("www.")))
            continue;
        for (auto w = word.globalMatch(piece); w.hasNext();) {
            const QRegularExpressionMatch wm = w.next();
            const int start = int(m.capturedStart() + wm.capturedStart());
            const int end = int(start + wm.capturedLength());
            // Glued to digits ("3rd", "v2beta") or an underscore: a name, not a word.
            const auto glued = [&](int at) {
                return at >= 0 && at < text.size() &&
                       (text.at(at).isDigit() || text.at(at) == QLatin1Char('_'));
            };
            if (glued(start - 1) || glued(end))
                continue;
            out.append({start, int(wm.capturedLength())});
        }
    }
    return out;
}

QList<QPair<int, int>> SpellHighlighter::misspelt(const QString &text, SpellChecker *checker)
{
    QList<QPair<int, int>> out;
    if (!checker || !checker->isActive())
        return out;
    for (const auto &[start, length] : words(text)) {
        const QString w = text.mid(start, length);
        // Acronyms ("SMTP", "TLS") are names, not misspellings.
        if (length > 1 && w == w.toUpper())
            continue;
        if (!checker->isCorrect(w))
            out.append({start, length});
    }
    return out;
}

void SpellHighlighter::highlightBlock(const QString &text)
{
    const QTextCharFormat wrong = misspeltFormat();
    for (const auto &[start, length] : misspelt(text, m_checker))
        setFormat(start, length, wrong);
}

void SpellHighlighter::recheck(const QTextBlock &first, const QTextBlock &last)
{
    QTextDocument *doc = document();
    if (!doc)
        return;
    m_pending.clear();
    const QTextBlock from = first.isValid() ? first : doc->begin();
    const QTextBlock next = last.isValid() ? checkBlocks(from, last.position(), INT_MAX)
                                           : checkBlocks(from, INT_MAX, SliceBlocks);
    const auto range = [doc](int from, int to) {
        Range r{QTextCursor(doc), QTextCursor(doc)};
        r.from.setPosition(from);
        r.to.setPosition(to);
        return r;
    };
    // Below the screen first (people read on), then above it.
    if (next.isValid())
        m_pending << range(next.position(), doc->lastBlock().position());
    if (from != doc->begin())
        m_pending << range(0, from.previous().position());
    if (!m_pending.isEmpty())
        m_slices->start();
}

QTextBlock SpellHighlighter::checkBlocks(QTextBlock block, int end, int maxBlocks)
{
    // QSyntaxHighlighter::rehighlight() lays the text out again after every block whose
    // underlines change, to the end of the text each time: seconds in a long message. Here
    // the underlines of all these blocks are set first and laid out in one pass.
    const QTextCharFormat wrong = misspeltFormat();
    int dirtyFrom = -1;
    int dirtyTo = -1;
    for (int n = 0; block.isValid() && block.position() <= end && n < maxBlocks;
         ++n, block = block.next()) {
        QTextLayout *layout = block.layout();
        if (!layout->preeditAreaText().isEmpty()) {
            // A word being composed by an input method keeps Qt's own handling.
            rehighlightBlock(block);
            continue;
        }
        QList<QTextLayout::FormatRange> ranges;
        for (const auto &[start, length] : misspelt(block.text(), m_checker))
            ranges.append({start, length, wrong});
        if (layout->formats() == ranges)
            continue;
        layout->setFormats(ranges);
        if (dirtyFrom < 0)
            dirtyFrom = block.position();
        dirtyTo = block.position() + block.length();
    }
    if (dirtyFrom >= 0)
        document()->markContentsDirty(dirtyFrom, dirtyTo - dirtyFrom);
    return block;
}

void SpellHighlighter::checkSlice()
{
    QTextDocument *doc = document();
    while (doc && !m_pending.isEmpty()) {
        Range &r = m_pending.first();
        const int end = r.to.position();
        const QTextBlock block = doc->findBlock(r.from.position());
        if (!block.isValid() || block.position() > end) {
            m_pending.removeFirst();
            continue;
        }
        const QTextBlock next = checkBlocks(block, end, SliceBlocks);
        if (next.isValid() && next.position() <= end)
            r.from.setPosition(next.position());
        else
            m_pending.removeFirst();
        break;
    }
    if (!m_pending.isEmpty())
        m_slices->start();
}
