#include "aiosmtpdprocess.h"

#include "childprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

AiosmtpdProcess::AiosmtpdProcess(QObject *parent)
    : QObject(parent)
    , m_process(new QProcess)
{
    readAnnouncedPort(m_process, this, &m_stdout, &m_stderr, &m_port);
}

AiosmtpdProcess::~AiosmtpdProcess()
{
    releaseChildProcess(m_process, this);
}

void AiosmtpdProcess::start(const QStringList &extraArguments)
{
    m_process->start(
        QStringLiteral(POSTWIRE_PYTHON),
        QStringList{QStringLiteral(POSTWIRE_SOURCE_DIR "/tests/support/aiosmtpd_server.py"),
                    QStringLiteral("--store"), m_store.path()} +
            extraArguments);
}

QByteArray AiosmtpdProcess::message(int n) const
{
    QFile f(m_store.filePath(QString::number(n) + QStringLiteral(".eml")));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList AiosmtpdProcess::envelope(int n) const
{
    QFile f(m_store.filePath(QString::number(n) + QStringLiteral(".envelope")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

bool AiosmtpdProcess::failed() const
{
    return m_port == 0 && m_process->state() == QProcess::NotRunning;
}

int AiosmtpdProcess::messageCount() const
{
    return int(QDir(m_store.path()).entryList({QStringLiteral("*.eml")}, QDir::Files).size());
}
