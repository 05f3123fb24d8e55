#include "smtp/printable.h"

namespace {

void appendHex(QString *out, uint value, int digits, QLatin1Char prefix)
{
    *out += QLatin1Char('\\');
    *out += prefix;
    *out += QString::number(value, 16).rightJustified(digits, QLatin1Char('0'));
}

bool isFormatControl(char32_t cp)
{
    // Bidirectional embeddings, overrides and isolates (they reorder what follows them: the
    // "Trojan Source" trick), the Arabic letter mark, and the Unicode line and paragraph
    // separators, which some views break lines at.
    return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x061c ||
           cp == 0x2028 || cp == 0x2029;
}

void appendCodePoint(QString *out, char32_t cp)
{
    switch (cp) {
    case 0:
        *out += QLatin1String("\\0");
        return;
    case '\t':
        *out += QLatin1String("\\t");
        return;
    case '\n':
        *out += QLatin1String("\\n");
        return;
    case '\r':
        *out += QLatin1String("\\r");
        return;
    default:
        break;
    }
    if (cp < 0x20 || cp == 0x7f)
        appendHex(out, cp, 2, QLatin1Char('x'));
    else if ((cp >= 0x80 && cp < 0xa0) || isFormatControl(cp))
        appendHex(out, cp, 4, QLatin1Char('u'));
    else
        *out += QStringView(QChar::fromUcs4(cp));
}

// The length of the well-formed UTF-8 sequence at the start of bytes (1 to 4), or 0 when the
// first byte does not start one (RFC 3629 section 4: no overlong forms, no surrogates).
qsizetype utf8SequenceLength(QByteArrayView bytes)
{
    const auto at = [&bytes](qsizetype i) { return static_cast<unsigned char>(bytes[i]); };
    const unsigned char lead = at(0);
    qsizetype length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        low = lead == 0xe0 ? 0xa0 : 0x80;
        high = lead == 0xed ? 0x9f : 0xbf;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        low = lead == 0xf0 ? 0x90 : 0x80;
        high = lead == 0xf4 ? 0x8f : 0xbf;
    } else {
        return 0;
    }
    if (bytes.size() < length || at(1) < low || at(1) > high)
        return 0;
    for (qsizetype i = 2; i < length; ++i) {
        if (at(i) < 0x80 || at(i) > 0xbf)
            return 0;
    }
    return length;
}

} // namespace

QString printableText(QByteArrayView bytes)
{
    QString out;
    out.reserve(bytes.size());
    qsizetype i = 0;
    while (i < bytes.size()) {
        const unsigned char c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x80) {
            appendCodePoint(&out, c);
            ++i;
            continue;
        }
        const qsizetype length = utf8SequenceLength(bytes.sliced(i));
        if (length == 0) {
            appendHex(&out, c, 2, QLatin1Char('x'));
            ++i;
            continue;
        }
        // The sequence is well-formed: its payload bits are the code point.
        char32_t cp = c & (0xff >> (length + 1));
        for (qsizetype k = 1; k < length; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(bytes[i + k]) & 0x3f);
        appendCodePoint(&out, cp);
        i += length;
    }
    return out;
}

QString printableText(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            appendCodePoint(&out, QChar::surrogateToUcs4(c, text[i + 1]));
            ++i;
        } else if (c.isSurrogate()) {
            appendHex(&out, c.unicode(), 4, QLatin1Char('u'));
        } else {
            appendCodePoint(&out, c.unicode());
        }
    }
    return out;
}
