#include "delivery/mxresolver.h"

#include <QUrl>

#include <algorithm>
#include <memory>

MxResolver::MxResolver(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<MxResolution>();
}

MxResolution::Status MxResolver::statusFor(DnsQuery::Status status)
{
    switch (status) {
    case DnsQuery::Status::Answered:
        return MxResolution::Status::Found;
    case DnsQuery::Status::NoSuchDomain:
        return MxResolution::Status::NoSuchDomain;
    case DnsQuery::Status::NoAnswer:
        return MxResolution::Status::NoAnswer;
    case DnsQuery::Status::ServerFailure:
        return MxResolution::Status::ServerFailure;
    case DnsQuery::Status::Refused:
        return MxResolution::Status::Refused;
    case DnsQuery::Status::Timeout:
        return MxResolution::Status::Timeout;
    case DnsQuery::Status::Failed:
        break;
    }
    return MxResolution::Status::Failed;
}

QList<MxHost> MxResolver::inPreferenceOrder(QList<MxHost> hosts, QRandomGenerator *random)
{
    // Shuffle first, then a stable sort by preference: equal preferences keep the random order.
    for (qsizetype i = hosts.size() - 1; i > 0; --i)
        hosts.swapItemsAt(i, qsizetype(random->bounded(quint32(i + 1))));
    std::stable_sort(hosts.begin(), hosts.end(),
                     [](const MxHost &a, const MxHost &b) { return a.preference < b.preference; });
    return hosts;
}

DnsQuery *MxResolver::query(QDnsLookup::Type type, const QString &name)
{
    auto *q = new DnsQuery(this);
    if (m_clock.isValid())
        q->setClock(m_clock);
    connect(q, &DnsQuery::transcriptEntry, this, &MxResolver::transcriptEntry);
    connect(q, &DnsQuery::finished, q, &QObject::deleteLater);
    QMetaObject::invokeMethod(
        q, [this, q, type, name] { q->lookup(type, name, m_nameserver, m_timeoutMs); },
        Qt::QueuedConnection);
    return q;
}

void MxResolver::note(const QString &text)
{
    TranscriptEntry entry;
    entry.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    entry.direction = TranscriptEntry::Direction::Info;
    entry.text = text;
    Q_EMIT transcriptEntry(entry);
}

void MxResolver::cancel()
{
    ++m_generation;
    const auto queries = findChildren<DnsQuery *>(Qt::FindDirectChildrenOnly);
    for (DnsQuery *q : queries)
        delete q;
}

void MxResolver::resolve(const QString &domain)
{
    cancel();
    m_domain = domain;
    if (domain.startsWith(QLatin1Char('[')) && domain.endsWith(QLatin1Char(']'))) {
        // RFC 5321 section 5.1: an address literal is delivered to that address, no DNS.
        QString literal = domain.mid(1, domain.size() - 2);
        if (literal.startsWith(QLatin1String("IPv6:"), Qt::CaseInsensitive))
            literal = literal.mid(5);
        const QHostAddress address(literal);
        const int generation = m_generation;
        QMetaObject::invokeMethod(
            this,
            [this, generation, domain, address] {
                if (generation != m_generation)
                    return;
                if (address.isNull()) {
                    finishResolution(MxResolution::Status::Failed,
                                     tr("%1 is not an address literal").arg(domain));
                    return;
                }
                note(tr("%1 is an address literal: delivered to that address, no DNS lookup")
                         .arg(domain));
                MxHost host;
                host.name = address.toString();
                host.implicit = true;
                host.addresses = {address};
                finishResolution(MxResolution::Status::Found, QString(), {host});
            },
            Qt::QueuedConnection);
        return;
    }
    const int generation = m_generation;
    DnsQuery *q = query(QDnsLookup::MX, domain);
    connect(q, &DnsQuery::finished, this, [this, generation](const DnsQuery::Result &r) {
        if (generation == m_generation)
            onMx(r);
    });
}

