#include "spellhighlighter.h"

#include "spellchecker.h"

#include <QRegularExpression>

SpellHighlighter::SpellHighlighter(QTextDocument *document, SpellChecker *checker)
    : QSyntaxHighlighter(document)
    , m_checker(checker)
{}

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

void SpellHighlighter::highlightBlock(const QString &text)
{
    if (!m_checker || !m_checker->isActive())
        return;
    QTextCharFormat wrong;
    wrong.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
    wrong.setUnderlineColor(Qt::red);
    for (const auto &[start, length] : words(text)) {
        const QString w = text.mid(start, length);
        // Acronyms ("SMTP", "TLS") are names, not misspellings.
        if (length > 1 && w == w.toUpper())
            continue;
        if (!m_checker->isCorrect(w))
            setFormat(start, length, wrong);
    }
}
