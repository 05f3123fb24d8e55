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
