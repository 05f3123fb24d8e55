#include "delivery/dnsquery.h"

#include <QTimer>

namespace {

// Qt 6.4's QDnsLookup reports an empty answer (NOERROR, no record of the type) and a resolver
// that gave up waiting the same way: InvalidReplyError. The resolver waits at least one second
// before it gives up (glibc's smallest "timeout:" is 1 s), while a server that answers with no
// record does so at network speed; the time taken tells them apart.
constexpr qint64 ResolverGaveUpAfterMs = 1000;

} // namespace

DnsQuery::DnsQuery(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    qRegisterMetaType<DnsQuery::Result>();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &DnsQuery::onTimeout);
}

DnsQuery::~DnsQuery()
{
    if (m_lookup) {
        m_lookup->disconnect(this);
        m_lookup->abort();
    }
}

QString DnsQuery::typeName(QDnsLookup::Type type)
{
    switch (type) {
    case QDnsLookup::A:
        return QStringLiteral("A");
    case QDnsLookup::AAAA:
        return QStringLiteral("AAAA");
    case QDnsLookup::MX:
        return QStringLiteral("MX");
    default:
        return QString::number(int(type));
    }
}

QString DnsQuery::resolverLabel(const QHostAddress &nameserver)
{
    if (nameserver.isNull())
        return tr("the system's resolver");
    return tr("the DNS server %1").arg(nameserver.toString());
}

QString DnsQuery::statusLabel(Status status)
{
    switch (status) {
    case Status::Answered:
        return tr("answered");
    case Status::NoSuchDomain:
        return tr("no such domain (NXDOMAIN)");
    case Status::NoAnswer:
        return tr("no answer (the name exists, with no record of this type)");
    case Status::ServerFailure:
        return tr("server failure (SERVFAIL)");
    case Status::Refused:
        return tr("the DNS server refused to answer (REFUSED)");
    case Status::Timeout:
        return tr("timeout (no reply)");
    case Status::Failed:
        return tr("the lookup failed");
    }
    return QString();
}

void DnsQuery::lookup(QDnsLookup::Type type, const QString &name, const QHostAddress &nameserver,
                      int timeoutMs)
{
    m_result = Result();
    m_result.name = name;
    m_result.type = type;
    m_nameserver = nameserver;
    m_timeoutMs = timeoutMs;
    if (!m_clock.isValid())
        m_clock.start();
    m_started.start();
    emitEntry(tr("%1 %2? (asking %3)").arg(typeName(type), name, resolverLabel(nameserver)), false);
    m_lookup = nameserver.isNull() ? new QDnsLookup(type, name, this)
                                   : new QDnsLookup(type, name, nameserver, this);
    connect(m_lookup, &QDnsLookup::finished, this, &DnsQuery::onFinished);
    m_timer->start(timeoutMs);
    m_lookup->lookup();
}

void DnsQuery::onFinished()
{
    m_timer->stop();
    m_result.elapsedMs = m_started.elapsed();
    switch (m_lookup->error()) {
    case QDnsLookup::NoError:
        m_result.mailExchanges = m_lookup->mailExchangeRecords();
        m_result.addresses = m_lookup->hostAddressRecords();
        m_result.status = m_result.mailExchanges.isEmpty() && m_result.addresses.isEmpty()
                              ? Status::NoAnswer
                              : Status::Answered;
        break;
    case QDnsLookup::NotFoundError:
        m_result.status = Status::NoSuchDomain;
        break;
    case QDnsLookup::ServerFailureError:
        m_result.status = Status::ServerFailure;
        break;
    case QDnsLookup::ServerRefusedError:
        m_result.status = Status::Refused;
        break;
    case QDnsLookup::InvalidReplyError:
        m_result.status =
            m_result.elapsedMs >= ResolverGaveUpAfterMs ? Status::Timeout : Status::NoAnswer;
        break;
    default:
        m_result.status = Status::Failed;
        m_result.resolverError = m_lookup->errorString();
        break;
    }
    m_lookup->deleteLater();
    finish();
}

void DnsQuery::onTimeout()
{
    // The lookup runs on Qt's resolver thread and cannot be interrupted; it is left to end
    // there, unheard.
    m_lookup->disconnect(this);
    m_lookup->abort();
    m_lookup->deleteLater();
    m_result.elapsedMs = m_started.elapsed();
    m_result.status = Status::Timeout;
    finish();
}

void DnsQuery::finish()
{
    const QString name = m_result.name;
    const QString type = typeName(m_result.type);
    QStringList lines;
    for (const QDnsMailExchangeRecord &mx : std::as_const(m_result.mailExchanges)) {
        const QString exchange = mx.exchange().isEmpty() ? QStringLiteral(".") : mx.exchange();
        lines << tr("%1 MX %2 %3 (TTL %4 s)")
                     .arg(name)
                     .arg(mx.preference())
                     .arg(exchange)
                     .arg(mx.timeToLive());
    }
    for (const QDnsHostAddressRecord &a : std::as_const(m_result.addresses)) {
        lines
            << tr("%1 %2 %3 (TTL %4 s)").arg(name, type, a.value().toString()).arg(a.timeToLive());
    }
    if (m_result.status == Status::Timeout) {
        lines << tr("%1 %2: timeout, no reply from %3 within %4 ms")
                     .arg(name, type, resolverLabel(m_nameserver))
                     .arg(m_result.elapsedMs);
    } else if (m_result.status != Status::Answered) {
        QString label = statusLabel(m_result.status);
        if (!m_result.resolverError.isEmpty())
            label = tr("%1: %2").arg(label, m_result.resolverError);
        lines << tr("%1 %2: %3").arg(name, type, label);
    }
    for (qsizetype i = 0; i < lines.size(); ++i)
        emitEntry(lines[i], i == lines.size() - 1);
    Q_EMIT finished(m_result);
}

void DnsQuery::emitEntry(const QString &text, bool last)
{
    TranscriptEntry entry;
    entry.elapsedMs = m_clock.elapsed();
    entry.direction = TranscriptEntry::Direction::Dns;
    entry.text = text;
    entry.lastLineOfReply = last;
    if (last)
        entry.latencyMs = m_result.elapsedMs;
    Q_EMIT transcriptEntry(entry);
}
