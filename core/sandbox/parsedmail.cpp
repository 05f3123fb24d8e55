#include "parsedmail.h"

#include <QRegularExpression>
#include <QStringDecoder>

namespace {

struct Entity
{
    QList<QPair<QByteArray, QByteArray>> headers; // raw name, unfolded raw value
    QByteArray body;
};

Entity split(const QByteArray &raw, QByteArray *headerBlock = nullptr)
{
    Entity e;
    qsizetype end = raw.indexOf("\r\n\r\n");
    qsizetype bodyStart = end + 4;
    const qsizetype lfEnd = raw.indexOf("\n\n");
    if (lfEnd >= 0 && (end < 0 || lfEnd < end)) {
        end = lfEnd;
        bodyStart = lfEnd + 2;
    }
    if (raw.startsWith("\r\n") || raw.startsWith('\n')) {
        end = 0;
        bodyStart = raw.startsWith("\r\n") ? 2 : 1;
    }
    const QByteArray block = end < 0 ? raw : raw.left(end);
    if (headerBlock)
        *headerBlock = block;
    e.body = end < 0 ? QByteArray() : raw.mid(bodyStart);
    for (QByteArray line : block.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if ((line.startsWith(' ') || line.startsWith('\t')) && !e.headers.isEmpty()) {
            e.headers.last().second += ' ' + line.trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        e.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return e;
}

QByteArray headerValue(const Entity &e, const char *name)
{
    for (const auto &h : e.headers) {
        if (qstricmp(h.first.constData(), name) == 0)
            return h.second;
    }
    return QByteArray();
}

// "text/plain; charset=utf-8; name=\"a b\"" -> type and parameters (RFC 2045/2231 basics).
QByteArray parseParameters(const QByteArray &value, QList<QPair<QByteArray, QByteArray>> *params)
{
    QList<QByteArray> pieces;
    QByteArray current;
    bool quoted = false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value.at(i);
        if (c == '"')
            quoted = !quoted;
        if (c == ';' && !quoted) {
            pieces << current;
            current.clear();
        } else {
            current += c;
        }
    }
    pieces << current;
    for (qsizetype i = 1; i < pieces.size(); ++i) {
        const qsizetype eq = pieces.at(i).indexOf('=');
        if (eq < 0)
            continue;
        QByteArray v = pieces.at(i).mid(eq + 1).trimmed();
        if (v.startsWith('"') && v.endsWith('"') && v.size() >= 2)
            v = v.mid(1, v.size() - 2).replace("\\\"", "\"").replace("\\\\", "\\");
        params->append({pieces.at(i).left(eq).trimmed().toLower(), v});
    }
    return pieces.first().trimmed().toLower();
}

QString parameter(const QList<QPair<QByteArray, QByteArray>> &params, const char *name)
{
    QByteArray continued;
    for (const auto &p : params) {
        if (p.first == name)
            return ParsedMail::decodeHeader(p.second);
        // RFC 2231: name*=charset'lang'percent-encoded, possibly split as name*0*, name*1*.
        if (p.first.startsWith(QByteArray(QByteArray(name) + '*')))
            continued += p.second;
    }
    if (continued.isEmpty())
        return QString();
    const qsizetype q1 = continued.indexOf('\'');
    const qsizetype q2 = q1 < 0 ? -1 : continued.indexOf('\'', q1 + 1);
    if (q2 < 0)
        return QString::fromUtf8(QByteArray::fromPercentEncoding(continued));
    return ParsedMail::decodeText(QByteArray::fromPercentEncoding(continued.mid(q2 + 1)),
                                  continued.left(q1));
}

QByteArray decodeQuotedPrintable(const QByteArray &in, bool header)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (header && c == '_') {
            out += ' ';
        } else if (c == '=' && i + 1 < in.size()) {
            if (in.at(i + 1) == '\n') {
                i += 1;
            } else if (in.at(i + 1) == '\r' && i + 2 < in.size() && in.at(i + 2) == '\n') {
                i += 2;
            } else {
                bool ok = false;
                const int v = in.mid(i + 1, 2).toInt(&ok, 16);
                if (ok) {
                    out += char(v);
                    i += 2;
                } else {
                    out += c;
                }
            }
        } else {
            out += c;
        }
    }
    return out;
}

QByteArray decodeTransfer(const QByteArray &body, const QByteArray &encoding)
{
    const QByteArray e = encoding.trimmed().toLower();
    if (e == "base64")
        return QByteArray::fromBase64(body);
    if (e == "quoted-printable")
        return decodeQuotedPrintable(body, false);
    return body;
}

