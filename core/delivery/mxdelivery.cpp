#include "delivery/mxdelivery.h"

#include <QTimer>

QString DomainDelivery::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Delivered:
        return QStringLiteral("delivered");
    case Outcome::PartlyDelivered:
        return QStringLiteral("partly-delivered");
    case Outcome::Refused:
        return QStringLiteral("refused");
    case Outcome::NoMail:
        return QStringLiteral("no-mail");
    case Outcome::DnsFailed:
        return QStringLiteral("dns-failed");
    case Outcome::Unreachable:
        return QStringLiteral("unreachable");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::DeliveryUnknown:
        return QStringLiteral("delivery-unknown");
    case Outcome::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QString();
}

SendResult DomainDelivery::sendResult() const
{
    SendResult r = result;
    r.message = message;
    switch (outcome) {
    case Outcome::Delivered:
        r.outcome = SendResult::Outcome::Success;
        break;
    case Outcome::PartlyDelivered:
        r.outcome = SendResult::Outcome::PartialSuccess;
        break;
    case Outcome::DeliveryUnknown:
        r.outcome = SendResult::Outcome::DeliveryUnknown;
        break;
    case Outcome::Cancelled:
        r.outcome = SendResult::Outcome::Cancelled;
        break;
    case Outcome::Refused:
    case Outcome::NoMail:
    case Outcome::DnsFailed:
    case Outcome::Unreachable:
    case Outcome::Failed:
        r.outcome = SendResult::Outcome::Failure;
        break;
    }
    return r;
}

QString DomainDelivery::outcomeLabel(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Delivered:
        return tr("delivered");
    case Outcome::PartlyDelivered:
        return tr("delivered, some recipients refused");
    case Outcome::Refused:
        return tr("refused");
    case Outcome::NoMail:
        return tr("takes no mail (null MX)");
    case Outcome::DnsFailed:
        return tr("DNS lookup failed");
    case Outcome::Unreachable:
        return tr("no mail server could be reached");
    case Outcome::Failed:
        return tr("failed");
    case Outcome::DeliveryUnknown:
        return tr("delivery unknown");
    case Outcome::Cancelled:
        return tr("cancelled");
    }
    return QString();
}

bool MxDeliveryResult::allDelivered() const
{
    return error.isEmpty() && !domains.isEmpty() &&
           std::all_of(domains.cbegin(), domains.cend(),
                       [](const DomainDelivery &d) { return d.delivered(); });
}

bool MxDeliveryResult::anyDelivered() const
{
    return std::any_of(domains.cbegin(), domains.cend(),
                       [](const DomainDelivery &d) { return d.delivered(); });
}

QList<MxDelivery::DomainGroup> MxDelivery::groupByDomain(const Envelope &envelope)
{
    QList<DomainGroup> groups;
    for (qsizetype i = 0; i < envelope.recipients.size(); ++i) {
        const QString &address = envelope.recipients[i];
        const QString domain = address.mid(address.lastIndexOf(QLatin1Char('@')) + 1).toLower();
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&domain](const DomainGroup &g) { return g.domain == domain; });
        if (it == groups.end()) {
            DomainGroup g;
            g.domain = domain;
            g.envelope.sender = envelope.sender;
            g.envelope.senderField = envelope.senderField;
            g.envelope.dsn = envelope.dsn;
            groups.append(g);
            it = groups.end() - 1;
        }
        it->envelope.recipients.append(address);
        it->envelope.recipientFields.append(
            envelope.recipientFields.value(i, CommandOrigin::Source::Recipient));
    }
    return groups;
}

MxDelivery::MxDelivery(QObject *parent)
    : QObject(parent)
    , m_resolver(new MxResolver(this))
{
    qRegisterMetaType<DomainDelivery>();
    qRegisterMetaType<MxDeliveryResult>();
    connect(m_resolver, &MxResolver::transcriptEntry, this, &MxDelivery::transcriptEntry);
    connect(m_resolver, &MxResolver::resolved, this, &MxDelivery::onResolved);
    connect(m_resolver, &MxResolver::addressesResolved, this, &MxDelivery::onAddresses);
}

MxDelivery::~MxDelivery()
{
    if (m_client)
        m_client->disconnect(this);
}

void MxDelivery::send(const MxDeliverySettings &settings, const Envelope &envelope,
                      MessageSource *source)
{
    if (m_busy)
        return;
    m_settings = settings;
    m_source = source;
    m_result = MxDeliveryResult();
    m_cancelled = false;
    m_busy = true;
    m_clock.start();
    m_resolver->setNameserver(settings.dnsServer);
    m_resolver->setTimeout(settings.dnsTimeoutMs);
    m_groups.clear();
    m_group = -1;
    if (envelope.recipients.isEmpty())
        m_result.error = tr("no recipient: give at least one address");
    else
        m_result.error = envelope.validate();
    if (m_result.error.isEmpty())
        m_groups = groupByDomain(envelope);
    QMetaObject::invokeMethod(this, &MxDelivery::startDomain, Qt::QueuedConnection);
}

