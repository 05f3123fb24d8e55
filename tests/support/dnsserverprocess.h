// Runs tests/support/dns_server.py (Debian's python3-dnslib) as a real DNS server for a test:
// port 53 of a loopback address it picks, answering from the records given, so QDnsLookup
// with setNameserver() (port 53 only in Qt 6.4) asks it.
#pragma once

#include <QHostAddress>
#include <QProcess>
#include <QStringList>

class DnsServerProcess : public QObject
{
    Q_OBJECT
public:
    explicit DnsServerProcess(QObject *parent = nullptr);
    ~DnsServerProcess() override;

    // records: "NAME TYPE TTL DATA", or "NAME SERVFAIL" / "NAME SILENT" (see the script).
    // Wait for isReady() or failed() (QTRY_VERIFY) before asking it.
    void start(const QStringList &records);
    bool isReady() const { return !m_address.isNull(); }
    bool failed() const;
    // It could not listen on port 53 because this user may not (not root): the test skips.
    bool notPermitted() const { return m_process->exitCode() == 3; }
    QHostAddress address() const { return m_address; }
    // "name. TYPE" for every query it answered or ignored, in order.
    QStringList queries() const;
    QByteArray errors() const { return m_stderr; }

private:
    QProcess *m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QHostAddress m_address;
};
