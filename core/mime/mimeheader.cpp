#include "mime/mimeheader.h"

#include <QTextBoundaryFinder>

namespace {

constexpr int MaxEncodedWord = 75; // RFC 2047 section 2
constexpr int Overhead = 12;       // "=?UTF-8?Q?" + "?="

bool isQSafe(unsigned char c)
{
    // The characters RFC 2047 section 5 (3) allows in a phrase; safe in every context.
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '!' ||
           c == '*' || c == '+' || c == '-' || c == '/';
}

int qLength(const QByteArray &bytes)
{
    int n = 0;
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        n += (c == ' ' || isQSafe(c)) ? 1 : 3;
    }
    return n;
}

int encodedLength(int byteCount, int qCount, bool base64)
{
    return Overhead + (base64 ? (byteCount + 2) / 3 * 4 : qCount);
}

QByteArray encodeWord(const QByteArray &bytes, bool base64)
{
    QByteArray out = base64 ? QByteArrayLiteral("=?UTF-8?B?") : QByteArrayLiteral("=?UTF-8?Q?");
    if (base64) {
        out += bytes.toBase64();
    } else {
        static const char hex[] = "0123456789ABCDEF";
        for (const char ch : bytes) {
            const auto c = static_cast<unsigned char>(ch);
            if (c == ' ') {
                out += '_';
            } else if (isQSafe(c)) {
                out += ch;
            } else {
                out += '=';
                out += hex[c >> 4];
                out += hex[c & 15];
            }
        }
    }
    out += "?=";
    return out;
}

// The text cut where an encoded word may end: between grapheme clusters, or between code
// points for a cluster too long to fit one word on its own.
QList<QByteArray> units(const QString &text)
{
    QList<QByteArray> out;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    qsizetype previous = 0;
    for (qsizetype pos = finder.toNextBoundary(); pos != -1; pos = finder.toNextBoundary()) {
        if (pos <= previous)
            continue;
        const QString cluster = text.mid(previous, pos - previous);
        const QByteArray bytes = cluster.toUtf8();
        if (encodedLength(int(bytes.size()), 3 * int(bytes.size()), false) <= MaxEncodedWord) {
            out.append(bytes);
        } else {
            for (qsizetype i = 0; i < cluster.size(); ++i) {
                const qsizetype n =
                    cluster.at(i).isHighSurrogate() && i + 1 < cluster.size() ? 2 : 1;
                out.append(cluster.mid(i, n).toUtf8());
                i += n - 1;
            }
        }
        previous = pos;
    }
    return out;
}

bool chooseBase64(const QList<QByteArray> &parts)
{
    int bytes = 0;
    int q = 0;
    for (const QByteArray &p : parts) {
        bytes += int(p.size());
        q += qLength(p);
    }
    return (bytes + 2) / 3 * 4 < q;
}

// How many units from start fit in one encoded word of at most budget characters.
qsizetype fit(const QList<QByteArray> &parts, qsizetype start, int budget, bool base64)
{
    int bytes = 0;
    int q = 0;
    qsizetype n = 0;
    for (qsizetype i = start; i < parts.size(); ++i) {
        const int b = bytes + int(parts.at(i).size());
        const int qq = q + qLength(parts.at(i));
        if (encodedLength(b, qq, base64) > budget)
            break;
        bytes = b;
        q = qq;
        ++n;
    }
    return n;
}

QByteArray join(const QList<QByteArray> &parts, qsizetype start, qsizetype n)
{
    QByteArray out;
    for (qsizetype i = start; i < start + n; ++i)
        out += parts.at(i);
    return out;
}

bool isAtext(char32_t c, bool utf8)
{
    if (c >= 0x80)
        return utf8;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-/=?^_`{|}~").contains(char(c));
}

bool hasControl(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

bool isTokenChar(char c)
{
    // RFC 2045 token: printable ASCII but space and tspecials.
    return c > 0x20 && c < 0x7f && !QByteArrayView("()<>@,;:\\\"/[]?=").contains(c);
}

bool isAttributeChar(unsigned char c)
{
    // RFC 2231 attribute-char, minus the characters some readers get wrong anyway.
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$&+-.^_`|~").contains(char(c));
}

QByteArray quoted(const QByteArray &bytes)
{
    QByteArray out = "\"";
    for (const char c : bytes) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

} // namespace

