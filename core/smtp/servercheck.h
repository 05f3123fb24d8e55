// The server check ("postwire probe", "Check server"): connects, reads the greeting, EHLO,
// STARTTLS when offered, EHLO again and QUIT; never MAIL, never AUTH. A certificate that does
// not verify is inspected, not refused. The result is a ServerReport.
#pragma once

#include "smtp/serverreport.h"
#include "smtp/smtpclient.h"

#include <QElapsedTimer>
#include <QObject>

class ServerCheck : public QObject
{
    Q_OBJECT
public:
    explicit ServerCheck(QObject *parent = nullptr);

    // The settings' host, port, security, EHLO name, CA certificates and timeouts are used;
    // authentication, pins, step mode and "verification off" are not (a check inspects).
    void start(const SmtpSettings &settings);
    void cancel();
    bool isRunning() const { return m_client->isBusy(); }
    const ServerReport &report() const { return m_report; }

Q_SIGNALS:
    void transcriptEntry(const TranscriptEntry &entry);
    void stepStarted(const QString &label);
    void finished(const ServerReport &report);

private:
    void onState(SmtpClient::State state);
    void onTranscript(const TranscriptEntry &entry);
    void onCapabilities(const Capabilities &caps);
    void onTls(const QSslConfiguration &session);
    void onReview(const QList<QSslCertificate> &chain, const QList<QSslError> &errors);
    void onFinished(const SendResult &result);
    void beginStep(const QString &step);

    SmtpClient *m_client;
    ServerReport m_report;
    QElapsedTimer m_clock;
    QList<QSslError> m_reviewErrors;
    bool m_reviewed = false;
    bool m_tlsSeen = false;
};
