#include "sandbox/mailindex.h"

#include "sandbox/mailsegment.h"
#include "sandbox/varint.h"

#include <QFile>
#include <QRandomGenerator>
#include <QtEndian>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace {

// Version 3 writes numbers and string lengths as varints and no disk size (it is what the
// message's records and this record take), about 100 bytes less per message than version 2;
// an index of another version is not read: the store rebuilds it from the segments.
const QByteArray Magic = QByteArrayLiteral("PWIDX3\n");
constexpr qsizetype HeaderSize = 7 + 8;     // magic, generation
constexpr qsizetype RecordHead = 1 + 4 + 2; // kind, payload length, checksum
constexpr char Added = 'A';
constexpr char Removed = 'D';
constexpr char Updated = 'U'; // a newer sidecar record or a move: only where the records are
// No record comes near this; a length beyond it is damage, not a message.
constexpr quint32 MaxPayload = 16 * 1024 * 1024;

// A record's fields, in order (VarintWriter): numbers as varints (signed values zigzagged),
// strings as their UTF-8 length and bytes, lists as their count and strings.
using Writer = VarintWriter;
using Reader = VarintReader;

QByteArray framed(char kind, const QByteArray &payload)
{
    QByteArray out(RecordHead, Qt::Uninitialized);
    out[0] = kind;
    qToLittleEndian(quint32(payload.size()), out.data() + 1);
    qToLittleEndian(qChecksum(payload), out.data() + 5);
    return out + payload;
}

// Mostly the same segment as the content's: then not said twice.
QString sidecarSegmentOf(const StoredMessage &m)
{
    return m.location.sidecarSegment == m.location.segment ? QString() : m.location.sidecarSegment;
}

qint64 recordsSize(const StoredMessage &m)
{
    return MailSegment::recordSize(m.id, m.size) + m.location.sidecarSize;
}

bool decode(const QByteArray &payload, StoredMessage *m)
{
    Reader in(payload);
    m->id = in.text();
    m->received = QDateTime::fromMSecsSinceEpoch(in.signedNumber());
    m->mailFrom = in.text();
    m->rcptTo = in.list();
    m->mailParameters = in.list();
    m->rcptParameters = in.list();
    m->size = in.size();
    for (QString *s :
         {&m->helo, &m->peer, &m->tls, &m->authMechanism, &m->authUser, &m->transferCommand})
        *s = in.text();
    m->sessionId = in.number();
    for (QString *s : {&m->headers.from, &m->headers.to, &m->headers.cc, &m->headers.subject,
                       &m->damage, &m->location.segment, &m->location.sidecarSegment})
        *s = in.text();
    if (m->location.sidecarSegment.isEmpty())
        m->location.sidecarSegment = m->location.segment;
    m->location.content = in.size();
    m->location.sidecar = in.size();
    m->location.sidecarSize = in.size();
    // This record is the message's index entry.
    m->diskSize = recordsSize(*m) + RecordHead + payload.size();
    return in.done() && !m->id.isEmpty();
}

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

bool writeAll(int fd, const QByteArray &data)
{
    const char *at = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, at, size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        at += n;
        left -= n;
    }
    return true;
}

} // namespace

QString MailIndex::path(const QString &folder)
{
    return folder + QStringLiteral("/index.pwi");
}

QByteArray MailIndex::record(const StoredMessage &m)
{
    Writer out;
    out.text(m.id);
    out.signedNumber(m.received.toMSecsSinceEpoch());
    out.text(m.mailFrom);
    out.list(m.rcptTo);
    out.list(m.mailParameters);
    out.list(m.rcptParameters);
    out.number(quint64(m.size));
    for (const QString *s :
         {&m.helo, &m.peer, &m.tls, &m.authMechanism, &m.authUser, &m.transferCommand})
        out.text(*s);
    out.number(m.sessionId);
    for (const QString *s : {&m.headers.from, &m.headers.to, &m.headers.cc, &m.headers.subject,
                             &m.damage, &m.location.segment})
        out.text(*s);
    out.text(sidecarSegmentOf(m));
    out.number(quint64(m.location.content));
    out.number(quint64(m.location.sidecar));
    out.number(quint64(m.location.sidecarSize));
    return framed(Added, out.take());
}

qint64 MailIndex::diskSize(const StoredMessage &m)
{
    return recordsSize(m) + record(m).size();
}

QByteArray MailIndex::update(const StoredMessage &m, bool contentMoved)
{
    Writer out;
    out.text(m.id);
    // Empty: where it was.
    out.text(contentMoved ? m.location.segment : QString());
    out.number(quint64(m.location.content));
    // Empty: in the segment of the message's content.
    out.text(sidecarSegmentOf(m));
    out.number(quint64(m.location.sidecar));
    out.number(quint64(m.location.sidecarSize));
    return framed(Updated, out.take());
}

