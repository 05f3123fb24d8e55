#include "mime/emlparser.h"

#include "mime/mimeparser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QUrl>

namespace {

using Part = MimeParser::Part;

// Header bytes as text: UTF-8 (RFC 6532) when valid, else Latin-1, which never fails.
QString rawText(const QByteArray &bytes)
{
    return MimeParser::decodeText(bytes, {});
}

// The longest prefix of text that is at most maxBytes in UTF-8, never splitting a character.
QString leftUtf8(const QString &text, qsizetype maxBytes)
{
    qsizetype bytes = 0;
    qsizetype i = 0;
    while (i < text.size()) {
        const char16_t c = text[i].unicode();
        const bool pair =
            QChar::isHighSurrogate(c) && i + 1 < text.size() && text[i + 1].isLowSurrogate();
        const qsizetype size = pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        if (bytes + size > maxBytes)
            break;
        bytes += size;
        i += pair ? 2 : 1;
    }
    return text.left(i);
}

QString safeFileName(const QString &name, int index)
{
    // Most file systems take 255 bytes per name; room is left for " (n)" when names collide.
    constexpr qsizetype MaxNameBytes = 200;
    // A longer "extension" is not one a program would know: it is cut with the rest.
    constexpr qsizetype MaxSuffixBytes = 32;
    QString out;
    for (const QChar c : QFileInfo(name).fileName()) {
        // Controls (C0, DEL, C1) and format characters (bidirectional overrides that make
        // "invoice\u202Efdp.exe" look like "invoiceexe.pdf") never reach a file name.
        if (c.unicode() < 0x20 || c == QLatin1Char('/') || c == QLatin1Char('\\') ||
            (c.unicode() >= 0x7f && c.unicode() < 0xa0) || c.category() == QChar::Other_Format)
            out += QLatin1Char('_');
        else
            out += c;
    }
    while (out.startsWith(QLatin1Char('.')))
        out.remove(0, 1);
    if (out.isEmpty())
        out = QStringLiteral("attachment-%1").arg(index);
    if (out.toUtf8().size() <= MaxNameBytes)
        return out;
    const QString suffix = QFileInfo(out).suffix();
    const qsizetype suffixBytes = suffix.toUtf8().size();
    if (suffix.isEmpty() || suffixBytes > MaxSuffixBytes)
        return leftUtf8(out, MaxNameBytes);
    const QString base = out.left(out.size() - suffix.size() - 1);
    return leftUtf8(base, MaxNameBytes - suffixBytes - 1) + QLatin1Char('.') + suffix;
}

QString uniquePath(const QDir &dir, const QString &name)
{
    QString candidate = dir.filePath(name);
    const QFileInfo info(name);
    for (int n = 2; QFileInfo::exists(candidate); ++n) {
        const QString suffix = info.completeSuffix();
        candidate = dir.filePath(info.baseName() + QStringLiteral(" (%1)").arg(n) +
                                 (suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix));
    }
    return candidate;
}

QList<Mailbox> addressList(const QByteArray &raw)
{
    QList<Mailbox> out;
    for (const MailboxParseResult &r : Mailbox::parseList(rawText(raw))) {
        Mailbox m = r.mailbox;
        if (m.address.isEmpty())
            continue;
        if (m.name.contains(QLatin1String("=?")))
            m.name = EmlParser::decodeHeaderText(m.name.toUtf8());
        const qsizetype at = m.address.lastIndexOf(QLatin1Char('@'));
        if (at > 0 && m.address.contains(QLatin1String("xn--"), Qt::CaseInsensitive))
            m.address = m.address.left(at + 1) +
                        QUrl::fromAce(m.address.mid(at + 1).toLatin1(), QUrl::IgnoreIDNWhitelist);
        out.append(m);
    }
    return out;
}

QString bareId(const QByteArray &raw)
{
    QString id = rawText(raw).trimmed();
    if (id.startsWith(QLatin1Char('<')) && id.endsWith(QLatin1Char('>')))
        id = id.mid(1, id.size() - 2);
    return id;
}

// Fields a relay or the receiving side adds to a message in transit (RFC 5321 trace fields,
// DKIM, ARC, authentication results, spam filters): true of the received copy only, and a
// signature or chain from another hop sent again would fail verification or mislead. X-Mailer
// named the program that wrote the original; Postwire names itself in User-Agent.
bool staysBehind(const QByteArray &rawName)
{
    const QByteArray name = rawName.toLower();
    static const QByteArrayList exact = {
        "received",
        "return-path",
        "delivered-to",
        "x-original-to",
        "received-spf",
        "x-received",
        "dkim-signature",
        "authentication-results",
        "domainkey-signature",
        "x-google-dkim-signature",
        "x-virus-scanned",
        "x-envelope-from",
        "x-envelope-to",
        "envelope-to",
        "x-mailer",
        "user-agent",
    };
    static const QByteArrayList prefixes = {"arc-", "x-postwire-", "x-spam-", "x-ms-exchange-"};
    if (exact.contains(name))
        return true;
    for (const QByteArray &p : prefixes) {
        if (name.startsWith(p))
            return true;
    }
    return false;
}

// The shown text of a body part, with the line breaks the composer uses.
QString bodyText(const Part &part, bool topLevel)
{
    QString text = part.readableText();
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    // A single-part message ends with the line break every message ends with.
    if (topLevel && text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    return text;
}

// Decoded straight into the file a slice at a time: an attachment is never whole in memory
// twice, and an unencoded one goes from the mapped file to the disk without a copy.
bool writeAttachment(const Part &part, int index, const QString &dir, Message *message,
                     QString *error)
{
    const QString fileName = part.fileName();
    const QString shown =
        fileName.isEmpty() ? QStringLiteral("attachment-%1").arg(index) : fileName;
    const QString path = uniquePath(QDir(dir), safeFileName(shown, index));
    QFile file(path);
    const bool written = file.open(QIODevice::WriteOnly) &&
                         MimeParser::decodeTransfer(
                             part.body, part.transferEncoding(), [&file](QByteArrayView slice) {
                                 return file.write(slice.constData(), slice.size()) == slice.size();
                             });
    if (!written) {
        *error = EmlParser::tr("cannot write attachment %1 to %2: %3")
                     .arg(shown, path, file.errorString());
        return false;
    }
    Attachment a;
    a.path = path;
    a.name = shown;
    a.contentType = QString::fromLatin1(part.type);
    a.isInline = part.disposition == "inline";
    a.contentId = part.contentId();
    message->attachments.append(a);
    return true;
}

} // namespace

QString EmlParser::decodeHeaderText(const QByteArray &value)
{
    return MimeParser::decodeHeader(value);
}

std::optional<Message> EmlParser::parse(const QByteArray &data, const QString &attachmentDir,
                                        QString *error)
{
    const Part top = MimeParser::parse(data);
    if (top.fields.isEmpty() ||
        (!top.has("from") && !top.has("to") && !top.has("subject") && !top.has("mime-version"))) {
        *error = tr("not a mail message: no From, To or Subject header found");
        return std::nullopt;
    }
    Message m;
    const QList<Mailbox> from = addressList(top.value("from"));
    if (!from.isEmpty())
        m.from = from.first();
    const QList<Mailbox> sender = addressList(top.value("sender"));
    if (!sender.isEmpty())
        m.sender = sender.first();
    m.replyTo = addressList(top.value("reply-to"));
    for (const MimeParser::Field &f : top.fields) {
        const QByteArray name = f.name.toLower();
        if (name == "to" && !f.value.contains(":;")) // not "undisclosed-recipients:;"
            m.to += addressList(f.value);
        else if (name == "cc")
            m.cc += addressList(f.value);
        else if (name == "bcc")
            m.bcc += addressList(f.value);
    }
    const QList<Mailbox> dnt = addressList(top.value("disposition-notification-to"));
    if (!dnt.isEmpty())
        m.dispositionNotificationTo = dnt.first();
    m.subject = decodeHeaderText(top.value("subject"));
    m.messageId = bareId(top.value("message-id"));
    m.inReplyTo = bareId(top.value("in-reply-to"));
    for (const QByteArray &r : top.value("references").simplified().split(' ')) {
        if (!r.isEmpty())
            m.references.append(bareId(r));
    }
    m.date = QDateTime::fromString(rawText(top.value("date")).simplified(), Qt::RFC2822Date);
    const QByteArray priority = top.value("x-priority").trimmed();
    const QByteArray importance = top.value("importance").trimmed().toLower();
    if (priority.startsWith('1') || priority.startsWith('2') || importance == "high")
        m.priority = Message::Priority::High;
    else if (priority.startsWith('4') || priority.startsWith('5') || importance == "low")
        m.priority = Message::Priority::Low;
    // Every other header the message carried goes with it (Organization, Keywords, X-...),
    // except what a server added on the way in, which must not go out again, and what
    // Postwire writes itself (checkHeaderName() refuses those).
    for (const MimeParser::Field &f : top.fields) {
        if (staysBehind(f.name))
            continue;
        ExtraHeader extra;
        extra.name = QString::fromLatin1(f.name);
        if (!Message::checkHeaderName(extra.name).isEmpty())
            continue;
        // An encoded word may hide a line break, which the writer would refuse on sending.
        extra.value = decodeHeaderText(f.value);
        for (QChar &c : extra.value) {
            if (c == QLatin1Char('\r') || c == QLatin1Char('\n'))
                c = QLatin1Char(' ');
        }
        m.extraHeaders.append(extra);
    }

    const MimeParser::Bodies bodies = MimeParser::bodies(top);
    if (bodies.text) {
        m.text = bodyText(*bodies.text, bodies.text == &top);
        // Sent again, it wraps as it came.
        m.flowed = bodies.text->isFlowed();
    }
    if (bodies.html)
        m.html = bodyText(*bodies.html, bodies.html == &top);
    int index = 0;
    for (const Part *part : bodies.others) {
        if (!writeAttachment(*part, ++index, attachmentDir, &m, error))
            return std::nullopt;
    }
    return m;
}

std::optional<Message> EmlParser::parseFile(const QString &path, const QString &attachmentDir,
                                            QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    // Mapped rather than read: a message with large attachments is not copied into memory.
    const qint64 size = file.size();
    uchar *mapped = size > 0 ? file.map(0, size) : nullptr;
    const QByteArray data =
        mapped ? QByteArray::fromRawData(reinterpret_cast<const char *>(mapped), size)
               : file.readAll();
    QString why;
    std::optional<Message> message = parse(data, attachmentDir, &why);
    if (!message)
        *error = QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), why);
    return message;
}

std::optional<Message> EmlParser::parseFileToTemporary(const QString &path, QString *attachmentDir,
                                                       QString *error)
{
    QTemporaryDir dir(QDir::temp().filePath(QStringLiteral("postwire-eml-XXXXXX")));
    if (!dir.isValid()) {
        *error =
            tr("cannot create a temporary folder for the attachments: %1").arg(dir.errorString());
        return std::nullopt;
    }
    std::optional<Message> message = parseFile(path, dir.path(), error);
    if (message) {
        dir.setAutoRemove(false);
        *attachmentDir = dir.path();
    }
    return message;
}
