#include "sandbox/mailsegment.h"

#include "sandbox/varint.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <optional>

namespace {

constexpr char Magic[4] = {'P', 'W', 'S', '1'};
// Ids are short (MailStore::createId()); anything longer is damage.
constexpr int MaxIdSize = 255;

constexpr std::array<quint32, 256> crcTable()
{
    std::array<quint32, 256> table{};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    return table;
}
constexpr std::array<quint32, 256> CrcTable = crcTable();

bool knownKind(char kind)
{
    return kind == char(MailSegment::Kind::Content) || kind == char(MailSegment::Kind::Sidecar) ||
           kind == char(MailSegment::Kind::Update) || kind == char(MailSegment::Kind::Removal);
}

struct Head
{
    MailSegment::Kind kind;
    QString id;
    qint64 dataSize;
    quint32 dataChecksum;
    qsizetype size; // head and id
};

// The head at data[at]; false when it is not a whole, intact head.
bool parseHead(const char *data, qsizetype available, Head *head)
{
    if (available < MailSegment::HeadSize || memcmp(data, Magic, 4) != 0 || !knownKind(data[4]))
        return false;
    const int idSize = quint8(data[5]);
    if (available < MailSegment::HeadSize + idSize)
        return false;
    quint32 crc = MailSegment::checksum(data, 20);
    crc = MailSegment::checksum(data + MailSegment::HeadSize, idSize, crc);
    if (crc != qFromLittleEndian<quint32>(data + 20))
        return false;
    const qint64 dataSize = qFromLittleEndian<qint64>(data + 8);
    if (dataSize < 0)
        return false;
    head->kind = MailSegment::Kind(data[4]);
    head->id = QString::fromLatin1(data + MailSegment::HeadSize, idSize);
    head->dataSize = dataSize;
    head->dataChecksum = qFromLittleEndian<quint32>(data + 16);
    head->size = MailSegment::HeadSize + idSize;
    return true;
}

} // namespace

QString MailSegment::newName()
{
    static int sequence = 0;
    sequence = (sequence + 1) % 10000;
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz")) +
           QStringLiteral("-%1-%2")
               .arg(sequence, 4, 10, QLatin1Char('0'))
               .arg(QRandomGenerator::global()->bounded(0x10000), 4, 16, QLatin1Char('0')) +
           suffix();
}

quint32 MailSegment::checksum(const char *data, qsizetype size, quint32 crc)
{
    crc = ~crc;
    for (qsizetype i = 0; i < size; ++i)
        crc = CrcTable[(crc ^ quint8(data[i])) & 0xff] ^ (crc >> 8);
    return ~crc;
}

qint64 MailSegment::recordSize(const QString &id, qint64 dataSize)
{
    return HeadSize + id.size() + dataSize;
}

QByteArray MailSegment::head(Kind kind, const QString &id, qint64 dataSize, quint32 dataChecksum)
{
    const QByteArray idBytes = id.toLatin1().left(MaxIdSize);
    QByteArray out(HeadSize, '\0');
    memcpy(out.data(), Magic, 4);
    out[4] = char(kind);
    out[5] = char(quint8(idBytes.size()));
    qToLittleEndian(dataSize, out.data() + 8);
    qToLittleEndian(dataChecksum, out.data() + 16);
    quint32 crc = checksum(out.constData(), 20);
    crc = checksum(idBytes.constData(), idBytes.size(), crc);
    qToLittleEndian(crc, out.data() + 20);
    return out + idBytes;
}

QByteArray MailSegment::record(Kind kind, const QString &id, const QByteArray &data)
{
    return head(kind, id, data.size(), checksum(data.constData(), data.size())) + data;
}

