#include "oauthserverprocess.h"

#include "childprocess.h"

#include <QFile>

OAuthServerProcess::OAuthServerProcess(QObject *parent)
    : QObject(parent)
    , m_process(new QProcess)
{
    QFile(issuedFile()).open(QIODevice::WriteOnly);
    readAnnouncedPort(m_process, this, &m_stdout, &m_stderr, &m_port);
}

OAuthServerProcess::~OAuthServerProcess()
{
    releaseChildProcess(m_process, this);
}

void OAuthServerProcess::start(const QStringList &extraArguments)
{
    m_process->start(
        QStringLiteral(POSTWIRE_PYTHON),
        QStringList{QStringLiteral(POSTWIRE_SOURCE_DIR "/tests/support/oauth_server.py"),
                    QStringLiteral("--issued"), issuedFile()} +
            extraArguments);
}

QUrl OAuthServerProcess::authorizationUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/authorize").arg(m_port));
}

QUrl OAuthServerProcess::tokenUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/token").arg(m_port));
}

QStringList OAuthServerProcess::issued() const
{
    QFile f(issuedFile());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}
