// A scripted SMTP server for tests: it plays a scenario that reads like a transcript, in the
// test's own thread, on 127.0.0.1 and a port chosen by the system, and reports every mismatch.
#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QStringList>
#include <QTcpServer>

class QSslSocket;
class QTimer;

// Scenario lines (leading blanks ignored, '#' starts a comment line):
//   S: text    the server sends "text\r\n"; consecutive S: lines go out in one write
//   R: bytes   the server sends raw bytes with C escapes (\r \n \t \\ \xNN), nothing appended
//   C: text    the client must send exactly this line
//   C~ regex   the client must send a line that matches the whole regular expression
//   D:         the client sends message data up to the line "."; kept in receivedData()
//   B: n       the client sends n raw bytes (a BDAT chunk); appended to receivedData()
//   T:         the server starts TLS here (after its "220" to STARTTLS)
//   W: ms      the server waits this long before the next line
//   X:         the server closes the connection here
// When the scenario runs out the server keeps the connection open and listens: any further
// client line is a mismatch ("unexpected"), so a test sees what a client sent too many.
class FakeSmtpServer : public QObject
{
    Q_OBJECT
public:
    explicit FakeSmtpServer(const QString &scenario, QObject *parent = nullptr);
    ~FakeSmtpServer() override;

    // Listens on the address given and port 0. Returns false (and records why) on failure.
    // A port is given only where servers on several loopback addresses must share one (the
    // MX hosts of a domain, all reached on the one --mx-port).
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const;
    QHostAddress address() const;

    // TLS for the T: step, or from the first byte when implicit is true.
    void setCertificate(const QString &certificatePemPath, const QString &keyPemPath);
    void setImplicitTls(bool implicit) { m_implicitTls = implicit; }

    // Every difference between the scenario and what the client did, in order.
    QStringList mismatches() const { return m_mismatches; }
    // The scenario lines not reached, e.g. because the client stopped early.
    QStringList unconsumed() const;
    // Everything the client sent, line by line (data and BDAT chunks excluded).
    QStringList clientLines() const { return m_clientLines; }
    QByteArray receivedData() const { return m_data; }
    bool scenarioComplete() const { return m_step >= m_steps.size(); }
    bool clientDisconnected() const { return m_disconnected; }
    int connectionCount() const { return m_connections; }

    // A one-line summary of mismatches and unconsumed lines, empty when all went to plan.
    QString report() const;

Q_SIGNALS:
    void clientConnected();
    void scenarioFinished();
    void disconnected();
    void mismatch(const QString &what);

private:
    enum class Kind
    {
        Send,
        Raw,
        Expect,
        ExpectRegex,
        Data,
        Bytes,
        StartTls,
        Wait,
        Close
    };
    struct Step
    {
        Kind kind;
        QByteArray argument;
        int lineNumber;
        QString source;
    };
    class Listener;

    void parse(const QString &scenario);
    void onConnection(qintptr descriptor);
    void onReadyRead();
    void advance();
    bool takeLine(QByteArray *line);
    void fail(const QString &what);

    QList<Step> m_steps;
    qsizetype m_step = 0;
    Listener *m_listener = nullptr;
    QPointer<QSslSocket> m_socket;
    QTimer *m_waitTimer = nullptr;
    QByteArray m_buffer;
    QByteArray m_data;
    QStringList m_mismatches;
    QStringList m_clientLines;
    QSslCertificate m_certificate;
    QSslKey m_key;
    bool m_implicitTls = false;
    bool m_waiting = false;
    bool m_tlsPending = false;
    bool m_inData = false;
    bool m_disconnected = false;
    bool m_finishedEmitted = false;
    int m_connections = 0;
};
