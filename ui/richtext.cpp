#include "richtext.h"

#include <QColor>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextList>
#include <QUrl>

namespace {

const QChar lineSeparator(0x2028);
const QChar objectReplacement(0xfffc);

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

bool isOrdered(const QTextList *list)
{
    switch (list->format().style()) {
    case QTextListFormat::ListDisc:
    case QTextListFormat::ListCircle:
    case QTextListFormat::ListSquare:
    case QTextListFormat::ListStyleUndefined:
        return false;
    default:
        return true;
    }
}

// "1. ", "a. ", "- " for the block's list item in plain text.
QString itemMarker(const QTextBlock &block)
{
    const QTextList *list = block.textList();
    if (!isOrdered(list))
        return QStringLiteral("- ");
    QString marker = list->itemText(block).trimmed();
    if (marker.isEmpty())
        marker = QString::number(list->itemNumber(block) + 1) + QLatin1Char('.');
    return marker + QLatin1Char(' ');
}

QString fragmentHtml(const QTextFragment &fragment, bool heading)
{
    const QTextCharFormat f = fragment.charFormat();
    if (f.isImageFormat()) {
        const QTextImageFormat image = f.toImageFormat();
        QString tag = QStringLiteral("<img src=\"%1\"").arg(esc(image.name()));
        if (image.width() > 0)
            tag += QStringLiteral(" width=\"%1\"").arg(qRound(image.width()));
        if (image.height() > 0)
            tag += QStringLiteral(" height=\"%1\"").arg(qRound(image.height()));
        const QString alt = image.property(QTextFormat::ImageAltText).toString();
        tag += QStringLiteral(" alt=\"%1\">").arg(esc(alt));
        return tag.repeated(fragment.text().count(objectReplacement));
    }
    QString text = esc(fragment.text());
    text.replace(lineSeparator, QLatin1String("<br>\n"));
    QString open;
    QString close;
    const auto wrap = [&](const QString &start, const QString &end) {
        open += start;
        close.prepend(end);
    };
    if (f.isAnchor() && !f.anchorHref().isEmpty())
        wrap(QStringLiteral("<a href=\"%1\">").arg(esc(f.anchorHref())), QStringLiteral("</a>"));
    QStringList style;
    if (f.hasProperty(QTextFormat::ForegroundBrush) && !f.isAnchor())
        style << QStringLiteral("color:%1").arg(f.foreground().color().name());
    if (f.hasProperty(QTextFormat::BackgroundBrush))
        style << QStringLiteral("background-color:%1").arg(f.background().color().name());
    if (!style.isEmpty())
        wrap(QStringLiteral("<span style=\"%1\">").arg(style.join(QLatin1Char(';'))),
             QStringLiteral("</span>"));
    // A heading is bold by itself.
    if (f.fontWeight() >= QFont::Bold && !heading)
        wrap(QStringLiteral("<b>"), QStringLiteral("</b>"));
    if (f.fontItalic())
        wrap(QStringLiteral("<i>"), QStringLiteral("</i>"));
    if (f.fontUnderline() && !f.isAnchor())
        wrap(QStringLiteral("<u>"), QStringLiteral("</u>"));
    if (f.fontStrikeOut())
        wrap(QStringLiteral("<s>"), QStringLiteral("</s>"));
    return open + text + close;
}

QString fragmentPlain(const QTextFragment &fragment, const QString &continuation)
{
    const QTextCharFormat f = fragment.charFormat();
    if (f.isImageFormat()) {
        const QTextImageFormat image = f.toImageFormat();
        QString alt = image.property(QTextFormat::ImageAltText).toString();
        if (alt.isEmpty())
            alt = QUrl(image.name()).scheme() == QLatin1String("cid") ? QStringLiteral("image")
                                                                      : image.name();
        return QStringLiteral("[%1]").arg(alt).repeated(fragment.text().count(objectReplacement));
    }
    QString text = fragment.text();
    text.replace(lineSeparator, QLatin1Char('\n') + continuation);
    if (f.isAnchor() && !f.anchorHref().isEmpty()) {
        const QString href = f.anchorHref();
        QString shown = href;
        if (shown.startsWith(QLatin1String("mailto:")))
            shown = shown.mid(7);
        if (text.trimmed() != shown && text.trimmed() != href)
            text += QStringLiteral(" <%1>").arg(href);
    }
    return text;
}

} // namespace

