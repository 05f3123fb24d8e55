#include "account/serverknowledge.h"

#include "account/account.h"
#include "account/submission.h"
#include "smtp/explain.h"
#include "smtp/messagesource.h"
#include "smtp/smtpreply.h"

#include <QSettings>

#include <memory>

namespace {

const QString Group = QStringLiteral("serverKnowledge");

} // namespace

Capabilities ServerKnowledge::capabilities() const
{
    SmtpReply reply;
    reply.code = 250;
    reply.lines << "server";
    for (const auto &[keyword, params] : extensions)
        reply.lines << (params.isEmpty() ? keyword : keyword + ' ' + params);
    return Capabilities::fromEhloReply(reply);
}

ServerKnowledge ServerKnowledge::from(const Capabilities &capabilities, const QString &server,
                                      bool tls, const QDateTime &when)
{
    ServerKnowledge k;
    k.server = server;
    k.learntAt = when.toUTC();
    k.tls = tls;
    k.extensions = capabilities.entries();
    return k;
}

QStringList ServerKnowledge::preflight(qint64 messageSize, bool needsSmtpUtf8,
                                       const DsnOptions &dsn) const
{
    QStringList out;
    if (!isValid())
        return out;
    const Capabilities caps = capabilities();
    if (caps.sizeLimit() > 0 && messageSize > caps.sizeLimit()) {
        out << tr("The message is %1, larger than the %2 this server accepts (SIZE, %3); it "
                  "would be refused.")
                   .arg(SmtpExplain::formatSize(messageSize),
                        SmtpExplain::formatSize(caps.sizeLimit()), age());
    }
    if (needsSmtpUtf8 && !caps.smtpUtf8()) {
        out << tr("An address has non-ASCII characters, which needs SMTPUTF8, and this server "
                  "does not offer it (%1).")
                   .arg(age());
    }
    if (dsn.isRequested() && !caps.dsn()) {
        out << tr("Delivery notifications (DSN) were asked for and this server does not offer "
                  "them (%1): none will come.")
                   .arg(age());
    }
    return out;
}

QStringList ServerKnowledge::preflight(MessageSource &source, const DsnOptions &dsn) const
{
    if (!isValid())
        return {};
    QString error;
    if (!source.open(capabilities(), &error)) {
        QStringList out = preflight(0, false, dsn);
        out.prepend(tr("%1 (%2).").arg(error, age()));
        return out;
    }
    return preflight(source.size(), source.needsSmtpUtf8(), dsn);
}

QString ServerKnowledge::age(const QDateTime &now) const
{
    const qint64 minutes = learntAt.secsTo(now) / 60;
    if (minutes < 1)
        return tr("learnt just now");
    if (minutes < 60)
        return tr("learnt %n minutes ago", nullptr, int(minutes));
    if (minutes < 48 * 60)
        return tr("learnt %n hours ago", nullptr, int(minutes / 60));
    return tr("learnt on %1")
        .arg(learntAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

ServerKnowledgeStore::ServerKnowledgeStore(const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , m_file(settingsFile)
{}

ServerKnowledge ServerKnowledgeStore::knowledge(const QString &accountId) const
{
    ServerKnowledge k;
    if (accountId.isEmpty())
        return k;
    QSettings s(m_file, QSettings::IniFormat);
    s.beginGroup(Group);
    s.beginGroup(accountId);
    k.server = s.value(QStringLiteral("server")).toString();
    k.learntAt = QDateTime::fromString(s.value(QStringLiteral("learntAt")).toString(), Qt::ISODate);
    k.tls = s.value(QStringLiteral("tls")).toBool();
    for (const QString &line : s.value(QStringLiteral("extensions")).toStringList()) {
        const QByteArray bytes = line.toUtf8();
        const qsizetype space = bytes.indexOf(' ');
        const QByteArray keyword = (space < 0 ? bytes : bytes.left(space)).toUpper();
        if (!keyword.isEmpty())
            k.extensions.append({keyword, space < 0 ? QByteArray() : bytes.mid(space + 1)});
    }
    if (k.server.isEmpty())
        k.learntAt = QDateTime(); // damaged or absent: nothing is known
    return k;
}

ServerKnowledge ServerKnowledgeStore::knowledge(const Account &account) const
{
    ServerKnowledge k = knowledge(account.id);
    if (k.server.compare(account.serverLabel(), Qt::CaseInsensitive) != 0)
        return ServerKnowledge();
    return k;
}

bool ServerKnowledgeStore::learn(const QString &accountId, const ServerKnowledge &k)
{
    if (accountId.isEmpty())
        return false;
    QSettings s(m_file, QSettings::IniFormat);
    s.beginGroup(Group);
    s.beginGroup(accountId);
    s.setValue(QStringLiteral("server"), k.server);
    s.setValue(QStringLiteral("learntAt"), k.learntAt.toUTC().toString(Qt::ISODate));
    s.setValue(QStringLiteral("tls"), k.tls);
    QStringList lines;
    for (const auto &[keyword, params] : k.extensions)
        lines << QString::fromUtf8(params.isEmpty() ? keyword : keyword + ' ' + params);
    s.setValue(QStringLiteral("extensions"), lines);
    s.endGroup();
    s.endGroup();
    s.sync();
    Q_EMIT changed(accountId);
    return s.status() == QSettings::NoError;
}

void ServerKnowledgeStore::forget(const QString &accountId)
{
    QSettings s(m_file, QSettings::IniFormat);
    s.beginGroup(Group);
    s.remove(accountId);
    s.endGroup();
    s.sync();
    Q_EMIT changed(accountId);
}

void ServerKnowledgeStore::watch(Submission *submission)
{
    SmtpClient *client = submission->client();
    auto tls = std::make_shared<bool>(false);
    connect(client, &SmtpClient::stateChanged, this, [tls](SmtpClient::State state) {
        if (state == SmtpClient::State::Connecting)
            *tls = false;
    });
    connect(client, &SmtpClient::tlsEstablished, this, [tls] { *tls = true; });
    connect(client, &SmtpClient::capabilitiesReceived, this,
            [this, submission, tls](const Capabilities &caps) {
                const Account &account = submission->account();
                learn(account.id, ServerKnowledge::from(caps, account.serverLabel(), *tls));
            });
}
