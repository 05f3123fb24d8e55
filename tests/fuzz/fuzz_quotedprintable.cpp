// Quoted-printable: any bytes encode into lines of at most 76 characters, none starting with
// "From " or ".", that decode to the same bytes; any text decodes without a crash and never
// grows.
#include "fuzzcheck.h"
#include "mime/quotedprintable.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QByteArray data(reinterpret_cast<const char *>(bytes), qsizetype(size));
    const QByteArray encoded = QuotedPrintable::encode(data);
    for (const QByteArray &line : encoded.split('\n')) {
        const QByteArray text = line.endsWith('\r') ? line.chopped(1) : line;
        FUZZ_CHECK(text.size() <= 76);
        FUZZ_CHECK(!text.startsWith("From ") && !text.startsWith('.'));
        for (const char c : text)
            FUZZ_CHECK(c == '\t' || (c >= 32 && c <= 126));
    }
    FUZZ_CHECK(QuotedPrintable::decode(encoded) == data);
    FUZZ_CHECK(QuotedPrintable::decode(data).size() <= data.size() + 1);
    return 0;
}
