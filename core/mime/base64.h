// Base64 (RFC 2045 section 6.8) for attachments: a table-driven encoder that writes 76-column
// CRLF lines straight into the caller's buffer, and a decoder that takes input in pieces of
// any size (for .eml attachments written to disk as they are decoded).
#pragma once

#include <QByteArray>

class Base64
{
public:
    // Input bytes per full 76-column line.
    static constexpr qint64 BytesPerLine = 57;

    // Size of the encoding of n bytes: 76-character lines, each ending CRLF (the last too).
    static qint64 encodedSize(qint64 n);
    // Encodes n bytes into out (which has room for encodedSize(n)); returns bytes written.
    // n must be a multiple of BytesPerLine unless it is the end of the data.
    static qint64 encodeLines(const char *in, qint64 n, char *out);

    // Streaming decoder: whitespace and line breaks are skipped, padding ends the data.
    class Decoder
    {
    public:
        // Appends the bytes decoded from data to out; false on a character outside the
        // alphabet (the rest of the input is then not trusted).
        bool feed(const char *data, qint64 size, QByteArray *out);
        // Whether the input ended on a quantum boundary (after padding or a full quantum).
        bool isComplete() const { return m_bits == 0; }

    private:
        quint32 m_acc = 0;
        int m_bits = 0; // 6-bit groups held in m_acc (0..3)
        bool m_padded = false;
    };
};