void MxResolver::onMx(const DnsQuery::Result &result)
{
    const QString resolver = DnsQuery::resolverLabel(m_nameserver);
    if (result.status == DnsQuery::Status::NoAnswer) {
        // RFC 5321 section 5.1: no MX, so the domain itself is the mail server (implicit MX).
        note(tr("%1 has no MX records: the domain's own address is its mail server (implicit "
                "MX, RFC 5321 section 5.1)")
                 .arg(m_domain));
        const QString domain = m_domain;
        lookupAddresses(domain, [this, domain, resolver](const QList<QHostAddress> &addresses,
                                                         quint32 ttl, const DnsQuery::Result &f) {
            if (addresses.isEmpty()) {
                const auto status = statusFor(f.status);
                finishResolution(
                    status,
                    status == MxResolution::Status::NoAnswer
                        ? tr("%1 has no MX records and no address (A or AAAA) at %2: it "
                             "cannot receive mail")
                              .arg(domain, resolver)
                        : tr("%1 has no MX records, and looking up its address at %2 failed: "
                             "%3")
                              .arg(domain, resolver, DnsQuery::statusLabel(f.status)));
                return;
            }
            MxHost host;
            host.name = domain;
            host.ttl = ttl;
            host.implicit = true;
            host.addresses = addresses;
            finishResolution(MxResolution::Status::Found, QString(), {host});
        });
        return;
    }
    if (result.status != DnsQuery::Status::Answered) {
        finishResolution(statusFor(result.status),
                         tr("looking up the mail servers (MX) of %1 at %2: %3")
                             .arg(m_domain, resolver, DnsQuery::statusLabel(result.status)));
        return;
    }
    QList<MxHost> hosts;
    bool nullMx = false;
    for (const QDnsMailExchangeRecord &r : result.mailExchanges) {
        const QString exchange = r.exchange();
        if (exchange.isEmpty() || exchange == QLatin1String(".")) {
            nullMx = true;
            continue;
        }
        MxHost host;
        host.name = exchange.endsWith(QLatin1Char('.')) ? exchange.chopped(1) : exchange;
        host.preference = r.preference();
        host.ttl = r.timeToLive();
        hosts << host;
    }
    if (nullMx && hosts.isEmpty()) {
        finishResolution(MxResolution::Status::NullMx,
                         tr("%1 takes no mail: its MX record is a null MX (\"0 .\", RFC 7505); "
                            "nothing was sent")
                             .arg(m_domain));
        return;
    }
    if (nullMx) {
        note(tr("%1 has a null MX (\"0 .\") beside other MX records; RFC 7505 says it must stand "
                "alone, so it is ignored and the other hosts are tried")
                 .arg(m_domain));
    }
    hosts = inPreferenceOrder(hosts, QRandomGenerator::global());
    QStringList order;
    for (const MxHost &h : std::as_const(hosts))
        order << QStringLiteral("%1 (%2)").arg(h.name).arg(h.preference);
    note(tr("mail servers of %1 in the order they are tried (lowest preference first, equal "
            "preferences in random order): %2")
             .arg(m_domain, order.join(QStringLiteral(", "))));
    finishResolution(MxResolution::Status::Found, QString(), hosts);
}

void MxResolver::finishResolution(MxResolution::Status status, const QString &message,
                                  QList<MxHost> hosts)
{
    MxResolution r;
    r.domain = m_domain;
    r.status = status;
    r.hosts = std::move(hosts);
    r.resolver = DnsQuery::resolverLabel(m_nameserver);
    r.message = message;
    Q_EMIT resolved(r);
}

void MxResolver::resolveAddresses(const QString &host)
{
    lookupAddresses(host, [this, host](const QList<QHostAddress> &addresses, quint32,
                                       const DnsQuery::Result &failure) {
        QString problem;
        if (addresses.isEmpty()) {
            problem = tr("no address for %1 at %2: %3")
                          .arg(host, DnsQuery::resolverLabel(m_nameserver),
                               DnsQuery::statusLabel(failure.status));
        }
        Q_EMIT addressesResolved(host, addresses, problem);
    });
}

void MxResolver::lookupAddresses(
    const QString &name,
    std::function<void(const QList<QHostAddress> &, quint32, const DnsQuery::Result &)> done)
{
    struct Pending
    {
        int open = 2;
        QList<QHostAddress> v6, v4;
        quint32 ttl = 0;
        DnsQuery::Result failure;
    };
    auto pending = std::make_shared<Pending>();
    const int generation = m_generation;
    auto collect = [this, pending, generation, done](const DnsQuery::Result &r) {
        if (generation != m_generation)
            return;
        for (const QDnsHostAddressRecord &a : r.addresses) {
            (r.type == QDnsLookup::AAAA ? pending->v6 : pending->v4) << a.value();
            pending->ttl = pending->ttl ? std::min(pending->ttl, a.timeToLive()) : a.timeToLive();
        }
        // The worse failure is the one to tell: an empty answer says least.
        if (r.status != DnsQuery::Status::Answered &&
            (pending->failure.status == DnsQuery::Status::Failed ||
             pending->failure.status == DnsQuery::Status::NoAnswer ||
             r.status == DnsQuery::Status::NoSuchDomain))
            pending->failure = r;
        if (--pending->open == 0)
            done(pending->v6 + pending->v4, pending->ttl, pending->failure);
    };
    connect(query(QDnsLookup::AAAA, name), &DnsQuery::finished, this, collect);
    connect(query(QDnsLookup::A, name), &DnsQuery::finished, this, collect);
}