namespace {

// A transcript entry's keys, in the order its array holds their values: the keys of every
// entry would otherwise be most of what a transcript costs, even compressed.
const char *const EntryKeys[] = {"ms",      "dir",  "text",     "code",
                                 "latency", "last", "redacted", "details"};
enum EntryKey
{
    Ms,
    Dir,
    Text,
    Code,
    Latency,
    Last,
    Redacted,
    Details
};
// In the compact form, a row's flags: a bit per key it has, then the values of the two flags.
constexpr quint64 LastValue = 1 << 8;
constexpr quint64 RedactedValue = 1 << 9;

// The compact form of a sidecar record (version 2) starts with this, then qCompress() of the
// fields below in the encoding of varint.h; version 1 is qCompress() of JSON, whose first byte
// (of a 4-byte size) is 0 for any sidecar.
constexpr char Compact = 'P';
// The sidecar's keys in the compact form, in order: texts, lists of texts, the size, the
// transcript. A key outside them (or a value of another type) keeps the sidecar in JSON.
const char *const SidecarTexts[] = {
    "id",       "received",        "mailFrom",  "helo",          "peer", "tls", "authMechanism",
    "authUser", "transferCommand", "sessionId", "receivedHeader"};
const char *const SidecarLists[] = {"rcptTo", "mailParameters", "rcptParameters"};
constexpr int TextCount = int(std::size(SidecarTexts));
constexpr int ListCount = int(std::size(SidecarLists));
constexpr int SizeField = TextCount + ListCount;
constexpr int TranscriptField = SizeField + 1;

std::optional<qint64> integer(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    // toInteger() is 0 for a value that is not a whole number.
    const qint64 n = v.toInteger();
    return double(n) == v.toDouble() ? std::optional<qint64>(n) : std::nullopt;
}

bool compactEntry(const QJsonObject &entry, VarintWriter &out)
{
    quint64 flags = 0;
    for (auto it = entry.begin(); it != entry.end(); ++it) {
        const auto key = std::find_if(std::begin(EntryKeys), std::end(EntryKeys),
                                      [&](const char *k) { return it.key() == QLatin1String(k); });
        if (key == std::end(EntryKeys))
            return false;
        flags |= 1u << (key - std::begin(EntryKeys));
    }
    const auto value = [&](EntryKey k) { return entry.value(QLatin1String(EntryKeys[k])); };
    for (const EntryKey k : {Last, Redacted}) {
        if ((flags & (1u << k)) && !value(k).isBool())
            return false;
    }
    if (value(Last).toBool())
        flags |= LastValue;
    if (value(Redacted).toBool())
        flags |= RedactedValue;
    out.number(flags);
    for (const EntryKey k : {Ms, Dir, Text, Code, Latency, Details}) {
        if (!(flags & (1u << k)))
            continue;
        if (k == Dir || k == Text || k == Details) {
            if (!value(k).isString())
                return false;
            out.text(value(k).toString());
        } else {
            const std::optional<qint64> n = integer(value(k));
            if (!n)
                return false;
            out.signedNumber(*n);
        }
    }
    return true;
}

// The fields of sidecar in the compact form; nothing when one does not fit it.
std::optional<QByteArray> compactSidecar(const QJsonObject &sidecar)
{
    quint64 present = 0;
    VarintWriter out;
    for (int i = 0; i < TextCount; ++i) {
        const QJsonValue v = sidecar.value(QLatin1String(SidecarTexts[i]));
        if (v.isUndefined())
            continue;
        if (!v.isString())
            return std::nullopt;
        present |= 1u << i;
        out.text(v.toString());
    }
    for (int i = 0; i < ListCount; ++i) {
        const QJsonValue v = sidecar.value(QLatin1String(SidecarLists[i]));
        if (v.isUndefined())
            continue;
        if (!v.isArray())
            return std::nullopt;
        QStringList list;
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString())
                return std::nullopt;
            list << item.toString();
        }
        present |= 1u << (TextCount + i);
        out.list(list);
    }
    if (const QJsonValue v = sidecar.value(QLatin1String("size")); !v.isUndefined()) {
        const std::optional<qint64> n = integer(v);
        if (!n)
            return std::nullopt;
        present |= 1u << SizeField;
        out.signedNumber(*n);
    }
    if (const QJsonValue v = sidecar.value(QLatin1String("transcript")); !v.isUndefined()) {
        if (!v.isArray())
            return std::nullopt;
        const QJsonArray entries = v.toArray();
        present |= 1u << TranscriptField;
        out.number(quint64(entries.size()));
        for (const QJsonValue &entry : entries) {
            if (!entry.isObject() || !compactEntry(entry.toObject(), out))
                return std::nullopt;
        }
    }
    // Every key is one of these.
    if (qsizetype(qPopulationCount(present)) != sidecar.size())
        return std::nullopt;
    VarintWriter head;
    head.number(present);
    return head.take() + out.take();
}

