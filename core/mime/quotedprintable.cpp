#include "mime/quotedprintable.h"

namespace {

constexpr char Hex[] = "0123456789ABCDEF";
constexpr int MaxLine = 76;

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

} // namespace

QByteArray QuotedPrintable::encode(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size() + text.size() / 8 + 16);
    qsizetype column = 0;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(text.at(i));
        if (c == '\r' && i + 1 < n && text.at(i + 1) == '\n') {
            out += "\r\n";
            column = 0;
            ++i;
            continue;
        }
        const bool endOfLine =
            i + 1 == n || (text.at(i + 1) == '\r' && i + 2 < n && text.at(i + 2) == '\n');
        bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !endOfLine);
        if (literal && column == 0 &&
            (c == '.' || (c == 'F' && text.mid(i, 5) == QByteArrayLiteral("From "))))
            literal = false;
        const int width = literal ? 1 : 3;
        // Room for the soft break's "=" unless this is the last character of the line.
        const int limit = endOfLine ? MaxLine : MaxLine - 1;
        if (column + width > limit) {
            out += "=\r\n";
            column = 0;
            if (literal && (c == '.' || (c == 'F' && text.mid(i, 5) == QByteArrayLiteral("From "))))
                literal = false;
        }
        if (literal) {
            out += static_cast<char>(c);
            column += 1;
        } else {
            out += '=';
            out += Hex[c >> 4];
            out += Hex[c & 15];
            column += 3;
        }
    }
    return out;
}

QByteArray QuotedPrintable::decode(const QByteArray &encoded)
{
    QByteArray out;
    out.reserve(encoded.size());
    const qsizetype n = encoded.size();
    qsizetype lineStart = 0;
    while (lineStart < n) {
        qsizetype lineEnd = encoded.indexOf('\n', lineStart);
        const bool hasBreak = lineEnd >= 0;
        if (!hasBreak)
            lineEnd = n;
        qsizetype end = lineEnd;
        if (end > lineStart && encoded.at(end - 1) == '\r')
            --end;
        // Transport may add trailing whitespace; it is not part of the text (RFC 2045 6.7 (3)).
        while (end > lineStart && (encoded.at(end - 1) == ' ' || encoded.at(end - 1) == '\t'))
            --end;
        bool soft = false;
        for (qsizetype i = lineStart; i < end; ++i) {
            const char c = encoded.at(i);
            if (c != '=') {
                out += c;
                continue;
            }
            if (i + 1 == end) {
                soft = true;
                break;
            }
            const int hi = i + 2 < end ? hexValue(encoded.at(i + 1)) : -1;
            const int lo = hi >= 0 ? hexValue(encoded.at(i + 2)) : -1;
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi << 4 | lo);
                i += 2;
            } else {
                out += c;
            }
        }
        // A hard break is written as it came: the parts of one message keep one line ending.
        if (hasBreak && !soft)
            out += lineEnd > lineStart && encoded.at(lineEnd - 1) == '\r' ? "\r\n" : "\n";
        lineStart = lineEnd + 1;
    }
    return out;
}
