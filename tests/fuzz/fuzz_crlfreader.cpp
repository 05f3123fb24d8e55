// CrlfReader: any bytes, read in any piece sizes, come out with every line ending CRLF (bare
// CR and LF included), a final CRLF when missing, exactly normalizedSize() bytes, and never more
// than MaxBuffered held.
#include "fuzzcheck.h"
#include "smtp/crlfreader.h"

#include <QBuffer>

#include <cstdint>

namespace {

// The rule written another way than the reader's: CRLF, CR and LF each end a line.
QByteArray reference(const QByteArray &in)
{
    QByteArray out;
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in.at(i) == '\r' || in.at(i) == '\n') {
            out += "\r\n";
            i += in.at(i) == '\r' && i + 1 < in.size() && in.at(i + 1) == '\n';
        } else {
            out += in.at(i);
        }
    }
    if (!out.isEmpty() && !out.endsWith("\r\n"))
        out += "\r\n";
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const FuzzInput input(bytes, size);
    // The first piece is a prefix given in memory, as a rewritten header block is.
    const QByteArray prefix = input.pieces.value(0);
    QByteArray source = input.data.mid(prefix.size());
    QBuffer buffer(&source);
    buffer.open(QIODevice::ReadOnly);
    const qint64 announced = CrlfReader::normalizedSize(&buffer, prefix);
    FUZZ_CHECK(buffer.pos() == 0);
    CrlfReader reader(prefix, &buffer);
    QByteArray out;
    char chunk[97];
    for (int i = 0; !reader.atEnd(); ++i) {
        const qint64 want = 1 + (i * 31 + source.size()) % qint64(sizeof chunk);
        const qint64 n = reader.read(chunk, want);
        // The end is found by reading it: 0 bytes, not an error, and atEnd() after.
        FUZZ_CHECK(n >= 0);
        if (n == 0) {
            FUZZ_CHECK(reader.atEnd());
            break;
        }
        out.append(chunk, n);
        FUZZ_CHECK(reader.bytesAvailable() <= CrlfReader::MaxBuffered + prefix.size() * 2 + 2);
    }
    FUZZ_CHECK(out == reference(prefix + source));
    FUZZ_CHECK(announced == out.size());
    return 0;
}
