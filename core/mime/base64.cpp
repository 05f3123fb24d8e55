#include "mime/base64.h"

#include <array>
#include <cstring>

namespace {

constexpr char Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Two output characters per 12 input bits: two lookups per 3 input bytes instead of four, and
// no branches in the inner loop. 8 KiB, so it stays in L1.
struct PairTable
{
    std::array<quint16, 4096> pairs{};
    constexpr PairTable()
    {
        for (int i = 0; i < 4096; ++i) {
            const auto hi = static_cast<unsigned char>(Alphabet[i >> 6]);
            const auto lo = static_cast<unsigned char>(Alphabet[i & 63]);
            pairs[static_cast<std::size_t>(i)] = static_cast<quint16>(hi << 8 | lo);
        }
    }
};
constexpr PairTable Pairs;

inline void put4(char *out, quint32 v)
{
    const quint16 a = Pairs.pairs[v >> 12];
    const quint16 b = Pairs.pairs[v & 0xfff];
    out[0] = static_cast<char>(a >> 8);
    out[1] = static_cast<char>(a);
    out[2] = static_cast<char>(b >> 8);
    out[3] = static_cast<char>(b);
}

inline quint32 load3(const unsigned char *p)
{
    return quint32(p[0]) << 16 | quint32(p[1]) << 8 | quint32(p[2]);
}

struct DecodeTable
{
    std::array<signed char, 256> v{};
    constexpr DecodeTable()
    {
        for (auto &x : v)
            x = -1;
        for (int i = 0; i < 64; ++i)
            v[static_cast<unsigned char>(Alphabet[i])] = static_cast<signed char>(i);
        v[static_cast<unsigned char>('=')] = -2;
        for (const char ws : {' ', '\t', '\r', '\n'})
            v[static_cast<unsigned char>(ws)] = -3;
    }
};
constexpr DecodeTable Decode;

} // namespace

qint64 Base64::encodedSize(qint64 n)
{
    const qint64 chars = (n + 2) / 3 * 4;
    const qint64 lines = (chars + 75) / 76;
    return chars + 2 * lines;
}

qint64 Base64::encodeLines(const char *input, qint64 n, char *out)
{
    const auto *in = reinterpret_cast<const unsigned char *>(input);
    char *const start = out;
    while (n >= BytesPerLine) {
        for (int i = 0; i < 19; ++i) {
            put4(out, load3(in));
            in += 3;
            out += 4;
        }
        *out++ = '\r';
        *out++ = '\n';
        n -= BytesPerLine;
    }
    if (n > 0) {
        while (n >= 3) {
            put4(out, load3(in));
            in += 3;
            out += 4;
            n -= 3;
        }
        if (n > 0) {
            const quint32 v = quint32(in[0]) << 16 | (n == 2 ? quint32(in[1]) << 8 : 0);
            put4(out, v);
            out[3] = '=';
            if (n == 1)
                out[2] = '=';
            out += 4;
        }
        *out++ = '\r';
        *out++ = '\n';
    }
    return out - start;
}

bool Base64::Decoder::feed(const char *data, qint64 size, QByteArray *out)
{
    const qsizetype before = out->size();
    out->resize(before + size * 3 / 4 + 3);
    char *o = out->data() + before;
    for (qint64 i = 0; i < size; ++i) {
        const signed char v = Decode.v[static_cast<unsigned char>(data[i])];
        if (v == -3)
            continue;
        if (v == -2 || m_padded) {
            // Padding: whatever was pending is complete; later characters are ignored
            // as other decoders do, except more padding.
            if (v >= 0) {
                out->resize(o - out->constData());
                return false;
            }
            if (!m_padded) {
                if (m_bits == 2)
                    *o++ = static_cast<char>(m_acc >> 4);
                else if (m_bits == 3) {
                    *o++ = static_cast<char>(m_acc >> 10);
                    *o++ = static_cast<char>(m_acc >> 2);
                }
                m_padded = true;
                m_bits = 0;
                m_acc = 0;
            }
            continue;
        }
        if (v < 0) {
            out->resize(o - out->constData());
            return false;
        }
        m_acc = m_acc << 6 | quint32(v);
        if (++m_bits == 4) {
            *o++ = static_cast<char>(m_acc >> 16);
            *o++ = static_cast<char>(m_acc >> 8);
            *o++ = static_cast<char>(m_acc);
            m_bits = 0;
            m_acc = 0;
        }
    }
    out->resize(o - out->constData());
    return true;
}
