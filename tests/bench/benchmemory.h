// Memory figures for the benchmarks: the current and peak RSS from /proc/self/status, and a
// reset of the peak so that each step is measured on its own (Linux >= 4.0).
#pragma once

#include <QByteArray>
#include <QFile>

namespace BenchMemory {

// A "VmRSS:"-style field of /proc/self/status in KiB; -1 when it cannot be read.
inline qint64 statusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Peak RSS (VmHWM) starts again from the current RSS.
inline void resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

inline double mb(qint64 bytes)
{
    return double(bytes) / (1024.0 * 1024.0);
}

} // namespace BenchMemory
