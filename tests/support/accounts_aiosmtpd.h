// Starts tests/support/accounts_aiosmtpd.py (Debian's aiosmtpd with STARTTLS, AUTH PLAIN,
// LOGIN and SCRAM-SHA-256) without blocking: QTRY_VERIFY(server.port() != 0) before use.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>

class AccountsAiosmtpd
{
public:
    AccountsAiosmtpd() { m_process.setProcessChannelMode(QProcess::SeparateChannels); }
    ~AccountsAiosmtpd()
    {
        // Closing stdin stops the server; QProcess's destructor kills what is left.
        if (m_process.state() != QProcess::NotRunning)
            m_process.closeWriteChannel();
    }

    void start(const QString &cert, const QString &key, const QString &password)
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] {
            m_stdout += m_process.readAllStandardOutput();
            static const QRegularExpression port(QStringLiteral("PORT (\\d+)"));
            const auto m = port.match(QString::fromUtf8(m_stdout));
            if (m.hasMatch())
                m_port = quint16(m.captured(1).toUInt());
        });
        QObject::connect(&m_process, &QProcess::readyReadStandardError,
                         [this] { m_stderr += m_process.readAllStandardError(); });
        m_process.start(QStringLiteral(POSTWIRE_PYTHON),
                        {QStringLiteral(POSTWIRE_SOURCE_DIR "/tests/support/accounts_aiosmtpd.py"),
                         QStringLiteral("--cert"), cert, QStringLiteral("--key"), key,
                         QStringLiteral("--password"), password});
    }

    quint16 port() const { return m_port; }
    QByteArray output() const { return m_stdout; }
    QByteArray errors() const { return m_stderr; }
    bool failed() const { return m_process.state() == QProcess::NotRunning && m_port == 0; }

private:
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    quint16 m_port = 0;
};