MimeHeader::MimeHeader(const QByteArray &name, bool utf8)
    : m_name(name)
    , m_utf8(utf8)
{}

bool MimeHeader::isAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

QList<QByteArray> MimeHeader::encodeWords(const QString &text, int maxWordLength)
{
    const QList<QByteArray> parts = units(text);
    const bool base64 = chooseBase64(parts);
    QList<QByteArray> words;
    for (qsizetype i = 0; i < parts.size();) {
        const qsizetype n = qMax<qsizetype>(1, fit(parts, i, maxWordLength, base64));
        words.append(encodeWord(join(parts, i, n), base64));
        i += n;
    }
    return words;
}

void MimeHeader::addToken(const QByteArray &token, bool space)
{
    m_tokens.append({space ? QByteArrayLiteral(" ") : QByteArray(), token, {}});
}

void MimeHeader::appendToLast(const QByteArray &text)
{
    if (m_tokens.isEmpty()) {
        m_tokens.append({QByteArrayLiteral(" "), text, {}});
        return;
    }
    m_tokens.last().text += text;
}

void MimeHeader::addEncodedRun(const QByteArray &whitespace, const QString &text)
{
    m_tokens.append({whitespace, {}, text});
}

void MimeHeader::addText(const QString &text)
{
    struct Word
    {
        QByteArray whitespace;
        QString text;
        bool encode = false;
    };
    QList<Word> words;
    const QString trimmed = text.trimmed();
    for (qsizetype i = 0; i < trimmed.size();) {
        Word w;
        while (i < trimmed.size() &&
               (trimmed.at(i) == QLatin1Char(' ') || trimmed.at(i) == QLatin1Char('\t')))
            w.whitespace += char(trimmed.at(i++).unicode());
        while (i < trimmed.size() && trimmed.at(i) != QLatin1Char(' ') &&
               trimmed.at(i) != QLatin1Char('\t'))
            w.text += trimmed.at(i++);
        if (w.whitespace.isEmpty())
            w.whitespace = " ";
        // A word that cannot stand as it is: it would not fit one line, or a reader could
        // take it for something else (an encoded word), or it is not allowed raw.
        w.encode = (!m_utf8 && !isAscii(w.text)) || hasControl(w.text) ||
                   w.text.startsWith(QLatin1String("=?")) ||
                   w.text.toUtf8().size() + w.whitespace.size() > FoldAt - 1;
        words.append(w);
    }
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (!words.at(i).encode) {
            m_tokens.append({words.at(i).whitespace, words.at(i).text.toUtf8(), {}});
            continue;
        }
        // Whitespace between two encoded words is dropped by readers, so a run of words
        // that need encoding becomes one encoded text with its inner whitespace inside.
        QString run = words.at(i).text;
        qsizetype j = i + 1;
        for (; j < words.size() && words.at(j).encode; ++j)
            run += QString::fromLatin1(words.at(j).whitespace) + words.at(j).text;
        addEncodedRun(words.at(i).whitespace, run);
        i = j - 1;
    }
}

void MimeHeader::addPhrase(const QString &phrase)
{
    if (phrase.isEmpty())
        return;
    bool encode =
        (!m_utf8 && !isAscii(phrase)) || hasControl(phrase) || phrase.contains(QLatin1String("=?"));
    bool quote = phrase.startsWith(QLatin1Char(' ')) || phrase.endsWith(QLatin1Char(' ')) ||
                 phrase.contains(QLatin1String("  "));
    const QStringList words = phrase.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &w : words) {
        if (w.toUtf8().size() > FoldAt - 10)
            encode = true;
        for (const char32_t c : w.toUcs4()) {
            if (!isAtext(c, true))
                quote = true;
        }
    }
    const QByteArray q = quoted(phrase.toUtf8());
    if (!encode && quote && q.size() > FoldAt - 10)
        encode = true;
    if (encode) {
        addEncodedRun(" ", phrase);
    } else if (quote) {
        addToken(q);
    } else {
        for (const QString &w : words)
            addToken(w.toUtf8());
    }
}

void MimeHeader::addMailbox(const QString &name, const QByteArray &address)
{
    if (name.isEmpty()) {
        addToken(address);
        return;
    }
    addPhrase(name);
    addToken('<' + address + '>');
}

