// What the fuzz targets share: a check that aborts (so that libFuzzer, and the replay test,
// report a broken property as a crash with its input), and a way to split one input into the
// pieces a network would deliver it in.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #condition);  \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

// Text for people holds no control character (C0, DEL, C1): what printableText() promises.
inline bool printable(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u < 0xa0))
            return false;
    }
    return true;
}

// The input's first byte chooses the piece sizes (1 to 64, cycling through the next bytes),
// the rest is the data: every way of splitting gets explored.
struct FuzzInput
{
    QByteArray data;
    QList<QByteArray> pieces;

    FuzzInput(const unsigned char *bytes, size_t size)
    {
        const QByteArray all(reinterpret_cast<const char *>(bytes), qsizetype(size));
        const int seed = all.isEmpty() ? 0 : static_cast<unsigned char>(all.at(0));
        data = all.mid(1);
        qsizetype at = 0;
        for (int i = 0; at < data.size(); ++i) {
            const int step = 1 + (seed + 7 * i + static_cast<unsigned char>(data.at(at))) % 64;
            pieces << data.mid(at, step);
            at += step;
        }
    }
};
