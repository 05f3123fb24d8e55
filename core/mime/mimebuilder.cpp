#include "mime/mimebuilder.h"

#include "mime/base64.h"
#include "mime/flowedtext.h"
#include "mime/message.h"
#include "mime/mimeheader.h"
#include "mime/quotedprintable.h"
#include "smtp/envelope.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRandomGenerator>
#include <QUrl>

#include <functional>

namespace {

QByteArray randomToken(int length)
{
    static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray out(length, Qt::Uninitialized);
    for (char &c : out)
        c = chars[QRandomGenerator::system()->bounded(62)];
    return out;
}

bool isAsciiText(const QString &s)
{
    return MimeHeader::isAscii(s);
}

QByteArray angle(const QString &id)
{
    QString bare = id.trimmed();
    if (bare.startsWith(QLatin1Char('<')) && bare.endsWith(QLatin1Char('>')))
        bare = bare.mid(1, bare.size() - 2);
    return '<' + bare.toUtf8() + '>';
}

} // namespace

MimeBuilder::MimeBuilder(const Message &message, const MimeWriter::Options &options)
    : m_message(message)
    , m_options(options)
{}

QByteArray MimeBuilder::formatDate(const QDateTime &dateTime)
{
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDate d = dateTime.date();
    const QTime t = dateTime.time();
    const int offset = dateTime.offsetFromUtc() / 60;
    const int absolute = qAbs(offset);
    return QString::asprintf("%s, %d %s %04d %02d:%02d:%02d %c%02d%02d", days[d.dayOfWeek() - 1],
                             d.day(), months[d.month() - 1], d.year(), t.hour(), t.minute(),
                             t.second(), offset < 0 ? '-' : '+', absolute / 60, absolute % 60)
        .toLatin1();
}

QByteArray MimeBuilder::toCrlfUtf8(const QString &text)
{
    return toCrlf(text.toUtf8());
}

QByteArray MimeBuilder::toCrlf(const QByteArray &in)
{
    QByteArray out;
    out.reserve(in.size() + in.size() / 32);
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (c == '\r') {
            out += "\r\n";
            if (i + 1 < in.size() && in.at(i + 1) == '\n')
                ++i;
        } else if (c == '\n') {
            out += "\r\n";
        } else {
            out += c;
        }
    }
    return out;
}

MimeBuilder::TextEncoding MimeBuilder::chooseEncoding(const QByteArray &text, bool eightBitAllowed)
{
    bool ascii = true;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool end = i == text.size();
        const auto c = end ? '\r' : static_cast<unsigned char>(text.at(i));
        if (c == '\r') {
            // The line is [lineStart, i): too long, or one mbox readers would rewrite.
            if (i - lineStart > 998 ||
                QByteArrayView(text).sliced(lineStart, i - lineStart).startsWith("From "))
                return TextEncoding::QuotedPrintable;
            ++i; // the LF (toCrlfUtf8 guarantees one)
            lineStart = i + 1;
            continue;
        }
        if (c >= 0x80)
            ascii = false;
        else if ((c < 0x20 && c != '\t') || c == 0x7f)
            return TextEncoding::QuotedPrintable;
    }
    if (ascii)
        return TextEncoding::SevenBit;
    return eightBitAllowed ? TextEncoding::EightBit : TextEncoding::QuotedPrintable;
}

bool MimeBuilder::wireAddress(const QString &field, const Mailbox &mailbox, QByteArray *out,
                              QString *error) const
{
    const QString &address = mailbox.address;
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (!m_options.utf8Headers && !isAsciiText(address.left(at))) {
        *error = QStringLiteral("%1: <%2> has a non-ASCII local part, which needs a server "
                                "that offers SMTPUTF8 (this one does not)")
                     .arg(field, address);
        return false;
    }
    *out = Envelope::wireAddress(address, m_options.utf8Headers);
    return true;
}

bool MimeBuilder::addAddressHeader(QByteArray *out, const QByteArray &name,
                                   const QList<Mailbox> &mailboxes, QString *error) const
{
    if (mailboxes.isEmpty())
        return true;
    MimeHeader header(name, m_options.utf8Headers);
    for (qsizetype i = 0; i < mailboxes.size(); ++i) {
        QByteArray address;
        if (!wireAddress(QString::fromLatin1(name), mailboxes.at(i), &address, error))
            return false;
        header.addMailbox(mailboxes.at(i).name, address);
        if (i + 1 < mailboxes.size())
            header.appendToLast(",");
    }
    *out += header.toBytes();
    return true;
}