// The JSON of a sidecar in the compact form; empty when the data is not whole.
QByteArray expandSidecar(const QByteArray &data)
{
    VarintReader in(data);
    const quint64 present = in.number();
    QJsonObject sidecar;
    for (int i = 0; i < TextCount; ++i) {
        if (present & (1u << i))
            sidecar.insert(QLatin1String(SidecarTexts[i]), in.text());
    }
    for (int i = 0; i < ListCount; ++i) {
        if (present & (1u << (TextCount + i)))
            sidecar.insert(QLatin1String(SidecarLists[i]), QJsonArray::fromStringList(in.list()));
    }
    if (present & (1u << SizeField))
        sidecar.insert(QLatin1String("size"), in.signedNumber());
    if (present & (1u << TranscriptField)) {
        const quint64 count = in.number();
        QJsonArray entries;
        for (quint64 n = 0; n < count && in.ok(); ++n) {
            const quint64 flags = in.number();
            if (flags >> 10)
                return QByteArray();
            QJsonObject entry;
            for (const EntryKey k : {Ms, Dir, Text, Code, Latency, Details}) {
                if (!(flags & (1u << k)))
                    continue;
                const QLatin1String key(EntryKeys[k]);
                if (k == Dir || k == Text || k == Details)
                    entry.insert(key, in.text());
                else
                    entry.insert(key, in.signedNumber());
            }
            if (flags & (1u << Last))
                entry.insert(QLatin1String(EntryKeys[Last]), bool(flags & LastValue));
            if (flags & (1u << Redacted))
                entry.insert(QLatin1String(EntryKeys[Redacted]), bool(flags & RedactedValue));
            entries.append(entry);
        }
        sidecar.insert(QLatin1String("transcript"), entries);
    }
    if (!in.done() || present >> (TranscriptField + 1))
        return QByteArray();
    return QJsonDocument(sidecar).toJson(QJsonDocument::Compact);
}

} // namespace

QByteArray MailSegment::packSidecar(const QByteArray &json)
{
    QJsonObject sidecar = QJsonDocument::fromJson(json).object();
    if (const std::optional<QByteArray> compact = compactSidecar(sidecar))
        return Compact + qCompress(*compact, 9);
    const QJsonArray entries = sidecar.take(QStringLiteral("transcript")).toArray();
    QJsonArray rows;
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        // What an entry does not have is left off the end, and is null before what it has (a
        // QJsonArray holds no undefined value: it would be null, and not left off).
        qsizetype used = std::size(EntryKeys);
        while (used > 0 && !entry.contains(QLatin1String(EntryKeys[used - 1])))
            --used;
        QJsonArray row;
        for (qsizetype i = 0; i < used; ++i) {
            const QJsonValue cell = entry.value(QLatin1String(EntryKeys[i]));
            row.append(cell.isUndefined() ? QJsonValue() : cell);
        }
        rows.append(row);
    }
    sidecar.insert(QStringLiteral("rows"), rows);
    return qCompress(QJsonDocument(sidecar).toJson(QJsonDocument::Compact), 9);
}

