// EmlParser: any file opens or is refused with a reason, in bounded time (safeFileName() once
// looped forever on a long extension), and every attachment is written inside the scratch
// folder, under a name of at most 200 bytes.
#include "fuzzcheck.h"
#include "mime/emlparser.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    static QTemporaryDir scratch;
    FUZZ_CHECK(scratch.isValid());
    const QString dir = scratch.filePath(QStringLiteral("attachments"));
    QDir(dir).removeRecursively();
    FUZZ_CHECK(QDir().mkpath(dir));
    const QByteArray data =
        QByteArray::fromRawData(reinterpret_cast<const char *>(bytes), qsizetype(size));
    QString error;
    const std::optional<Message> message = EmlParser::parse(data, dir, &error);
    if (!message) {
        FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    const QString canonical = QFileInfo(dir).canonicalFilePath();
    for (const Attachment &a : message->attachments) {
        const QFileInfo file(a.path);
        FUZZ_CHECK(file.exists());
        FUZZ_CHECK(file.canonicalPath() == canonical);
        FUZZ_CHECK(file.fileName().toUtf8().size() <= 200 + 16); // " (n)" when names collide
    }
    // Nothing was written anywhere else in the scratch folder.
    FUZZ_CHECK(QDir(scratch.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).size() == 1);
    return 0;
}