void walk(const QByteArray &raw, ParsedMail *mail, int depth)
{
    const Entity e = split(raw);
    QList<QPair<QByteArray, QByteArray>> params;
    QByteArray type = parseParameters(headerValue(e, "Content-Type"), &params);
    if (type.isEmpty())
        type = "text/plain";
    if (type.startsWith("multipart/") && depth < 20) {
        QByteArray boundary;
        for (const auto &p : params) {
            if (p.first == "boundary")
                boundary = p.second;
        }
        if (!boundary.isEmpty()) {
            const QByteArray delimiter = "--" + boundary;
            qsizetype pos = e.body.indexOf(delimiter);
            while (pos >= 0) {
                qsizetype start = e.body.indexOf('\n', pos);
                if (start < 0 || e.body.mid(pos + delimiter.size(), 2) == "--")
                    break;
                ++start;
                qsizetype next = e.body.indexOf(QByteArray("\n" + delimiter), start);
                const qsizetype end = next < 0 ? e.body.size() : next;
                QByteArray part = e.body.mid(start, end - start);
                if (part.endsWith('\r'))
                    part.chop(1);
                walk(part, mail, depth + 1);
                pos = next < 0 ? -1 : next + 1;
            }
            return;
        }
    }
    QList<QPair<QByteArray, QByteArray>> disposition;
    const QByteArray dispositionType =
        parseParameters(headerValue(e, "Content-Disposition"), &disposition);
    ParsedMail::Part part;
    part.contentType = QString::fromLatin1(type);
    part.fileName = parameter(disposition, "filename");
    if (part.fileName.isEmpty())
        part.fileName = parameter(params, "name");
    part.contentId = QString::fromLatin1(headerValue(e, "Content-ID")).trimmed();
    if (part.contentId.startsWith(QLatin1Char('<')) && part.contentId.endsWith(QLatin1Char('>')))
        part.contentId = part.contentId.mid(1, part.contentId.size() - 2);
    part.isAttachment = dispositionType == "attachment";
    part.data = decodeTransfer(e.body, headerValue(e, "Content-Transfer-Encoding"));
    const bool isBody = !part.isAttachment && part.fileName.isEmpty();
    if (isBody && type == "text/plain" && mail->text.isEmpty()) {
        mail->text = ParsedMail::decodeText(part.data, parameter(params, "charset").toLatin1());
        return;
    }
    if (isBody && type == "text/html" && mail->html.isEmpty()) {
        mail->html = ParsedMail::decodeText(part.data, parameter(params, "charset").toLatin1());
        return;
    }
    mail->parts << part;
}

} // namespace

QString ParsedMail::decodeText(const QByteArray &bytes, const QByteArray &charset)
{
    const QByteArray name = charset.trimmed().toLower();
    if (name.isEmpty() || name == "us-ascii" || name == "utf-8" || name == "utf8") {
        QStringDecoder utf8(QStringDecoder::Utf8);
        const QString text = utf8.decode(bytes);
        if (!utf8.hasError())
            return text;
        return QString::fromLatin1(bytes);
    }
    auto encoding = QStringConverter::encodingForName(name.constData());
    if (encoding) {
        QStringDecoder decoder(*encoding);
        return decoder.decode(bytes);
    }
    return QString::fromLatin1(bytes);
}

QString ParsedMail::decodeHeader(const QByteArray &value)
{
    static const QRegularExpression word(QStringLiteral("=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?="));
    // Raw UTF-8 headers (RFC 6532) are text already.
    const QString text = decodeText(value, "utf-8");
    QString out;
    qsizetype last = 0;
    bool previousWasWord = false;
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString between = text.mid(last, m.capturedStart() - last);
        // White space between two encoded words is not part of the text (RFC 2047 section 6.2).
        if (!(previousWasWord && between.trimmed().isEmpty()))
            out += between;
        QByteArray charset = m.captured(1).toLatin1();
        if (charset.contains('*'))
            charset = charset.left(charset.indexOf('*'));
        const QByteArray payload = m.captured(3).toLatin1();
        const QByteArray bytes = m.captured(2).compare(QLatin1String("b"), Qt::CaseInsensitive) == 0
                                     ? QByteArray::fromBase64(payload)
                                     : decodeQuotedPrintable(payload, true);
        out += decodeText(bytes, charset);
        last = m.capturedEnd();
        previousWasWord = true;
    }
    out += text.mid(last);
    return out.simplified();
}

ParsedMail ParsedMail::parse(const QByteArray &raw)
{
    ParsedMail mail;
    const Entity top = split(raw, &mail.headerBlock);
    for (const auto &h : top.headers)
        mail.headers.append({QString::fromLatin1(h.first), decodeHeader(h.second)});
    walk(raw, &mail, 0);
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