QByteArray MailSegment::unpackSidecar(const QByteArray &data)
{
    if (data.startsWith(Compact))
        return expandSidecar(qUncompress(data.mid(1)));
    const QByteArray packed = data.size() > 4 ? qUncompress(data) : QByteArray();
    QJsonObject sidecar = QJsonDocument::fromJson(packed).object();
    if (!sidecar.contains(QStringLiteral("rows")))
        return packed;
    const QJsonArray rows = sidecar.take(QStringLiteral("rows")).toArray();
    QJsonArray entries;
    for (const QJsonValue &value : rows) {
        const QJsonArray row = value.toArray();
        QJsonObject entry;
        for (qsizetype i = 0; i < row.size() && i < qsizetype(std::size(EntryKeys)); ++i) {
            if (!row.at(i).isNull())
                entry.insert(QLatin1String(EntryKeys[i]), row.at(i));
        }
        entries.append(entry);
    }
    sidecar.insert(QStringLiteral("transcript"), entries);
    return QJsonDocument(sidecar).toJson(QJsonDocument::Compact);
}

bool MailSegment::read(const QString &path, qint64 offset, Kind kind, const QString &id,
                       QByteArray *data, QString *damage, qint64 limit)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *damage = tr("its segment %1 cannot be read").arg(path);
        return false;
    }
    QByteArray head;
    if (!file.seek(offset) || (head = file.read(HeadSize + MaxIdSize)).size() < HeadSize) {
        *damage = tr("its record at %1 in %2 is missing").arg(offset).arg(path);
        return false;
    }
    Head h;
    if (!parseHead(head.constData(), head.size(), &h) ||
        !(h.kind == kind || (kind == Kind::Sidecar && isSidecar(h.kind))) ||
        (!id.isEmpty() && h.id != id)) {
        *damage = tr("its record at %1 in %2 is damaged").arg(offset).arg(path);
        return false;
    }
    // What there is of it is returned even when it is damaged: the person may want to see it.
    file.seek(offset + h.size);
    if (limit >= 0 && limit < h.dataSize) {
        *data = file.read(limit);
        return data->size() == limit;
    }
    *data = file.read(h.dataSize);
    if (data->size() != h.dataSize) {
        *damage = tr("its record in %1 is cut off: %n bytes of it are missing", nullptr,
                     int(h.dataSize - data->size()))
                      .arg(path);
        return false;
    }
    if (checksum(data->constData(), data->size()) != h.dataChecksum) {
        *damage = tr("its record in %1 does not match its checksum").arg(path);
        return false;
    }
    return true;
}

QList<MailSegment::Record> MailSegment::scan(const QString &path, qint64 from, qint64 *end)
{
    QList<Record> records;
    QFile file(path);
    if (end)
        *end = from;
    if (!file.open(QIODevice::ReadOnly) || !file.seek(from))
        return records;
    // Segments are bounded (RollSize, plus one large message): read at once.
    const QByteArray all = file.readAll();
    const char *data = all.constData();
    const qsizetype size = all.size();
    qsizetype at = 0;
    while (at < size) {
        Head h;
        if (!parseHead(data + at, size - at, &h)) {
            // A damaged head: the records after it are still whole; find the next one.
            const qsizetype next = all.indexOf(QByteArrayView(Magic, 4), at + 1);
            if (next < 0)
                break;
            at = next;
            continue;
        }
        if (h.dataSize > size - at - h.size)
            break; // cut off: what a crash in the middle of an append leaves
        Record r;
        r.kind = h.kind;
        r.id = h.id;
        r.offset = from + at;
        r.dataSize = h.dataSize;
        r.intact = checksum(data + at + h.size, h.dataSize) == h.dataChecksum;
        // Of a message, its header block is enough for the list.
        r.data = all.mid(at + h.size, r.kind == Kind::Content ? qMin<qint64>(h.dataSize, 64 * 1024)
                                                              : h.dataSize);
        records << r;
        at += h.size + h.dataSize;
        if (end)
            *end = from + at;
    }
    return records;
}
