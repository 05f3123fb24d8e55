// One DNS question asked through Qt's QDnsLookup (the system's resolver, or one server given by
// address), timed, with its outcome named in words and its question and answers as transcript
// entries, so a DNS step reads like a command and its reply.
#pragma once

#include "smtp/transcriptentry.h"

#include <QDnsLookup>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

class QTimer;

class DnsQuery : public QObject
{
    Q_OBJECT
public:
    enum class Status
    {
        Answered,
        NoSuchDomain,  // NXDOMAIN
        NoAnswer,      // the name exists, with no record of this type
        ServerFailure, // SERVFAIL
        Refused,       // REFUSED
        Timeout,
        Failed, // anything else the resolver reported
    };
    Q_ENUM(Status)

    struct Result
    {
        QString name;
        QDnsLookup::Type type = QDnsLookup::A;
        Status status = Status::Failed;
        QString resolverError; // the resolver's own words, when it gave any
        QList<QDnsMailExchangeRecord> mailExchanges;
        QList<QDnsHostAddressRecord> addresses;
        qint64 elapsedMs = 0;
    };

    explicit DnsQuery(QObject *parent = nullptr);
    ~DnsQuery() override;

    // Entry times are read from this clock (a domain's section has one clock for its DNS
    // steps and its SMTP sessions); without one they count from lookup().
    void setClock(const QElapsedTimer &clock) { m_clock = clock; }
    // nameserver null: the system's resolver. finished() is always emitted once, later.
    void lookup(QDnsLookup::Type type, const QString &name, const QHostAddress &nameserver,
                int timeoutMs);

    static QString typeName(QDnsLookup::Type type);
    // "the DNS server 127.0.0.2", "the system's resolver".
    static QString resolverLabel(const QHostAddress &nameserver);
    // "no such domain (NXDOMAIN)", "timeout": what went wrong, for people.
    static QString statusLabel(Status status);

Q_SIGNALS:
    void transcriptEntry(const TranscriptEntry &entry);
    void finished(const DnsQuery::Result &result);

private:
    void onFinished();
    void onTimeout();
    void finish();
    void emitEntry(const QString &text, bool last);

    Result m_result;
    QHostAddress m_nameserver;
    QPointer<QDnsLookup> m_lookup;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_clock;
    QElapsedTimer m_started;
    int m_timeoutMs = 0;
};

Q_DECLARE_METATYPE(DnsQuery::Result)