void MxDelivery::cancel()
{
    if (!m_busy || m_cancelled)
        return;
    m_cancelled = true;
    if (m_client) {
        m_client->cancel(); // its finished() ends the domain as cancelled
    } else if (m_group >= 0 && m_group < m_groups.size()) {
        m_resolver->cancel();
        finishDomain(DomainDelivery::Outcome::Cancelled,
                     tr("cancelled while looking up the mail servers of %1").arg(m_current.domain));
    }
}

void MxDelivery::note(TranscriptEntry::Direction direction, const QString &text)
{
    TranscriptEntry entry;
    entry.elapsedMs = m_domainClock.isValid() ? m_domainClock.elapsed() : 0;
    entry.direction = direction;
    entry.text = text;
    Q_EMIT transcriptEntry(entry);
}

void MxDelivery::startDomain()
{
    ++m_group;
    if (m_group >= m_groups.size()) {
        m_busy = false;
        m_result.elapsedMs = m_clock.elapsed();
        Q_EMIT finished(m_result);
        return;
    }
    const DomainGroup &group = m_groups[m_group];
    m_current = DomainDelivery();
    m_current.domain = group.domain;
    m_sessionSettings = m_settings.smtp;
    m_sessionSettings.host.clear();
    m_sessionSettings.port = m_settings.port;
    m_sessionSettings.authenticate = false;
    m_current.recipients = group.envelope.recipients;
    m_current.resolver = DnsQuery::resolverLabel(m_settings.dnsServer);
    m_hosts.clear();
    m_host = -1;
    m_connectTimedOut = false;
    if (m_cancelled) {
        finishDomain(DomainDelivery::Outcome::Cancelled, tr("cancelled before it was tried"));
        return;
    }
    m_domainClock.start();
    m_resolver->setClock(m_domainClock);
    Q_EMIT domainStarted(group.domain, group.envelope.recipients);
    note(TranscriptEntry::Direction::Info,
         tr("direct delivery to %1 for %n recipients (%2): looking up its mail servers (MX) "
            "at %3",
            nullptr, int(group.envelope.recipients.size()))
             .arg(group.domain, group.envelope.recipients.join(QStringLiteral(", ")),
                  m_current.resolver));
    m_resolver->resolve(group.domain);
}

void MxDelivery::onResolved(const MxResolution &resolution)
{
    if (resolution.status == MxResolution::Status::Found) {
        m_hosts = resolution.hosts;
        m_host = -1;
        tryHost();
        return;
    }
    finishDomain(resolution.status == MxResolution::Status::NullMx
                     ? DomainDelivery::Outcome::NoMail
                     : DomainDelivery::Outcome::DnsFailed,
                 resolution.message);
}

void MxDelivery::tryHost()
{
    if (m_cancelled) {
        finishDomain(DomainDelivery::Outcome::Cancelled, tr("cancelled"));
        return;
    }
    ++m_host;
    if (m_host >= m_hosts.size()) {
        QString message = tr("none of the mail servers of %1 could take the message: %2")
                              .arg(m_current.domain, m_current.attempts.join(QStringLiteral("; ")));
        if (m_connectTimedOut && m_settings.port == 25) {
            message += QLatin1Char(' ') +
                       tr("Many networks (home connections, cloud providers) block outgoing "
                          "port 25: try from another network, or send through a submission "
                          "server instead.");
        }
        finishDomain(DomainDelivery::Outcome::Unreachable, message);
        return;
    }
    const MxHost &host = m_hosts[m_host];
    if (!host.addresses.isEmpty())
        onAddresses(host.name, host.addresses, QString());
    else
        m_resolver->resolveAddresses(host.name);
}

void MxDelivery::onAddresses(const QString &host, const QList<QHostAddress> &addresses,
                             const QString &problem)
{
    if (m_host < 0 || m_host >= m_hosts.size() || m_hosts[m_host].name != host)
        return;
    if (addresses.isEmpty()) {
        m_current.attempts << problem;
        note(TranscriptEntry::Direction::Error, problem);
        tryHost();
        return;
    }
    m_addresses = addresses;
    m_address = -1;
    tryAddress();
}

bool MxDelivery::tryNextHost(const SendResult &result)
{
    if (result.outcome != SendResult::Outcome::Failure)
        return false;
    if (result.error == SendResult::Error::ConnectFailed ||
        result.step == QLatin1String("Connecting"))
        return true;
    // A greeting with 4xx (421: "service not available") or none at all: the next MX may
    // take it (RFC 5321 section 5.1). A 5xx greeting is the domain's answer.
    return result.step == QLatin1String("Greeting") &&
           (!result.reply.isValid() || (result.reply.code >= 400 && result.reply.code < 500));
}