void MimeHeader::addParameter(const QByteArray &attribute, const QString &value)
{
    appendToLast(";");
    const QByteArray bytes = value.toUtf8();
    bool printable = true;
    bool token = !bytes.isEmpty();
    for (const char c : bytes) {
        printable = printable && c >= 0x20 && c < 0x7f;
        token = token && isTokenChar(c);
    }
    if (printable && token && attribute.size() + bytes.size() < FoldAt - 10) {
        addToken(attribute + '=' + bytes);
        return;
    }
    if (printable && attribute.size() + bytes.size() < FoldAt - 16) {
        addToken(attribute + '=' + quoted(bytes));
        return;
    }
    // RFC 2231: each section percent-encoded and short enough to fold between sections;
    // sections end on code point boundaries so no reader sees half a character.
    constexpr int SectionLength = 56;
    static const char hex[] = "0123456789ABCDEF";
    QList<QByteArray> sections(1);
    const QList<uint> ucs4 = value.toUcs4();
    for (const uint cp : ucs4) {
        const QByteArray utf8 =
            QString::fromUcs4(reinterpret_cast<const char32_t *>(&cp), 1).toUtf8();
        QByteArray encoded;
        for (const char ch : utf8) {
            const auto c = static_cast<unsigned char>(ch);
            if (isAttributeChar(c)) {
                encoded += ch;
            } else {
                encoded += '%';
                encoded += hex[c >> 4];
                encoded += hex[c & 15];
            }
        }
        if (sections.last().size() + encoded.size() > SectionLength)
            sections.append(QByteArray());
        sections.last() += encoded;
    }
    if (sections.size() == 1) {
        addToken(attribute + "*=utf-8''" + sections.first());
        return;
    }
    for (qsizetype i = 0; i < sections.size(); ++i) {
        QByteArray t = attribute + '*' + QByteArray::number(i) + "*=";
        if (i == 0)
            t += "utf-8''";
        t += sections.at(i);
        if (i + 1 < sections.size())
            t += ';';
        addToken(t);
    }
}

void MimeHeader::addEncodedWordParameter(const QByteArray &attribute, const QString &value)
{
    appendToLast(";");
    const QList<QByteArray> words = encodeWords(value, FoldAt - 18);
    for (qsizetype i = 0; i < words.size(); ++i) {
        QByteArray t = words.at(i);
        if (i == 0)
            t = attribute + "=\"" + t;
        if (i + 1 == words.size())
            t += '"';
        addToken(t);
    }
}

QByteArray MimeHeader::toBytes() const
{
    QByteArray out = m_name + ':';
    int column = int(out.size());
    int onLine = 0; // tokens on the current line; never fold before the first one
    auto fold = [&] {
        out += "\r\n";
        column = 0;
        onLine = 0;
    };
    for (const Token &token : m_tokens) {
        if (token.encoded.isEmpty()) {
            const int length = int(token.whitespace.size() + token.text.size());
            if (!token.whitespace.isEmpty() && onLine > 0 && column + length > FoldAt)
                fold();
            out += token.whitespace;
            out += token.text;
            column += length;
            ++onLine;
            continue;
        }
        const QList<QByteArray> parts = units(token.encoded);
        const bool base64 = chooseBase64(parts);
        for (qsizetype i = 0; i < parts.size();) {
            const QByteArray ws = i == 0 ? token.whitespace : QByteArrayLiteral(" ");
            const int suffix = int(token.text.size());
            int budget = qMin(MaxEncodedWord, FoldAt - column - int(ws.size()) - suffix);
            qsizetype n = budget >= Overhead + 8 ? fit(parts, i, budget, base64) : 0;
            if (n == 0 && onLine > 0) {
                fold();
                budget = qMin(MaxEncodedWord, FoldAt - int(ws.size()) - suffix);
                n = fit(parts, i, budget, base64);
            }
            n = qMax<qsizetype>(n, 1);
            const QByteArray word = encodeWord(join(parts, i, n), base64);
            out += ws;
            out += word;
            column += int(ws.size() + word.size());
            ++onLine;
            i += n;
        }
        out += token.text; // what appendToLast() glued on, e.g. ","
        column += int(token.text.size());
    }
    out += "\r\n";
    return out;
}
