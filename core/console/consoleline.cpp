#include "console/consoleline.h"

ConsoleLine ConsoleLine::parse(const QString &typed)
{
    ConsoleLine line;
    if (typed.contains(QLatin1Char('\r')) || typed.contains(QLatin1Char('\n'))) {
        line.error = tr("the line contains a line break; type \\r or \\n to send CR or LF");
        return line;
    }
    const QByteArray utf8 = typed.toUtf8();
    QByteArray &out = line.bytes;
    out.reserve(utf8.size());
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        if (c != '\\') {
            out += c;
            continue;
        }
        // Columns count characters as typed, from 1, for the message.
        const qsizetype column = QString::fromUtf8(utf8.left(i)).size() + 1;
        if (i + 1 >= utf8.size()) {
            line.error = tr("a backslash ends the line (column %1): type \\\\ for a backslash, "
                            "or \\r, \\n, \\xHH for exact bytes")
                             .arg(column);
            return line;
        }
        const char e = utf8[++i];
        switch (e) {
        case 'r':
            out += '\r';
            line.exact = true;
            break;
        case 'n':
            out += '\n';
            line.exact = true;
            break;
        case '\\':
            out += '\\';
            break;
        case 'x': {
            const QByteArray hex = utf8.mid(i + 1, 2);
            bool ok = hex.size() == 2;
            const int value = ok ? hex.toInt(&ok, 16) : 0;
            if (!ok || hex.startsWith('+') || hex.startsWith('-')) {
                line.error = tr("\\x at column %1 needs two hexadecimal digits, as in \\x00 "
                                "or \\x0a")
                                 .arg(column);
                return line;
            }
            out += char(value);
            if (value == '\r' || value == '\n')
                line.exact = true;
            i += 2;
            break;
        }
        default:
            line.error = tr("\"\\%1\" at column %2 is not an escape: type \\\\ for a backslash, "
                            "or \\r, \\n, \\xHH for exact bytes")
                             .arg(QString::fromUtf8(utf8.mid(i, 1)))
                             .arg(column);
            return line;
        }
    }
    return line;
}

QString ConsoleLine::display(const QByteArray &bytes)
{
    // Valid UTF-8 stays readable; control bytes and bytes that are not UTF-8 become escapes.
    QString out;
    const QString text = QString::fromUtf8(bytes);
    const bool utf8 = text.toUtf8() == bytes;
    if (utf8) {
        for (const QChar ch : text) {
            const char16_t u = ch.unicode();
            if (u == '\\')
                out += QLatin1String("\\\\");
            else if (u == '\r')
                out += QLatin1String("\\r");
            else if (u == '\n')
                out += QLatin1String("\\n");
            else if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) ||
                     (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) || u == 0x2028 ||
                     u == 0x2029)
                out += u < 0x100 ? QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'))
                                 : QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
            else
                out += ch;
        }
        return out;
    }
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (c == '\\')
            out += QLatin1String("\\\\");
        else if (c == '\r')
            out += QLatin1String("\\r");
        else if (c == '\n')
            out += QLatin1String("\\n");
        else if (b < 0x20 || b >= 0x7f)
            out += QStringLiteral("\\x%1").arg(int(b), 2, 16, QLatin1Char('0'));
        else
            out += QLatin1Char(c);
    }
    return out;
}