void MxDelivery::tryAddress()
{
    if (m_cancelled)
        return; // cancel() between two sessions has already ended the domain
    ++m_address;
    if (m_address >= m_addresses.size()) {
        tryHost();
        return;
    }
    const MxHost &host = m_hosts[m_host];
    SmtpSettings s = m_settings.smtp;
    s.host = host.name;
    s.address = m_addresses[m_address].toString();
    s.port = m_settings.port;
    // Opportunistic TLS (RFC 7435): encrypt when offered, and deliver even when the
    // certificate does not verify, which the transcript then says.
    s.security = SmtpSettings::Security::StartTlsIfOffered;
    s.verifyPeer = false;
    s.pinnedFingerprints.clear();
    s.authenticate = false;
    s.stepMode = false;
    m_sessionSettings = s;
    m_current.host = host.name;
    m_current.address = s.address;
    m_current.tls = false;
    m_current.tlsUnverified = false;
    m_inHandshake = false;
    m_sessionOffset = m_domainClock.elapsed();
    note(TranscriptEntry::Direction::Info,
         host.implicit
             ? tr("trying %1 (%2), the domain's own address").arg(host.name, s.address)
             : tr("trying %1 (%2), preference %3").arg(host.name, s.address).arg(host.preference));

    auto *client = new SmtpClient(this);
    m_client = client;
    connect(client, &SmtpClient::transcriptEntry, this, [this](TranscriptEntry e) {
        e.elapsedMs += m_sessionOffset;
        if (m_inHandshake && e.direction == TranscriptEntry::Direction::Error)
            m_current.tlsUnverified = true;
        Q_EMIT transcriptEntry(e);
    });
    connect(client, &SmtpClient::stateChanged, this, [this](SmtpClient::State state) {
        if (state == SmtpClient::State::TlsHandshake) {
            m_inHandshake = true;
        } else if (m_inHandshake && state == SmtpClient::State::Ehlo) {
            m_inHandshake = false;
            m_current.tls = true;
            if (m_current.tlsUnverified) {
                note(TranscriptEntry::Direction::Tls,
                     tr("the certificate of %1 was NOT verified (the problems are above): the "
                        "session is encrypted, but nothing proves the other end is %1. This is "
                        "opportunistic TLS (RFC 7435), usual between mail servers")
                         .arg(m_current.host));
            }
        }
        Q_EMIT stateChanged(state);
    });
    connect(client, &SmtpClient::progress, this, &MxDelivery::progress);
    connect(client, &SmtpClient::finished, this, &MxDelivery::onSessionFinished);
    client->send(s, m_groups[m_group].envelope, m_source);
}

void MxDelivery::onSessionFinished(const SendResult &result)
{
    if (m_client) {
        m_client->disconnect(this);
        m_client->deleteLater();
    }
    m_client = nullptr;
    m_current.result = result;
    if (tryNextHost(result) && !m_cancelled) {
        if (result.error == SendResult::Error::Timeout)
            m_connectTimedOut = m_connectTimedOut || result.step == QLatin1String("Connecting");
        m_current.attempts
            << tr("%1 (%2): %3").arg(m_current.host, m_current.address, result.message);
        note(TranscriptEntry::Direction::Error,
             tr("%1 could not take the message; trying the next address or mail server")
                 .arg(m_current.host));
        QMetaObject::invokeMethod(this, &MxDelivery::tryAddress, Qt::QueuedConnection);
        return;
    }
    m_current.recipientResults = result.recipients;
    using O = SendResult::Outcome;
    using D = DomainDelivery::Outcome;
    D outcome = D::Failed;
    switch (result.outcome) {
    case O::Success:
        outcome = D::Delivered;
        break;
    case O::PartialSuccess:
        outcome = D::PartlyDelivered;
        break;
    case O::DeliveryUnknown:
        outcome = D::DeliveryUnknown;
        break;
    case O::Cancelled:
        outcome = D::Cancelled;
        break;
    case O::Failure:
        if (result.error == SendResult::Error::AllRecipientsRefused ||
            (result.error == SendResult::Error::Refused &&
             (result.step == QLatin1String("MailFrom") || result.step == QLatin1String("RcptTo") ||
              result.step == QLatin1String("Data") || result.step == QLatin1String("EndOfData") ||
              result.step == QLatin1String("Content"))))
            outcome = D::Refused;
        break;
    }
    finishDomain(outcome, result.message);
}

void MxDelivery::finishDomain(DomainDelivery::Outcome outcome, const QString &message)
{
    m_current.outcome = outcome;
    m_current.message = message;
    if (m_current.recipientResults.size() != m_current.recipients.size()) {
        // No session got as far as RCPT: each recipient shares the domain's outcome.
        m_current.recipientResults.clear();
        for (const QString &address : std::as_const(m_current.recipients)) {
            RecipientResult r;
            r.address = address;
            m_current.recipientResults << r;
        }
    }
    if (m_domainClock.isValid() && outcome != DomainDelivery::Outcome::Cancelled) {
        note(
            m_current.delivered() ? TranscriptEntry::Direction::Info
                                  : TranscriptEntry::Direction::Error,
            tr("%1: %2: %3").arg(m_current.domain, DomainDelivery::outcomeLabel(outcome), message));
    }
    m_result.domains << m_current;
    Q_EMIT domainFinished(m_current);
    QMetaObject::invokeMethod(this, &MxDelivery::startDomain, Qt::QueuedConnection);
}
