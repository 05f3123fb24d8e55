// Runs Debian's aiosmtpd (tests/support/aiosmtpd_server.py) as a real SMTP server for a test:
// on 127.0.0.1 and a port of the system's choosing, messages stored byte for byte in a folder.
#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

class AiosmtpdProcess : public QObject
{
    Q_OBJECT
public:
    explicit AiosmtpdProcess(QObject *parent = nullptr);
    ~AiosmtpdProcess() override;

    // Starts the server; extraArguments e.g. {"--cert", pem, "--key", key, "--require-tls"}.
    // Wait for isReady() (QTRY_VERIFY) before connecting.
    void start(const QStringList &extraArguments = {});
    bool isReady() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    // Everything the process printed on stderr, for failure messages.
    QString errors() const { return QString::fromUtf8(m_stderr); }

    QString storeDir() const { return m_store.path(); }
    // The n-th message received (1-based), exactly as the server got it, or empty.
    QByteArray message(int n) const;
    // MAIL FROM followed by each RCPT TO of the n-th message.
    QStringList envelope(int n) const;
    int messageCount() const;

private:
    QProcess *m_process;
    QTemporaryDir m_store;
    QByteArray m_stdout;
    QByteArray m_stderr;
    quint16 m_port = 0;
};
