#include "mime/mimeparser.h"

#include "mime/base64.h"
#include "mime/flowedtext.h"
#include "mime/quotedprintable.h"

#include <QRegularExpression>
#include <QStringDecoder>

namespace {

// Nesting deeper than this is treated as a leaf: no real writer goes near it, and a hostile
// message must not exhaust the stack.
constexpr int MaxDepth = 20;
constexpr qsizetype Slice = 1 << 20;

// The next line of data from pos, without its line ending (CRLF or a bare LF); pos moves past
// the ending.
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

// data up to end without the line break just before end.
qsizetype chopLineBreak(QByteArrayView data, qsizetype start, qsizetype end)
{
    if (end > start && data.at(end - 1) == '\n')
        --end;
    if (end > start && data.at(end - 1) == '\r')
        --end;
    return end;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

// The field name of a header line, or -1 when the line is not a field: RFC 5322 ftext up to
// the colon, with the obsolete white space before it allowed.
qsizetype colonOfField(QByteArrayView line)
{
    qsizetype i = 0;
    while (i < line.size() && line.at(i) > ' ' && line.at(i) < 127 && line.at(i) != ':')
        ++i;
    if (i == 0)
        return -1;
    while (i < line.size() && isSpace(line.at(i)))
        ++i;
    return i < line.size() && line.at(i) == ':' ? i : -1;
}

bool isUtf8Label(const QByteArray &name)
{
    return name.isEmpty() || name == "utf-8" || name == "utf8" || name == "us-ascii" ||
           name == "ascii";
}

// RFC 2047 "Q" is quoted-printable with "_" for a space, which becomes "=20" so that it is
// not trailing white space the decoder drops.
QByteArray decodeQ(QByteArray payload)
{
    payload.replace('_', "=20");
    return QuotedPrintable::decode(payload);
}

// The alphabet, padding and the white space Base64::Decoder skips; a table, because this
// test runs once per byte of every attachment.
struct Base64Characters
{
    bool accepted[256] = {};
    constexpr Base64Characters()
    {
        for (const char c : QByteArrayView(
                 "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \t\r\n"))
            accepted[static_cast<unsigned char>(c)] = true;
    }
};
constexpr Base64Characters Base64Accepted;

// Characters outside the alphabet are skipped, as mail readers do, rather than ending the
// data as Base64::Decoder would. False once the data has ended (after its padding).
bool feedBase64(Base64::Decoder *decoder, QByteArrayView in, QByteArray *out)
{
    qsizetype start = 0;
    for (qsizetype i = 0; i <= in.size(); ++i) {
        if (i < in.size() && Base64Accepted.accepted[static_cast<unsigned char>(in.at(i))])
            continue;
        if (i > start && !decoder->feed(in.constData() + start, i - start, out))
            return false;
        start = i + 1;
    }
    return true;
}

// The bytes a writer left unpadded still count.
void finishBase64(Base64::Decoder *decoder, QByteArray *out)
{
    if (!decoder->isComplete())
        decoder->feed("=", 1, out);
}

// What a part's parent tells it: the type a part without Content-Type has (RFC 2046 5.1.5:
// message/rfc822 inside multipart/digest) and the parent's boundary, which a nested multipart
// must not reuse (RFC 2046 5.1.1) but real mail sometimes does.
struct Context
{
    QByteArrayView defaultType = "text/plain";
    QByteArrayView parentBoundary;
};

void parseEntity(QByteArrayView data, MimeParser::Part *part, int depth, const Context &context);

struct Delimiter
{
    qsizetype lineStart; // where the delimiter line starts
    qsizetype next;      // where the line after it starts
    bool close;          // "--boundary--"
};

// Every delimiter line of boundary in body, closing ones included; not only up to the first
// close, so that a nested multipart reusing the boundary can take the parts after it.
QList<Delimiter> findDelimiters(QByteArrayView body, QByteArrayView boundary)
{
    QList<Delimiter> out;
    qsizetype pos = 0;
    while (pos < body.size()) {
        const qsizetype lineStart = pos;
        const QByteArrayView line = nextLine(body, &pos);
        if (line.size() < boundary.size() + 2 || !line.startsWith("--") ||
            !line.sliced(2).startsWith(boundary))
            continue;
        // Transport padding may follow; a longer boundary with this one as prefix does not.
        const QByteArrayView rest = line.sliced(boundary.size() + 2).trimmed();
        if (rest.isEmpty() || rest == "--")
            out.append({lineStart, pos, rest == "--"});
    }
    return out;
}

// Gives container the parts that follow delimiter *k up to the close that ends it. A child
// that is a multipart with the same boundary takes the parts after it for itself (its own body
// has no delimiter left), until a close ends it and the container goes on.
void takeParts(MimeParser::Part *container, QByteArrayView body, QByteArrayView boundary,
               const QList<Delimiter> &delimiters, qsizetype *k, int depth,
               const Context &childContext)
{
    while (*k < delimiters.size()) {
        const Delimiter &d = delimiters.at((*k)++);
        if (d.close)
            return;
        // The line break before a delimiter belongs to the delimiter (RFC 2046 5.1.1); without
        // a closing delimiter the last part runs to the end, which acts as one.
        const qsizetype next = *k < delimiters.size() ? delimiters.at(*k).lineStart : body.size();
        const qsizetype end = chopLineBreak(body, d.next, next);
        MimeParser::Part child;
        parseEntity(body.sliced(d.next, end - d.next), &child, depth + 1, childContext);
        if (child.type.startsWith("multipart/") && child.children.isEmpty() &&
            child.typeParameters.value("boundary").toUtf8() == boundary && depth + 1 < MaxDepth) {
            takeParts(
                &child, body, boundary, delimiters, k, depth + 1,
                {child.type == "multipart/digest" ? "message/rfc822" : "text/plain", boundary});
            if (child.children.isEmpty())
                child.type = "text/plain";
        }
        container->children.append(std::move(child));
    }
}

// A boundary that does occur: the first "--token" line followed by a header field, the shape
// every part starts with. For a multipart whose declared boundary is missing or wrong.
QByteArray guessBoundary(QByteArrayView body)
{
    qsizetype pos = 0;
    while (pos < body.size()) {
        const QByteArrayView line = nextLine(body, &pos).trimmed();
        if (line.size() < 3 || !line.startsWith("--") || line.contains(' ') || line.contains('\t'))
            continue;
        qsizetype after = pos;
        const QByteArrayView header = nextLine(body, &after);
        if (colonOfField(header) > 0)
            return line.sliced(2).toByteArray();
    }
    return {};
}

void splitMultipart(MimeParser::Part *part, int depth)
{
    QByteArray boundary = part->typeParameters.value("boundary").toUtf8();
    QList<Delimiter> delimiters =
        boundary.isEmpty() ? QList<Delimiter>() : findDelimiters(part->body, boundary);
    if (delimiters.isEmpty()) {
        boundary = guessBoundary(part->body);
        if (!boundary.isEmpty())
            delimiters = findDelimiters(part->body, boundary);
        part->problem =
            boundary.isEmpty()
                ? MimeParser::tr("a %1 part has no boundary that occurs in it: shown as text")
                      .arg(QString::fromLatin1(part->type))
                : MimeParser::tr("a %1 part's boundary is missing or wrong: its parts were found "
                                 "by the lines between them")
                      .arg(QString::fromLatin1(part->type));
    }
    if (delimiters.isEmpty())
        return;
    qsizetype k = 0;
    takeParts(part, part->body, boundary, delimiters, &k, depth,
              {part->type == "multipart/digest" ? "message/rfc822" : "text/plain", boundary});
}

void parseEntity(QByteArrayView data, MimeParser::Part *part, int depth, const Context &context)
{
    qsizetype pos = 0;
    qsizetype blockEnd = 0;
    while (pos < data.size()) {
        const qsizetype lineStart = pos;
        const QByteArrayView line = nextLine(data, &pos);
        if (line.isEmpty())
            break;
        if (isSpace(line.at(0)) && !part->fields.isEmpty()) {
            // Unfolding removes only the line break (RFC 5322 2.2.3).
            part->fields.last().value.append(line);
            blockEnd = chopLineBreak(data, lineStart, pos);
            continue;
        }
        const qsizetype colon = colonOfField(line);
        if (colon < 0) {
            // Not a field: the body starts here (the empty line is missing).
            pos = lineStart;
            break;
        }
        part->fields.append(
            {line.first(colon).trimmed().toByteArray(), line.sliced(colon + 1).toByteArray()});
        blockEnd = chopLineBreak(data, lineStart, pos);
    }
    for (MimeParser::Field &f : part->fields)
        f.value = f.value.trimmed();
    part->headerBlock = data.first(blockEnd);
    part->body = data.sliced(pos);

    part->type = MimeParser::parseParameters(part->value("content-type"), &part->typeParameters);
    // RFC 2045 5.2: a missing or malformed type is text/plain, or what the parent says a
    // missing one is.
    if (!part->has("content-type"))
        part->type = context.defaultType.toByteArray();
    else if (!part->type.contains('/'))
        part->type = "text/plain";
    part->disposition = MimeParser::parseParameters(part->value("content-disposition"),
                                                    &part->dispositionParameters);
    // A nested multipart with its parent's boundary has no delimiter of its own left: its
    // parent gives it the parts after it (takeParts()).
    const bool reusesBoundary =
        !context.parentBoundary.isEmpty() &&
        part->typeParameters.value("boundary").toUtf8() == context.parentBoundary;
    if (part->type.startsWith("multipart/") && depth < MaxDepth && !reusesBoundary) {
        splitMultipart(part, depth);
        // No boundary, or one that never occurs: the body is shown as the text it is.
        if (part->children.isEmpty())
            part->type = "text/plain";
    }
}

void collectLeaves(const MimeParser::Part &part, QList<const MimeParser::Part *> *out)
{
    if (part.children.isEmpty()) {
        out->append(&part);
        return;
    }
    for (const MimeParser::Part &child : part.children)
        collectLeaves(child, out);
}

void collectProblems(const MimeParser::Part &part, QStringList *out)
{
    if (!part.problem.isEmpty())
        out->append(part.problem);
    for (const MimeParser::Part &child : part.children)
        collectProblems(child, out);
}

} // namespace

QByteArray MimeParser::Part::value(QByteArrayView name) const
{
    for (const Field &f : fields) {
        if (f.name.compare(name, Qt::CaseInsensitive) == 0)
            return f.value;
    }
    return {};
}

bool MimeParser::Part::has(QByteArrayView name) const
{
    for (const Field &f : fields) {
        if (f.name.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray MimeParser::Part::transferEncoding() const
{
    return value("content-transfer-encoding").trimmed().toLower();
}

QString MimeParser::Part::fileName() const
{
    const QString name = dispositionParameters.value("filename");
    return name.isEmpty() ? typeParameters.value("name") : name;
}

QString MimeParser::Part::contentId() const
{
    QString id = decodeText(value("content-id"), {}).trimmed();
    if (id.startsWith(QLatin1Char('<')) && id.endsWith(QLatin1Char('>')))
        id = id.mid(1, id.size() - 2);
    return id;
}

QByteArray MimeParser::Part::decodedBody() const
{
    return decodeTransfer(body, transferEncoding());
}

QString MimeParser::Part::text() const
{
    return decodeText(decodedBody(), typeParameters.value("charset").toLatin1());
}

bool MimeParser::Part::isFlowed() const
{
    return type == "text/plain" && typeParameters.value("format").trimmed().compare(
                                       QLatin1String("flowed"), Qt::CaseInsensitive) == 0;
}

QString MimeParser::Part::readableText() const
{
    if (!isFlowed())
        return text();
    const bool delSp = typeParameters.value("delsp").trimmed().compare(QLatin1String("yes"),
                                                                       Qt::CaseInsensitive) == 0;
    return FlowedText::decode(text(), delSp);
}

QList<const MimeParser::Part *> MimeParser::Part::leaves() const
{
    QList<const Part *> out;
    collectLeaves(*this, &out);
    return out;
}

MimeParser::Part MimeParser::parse(QByteArrayView message)
{
    // An mbox export starts with its "From " separator line.
    if (message.startsWith("From ")) {
        qsizetype pos = 0;
        nextLine(message, &pos);
        message = message.sliced(pos);
    }
    Part root;
    parseEntity(message, &root, 0, {});
    return root;
}

MimeParser::Bodies MimeParser::bodies(const Part &root)
{
    Bodies out;
    collectProblems(root, &out.problems);
    for (const Part *leaf : root.leaves()) {
        // RFC 2183: inline means show it, named or not; an unnamed part without a
        // disposition is shown too.
        const bool shown = leaf->disposition == "inline" ||
                           (leaf->disposition != "attachment" && leaf->fileName().isEmpty());
        if (shown && leaf->type == "text/plain" && !out.text)
            out.text = leaf;
        else if (shown && leaf->type == "text/html" && !out.html)
            out.html = leaf;
        else
            out.others.append(leaf);
    }
    return out;
}

QString MimeParser::decodeText(QByteArrayView bytes, QByteArrayView charset)
{
    const QByteArray name = charset.trimmed().toByteArray().toLower();
    if (isUtf8Label(name)) {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = utf8.decode(bytes);
        return utf8.hasError() ? QString::fromLatin1(bytes) : text;
    }
    QStringDecoder decoder(name.constData());
    if (!decoder.isValid())
        return QString::fromLatin1(bytes);
    return decoder.decode(bytes);
}

QString MimeParser::decodeHeader(QByteArrayView value)
{
    // Tolerant of white space inside a word's text, which broken folding leaves behind.
    static const QRegularExpression word(QStringLiteral("=\\?([^?\\s]+)\\?([QqBb])\\?([^?]*)\\?="));
    const QString text = decodeText(value, {});
    QString out;
    // Adjacent words of one charset are decoded together: writers split a multi-byte
    // character across two words more often than they should.
    QByteArray pending;
    QByteArray pendingCharset;
    auto flush = [&] {
        if (!pendingCharset.isEmpty())
            out += decodeText(pending, pendingCharset);
        pending.clear();
        pendingCharset.clear();
    };
    qsizetype pos = 0;
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QStringView between = QStringView(text).mid(pos, m.capturedStart() - pos);
        QByteArray charset = m.captured(1).toLatin1().toLower();
        if (charset.contains('*'))
            charset.truncate(charset.indexOf('*')); // RFC 2231 language suffix
        // White space between two encoded words is not part of the text (RFC 2047 6.2).
        const bool joined = !pendingCharset.isEmpty() && between.trimmed().isEmpty();
        if (!joined || charset != pendingCharset) {
            flush();
            if (!joined)
                out += between;
        }
        const QByteArray payload = m.captured(3).toLatin1();
        pending += m.captured(2).compare(QLatin1String("B"), Qt::CaseInsensitive) == 0
                       ? QByteArray::fromBase64(payload)
                       : decodeQ(payload);
        pendingCharset = charset;
        pos = m.capturedEnd();
    }
    flush();
    out += QStringView(text).mid(pos);
    return out;
}

QByteArray MimeParser::parseParameters(QByteArrayView value, QMap<QByteArray, QString> *parameters)
{
    const qsizetype n = value.size();
    qsizetype i = value.indexOf(';');
    const QByteArray mainValue = (i < 0 ? value : value.first(i)).trimmed().toByteArray().toLower();
    if (i < 0)
        return mainValue;

    struct Raw
    {
        QByteArray name;
        QByteArray value;
    };
    QList<Raw> raw;
    while (i < n) {
        while (i < n && (value.at(i) == ';' || isSpace(value.at(i))))
            ++i;
        const qsizetype nameStart = i;
        while (i < n && value.at(i) != '=' && value.at(i) != ';')
            ++i;
        const QByteArray name = value.sliced(nameStart, i - nameStart).trimmed().toByteArray();
        if (i >= n || value.at(i) == ';')
            continue; // a parameter without a value says nothing
        ++i;
        while (i < n && isSpace(value.at(i)))
            ++i;
        QByteArray v;
        if (i < n && value.at(i) == '"') {
            for (++i; i < n && value.at(i) != '"'; ++i) {
                if (value.at(i) == '\\' && i + 1 < n)
                    ++i;
                v += value.at(i);
            }
            while (i < n && value.at(i) != ';')
                ++i;
        } else {
            const qsizetype start = i;
            while (i < n && value.at(i) != ';')
                ++i;
            v = value.sliced(start, i - start).trimmed().toByteArray();
        }
        if (!name.isEmpty())
            raw.append({name.toLower(), v});
    }

    // RFC 2231: name*=charset'lang'%XX, or sections name*0, name*1* ... in any order.
    struct Section
    {
        QByteArray value;
        bool encoded = false;
    };
    QMap<QByteArray, QMap<int, Section>> sections; // base name -> number -> section
    for (const Raw &r : raw) {
        const qsizetype star = r.name.indexOf('*');
        if (star < 0) {
            parameters->insert(r.name, decodeHeader(r.value));
            continue;
        }
        const QByteArray rest = r.name.mid(star + 1);
        const bool encoded = rest.isEmpty() || rest.endsWith('*');
        const int number = (rest.endsWith('*') ? rest.chopped(1) : rest).toInt();
        sections[r.name.left(star)][number] = {r.value, encoded};
    }
    for (auto it = sections.cbegin(); it != sections.cend(); ++it) {
        QByteArray bytes;
        QByteArray charset;
        bool first = true;
        for (const Section &section : it.value()) {
            QByteArrayView part = section.value;
            if (section.encoded && first) {
                const qsizetype q1 = part.indexOf('\'');
                const qsizetype q2 = q1 < 0 ? -1 : part.indexOf('\'', q1 + 1);
                if (q2 >= 0) {
                    charset = part.first(q1).toByteArray();
                    part = part.sliced(q2 + 1);
                }
            }
            if (section.encoded)
                bytes += QByteArray::fromPercentEncoding(part.toByteArray());
            else
                bytes.append(part);
            first = false;
        }
        // The RFC 2231 form wins over a plain or RFC 2047 one of the same name.
        parameters->insert(it.key(), decodeText(bytes, charset));
    }
    return mainValue;
}

QByteArray MimeParser::decodeTransfer(QByteArrayView body, QByteArrayView encoding)
{
    const QByteArray cte = encoding.trimmed().toByteArray().toLower();
    if (cte == "base64") {
        Base64::Decoder decoder;
        QByteArray out;
        feedBase64(&decoder, body, &out);
        finishBase64(&decoder, &out);
        return out;
    }
    if (cte == "quoted-printable")
        return QuotedPrintable::decode(body.toByteArray());
    return body.toByteArray();
}

bool MimeParser::decodeTransfer(QByteArrayView body, QByteArrayView encoding,
                                const std::function<bool(QByteArrayView)> &sink)
{
    const QByteArray cte = encoding.trimmed().toByteArray().toLower();
    if (cte == "base64") {
        Base64::Decoder decoder;
        QByteArray out;
        bool more = true;
        for (qsizetype i = 0; i < body.size() && more; i += Slice) {
            out.clear();
            more = feedBase64(&decoder, body.sliced(i, qMin(Slice, body.size() - i)), &out);
            if (!more)
                break;
            if (!out.isEmpty() && !sink(out))
                return false;
            out.clear();
        }
        finishBase64(&decoder, &out);
        return out.isEmpty() || sink(out);
    }
    const bool qp = cte == "quoted-printable";
    for (qsizetype i = 0; i < body.size();) {
        qsizetype end = qMin(i + Slice, body.size());
        // Quoted-printable is decoded a line at a time, so slices end after a line break.
        if (qp && end < body.size()) {
            const qsizetype lf = body.indexOf('\n', end - 1);
            end = lf < 0 ? body.size() : lf + 1;
        }
        const QByteArrayView slice = body.sliced(i, end - i);
        if (qp) {
            if (!sink(QuotedPrintable::decode(slice.toByteArray())))
                return false;
        } else if (!sink(slice)) {
            return false;
        }
        i = end;
    }
    return true;
}
