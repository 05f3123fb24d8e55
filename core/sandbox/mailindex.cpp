#include "sandbox/mailindex.h"

#include <QDataStream>
#include <QFile>
#include <QRandomGenerator>
#include <QtEndian>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// Version 2 adds where each message's records are (segments); a version 1 index (beside .eml
// files) is not read: the store migrates those messages and writes a new one.
const QByteArray Magic = QByteArrayLiteral("PWIDX2\n");
constexpr qsizetype HeaderSize = 7 + 8;     // magic, generation
constexpr qsizetype RecordHead = 1 + 4 + 2; // kind, payload length, checksum
constexpr char Added = 'A';
constexpr char Removed = 'D';
constexpr char Updated = 'U'; // a newer sidecar record: only where it is, and the disk size
// No record comes near this; a length beyond it is damage, not a message.
constexpr quint32 MaxPayload = 16 * 1024 * 1024;

// Strings as UTF-8: half the bytes of QDataStream's UTF-16 for the ASCII most mail is.
void put(QDataStream &out, const QString &text)
{
    out << text.toUtf8();
}

QString take(QDataStream &in)
{
    QByteArray bytes;
    in >> bytes;
    return QString::fromUtf8(bytes);
}

void put(QDataStream &out, const QStringList &list)
{
    out << quint32(list.size());
    for (const QString &s : list)
        put(out, s);
}

QStringList takeList(QDataStream &in)
{
    quint32 n = 0;
    in >> n;
    QStringList list;
    for (quint32 i = 0; i < n && in.status() == QDataStream::Ok; ++i)
        list << take(in);
    return list;
}

QByteArray framed(char kind, const QByteArray &payload)
{
    QByteArray out(RecordHead, Qt::Uninitialized);
    out[0] = kind;
    qToLittleEndian(quint32(payload.size()), out.data() + 1);
    qToLittleEndian(qChecksum(payload), out.data() + 5);
    return out + payload;
}

bool decode(const QByteArray &payload, StoredMessage *m)
{
    QDataStream in(payload);
    m->id = take(in);
    qint64 received = 0;
    in >> received;
    m->received = QDateTime::fromMSecsSinceEpoch(received);
    m->mailFrom = take(in);
    m->rcptTo = takeList(in);
    m->mailParameters = takeList(in);
    m->rcptParameters = takeList(in);
    in >> m->size >> m->diskSize;
    m->helo = take(in);
    m->peer = take(in);
    m->tls = take(in);
    m->authMechanism = take(in);
    m->authUser = take(in);
    m->transferCommand = take(in);
    in >> m->sessionId;
    m->headers.from = take(in);
    m->headers.to = take(in);
    m->headers.cc = take(in);
    m->headers.subject = take(in);
    m->damage = take(in);
    m->location.segment = take(in);
    m->location.sidecarSegment = take(in);
    if (m->location.sidecarSegment.isEmpty())
        m->location.sidecarSegment = m->location.segment;
    in >> m->location.content >> m->location.sidecar >> m->location.sidecarSize;
    return in.status() == QDataStream::Ok && !m->id.isEmpty();
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
    QByteArray payload;
    QDataStream out(&payload, QIODevice::WriteOnly);
    put(out, m.id);
    out << qint64(m.received.toMSecsSinceEpoch());
    put(out, m.mailFrom);
    put(out, m.rcptTo);
    put(out, m.mailParameters);
    put(out, m.rcptParameters);
    out << m.size << m.diskSize;
    for (const QString *s :
         {&m.helo, &m.peer, &m.tls, &m.authMechanism, &m.authUser, &m.transferCommand})
        put(out, *s);
    out << m.sessionId;
    for (const QString *s : {&m.headers.from, &m.headers.to, &m.headers.cc, &m.headers.subject,
                             &m.damage, &m.location.segment})
        put(out, *s);
    // Mostly the same segment: then not said twice.
    put(out,
        m.location.sidecarSegment == m.location.segment ? QString() : m.location.sidecarSegment);
    out << m.location.content << m.location.sidecar << m.location.sidecarSize;
    return framed(Added, payload);
}

QByteArray MailIndex::update(const StoredMessage &m, bool contentMoved)
{
    QByteArray payload;
    QDataStream out(&payload, QIODevice::WriteOnly);
    put(out, m.id);
    // Empty: where it was.
    put(out, contentMoved ? m.location.segment : QString());
    out << m.location.content;
    // Empty: in the segment of the message's content.
    put(out,
        m.location.sidecarSegment == m.location.segment ? QString() : m.location.sidecarSegment);
    out << m.location.sidecar << m.location.sidecarSize << m.diskSize;
    return framed(Updated, payload);
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
    m->diskSize = update.diskSize;
}

QByteArray MailIndex::removal(const QString &id)
{
    QByteArray payload;
    QDataStream out(&payload, QIODevice::WriteOnly);
    put(out, id);
    return framed(Removed, payload);
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
            QDataStream in(payload);
            entry.message.id = take(in);
            ok = in.status() == QDataStream::Ok && !entry.message.id.isEmpty();
        } else if (ok && entry.update) {
            QDataStream in(payload);
            StoredMessage &m = entry.message;
            m.id = take(in);
            m.location.segment = take(in);
            in >> m.location.content;
            m.location.sidecarSegment = take(in);
            in >> m.location.sidecar >> m.location.sidecarSize >> m.diskSize;
            ok = in.status() == QDataStream::Ok && !m.id.isEmpty();
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
