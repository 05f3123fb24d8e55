// Ending a test's helper server (aiosmtpd, the DNS server) without waiting for it.
#pragma once

#include <QCoreApplication>
#include <QProcess>

// Kills process and deletes it once it has ended: the process object outlives its owner, so
// no test waits for it and Qt does not warn about a process destroyed while running. When the
// test ends before the end is seen, the application deletes it on exit (no leak).
inline void releaseChildProcess(QProcess *process, QObject *owner)
{
    process->disconnect(owner);
    if (process->state() == QProcess::NotRunning) {
        delete process;
        return;
    }
    QObject::connect(process, &QProcess::finished, process, &QObject::deleteLater);
    process->setParent(QCoreApplication::instance());
    process->kill();
}

// Collects a helper server's output and reads the port it announces on a "PORT n" line of its
// stdout (aiosmtpd_server.py, oauth_server.py); the connections end with owner.
inline void readAnnouncedPort(QProcess *process, QObject *owner, QByteArray *stdoutText,
                              QByteArray *stderrText, quint16 *port)
{
    QObject::connect(
        process, &QProcess::readyReadStandardOutput, owner, [process, stdoutText, port] {
            *stdoutText += process->readAllStandardOutput();
            const qsizetype at = stdoutText->indexOf("PORT ");
            const qsizetype end = stdoutText->indexOf('\n', at);
            if (at >= 0 && end > at)
                *port = quint16(stdoutText->mid(at + 5, end - at - 5).trimmed().toUInt());
        });
    QObject::connect(process, &QProcess::readyReadStandardError, owner,
                     [process, stderrText] { *stderrText += process->readAllStandardError(); });
}
