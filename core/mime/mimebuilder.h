// Lays out a Message as MIME (RFC 5322, 2045-2047, 2231, 6532) for a MimeWriter: the header
// block and text parts are encoded into memory once; attachments become file segments whose
// base64 size is computed from the file size, so the total is exact before anything is read.
#pragma once

#include "mime/mailbox.h"
#include "mime/mimewriter.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

class Message;
class QFile;
struct InlinePart;

class MimeBuilder
{
public:
    enum class TextEncoding
    {
        SevenBit,
        EightBit,
        QuotedPrintable
    };

    MimeBuilder(const Message &message, const MimeWriter::Options &options);
    bool build(MimeWriter *writer, QString *error);

    // "Tue, 1 Jul 2003 10:52:37 +0200" (RFC 5322 section 3.3), English names, local offset.
    static QByteArray formatDate(const QDateTime &dateTime);
    // The text as UTF-8 with every line break (CR, LF or CRLF) as CRLF.
    static QByteArray toCrlfUtf8(const QString &text);
    static QByteArray toCrlf(const QByteArray &bytes);
    // 7bit for ASCII lines up to 998 octets, 8bit when allowed and the lines permit it,
    // quoted-printable otherwise (also for control characters and lines starting "From ").
    static TextEncoding chooseEncoding(const QByteArray &crlfText, bool eightBitAllowed);

private:
    struct Part
    {
        QByteArray headers; // Content-* fields, each ending CRLF
        QByteArray body;    // a leaf held in memory (without the final CRLF)
        int attachment = -1;
        QByteArray multipart; // "mixed" / "alternative" for a container
        QList<Part> children;
        QByteArray boundary;
    };

    bool addAddressHeader(QByteArray *out, const QByteArray &name, const QList<Mailbox> &mailboxes,
                          QString *error) const;
    bool wireAddress(const QString &field, const Mailbox &mailbox, QByteArray *out,
                     QString *error) const;
    Part textPart(const QString &text, const QByteArray &subtype, bool flowed = false) const;
    Part inlinePart(const InlinePart &inline_) const;
    bool attachmentPart(int index, Part *part, QString *error);
    // A message/rfc822 attachment unencoded in the part's body; false: it goes as base64.
    bool enclosedMessage(QFile *file, Part *part) const;
    static constexpr qint64 MaxEnclosedMessage = 64 * 1024 * 1024;
    void assignBoundaries(Part &part, const QList<QByteArray> &bodies);
    void serialize(const Part &part, QByteArray *pending, MimeWriter *writer) const;
    static QByteArray multipartHeader(const Part &part);

    const Message &m_message;
    MimeWriter::Options m_options;
    QList<qint64> m_fileSizes;
};
