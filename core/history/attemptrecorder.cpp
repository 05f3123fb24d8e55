#include "history/attemptrecorder.h"

AttemptRecorder::AttemptRecorder(const HistoryStore &store, Attempt::Kind kind, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_kind(kind)
{}

AttemptRecorder::~AttemptRecorder()
{
    if (m_current && !m_current->entries.isEmpty())
        m_store.save(*m_current);
}

void AttemptRecorder::start()
{
    m_current.emplace();
    m_current->kind = m_kind;
    m_current->started = QDateTime::currentDateTimeUtc();
    if (m_account)
        m_current->account = m_account();
    if (m_settings)
        m_current->setSettings(m_settings());
}

void AttemptRecorder::addEntry(const TranscriptEntry &entry)
{
    if (!m_current) {
        start();
        // The first line may come a little after the connection attempt began.
        m_current->started = m_current->started.addMSecs(-entry.elapsedMs);
    }
    m_current->entries.append(entry);
}

void AttemptRecorder::finish(const SendResult &result)
{
    if (!m_current)
        start();
    m_current->setResult(result);
    save();
}

void AttemptRecorder::finish(const ServerReport &report)
{
    if (!m_current)
        start();
    if (!m_settings) {
        m_current->host = report.host;
        m_current->port = report.port;
        m_current->security = report.security;
    }
    SendResult result;
    using O = SendResult::Outcome;
    result.outcome = report.completed                               ? O::Success
                     : report.error == SendResult::Error::Cancelled ? O::Cancelled
                                                                    : O::Failure;
    result.error = report.completed ? SendResult::Error::NoError : report.error;
    result.step = report.completed ? QString() : report.stoppedStep;
    result.stepLabel = report.completed ? QString() : report.stoppedLabel;
    result.message = report.completed
                         ? tr("The check ran: %n findings.", nullptr, int(report.findings.size()))
                         : report.message;
    if (!report.steps.isEmpty())
        result.elapsedMs = report.steps.last().startMs + report.steps.last().durationMs;
    finish(result);
}

void AttemptRecorder::finish(Attempt::Outcome outcome, const QString &message, const QString &step)
{
    if (!m_current)
        start();
    m_current->outcome = outcome;
    m_current->message = message;
    m_current->step = step;
    save();
}

void AttemptRecorder::save()
{
    Attempt attempt = std::move(*m_current);
    m_current.reset();
    if (m_settings) {
        const SmtpSettings settings = m_settings();
        attempt.setSettings(settings);
        // The client redacts AUTH lines before any entry exists; this makes sure no line that
        // reaches the disk holds the secret in any form the exchange could have sent it.
        const QString secret = settings.credentials.secret;
        if (!secret.isEmpty()) {
            const QByteArray user = settings.credentials.user.toUtf8();
            const QList<QString> forms = {
                secret, QString::fromLatin1(secret.toUtf8().toBase64()),
                QString::fromLatin1(QByteArray('\0' + user + '\0' + secret.toUtf8()).toBase64()),
                QString::fromLatin1(
                    QByteArray("user=" + user + "\001auth=Bearer " + secret.toUtf8() + "\001\001")
                        .toBase64())};
            for (TranscriptEntry &e : attempt.entries) {
                for (const QString &form : forms) {
                    if (form.size() >= 3 && (e.text.contains(form) || e.details.contains(form))) {
                        e.text.replace(form, QStringLiteral("********"));
                        e.details.replace(form, QStringLiteral("********"));
                        e.command.line.replace(form, QStringLiteral("********"));
                        e.redacted = true;
                    }
                }
            }
        }
    }
    if (m_account && attempt.account.isEmpty())
        attempt.account = m_account();
    if (m_envelope) {
        attempt.setEnvelope(*m_envelope);
        attempt.subject = m_subject;
        m_envelope.reset();
    }
    attempt.deriveEnvelope();
    const HistoryStore::Saved saved = m_store.save(attempt);
    if (!saved.ok) {
        Q_EMIT saveFailed(saved.error);
        return;
    }
    Q_EMIT recorded(attempt, saved.notice);
}
