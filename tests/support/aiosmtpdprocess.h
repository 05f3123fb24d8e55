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
    // The server stopped before it was ready (e.g. a bad certificate).
    bool failed() const;
    // What the process printed: stdout has "PORT n" and one "AUTH <mech> ok|failed" per AUTH;
    // stderr is for failure messages.
    QByteArray output() const { return m_stdout; }
    QByteArray errors() const { return m_stderr; }

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
