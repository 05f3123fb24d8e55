#include "dnsserverprocess.h"

#include "childprocess.h"

#include <QCoreApplication>

DnsServerProcess::DnsServerProcess(QObject *parent)
    : QObject(parent)
    , m_process(new QProcess)
{
    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] {
        m_stdout += m_process->readAllStandardOutput();
        const qsizetype at = m_stdout.indexOf("ADDRESS ");
        const qsizetype end = m_stdout.indexOf('\n', at);
        if (m_address.isNull() && at >= 0 && end > at)
            m_address = QHostAddress(QString::fromLatin1(m_stdout.mid(at + 8, end - at - 8)));
    });
    connect(m_process, &QProcess::readyReadStandardError, this,
            [this] { m_stderr += m_process->readAllStandardError(); });
}

DnsServerProcess::~DnsServerProcess()
{
    releaseChildProcess(m_process, this);
}

void DnsServerProcess::start(const QStringList &records)
{
    m_process->start(
        QStringLiteral(POSTWIRE_PYTHON),
        QStringList{QStringLiteral(POSTWIRE_SOURCE_DIR "/tests/support/dns_server.py")} + records);
}

bool DnsServerProcess::failed() const
{
    return m_address.isNull() && m_process->state() == QProcess::NotRunning;
}

QStringList DnsServerProcess::queries() const
{
    QStringList out;
    for (const QByteArray &line : m_stdout.split('\n')) {
        if (line.startsWith("QUERY "))
            out << QString::fromLatin1(line.mid(6));
    }
    return out;
}
