// Base64: any bytes encode into 76-column CRLF lines that decode, in any pieces, to the same
// bytes, as Qt's decoder agrees; and any text fed to the decoder ends without a crash.
#include "fuzzcheck.h"
#include "mime/base64.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const FuzzInput input(bytes, size);
    const QByteArray &data = input.data;
    QByteArray encoded(Base64::encodedSize(data.size()), Qt::Uninitialized);
    const qint64 written = Base64::encodeLines(data.constData(), data.size(), encoded.data());
    FUZZ_CHECK(written == encoded.size());
    for (const QByteArray &line : encoded.split('\n'))
        FUZZ_CHECK(line.size() <= 77);
    FUZZ_CHECK(QByteArray::fromBase64(encoded) == data);

    Base64::Decoder decoder;
    QByteArray decoded;
    for (qsizetype at = 0, i = 0; at < encoded.size(); ++i) {
        const qsizetype step = input.pieces.isEmpty()
                                   ? encoded.size()
                                   : input.pieces.at(i % input.pieces.size()).size();
        FUZZ_CHECK(
            decoder.feed(encoded.constData() + at, qMin(step, encoded.size() - at), &decoded));
        at += step;
    }
    FUZZ_CHECK(decoder.isComplete());
    FUZZ_CHECK(decoded == data);

    // Arbitrary input, in pieces: decoded bytes are never more than 3/4 of what was fed.
    Base64::Decoder any;
    QByteArray out;
    for (const QByteArray &piece : input.pieces) {
        if (!any.feed(piece.constData(), piece.size(), &out))
            break;
    }
    FUZZ_CHECK(out.size() <= data.size() * 3 / 4 + 3);
    return 0;
}