MimeBuilder::Part MimeBuilder::textPart(const QString &text, const QByteArray &subtype,
                                        bool flowed) const
{
    Part part;
    const QByteArray crlf = toCrlfUtf8(flowed ? FlowedText::encode(text) : text);
    const TextEncoding encoding = chooseEncoding(crlf, m_options.eightBit);
    MimeHeader type("Content-Type", false);
    type.addToken("text/" + subtype);
    type.addParameter("charset", QStringLiteral("utf-8"));
    if (flowed) {
        type.addParameter("format", QStringLiteral("flowed"));
        type.addParameter("delsp", QStringLiteral("no"));
    }
    part.headers = type.toBytes();
    switch (encoding) {
    case TextEncoding::SevenBit:
        part.headers += "Content-Transfer-Encoding: 7bit\r\n";
        part.body = crlf;
        break;
    case TextEncoding::EightBit:
        part.headers += "Content-Transfer-Encoding: 8bit\r\n";
        part.body = crlf;
        break;
    case TextEncoding::QuotedPrintable:
        part.headers += "Content-Transfer-Encoding: quoted-printable\r\n";
        part.body = QuotedPrintable::encode(crlf);
        break;
    }
    return part;
}

MimeBuilder::Part MimeBuilder::inlinePart(const InlinePart &inline_) const
{
    Part part;
    MimeHeader contentType("Content-Type", false);
    contentType.addToken(inline_.contentType.isEmpty() ? QByteArray("application/octet-stream")
                                                       : inline_.contentType.toUtf8());
    if (!inline_.name.isEmpty())
        contentType.addParameter("name", inline_.name);
    part.headers = contentType.toBytes();
    part.headers += "Content-Transfer-Encoding: base64\r\n";
    MimeHeader disposition("Content-Disposition", false);
    disposition.addToken("inline");
    if (!inline_.name.isEmpty())
        disposition.addParameter("filename", inline_.name);
    part.headers += disposition.toBytes();
    MimeHeader cid("Content-ID", false);
    cid.addToken(angle(inline_.contentId));
    part.headers += cid.toBytes();
    part.body.resize(Base64::encodedSize(inline_.data.size()));
    Base64::encodeLines(inline_.data.constData(), inline_.data.size(), part.body.data());
    part.body.chop(2); // the delimiter's CRLF ends the last line
    return part;
}

bool MimeBuilder::attachmentPart(int index, Part *part, QString *error)
{
    const Attachment &a = m_message.attachments.at(index);
    const QString shown = a.shownName();
    const QString who = QStringLiteral("Attachment %1").arg(shown);
    QFile file(a.path);
    if (!QFileInfo(a.path).isFile()) {
        *error = QStringLiteral("%1: %2 does not exist or is not a file").arg(who, a.path);
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read %2: %3").arg(who, a.path, file.errorString());
        return false;
    }
    m_fileSizes[index] = file.size();
    QString type = a.contentType.trimmed();
    if (type.isEmpty())
        type = QMimeDatabase().mimeTypeForFile(a.path).name();
    if (type.isEmpty())
        type = QStringLiteral("application/octet-stream");

    MimeHeader contentType("Content-Type", false);
    contentType.addToken(type.toUtf8());
    if (isAsciiText(shown))
        contentType.addParameter("name", shown);
    else
        contentType.addEncodedWordParameter("name", shown);
    part->headers = contentType.toBytes();
    if (type.compare(QLatin1String("message/rfc822"), Qt::CaseInsensitive) == 0 &&
        enclosedMessage(&file, part)) {
        part->headers = contentType.toBytes() + part->headers;
        MimeHeader disposition("Content-Disposition", false);
        disposition.addToken(a.isInline ? "inline" : "attachment");
        disposition.addParameter("filename", shown);
        part->headers += disposition.toBytes();
        return true;
    }
    part->headers += "Content-Transfer-Encoding: base64\r\n";
    MimeHeader disposition("Content-Disposition", false);
    disposition.addToken(a.isInline ? "inline" : "attachment");
    disposition.addParameter("filename", shown);
    part->headers += disposition.toBytes();
    if (!a.contentId.isEmpty()) {
        MimeHeader cid("Content-ID", false);
        cid.addToken(angle(a.contentId));
        part->headers += cid.toBytes();
    }
    part->attachment = index;
    return true;
}

