// The address parser: any text splits into entries without a crash; every accepted mailbox
// formats to text that parses to the same mailbox, alone and in a list; no accepted name holds a
// control character.
#include "fuzzcheck.h"
#include "mime/mailbox.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(bytes), qsizetype(size));
    QList<Mailbox> accepted;
    for (const MailboxParseResult &r : Mailbox::parseList(text)) {
        FUZZ_CHECK(r.start >= 0 && r.start + r.length <= text.size());
        if (!r.isValid())
            continue;
        for (const QChar c : r.mailbox.name)
            FUZZ_CHECK(c.unicode() >= 0x20 && !(c.unicode() >= 0x7f && c.unicode() < 0xa0));
        accepted << r.mailbox;
        const MailboxParseResult back = Mailbox::parse(r.mailbox.toString());
        FUZZ_CHECK(back.isValid());
        FUZZ_CHECK(back.mailbox == r.mailbox);
    }
    QList<Mailbox> again;
    for (const MailboxParseResult &r : Mailbox::parseList(Mailbox::formatList(accepted))) {
        FUZZ_CHECK(r.isValid());
        again << r.mailbox;
    }
    FUZZ_CHECK(again == accepted);
    return 0;
}