namespace RichText {

int quoteLevel(const QTextBlock &block)
{
    return block.blockFormat().intProperty(QTextFormat::BlockQuoteLevel);
}

QString toHtml(const QTextDocument *document)
{
    QString out = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head>"
                                 "<body>\n");
    QList<const QTextList *> lists; // open <ul>/<ol>, innermost last
    int quotes = 0;
    const auto closeList = [&] {
        out += isOrdered(lists.takeLast()) ? QStringLiteral("</ol>\n") : QStringLiteral("</ul>\n");
    };
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        const QTextBlockFormat bf = block.blockFormat();
        const QTextList *list = block.textList();
        const int level = quoteLevel(block);
        if (level != quotes) {
            while (!lists.isEmpty())
                closeList();
            for (; quotes > level; --quotes)
                out += QStringLiteral("</blockquote>\n");
            for (; quotes < level; ++quotes)
                out += QStringLiteral("<blockquote type=\"cite\" style=\"margin:0 0 0 .8ex;"
                                      "border-left:2px solid #ccc;padding-left:1ex\">\n");
        }
        const int indent = list ? list->format().indent() : 0;
        while (!lists.isEmpty() &&
               (!list || lists.last()->format().indent() > indent ||
                (lists.last()->format().indent() == indent && lists.last() != list)))
            closeList();
        if (list && (lists.isEmpty() || lists.last() != list)) {
            out += isOrdered(list) ? QStringLiteral("<ol>\n") : QStringLiteral("<ul>\n");
            lists.append(list);
        }
        QStringList style;
        if (!list && bf.indent() > 0)
            style << QStringLiteral("margin-left:%1px").arg(40 * bf.indent());
        if (bf.alignment() & Qt::AlignHCenter)
            style << QStringLiteral("text-align:center");
        else if (bf.alignment() & Qt::AlignRight)
            style << QStringLiteral("text-align:right");
        QString tag = list ? QStringLiteral("li") : QStringLiteral("div");
        if (bf.headingLevel() > 0 && bf.headingLevel() <= 6)
            tag = QStringLiteral("h%1").arg(bf.headingLevel());
        out += QLatin1Char('<') + tag;
        if (!style.isEmpty())
            out += QStringLiteral(" style=\"%1\"").arg(style.join(QLatin1Char(';')));
        out += QLatin1Char('>');
        QString content;
        // A lone <br> (how an empty line is written) reads back as an empty block.
        if (block.text() != QString(lineSeparator)) {
            for (auto it = block.begin(); !it.atEnd(); ++it)
                content += fragmentHtml(it.fragment(), bf.headingLevel() > 0);
        }
        // An empty line keeps its height in every reader.
        out += content.isEmpty() ? QStringLiteral("<br>") : content;
        out += QStringLiteral("</%1>\n").arg(tag);
    }
    while (!lists.isEmpty())
        closeList();
    for (; quotes > 0; --quotes)
        out += QStringLiteral("</blockquote>\n");
    out += QStringLiteral("</body></html>\n");
    return out;
}

QString toPlain(const QTextDocument *document)
{
    QStringList lines;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        const QTextList *list = block.textList();
        const int level = quoteLevel(block);
        QString prefix = QStringLiteral("> ").repeated(level);
        QString continuation = prefix;
        if (list) {
            const QString pad = QStringLiteral("  ").repeated(qMax(0, list->format().indent() - 1));
            const QString marker = itemMarker(block);
            prefix += pad + marker;
            continuation += pad + QString(marker.size(), QLatin1Char(' '));
        } else if (block.blockFormat().indent() > 0) {
            prefix += QStringLiteral("    ").repeated(block.blockFormat().indent());
            continuation = prefix;
        }
        QString text;
        if (block.text() != QString(lineSeparator)) {
            for (auto it = block.begin(); !it.atEnd(); ++it)
                text += fragmentPlain(it.fragment(), continuation);
        }
        QString line = prefix + text;
        // "> " alone on a quoted empty line reads as ">", as mail programs write it.
        while (line.endsWith(QLatin1Char(' ')) && text.isEmpty())
            line.chop(1);
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

void markQuotes(QTextDocument *document)
{
    // Qt's HTML importer marks every blockquote level 1 and nests only the margins (40 px a
    // level): the depth is read back from them, so a restored draft keeps "> > " quotes.
    QTextCursor cursor(document);
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        QTextBlockFormat bf = block.blockFormat();
        if (quoteLevel(block) <= 0) {
            // An indented paragraph comes back as a margin: the indent it was written from.
            if (!block.textList() && bf.leftMargin() > 0 && bf.indent() == 0) {
                bf.setIndent(qRound(bf.leftMargin() / QuoteIndent));
                bf.setLeftMargin(0);
                cursor.setPosition(block.position());
                cursor.setBlockFormat(bf);
            }
            continue;
        }
        const int level = qMax(1, qRound(bf.leftMargin() / QuoteIndent));
        if (level == quoteLevel(block))
            continue;
        bf.setProperty(QTextFormat::BlockQuoteLevel, level);
        cursor.setPosition(block.position());
        cursor.setBlockFormat(bf);
    }
}

QString plainFromHtml(const QString &html)
{
    QTextDocument document;
    document.setHtml(html);
    markQuotes(&document);
    // Qt's importer keeps the white space after </html> as a space at the end.
    QString plain = toPlain(&document);
    while (plain.endsWith(QLatin1Char(' ')))
        plain.chop(1);
    return plain;
}

} // namespace RichText
