#include "emlparser.h"

#include "base64.h"
#include "quotedprintable.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QUrl>

namespace {

struct Header
{
    QByteArray name;     // lower case
    QByteArray value;    // unfolded, raw
    QByteArray original; // the name as written
};

struct Entity
{
    QList<Header> headers;
    QByteArrayView body;

    QByteArray value(const QByteArray &lowerName) const
    {
        for (const Header &h : headers) {
            if (h.name == lowerName)
                return h.value;
        }
        return {};
    }
    bool has(const QByteArray &lowerName) const
    {
        for (const Header &h : headers) {
            if (h.name == lowerName)
                return true;
        }
        return false;
    }
};

// The next line of data from pos, without its line ending; pos moves past the ending.
QByteArrayView nextLine(QByteArrayView data, qsizetype *pos)
{
    const qsizetype start = *pos;
    qsizetype end = data.indexOf('\n', start);
    if (end < 0) {
        *pos = data.size();
        return data.sliced(start);
    }
    *pos = end + 1;
    if (end > start && data.at(end - 1) == '\r')
        --end;
    return data.sliced(start, end - start);
}

Entity parseEntity(QByteArrayView data)
{
    Entity entity;
    qsizetype pos = 0;
    while (pos < data.size()) {
        const qsizetype lineStart = pos;
        const QByteArrayView line = nextLine(data, &pos);
        if (line.isEmpty())
            break;
        if ((line.at(0) == ' ' || line.at(0) == '\t') && !entity.headers.isEmpty()) {
            entity.headers.last().value += line.toByteArray();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            // Not a header: the body starts here (a missing empty line).
            pos = lineStart;
            break;
        }
        const QByteArray name = line.first(colon).trimmed().toByteArray();
        entity.headers.append({name.toLower(), line.sliced(colon + 1).toByteArray(), name});
    }
    for (Header &h : entity.headers)
        h.value = h.value.trimmed();
    entity.body = data.sliced(pos);
    return entity;
}

QString decodeCharset(const QByteArray &bytes, const QByteArray &charset)
{
    const QByteArray name = charset.trimmed().toLower();
    if (name.isEmpty() || name == "utf-8" || name == "utf8" || name == "us-ascii")
        return QString::fromUtf8(bytes);
    QStringDecoder decoder(name.constData());
    if (!decoder.isValid())
        return QString::fromLatin1(bytes);
    return decoder.decode(bytes);
}

// Header bytes as text: UTF-8 (RFC 6532) when valid, else Latin-1, which never fails.
QString rawText(const QByteArray &bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(bytes);
    return utf8.hasError() ? QString::fromLatin1(bytes) : text;
}

// Content-Type style parameters: quoted strings, RFC 2231 sections and charsets, and the
// RFC 2047 words some writers put inside quotes.
QMap<QByteArray, QString> parameters(const QByteArray &value, QByteArray *mainValue)
{
    QList<QPair<QByteArray, QByteArray>> raw; // name, value (unquoted)
    qsizetype i = 0;
    const qsizetype n = value.size();
    auto skipSpace = [&] {
        while (i < n && (value.at(i) == ' ' || value.at(i) == '\t'))
            ++i;
    };
    qsizetype semicolon = value.indexOf(';');
    *mainValue = (semicolon < 0 ? value : value.left(semicolon)).trimmed().toLower();
    i = semicolon < 0 ? n : semicolon + 1;
    QSet<QByteArray> quotedNames;
    while (i < n) {
        skipSpace();
        const qsizetype eq = value.indexOf('=', i);
        if (eq < 0)
            break;
        const QByteArray name = value.mid(i, eq - i).trimmed().toLower();
        i = eq + 1;
        skipSpace();
        QByteArray v;
        if (i < n && value.at(i) == '"') {
            ++i;
            while (i < n && value.at(i) != '"') {
                if (value.at(i) == '\\' && i + 1 < n)
                    ++i;
                v += value.at(i++);
            }
            ++i;
            quotedNames.insert(name);
        } else {
            while (i < n && value.at(i) != ';')
                v += value.at(i++);
            v = v.trimmed();
        }
        while (i < n && value.at(i) != ';')
            ++i;
        ++i;
        raw.append({name, v});
    }

    QMap<QByteArray, QString> out;
    QMap<QByteArray, QMap<int, QPair<QByteArray, bool>>> sections; // name -> n -> (v, encoded)
    for (const auto &[name, v] : raw) {
        const qsizetype star = name.indexOf('*');
        if (star < 0) {
            out.insert(name, v.contains("=?") ? EmlParser::decodeHeaderText(v) : rawText(v));
            continue;
        }
        const QByteArray base = name.left(star);
        const QByteArray rest = name.mid(star + 1);
        const bool encoded = rest.endsWith('*') || rest.isEmpty();
        const int number = (rest.endsWith('*') ? rest.chopped(1) : rest).toInt();
        sections[base][number] = {v, encoded && !quotedNames.contains(name)};
    }
    for (auto it = sections.cbegin(); it != sections.cend(); ++it) {
        QByteArray bytes;
        QByteArray charset;
        bool first = true;
        for (const auto &[v, encoded] : it.value()) {
            QByteArray part = v;
            if (encoded && first) {
                const qsizetype q1 = part.indexOf('\'');
                const qsizetype q2 = q1 < 0 ? -1 : part.indexOf('\'', q1 + 1);
                if (q2 >= 0) {
                    charset = part.left(q1);
                    part = part.mid(q2 + 1);
                }
            }
            bytes += encoded ? QByteArray::fromPercentEncoding(part) : part;
            first = false;
        }
        // The RFC 2231 form wins over a plain or RFC 2047 one of the same name.
        out.insert(it.key(), decodeCharset(bytes, charset));
    }
    return out;
}

QByteArray decodeTransfer(QByteArrayView body, const QByteArray &encoding)
{
    const QByteArray cte = encoding.trimmed().toLower();
    if (cte == "base64") {
        Base64::Decoder decoder;
        QByteArray out;
        decoder.feed(body.constData(), body.size(), &out);
        return out;
    }
    if (cte == "quoted-printable")
        return QuotedPrintable::decode(body.toByteArray());
    return body.toByteArray();
}

QString safeFileName(const QString &name, int index)
{
    QString out;
    for (const QChar c : QFileInfo(name).fileName()) {
        if (c.unicode() < 0x20 || c == QLatin1Char('/') || c == QLatin1Char('\\') ||
            c.unicode() == 0x7f)
            out += QLatin1Char('_');
        else
            out += c;
    }
    while (out.startsWith(QLatin1Char('.')))
        out.remove(0, 1);
    if (out.isEmpty())
        out = QStringLiteral("attachment-%1").arg(index);
    // Most file systems take 255 bytes per name; keep the extension.
    while (out.toUtf8().size() > 200) {
        const QString suffix = QFileInfo(out).suffix();
        const qsizetype keep = out.size() - suffix.size() - 2;
        out = out.left(keep) + (suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix);
    }
    return out;
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

class Walker
{
public:
    Walker(Message *message, const QString &dir)
        : m_message(message)
        , m_dir(dir)
    {}

    bool walk(const Entity &entity, bool topLevel, int depth, QString *error)
    {
        QByteArray type;
        const QMap<QByteArray, QString> ct = parameters(entity.value("content-type"), &type);
        if (type.isEmpty())
            type = "text/plain";
        if (type.startsWith("multipart/") && depth < 20) {
            const QByteArray boundary = ct.value("boundary").toUtf8();
            if (boundary.isEmpty())
                return leaf(entity, "text/plain", ct, topLevel, error);
            const QByteArray delimiter = "--" + boundary;
            QList<QByteArrayView> parts;
            qsizetype pos = 0;
            qsizetype partStart = -1;
            QByteArrayView body = entity.body;
            while (pos < body.size()) {
                const qsizetype lineStart = pos;
                const QByteArrayView line = nextLine(body, &pos);
                if (!line.startsWith(delimiter))
                    continue;
                const QByteArrayView rest = line.sliced(delimiter.size()).trimmed();
                if (!rest.isEmpty() && rest != "--")
                    continue;
                if (partStart >= 0) {
                    // The line break before the delimiter belongs to it.
                    qsizetype end = lineStart;
                    if (end > partStart && body.at(end - 1) == '\n')
                        --end;
                    if (end > partStart && body.at(end - 1) == '\r')
                        --end;
                    parts.append(body.sliced(partStart, end - partStart));
                }
                if (rest == "--")
                    break;
                partStart = pos;
            }
            for (const QByteArrayView p : parts) {
                if (!walk(parseEntity(p), false, depth + 1, error))
                    return false;
            }
            return true;
        }
        return leaf(entity, type, ct, topLevel, error);
    }

private:
    bool leaf(const Entity &entity, const QByteArray &type, const QMap<QByteArray, QString> &ct,
              bool topLevel, QString *error)
    {
        QByteArray disposition;
        const QMap<QByteArray, QString> cd =
            parameters(entity.value("content-disposition"), &disposition);
        QString filename = cd.value("filename");
        if (filename.isEmpty())
            filename = ct.value("name");
        const QByteArray cte = entity.value("content-transfer-encoding");
        const bool asBody = disposition != "attachment" && filename.isEmpty();
        if (asBody && ((type == "text/plain" && !m_haveText) ||
                       (type == "text/html" && m_message->html.isEmpty()))) {
            QString text =
                decodeCharset(decodeTransfer(entity.body, cte), ct.value("charset").toLatin1());
            text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
            // A single-part message ends with the line break every message ends with.
            if (topLevel && text.endsWith(QLatin1Char('\n')))
                text.chop(1);
            if (type == "text/plain") {
                m_message->text = text;
                m_haveText = true;
            } else {
                m_message->html = text;
            }
            return true;
        }
        ++m_count;
        const QString shown =
            filename.isEmpty() ? QStringLiteral("attachment-%1").arg(m_count) : filename;
        const QString path = uniquePath(QDir(m_dir), safeFileName(shown, m_count));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot write attachment %1 to %2: %3")
                         .arg(shown, path, file.errorString());
            return false;
        }
        if (cte.trimmed().toLower() == "base64") {
            // Decoded a slice at a time: an attachment is never whole in memory twice.
            Base64::Decoder decoder;
            QByteArray out;
            constexpr qsizetype Slice = 1 << 20;
            for (qsizetype i = 0; i < entity.body.size(); i += Slice) {
                out.clear();
                const QByteArrayView slice =
                    entity.body.sliced(i, qMin(Slice, entity.body.size() - i));
                decoder.feed(slice.constData(), slice.size(), &out);
                if (file.write(out) != out.size()) {
                    *error = QStringLiteral("cannot write attachment %1 to %2: %3")
                                 .arg(shown, path, file.errorString());
                    return false;
                }
            }
        } else if (file.write(decodeTransfer(entity.body, cte)) < 0) {
            *error = QStringLiteral("cannot write attachment %1 to %2: %3")
                         .arg(shown, path, file.errorString());
            return false;
        }
        Attachment a;
        a.path = path;
        a.name = shown;
        a.contentType = QString::fromLatin1(type);
        a.isInline = disposition == "inline";
        a.contentId = bareId(entity.value("content-id"));
        m_message->attachments.append(a);
        return true;
    }

    Message *m_message;
    QString m_dir;
    bool m_haveText = false;
    int m_count = 0;
};

} // namespace