bool MimeBuilder::enclosedMessage(QFile *file, Part *part) const
{
    // RFC 2046 section 5.2.1: a message/rfc822 part is 7bit or 8bit, never base64, so that
    // readers see the message inside. It is read whole: a forwarded message, not a video.
    if (file->size() > MaxEnclosedMessage)
        return false;
    QByteArray content = toCrlf(file->readAll());
    file->seek(0);
    // Lines too long or 8-bit bytes the server cannot take: base64 after all, an attachment
    // the recipient can still open (quoted-printable would hide the message just as much).
    bool ascii = true;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < content.size(); ++i) {
        const auto c = static_cast<unsigned char>(content.at(i));
        if (c == '\r') {
            if (i - lineStart > 998)
                return false;
            lineStart = i + 2; // toCrlf() put the LF there
        } else if (c == 0) {
            return false;
        }
        ascii = ascii && c < 0x80;
    }
    if (content.size() - lineStart > 998)
        return false;
    if (!ascii && !m_options.eightBit)
        return false;
    const TextEncoding encoding = ascii ? TextEncoding::SevenBit : TextEncoding::EightBit;
    if (content.endsWith("\r\n"))
        content.chop(2); // the delimiter's CRLF ends the last line
    part->headers = encoding == TextEncoding::SevenBit ? "Content-Transfer-Encoding: 7bit\r\n"
                                                       : "Content-Transfer-Encoding: 8bit\r\n";
    part->body = content;
    return true;
}

QByteArray MimeBuilder::multipartHeader(const Part &part)
{
    MimeHeader type("Content-Type", false);
    type.addToken("multipart/" + part.multipart);
    // RFC 2387 requires the type of the root part (always the HTML here).
    if (part.multipart == "related")
        type.addParameter("type", QStringLiteral("text/html"));
    type.addParameter("boundary", QString::fromLatin1(part.boundary));
    return type.toBytes();
}

void MimeBuilder::assignBoundaries(Part &part, const QList<QByteArray> &bodies)
{
    if (part.multipart.isEmpty())
        return;
    // "=_" cannot occur in quoted-printable or base64; the 7bit/8bit bodies are checked.
    for (;;) {
        part.boundary = "=_pw_" + randomToken(24);
        bool clash = false;
        for (const QByteArray &b : bodies)
            clash = clash || b.contains(part.boundary);
        if (!clash)
            break;
    }
    for (Part &child : part.children)
        assignBoundaries(child, bodies);
}

void MimeBuilder::serialize(const Part &part, QByteArray *pending, MimeWriter *writer) const
{
    if (!part.multipart.isEmpty()) {
        for (const Part &child : part.children) {
            *pending += "--" + part.boundary + "\r\n";
            *pending += child.multipart.isEmpty() ? child.headers : multipartHeader(child);
            *pending += "\r\n";
            serialize(child, pending, writer);
            // The CRLF before a delimiter belongs to the delimiter (RFC 2046 section 5.1.1).
            *pending += "\r\n";
        }
        *pending += "--" + part.boundary + "--";
        return;
    }
    if (part.attachment < 0) {
        *pending += part.body;
        return;
    }
    writer->m_segments.append({*pending, {}, {}, -1, 0});
    pending->clear();
    const qint64 size = m_fileSizes.at(part.attachment);
    const Attachment &a = m_message.attachments.at(part.attachment);
    // Base64 lines end in CRLF; the delimiter adds its own, leaving an empty line that
    // readers ignore. Dropping the last CRLF instead would need the size arithmetic anyway.
    writer->m_segments.append({{}, a.path, a.shownName(), size, Base64::encodedSize(size)});
}

