#include "sandbox/parsedmail.h"

#include "mime/mimeparser.h"

QString ParsedMail::decodeText(const QByteArray &bytes, const QByteArray &charset)
{
    return MimeParser::decodeText(bytes, charset);
}

QString ParsedMail::decodeHeader(const QByteArray &value)
{
    // Unfolding removes only the line breaks (RFC 5322 2.2.3), as the .eml reader reads it: a
    // subject with two spaces shows two.
    return MimeParser::decodeHeader(value);
}

ParsedMail ParsedMail::parse(const QByteArray &raw)
{
    ParsedMail mail;
    const MimeParser::Part root = MimeParser::parse(raw);
    mail.headerBlock = root.headerBlock.toByteArray();
    mail.headers.reserve(root.fields.size());
    for (const MimeParser::Field &f : root.fields)
        mail.headers.append({QString::fromLatin1(f.name), decodeHeader(f.value)});
    const MimeParser::Bodies bodies = MimeParser::bodies(root);
    if (bodies.text)
        mail.text = bodies.text->readableText();
    if (bodies.html)
        mail.html = bodies.html->text();
    for (const MimeParser::Part *leaf : bodies.others) {
        Part part;
        part.contentType = QString::fromLatin1(leaf->type);
        part.fileName = leaf->fileName();
        part.contentId = leaf->contentId();
        part.isAttachment = leaf->disposition == "attachment";
        part.data = leaf->decodedBody();
        mail.parts.append(part);
    }
    return mail;
}

QString ParsedMail::header(const QString &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return QString();
}

QList<ParsedMail::Part> ParsedMail::attachments() const
{
    return parts;
}
