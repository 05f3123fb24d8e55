#include "directsend.h"

#include "transcriptmodel.h"

#include "mime/mimemessagesource.h"

DirectSend::DirectSend(TranscriptModel *transcript, QObject *parent)
    : QObject(parent)
    , m_transcript(transcript)
    , m_delivery(new MxDelivery(this))
{
    connect(m_delivery, &MxDelivery::domainStarted, this,
            [this](const QString &domain, const QStringList &recipients) {
                m_transcript->beginSection(
                    tr("%1 (MX) for %2").arg(domain, recipients.join(QStringLiteral(", "))),
                    m_accountName);
            });
    connect(m_delivery, &MxDelivery::transcriptEntry, m_transcript, &TranscriptModel::append);
    connect(m_delivery, &MxDelivery::finished, this, &DirectSend::finished);
}

DirectSend::~DirectSend() = default;

QString DirectSend::start(const Account &account, const Message &message)
{
    MxDeliverySettings settings;
    QString problem;
    settings.smtp = account.toSmtpSettings(QString(), &problem);
    if (!problem.isEmpty())
        return problem;
    settings.port = quint16(account.port);
    if (!account.dnsServer.trimmed().isEmpty())
        settings.dnsServer = QHostAddress(account.dnsServer.trimmed());
    m_accountName = account.name;
    m_source = std::make_unique<MimeMessageSource>(message);
    m_delivery->send(settings, message.envelope(), m_source.get());
    return QString();
}

QString DirectSend::title(const MxDeliveryResult &result)
{
    if (!result.error.isEmpty())
        return tr("Not sent");
    const int total = int(result.domains.size());
    const int delivered = int(std::count_if(result.domains.cbegin(), result.domains.cend(),
                                            [](const DomainDelivery &d) { return d.delivered(); }));
    if (delivered == total)
        return tr("Delivered to every recipient's mail server (%n domains)", nullptr, total);
    if (delivered == 0)
        return tr("Not delivered: no recipient domain took the message");
    return tr("Delivered to %1 of %2 recipient domains").arg(delivered).arg(total);
}

QString DirectSend::details(const MxDeliveryResult &result)
{
    if (!result.error.isEmpty())
        return result.error;
    QStringList lines;
    for (const DomainDelivery &d : result.domains) {
        QString line;
        if (d.delivered()) {
            line =
                tr("%1: %2 by %3").arg(d.domain, DomainDelivery::outcomeLabel(d.outcome), d.host);
            if (d.tls)
                line += d.tlsUnverified ? tr(", encrypted (certificate not verified)")
                                        : tr(", encrypted");
            if (!d.result.queueId.isEmpty())
                line += tr(", queue id %1").arg(d.result.queueId);
        } else {
            // The message names the domain already when it starts with it ("x takes no mail").
            line =
                d.message.startsWith(d.domain) ? d.message : tr("%1: %2").arg(d.domain, d.message);
        }
        lines << line;
        for (const RecipientResult &r : d.recipientResults) {
            if (r.accepted && d.delivered())
                continue;
            lines << (r.reply.isValid()
                          ? tr("    %1: refused: %2").arg(r.address, r.reply.toString())
                          : tr("    %1: not sent").arg(r.address));
        }
    }
    return lines.join(QLatin1Char('\n'));
}