bool MimeBuilder::build(MimeWriter *writer, QString *error)
{
    const QString invalid = m_message.validate();
    if (!invalid.isEmpty()) {
        *error = invalid;
        return false;
    }

    // Bodies and attachments first: a missing file is reported before anything else.
    Part body = textPart(m_message.text, "plain", m_message.flowed);
    if (!m_message.html.isEmpty()) {
        Part html = textPart(m_message.html, "html");
        if (!m_message.inlineParts.isEmpty()) {
            // The HTML first: it is the root of the related parts (RFC 2387 section 3.2).
            Part related;
            related.multipart = "related";
            related.children = {html};
            for (const InlinePart &p : m_message.inlineParts)
                related.children.append(inlinePart(p));
            html = related;
        }
        Part alternative;
        alternative.multipart = "alternative";
        alternative.children = {body, html};
        body = alternative;
    }
    Part root = body;
    m_fileSizes = QList<qint64>(m_message.attachments.size(), 0);
    if (!m_message.attachments.isEmpty()) {
        root = Part();
        root.multipart = "mixed";
        root.children.append(body);
        for (int i = 0; i < m_message.attachments.size(); ++i) {
            Part part;
            if (!attachmentPart(i, &part, error))
                return false;
            root.children.append(part);
        }
    }
    QList<QByteArray> bodies;
    std::function<void(const Part &)> collect = [&](const Part &p) {
        if (!p.body.isEmpty())
            bodies.append(p.body);
        for (const Part &c : p.children)
            collect(c);
    };
    collect(root);
    assignBoundaries(root, bodies);

    QByteArray head;
    const QDateTime date = m_message.date.isValid() ? m_message.date : QDateTime::currentDateTime();
    head += "Date: " + formatDate(date) + "\r\n";
    if (!addAddressHeader(&head, "From", {m_message.from}, error))
        return false;
    if (!m_message.sender.isEmpty() &&
        !addAddressHeader(&head, "Sender", {m_message.sender}, error))
        return false;
    if (!addAddressHeader(&head, "Reply-To", m_message.replyTo, error))
        return false;
    if (m_message.to.isEmpty() && m_message.cc.isEmpty())
        head += "To: undisclosed-recipients:;\r\n";
    if (!addAddressHeader(&head, "To", m_message.to, error) ||
        !addAddressHeader(&head, "Cc", m_message.cc, error))
        return false;
    if (m_options.includeBcc && !m_message.bcc.isEmpty()) {
        if (!addAddressHeader(&head, "Bcc", m_message.bcc, error))
            return false;
        head +=
            "X-Postwire-Bcc: the Bcc header is kept in this saved copy only; it is never sent\r\n";
    }
    if (!m_message.subject.isEmpty()) {
        MimeHeader subject("Subject", m_options.utf8Headers);
        subject.addText(m_message.subject);
        head += subject.toBytes();
    }
    const QString id =
        m_message.messageId.isEmpty() ? m_message.generateMessageId() : m_message.messageId;
    head += "Message-ID: " + angle(id) + "\r\n";
    if (!m_message.inReplyTo.trimmed().isEmpty()) {
        MimeHeader h("In-Reply-To", false);
        h.addToken(angle(m_message.inReplyTo));
        head += h.toBytes();
    }
    if (!m_message.references.isEmpty()) {
        MimeHeader h("References", false);
        for (const QString &r : m_message.references)
            h.addToken(angle(r));
        head += h.toBytes();
    }
    if (!m_message.dispositionNotificationTo.isEmpty() &&
        !addAddressHeader(&head, "Disposition-Notification-To",
                          {m_message.dispositionNotificationTo}, error))
        return false;
    if (m_message.priority == Message::Priority::High)
        head += "X-Priority: 1 (Highest)\r\nImportance: high\r\n";
    else if (m_message.priority == Message::Priority::Low)
        head += "X-Priority: 5 (Lowest)\r\nImportance: low\r\n";
    for (const ExtraHeader &extra : m_message.extraHeaders) {
        MimeHeader h(extra.name.toLatin1(), m_options.utf8Headers);
        h.addText(extra.value);
        head += h.toBytes();
    }
    head += "User-Agent: Postwire/" POSTWIRE_VERSION "\r\n";
    head += "MIME-Version: 1.0\r\n";
    head += root.multipart.isEmpty() ? root.headers : multipartHeader(root);
    head += "\r\n";

    for (const char c : head) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            writer->m_utf8Headers = true;
            writer->m_has8Bit = true;
            break;
        }
    }
    for (const QByteArray &b : bodies) {
        for (const char c : b) {
            if (static_cast<unsigned char>(c) >= 0x80) {
                writer->m_has8Bit = true;
                break;
            }
        }
    }

    QByteArray pending = head;
    serialize(root, &pending, writer);
    // The message ends with a line break: a multipart's closing delimiter or the text.
    pending += "\r\n";
    writer->m_segments.append({pending, {}, {}, -1, 0});
    return true;
}
