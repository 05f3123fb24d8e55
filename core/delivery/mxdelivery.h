// Direct delivery: a message sent straight to each recipient domain's mail server (MX) on
// port 25, as a mail server would, one SMTP session per domain. Recipients are grouped by
// domain; each domain's MX hosts are tried in order (the next when one cannot be reached or
// greets with 4xx); STARTTLS when offered, without AUTH. One outcome per domain and recipient.
#pragma once

#include "delivery/mxresolver.h"
#include "smtp/smtpclient.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class MessageSource;

struct MxDeliverySettings
{
    QHostAddress dnsServer; // null: the system's resolver
    quint16 port = 25;      // another port only for test setups
    int dnsTimeoutMs = 15'000;
    // The SMTP side: EHLO name, timeouts, pipelining, chunking, extra CAs. Host, port,
    // security and authentication are direct delivery's own and set for each session.
    SmtpSettings smtp;
};

// What became of the message for one recipient domain.
struct DomainDelivery
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(DomainDelivery)
public:
    enum class Outcome
    {
        Delivered,       // every recipient of the domain accepted
        PartlyDelivered, // some recipients refused
        Refused,         // the server refused the message or every recipient
        NoMail,          // null MX: the domain takes no mail
        DnsFailed,       // no such domain, no answer, server failure, timeout
        Unreachable,     // no MX host could be reached or each greeted with 4xx
        Failed,          // the session failed after the greeting (TLS, EHLO, a timeout, ...)
        DeliveryUnknown, // the connection ended before the reply to the message
        Cancelled,
    };
    Q_ENUM(Outcome)

    QString domain;
    QStringList recipients;
    Outcome outcome = Outcome::Failed;
    QString message;            // one line for people
    QString host;               // the MX host that held the last session, "" when none did
    QString address;            // its address
    QString resolver;           // "the DNS server 127.0.0.2"
    QStringList attempts;       // each host tried that could not take it, and why
    bool tls = false;           // the session was encrypted (STARTTLS)
    bool tlsUnverified = false; // ... with a certificate that was not verified
    SendResult result;          // the last session's result
    QList<RecipientResult> recipientResults; // one per recipient, in order

    bool delivered() const
    {
        return outcome == Outcome::Delivered || outcome == Outcome::PartlyDelivered;
    }
    // "delivered", "no-mail", ...: for scripts and JSON.
    static QString outcomeName(Outcome outcome);
    // "delivered", "takes no mail (null MX)": for people.
    static QString outcomeLabel(Outcome outcome);
    // The domain's outcome as a send's result (the last session's step and reply, this
    // message), for the history.
    SendResult sendResult() const;
};

struct MxDeliveryResult
{
    QString error; // the input could not be sent at all (an invalid address), nothing was tried
    QList<DomainDelivery> domains;
    qint64 elapsedMs = 0;
    bool allDelivered() const;
    bool anyDelivered() const;
};

Q_DECLARE_METATYPE(DomainDelivery)
Q_DECLARE_METATYPE(MxDeliveryResult)

class MxDelivery : public QObject
{
    Q_OBJECT
public:
    struct DomainGroup
    {
        QString domain; // lower case, as written (IDNA is QDnsLookup's)
        Envelope envelope;
    };
    // The envelope split by recipient domain, in the order domains first appear; each
    // envelope keeps the sender, the DSN options and its recipients' fields.
    static QList<DomainGroup> groupByDomain(const Envelope &envelope);

    explicit MxDelivery(QObject *parent = nullptr);
    ~MxDelivery() override;

    bool isBusy() const { return m_busy; }
    // The source must outlive the delivery; it is opened once per domain.
    void send(const MxDeliverySettings &settings, const Envelope &envelope, MessageSource *source);
    void cancel();
    // The settings of the domain's session under way or last held (no host before one).
    const SmtpSettings &sessionSettings() const { return m_sessionSettings; }

Q_SIGNALS:
    // A domain's section begins: its DNS steps and sessions follow, timed from here.
    void domainStarted(const QString &domain, const QStringList &recipients);
    void transcriptEntry(const TranscriptEntry &entry);
    void stateChanged(SmtpClient::State state);
    void progress(qint64 bytesSent, qint64 bytesTotal);
    void domainFinished(const DomainDelivery &delivery);
    void finished(const MxDeliveryResult &result);

private:
    void startDomain();
    void onResolved(const MxResolution &resolution);
    void tryHost();
    void onAddresses(const QString &host, const QList<QHostAddress> &addresses,
                     const QString &problem);
    void tryAddress();
    void onSessionFinished(const SendResult &result);
    void note(TranscriptEntry::Direction direction, const QString &text);
    void finishDomain(DomainDelivery::Outcome outcome, const QString &message);
    static bool tryNextHost(const SendResult &result);

    MxDeliverySettings m_settings;
    MessageSource *m_source = nullptr;
    MxResolver *m_resolver = nullptr;
    QPointer<SmtpClient> m_client;
    SmtpSettings m_sessionSettings;
    QList<DomainGroup> m_groups;
    int m_group = -1;
    QList<MxHost> m_hosts;
    int m_host = -1;
    QList<QHostAddress> m_addresses;
    int m_address = -1;
    DomainDelivery m_current;
    MxDeliveryResult m_result;
    QElapsedTimer m_clock;       // the whole delivery
    QElapsedTimer m_domainClock; // the current domain's section
    qint64 m_sessionOffset = 0;  // the session's start in the domain's section
    bool m_inHandshake = false;
    bool m_connectTimedOut = false;
    bool m_busy = false;
    bool m_cancelled = false;
};
