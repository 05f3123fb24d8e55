// MimeParser: any bytes parse into a tree without a crash or a hang, every view stays inside
// the input, and decoding in slices gives what decoding at once gives.
#include "fuzzcheck.h"
#include "mime/mimeparser.h"

#include <cstdint>

namespace {

bool inside(QByteArrayView view, QByteArrayView whole)
{
    return view.isEmpty() || (view.constData() >= whole.constData() &&
                              view.constData() + view.size() <= whole.constData() + whole.size());
}

void visit(const MimeParser::Part &part, QByteArrayView whole, int depth)
{
    FUZZ_CHECK(depth <= 21);
    FUZZ_CHECK(inside(part.body, whole));
    FUZZ_CHECK(inside(part.headerBlock, whole));
    FUZZ_CHECK(part.type.contains('/'));
    for (const MimeParser::Field &f : part.fields)
        MimeParser::decodeHeader(f.value);
    part.fileName();
    part.contentId();
    if (part.children.isEmpty()) {
        const QByteArray once = part.decodedBody();
        QByteArray sliced;
        MimeParser::decodeTransfer(part.body, part.transferEncoding(), [&sliced](QByteArrayView s) {
            sliced.append(s);
            return true;
        });
        FUZZ_CHECK(once == sliced);
        part.text();
    }
    for (const MimeParser::Part &child : part.children)
        visit(child, whole, depth + 1);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QByteArray data =
        QByteArray::fromRawData(reinterpret_cast<const char *>(bytes), qsizetype(size));
    const MimeParser::Part root = MimeParser::parse(data);
    // An mbox "From " line is skipped: the views are inside the input all the same.
    visit(root, data, 1);
    const MimeParser::Bodies bodies = MimeParser::bodies(root);
    FUZZ_CHECK(bodies.others.size() + (bodies.text ? 1 : 0) + (bodies.html ? 1 : 0) ==
               root.leaves().size());
    return 0;
}
