#include "mime/flowedtext.h"

#include <QStringList>

namespace {

const QString signatureSeparator = QStringLiteral("-- ");

// ">>> text": depth 3, the rest "text" (one space after the markers belongs to them).
int quoteDepth(const QString &line, QString *rest)
{
    int depth = 0;
    while (depth < line.size() && line.at(depth) == QLatin1Char('>'))
        ++depth;
    *rest = line.mid(depth);
    return depth;
}

bool needsStuffing(const QString &line)
{
    return line.startsWith(QLatin1Char(' ')) || line.startsWith(QLatin1Char('>')) ||
           line.startsWith(QLatin1String("From "));
}

} // namespace

QString FlowedText::encode(const QString &text, int width)
{
    QString normalised = text;
    normalised.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalised.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QStringList out;
    for (const QString &line : normalised.split(QLatin1Char('\n'))) {
        if (line == signatureSeparator) {
            out << line;
            continue;
        }
        QString content;
        const int depth = quoteDepth(line, &content);
        if (depth > 0 && content.startsWith(QLatin1Char(' ')))
            content.remove(0, 1);
        while (content.endsWith(QLatin1Char(' ')))
            content.chop(1);
        const QString prefix = depth > 0 ? QString(depth, QLatin1Char('>')) : QString();
        // Quoted lines always get one space after the markers (RFC 3676 section 4.4);
        // unquoted lines only when a reader would otherwise take them for something else.
        const auto put = [&](const QString &chunk) {
            // An empty quoted line is its markers alone: a space there would end the line
            // in a space, as a soft break does.
            const bool stuff = (depth > 0 && !chunk.isEmpty()) || needsStuffing(chunk);
            out << prefix + (stuff ? QStringLiteral(" ") : QString()) + chunk;
        };
        const int room = qMax(1, width - int(prefix.size()) - 1);
        while (content.size() > room) {
            // Break after the last space that keeps the line within the width; a word
            // longer than the line stays whole (a soft break inside a word would join it
            // back only with DelSp=yes).
            qsizetype cut = content.lastIndexOf(QLatin1Char(' '), room - 1);
            if (cut <= 0)
                cut = content.indexOf(QLatin1Char(' '), room);
            if (cut <= 0)
                break;
            // The space stays at the end of the line: it is the soft break.
            const QString chunk = content.left(cut + 1);
            if (chunk.trimmed().isEmpty())
                break;
            put(chunk);
            content = content.mid(cut + 1);
        }
        put(content);
    }
    return out.join(QLatin1Char('\n'));
}

QString FlowedText::decode(const QString &flowed, bool delSp)
{
    QString normalised = flowed;
    normalised.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalised.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    if (normalised.endsWith(QLatin1Char('\n')))
        normalised.chop(1);
    QStringList out;
    QString paragraph;
    int paragraphDepth = -1; // no paragraph open
    const auto close = [&] {
        if (paragraphDepth < 0)
            return;
        const QString marks(paragraphDepth, QLatin1Char('>'));
        out << (paragraphDepth == 0   ? paragraph
                : paragraph.isEmpty() ? marks
                                      : marks + QLatin1Char(' ') + paragraph);
        paragraph.clear();
        paragraphDepth = -1;
    };
    for (const QString &line : normalised.split(QLatin1Char('\n'))) {
        QString content;
        const int depth = quoteDepth(line, &content);
        if (content.startsWith(QLatin1Char(' ')))
            content.remove(0, 1); // stuffed
        // A quote depth change ends a paragraph even without a hard break (section 4.5), and
        // the signature separator is a line of its own (section 4.3).
        if (paragraphDepth >= 0 && (depth != paragraphDepth || content == signatureSeparator))
            close();
        const bool soft = content.endsWith(QLatin1Char(' ')) && content != signatureSeparator;
        if (soft && delSp)
            content.chop(1);
        paragraph += content;
        paragraphDepth = depth;
        if (!soft)
            close();
    }
    close();
    return out.join(QLatin1Char('\n'));
}
