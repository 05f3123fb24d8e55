// A rich QTextDocument as mail: clean HTML with one line per block (lists, quotes, headings,
// links, colours, cid: images) and the plain-text alternative made from the same blocks
// ("- " and "1. " items, "> " quotes, "text <url>" links), so both parts say the same thing.
#pragma once

#include "mime/message.h"

#include <QString>

class QTextBlock;
class QTextDocument;

namespace RichText {

// The left margin of one quote level, as Qt's HTML importer gives a blockquote.
constexpr double QuoteIndent = 40.0;

// The quote depth of a block, kept in the block format as Qt's Markdown support does.
int quoteLevel(const QTextBlock &block);

QString toHtml(const QTextDocument *document);
QString toPlain(const QTextDocument *document);
// HTML (a draft's body, an opened message) through a document to its plain alternative.
QString plainFromHtml(const QString &html);
// Blockquotes read by Qt's importer get their depth back as a block property.
void markQuotes(QTextDocument *document);

} // namespace RichText