void MailIndex::apply(const StoredMessage &update, StoredMessage *m)
{
    const StoredLocation &from = update.location;
    if (!from.segment.isEmpty()) {
        m->location.segment = from.segment;
        m->location.content = from.content;
    }
    m->location.sidecarSegment =
        from.sidecarSegment.isEmpty() ? m->location.segment : from.sidecarSegment;
    m->location.sidecar = from.sidecar;
    m->location.sidecarSize = from.sidecarSize;
    m->diskSize = diskSize(*m);
}

QByteArray MailIndex::removal(const QString &id)
{
    Writer out;
    out.text(id);
    return framed(Removed, out.take());
}
MailIndex::Read MailIndex::read(const QString &folder, qint64 offset, quint64 generation,
                                const std::function<void(Entry &)> &each)
{
    Read result;
    QFile file(path(folder));
    if (!file.open(QIODevice::ReadOnly))
        return result;
    // The header is read each time: a rewritten file (another generation) is read whole.
    const QByteArray header = file.read(HeaderSize);
    if (header.size() != HeaderSize || !header.startsWith(Magic))
        return result;
    result.valid = true;
    result.generation = qFromLittleEndian<quint64>(header.constData() + Magic.size());
    if (offset < HeaderSize || result.generation != generation)
        offset = HeaderSize;
    if (offset > file.size()) {
        result.damaged = true; // shorter than what was read before: not the same file
        return result;
    }
    file.seek(offset);
    const QByteArray data = file.readAll();
    qsizetype at = 0;
    while (data.size() - at >= RecordHead) {
        const char kind = data.at(at);
        const quint32 length = qFromLittleEndian<quint32>(data.constData() + at + 1);
        const quint16 checksum = qFromLittleEndian<quint16>(data.constData() + at + 5);
        if ((kind != Added && kind != Removed && kind != Updated) || length > MaxPayload) {
            result.damaged = true;
            break;
        }
        if (data.size() - at - RecordHead < qsizetype(length))
            break; // cut off: still being written, or the tail a crash left
        const QByteArray payload = data.mid(at + RecordHead, length);
        Entry entry;
        entry.removal = kind == Removed;
        entry.update = kind == Updated;
        bool ok = qChecksum(payload) == checksum;
        if (ok && entry.removal) {
            Reader in(payload);
            entry.message.id = in.text();
            ok = in.done() && !entry.message.id.isEmpty();
        } else if (ok && entry.update) {
            Reader in(payload);
            StoredMessage &m = entry.message;
            m.id = in.text();
            m.location.segment = in.text();
            m.location.content = in.size();
            m.location.sidecarSegment = in.text();
            m.location.sidecar = in.size();
            m.location.sidecarSize = in.size();
            ok = in.done() && !m.id.isEmpty();
        } else if (ok) {
            ok = decode(payload, &entry.message);
        }
        if (!ok) {
            // The last record may be one a crash tore (its length written, not all of its
            // bytes): that is a cut-off tail. Anything after a bad record is damage.
            result.damaged = at + RecordHead + qsizetype(length) < data.size();
            break;
        }
        if (each)
            each(entry);
        else
            result.entries << std::move(entry);
        at += RecordHead + length;
    }
    result.end = offset + at;
    return result;
}

bool MailIndex::append(const QString &folder, const QByteArray &records, QString *error)
{
    const int fd =
        ::open(QFile::encodeName(path(folder)).constData(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd < 0) {
        *error = systemError();
        return false;
    }
    const bool ok = writeAll(fd, records);
    if (!ok)
        *error = systemError();
    ::close(fd);
    return ok;
}

bool MailIndex::rewrite(const QString &folder, const QList<StoredMessage> &messages,
                        quint64 *generation, QString *error)
{
    quint64 next = QRandomGenerator::global()->generate64();
    if (next == *generation)
        ++next;
    QByteArray data = Magic;
    data.resize(HeaderSize);
    qToLittleEndian(next, data.data() + Magic.size());
    // Oldest first, as they were appended.
    for (auto it = messages.crbegin(); it != messages.crend(); ++it)
        data += record(*it);
    const QString target = path(folder);
    const QString temporary = target + QStringLiteral(".incoming");
    const int fd = ::open(QFile::encodeName(temporary).constData(),
                          O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) {
        *error = systemError();
        return false;
    }
    const bool written = writeAll(fd, data);
    if (!written)
        *error = systemError();
    ::close(fd);
    if (!written || ::rename(QFile::encodeName(temporary).constData(),
                             QFile::encodeName(target).constData()) != 0) {
        if (written)
            *error = systemError();
        QFile::remove(temporary);
        return false;
    }
    *generation = next;
    return true;
}
