// A received message taken apart for the inbox views: decoded headers, the text and HTML
// bodies, and the attachments, from the raw bytes as stored. The reading is MimeParser's (the
// same as the .eml importer's), tolerant of broken mail: what cannot be decoded is shown as it
// is rather than refused.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

class ParsedMail
{
public:
    struct Part
    {
        QString contentType; // lower case, "image/png"
        QString fileName;    // decoded; empty for unnamed parts
        QString contentId;   // without <>
        bool isAttachment = false;
        QByteArray data; // after Content-Transfer-Encoding
    };

    static ParsedMail parse(const QByteArray &raw);
    // RFC 2047 encoded words in a header value; runs of folding white space become one space.
    static QString decodeHeader(const QByteArray &value);
    // Bytes in a named charset; unknown charsets fall back to Latin-1, which never fails.
    static QString decodeText(const QByteArray &bytes, const QByteArray &charset);

    QList<QPair<QString, QString>> headers;    // name, decoded value; in order
    QByteArray headerBlock;                    // the raw header section
    QString header(const QString &name) const; // the first one, empty when missing
    QString text;
    QString html;
    QList<Part> parts; // every leaf part that is not the shown text or HTML body
    QList<Part> attachments() const;
};