QString EmlParser::decodeHeaderText(const QByteArray &value)
{
    static const QRegularExpression word(
        QStringLiteral("=\\?([^?\\s]+)\\?([QqBb])\\?([^?\\s]*)\\?="));
    const QString text = rawText(value);
    QString out;
    qsizetype pos = 0;
    bool lastWasWord = false;
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString between = text.mid(pos, m.capturedStart() - pos);
        // Whitespace between two encoded words is not part of the text (RFC 2047 6.2).
        if (!(lastWasWord && between.trimmed().isEmpty()))
            out += between;
        QByteArray charset = m.captured(1).toLatin1();
        if (charset.contains('*'))
            charset.truncate(charset.indexOf('*')); // RFC 2231 language suffix
        const QByteArray payload = m.captured(3).toLatin1();
        QByteArray bytes;
        if (m.captured(2).compare(QLatin1String("B"), Qt::CaseInsensitive) == 0) {
            bytes = QByteArray::fromBase64(payload);
        } else {
            QByteArray q = payload;
            q.replace('_', ' ');
            bytes = QuotedPrintable::decode(q);
        }
        out += decodeCharset(bytes, charset);
        pos = m.capturedEnd();
        lastWasWord = true;
    }
    out += text.mid(pos);
    return out;
}

std::optional<Message> EmlParser::parse(const QByteArray &data, const QString &attachmentDir,
                                        QString *error)
{
    QByteArrayView view(data);
    // An mbox export starts with its "From " separator line.
    if (view.startsWith("From ")) {
        qsizetype pos = 0;
        nextLine(view, &pos);
        view = view.sliced(pos);
    }
    const Entity top = parseEntity(view);
    if (top.headers.isEmpty() ||
        (!top.has("from") && !top.has("to") && !top.has("subject") && !top.has("mime-version"))) {
        *error = QStringLiteral("not a mail message: no From, To or Subject header found");
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
    for (const Header &h : top.headers) {
        if (h.name == "to" && !h.value.contains(":;")) // not "undisclosed-recipients:;"
            m.to += addressList(h.value);
        else if (h.name == "cc")
            m.cc += addressList(h.value);
        else if (h.name == "bcc")
            m.bcc += addressList(h.value);
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
    // Headers a person added: X- fields (but Postwire's own and the priority it writes).
    for (const Header &h : top.headers) {
        if (!h.name.startsWith("x-") || h.name == "x-priority" || h.name.startsWith("x-postwire-"))
            continue;
        ExtraHeader extra;
        extra.name = QString::fromLatin1(h.original);
        extra.value = decodeHeaderText(h.value);
        if (Message::checkHeaderName(extra.name).isEmpty())
            m.extraHeaders.append(extra);
    }

    Walker walker(&m, attachmentDir);
    if (!walker.walk(top, true, 0, error))
        return std::nullopt;
    return m;
}

std::optional<Message> EmlParser::parseFile(const QString &path, const QString &attachmentDir,
                                            QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
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
        *error = QStringLiteral("cannot create a temporary folder for the attachments: %1")
                     .arg(dir.errorString());
        return std::nullopt;
    }
    std::optional<Message> message = parseFile(path, dir.path(), error);
    if (message) {
        dir.setAutoRemove(false);
        *attachmentDir = dir.path();
    }
    return message;
}
