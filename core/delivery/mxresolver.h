// Where a domain takes its mail: its MX hosts in the order a sender tries them (RFC 5321
// section 5.1), the domain itself when it has no MX, a null MX (RFC 7505) as "takes no mail",
// and each host's addresses. Real DNS queries through DnsQuery; every question and answer is
// a transcript entry. Used by direct delivery and by anything that checks a domain's MX.
#pragma once

#include "delivery/dnsquery.h"

#include <QHostAddress>
#include <QObject>
#include <QRandomGenerator>

#include <functional>

struct MxHost
{
    QString name;
    quint16 preference = 0;
    quint32 ttl = 0;
    bool implicit = false;         // no MX: the domain itself, by its A/AAAA records
    QList<QHostAddress> addresses; // when already known (implicit hosts, address literals)
};

struct MxResolution
{
    enum class Status
    {
        Found,
        NullMx, // "MX 0 ." alone: the domain takes no mail
        NoSuchDomain,
        NoAnswer, // neither MX nor address records
        ServerFailure,
        Refused,
        Timeout,
        Failed,
    };
    QString domain;
    Status status = Status::Failed;
    QList<MxHost> hosts; // in the order to try
    QString resolver;    // "the DNS server 127.0.0.2"
    QString message;     // for people, naming the domain and the resolver when it failed
};

class MxResolver : public QObject
{
    Q_OBJECT
public:
    explicit MxResolver(QObject *parent = nullptr);

    void setNameserver(const QHostAddress &nameserver) { m_nameserver = nameserver; }
    QHostAddress nameserver() const { return m_nameserver; }
    void setTimeout(int ms) { m_timeoutMs = ms; }
    void setClock(const QElapsedTimer &clock) { m_clock = clock; }

    // The MX hosts of domain (an address literal "[192.0.2.1]" is its own host): resolved().
    void resolve(const QString &domain);
    // A and AAAA of host, IPv6 first: addressesResolved(); problem says why there are none.
    void resolveAddresses(const QString &host);
    void cancel();

    // RFC 5321 section 5.1: lowest preference first, equal preferences shuffled.
    static QList<MxHost> inPreferenceOrder(QList<MxHost> hosts, QRandomGenerator *random);
    static MxResolution::Status statusFor(DnsQuery::Status status);

Q_SIGNALS:
    void transcriptEntry(const TranscriptEntry &entry);
    void resolved(const MxResolution &resolution);
    void addressesResolved(const QString &host, const QList<QHostAddress> &addresses,
                           const QString &problem);

private:
    DnsQuery *query(QDnsLookup::Type type, const QString &name);
    void onMx(const DnsQuery::Result &result);
    void note(const QString &text);
    // Both A and AAAA of name, then done(addresses, problem).
    void lookupAddresses(const QString &name,
                         std::function<void(const QList<QHostAddress> &, quint32 ttl,
                                            const DnsQuery::Result &failure)>
                             done);
    void finishResolution(MxResolution::Status status, const QString &message,
                          QList<MxHost> hosts = {});

    QHostAddress m_nameserver;
    int m_timeoutMs = 15'000;
    QElapsedTimer m_clock;
    QString m_domain;
    int m_generation = 0; // answers to an earlier resolve() or cancelled lookups are dropped
};

Q_DECLARE_METATYPE(MxResolution)
