#include "history/attemptrecorder.h"

#include <QElapsedTimer>

#include <utility>

AttemptRecorder::AttemptRecorder(const HistoryStore &store, Attempt::Kind kind, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_kind(kind)
    , m_encodeMore(new QTimer(this))
{
    m_encodeMore->setSingleShot(true);
    m_encodeMore->setInterval(0);
    connect(m_encodeMore, &QTimer::timeout, this, [this] {
        if (!encodeSome(false))
            m_encodeMore->start();
    });
}

AttemptRecorder::~AttemptRecorder()
{
    if (m_current && !m_current->entries.isEmpty()) {
        encodeSome(true);
        m_store.save(*m_current, m_encoded);
    }
}

void AttemptRecorder::start()
{
    m_current.emplace();
    m_encoded.clear();
    m_encodedCount = 0;
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
    if (!m_encodeMore->isActive())
        m_encodeMore->start();
}

bool AttemptRecorder::encodeSome(bool all)
{
    if (!m_current)
        return true;
    constexpr qint64 SliceMs = 8;
    QElapsedTimer slice;
    slice.start();
    const QList<TranscriptEntry> &entries = m_current->entries;
    while (m_encodedCount < entries.size()) {
        if (!all && slice.elapsed() >= SliceMs)
            return false;
        if (m_encodedCount > 0)
            m_encoded += ',';
        m_encoded += Attempt::encodeEntry(entries.at(m_encodedCount++));
    }
    return true;
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
    encodeSome(true);
    m_encodeMore->stop();
    Attempt attempt = std::move(*m_current);
    m_current.reset();
    QByteArray encoded = std::exchange(m_encoded, {});
    m_encodedCount = 0;
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
                        encoded.clear(); // encoded before the redaction
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
    const HistoryStore::Saved saved = m_store.save(attempt, encoded);
    if (!saved.ok) {
        Q_EMIT saveFailed(saved.error);
        return;
    }
    Q_EMIT recorded(attempt, saved.notice);
}
