// Runs the local OAuth 2 provider (tests/support/oauth_server.py) for a test: 127.0.0.1 and a
// port of the system's choosing; the access tokens it issues are listed in issuedFile(), which
// aiosmtpd's --oauth-tokens reads, so only a token the provider issued opens the SMTP server.
#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

class OAuthServerProcess : public QObject
{
    Q_OBJECT
public:
    explicit OAuthServerProcess(QObject *parent = nullptr);
    ~OAuthServerProcess() override;

    // extraArguments e.g. {"--refresh-token", "rt-1", "--revoked", "rt-old"}. Wait for
    // isReady() (QTRY_VERIFY) before using it.
    void start(const QStringList &extraArguments = {});
    bool isReady() const { return m_port != 0; }
    QUrl authorizationUrl() const;
    QUrl tokenUrl() const;
    QString issuedFile() const { return m_dir.filePath(QStringLiteral("issued")); }
    // The access tokens issued so far, oldest first.
    QStringList issued() const;
    // One line per request: "AUTHORIZE ok scope=...", "TOKEN refresh_token ok", ...
    QByteArray output() const { return m_stdout; }
    QByteArray errors() const { return m_stderr; }

private:
    QProcess *m_process;
    QTemporaryDir m_dir;
    QByteArray m_stdout;
    QByteArray m_stderr;
    quint16 m_port = 0;
};
