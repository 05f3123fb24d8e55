// Quoted-printable (RFC 2045 section 6.7) for text parts that are not plain short ASCII lines.
#pragma once

#include <QByteArray>

class QuotedPrintable
{
public:
    // Encodes text whose line breaks are CRLF; CRLF stays a hard line break. Output lines are
    // at most 76 characters. Beyond the RFC's rules, a line never starts with "From " or "."
    // (=46, =2E), so mbox "From " quoting and lost dot-stuffing cannot alter the text.
    static QByteArray encode(const QByteArray &text);
    // Decodes; soft line breaks are removed, hard ones kept as written (CRLF, or the bare LF of
    // a file with Unix line endings, as its unencoded parts keep it). Lenient with broken
    // escapes (kept as they are), as readers are expected to be.
    static QByteArray decode(const QByteArray &encoded);
};
