// Keeps the attempt a signal source makes: follows its transcriptEntry(TranscriptEntry) and
// finished(SendResult) signals (SmtpClient, Submission, or anything with the same two) and
// saves the attempt to the history when it ends. A failed save is reported, never the send's.
#pragma once

#include "history/attempt.h"
#include "history/historystore.h"
#include "smtp/serverreport.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

class AttemptRecorder : public QObject
{
    Q_OBJECT
public:
    AttemptRecorder(const HistoryStore &store, Attempt::Kind kind, QObject *parent = nullptr);
    // An attempt under way when the recorder goes (the window closed mid-send) is saved as
    // unfinished: what was learnt up to then is kept.
    ~AttemptRecorder() override;

    // Every attempt the source makes from now on is recorded. A source with client() (a
    // Submission) or one that is an SmtpClient gives the server and settings, and one with
    // account() its account's name, unless setContext() says otherwise.
    // A source with domainFinished(D) and sessionSettings() (MxDelivery) makes one attempt
    // per recipient domain: its DNS steps and sessions, the last session's server, and the
    // outcome of D::sendResult().
    template <typename Source> void follow(Source *source)
    {
        connect(source, &Source::transcriptEntry, this, &AttemptRecorder::addEntry);
        if constexpr (requires { &Source::domainFinished; }) {
            using Domain = decltype(resultOf(&Source::domainFinished));
            connect(source, &Source::domainFinished, this,
                    [this](const Domain &domain) { finish(domain.sendResult()); });
            m_settings = [source] { return source->sessionSettings(); };
            return;
        } else {
            // finished(SendResult) or, from a ServerCheck, finished(ServerReport).
            using Result = decltype(resultOf(&Source::finished));
            connect(source, &Source::finished, this,
                    qOverload<const Result &>(&AttemptRecorder::finish));
        }
        if constexpr (requires { source->client()->settings(); })
            m_settings = [source] { return source->client()->settings(); };
        else if constexpr (requires { source->settings(); })
            m_settings = [source] { return source->settings(); };
        if constexpr (requires { source->account().name; })
            m_account = [source] { return source->account().name; };
    }
    // Where the server, settings and account name come from, read when an attempt starts and
    // ends (the settings hold the password only to check it is nowhere in the transcript).
    void setSettingsSource(std::function<SmtpSettings()> settings)
    {
        m_settings = std::move(settings);
    }
    void setAccountSource(std::function<QString()> account) { m_account = std::move(account); }
    // What the next attempt is to send, for a repeat of one that ended before MAIL FROM.
    void setEnvelope(const Envelope &envelope, const QString &subject = QString())
    {
        m_envelope = envelope;
        m_subject = subject;
    }
    void setKind(Attempt::Kind kind) { m_kind = kind; }
    Attempt::Kind kind() const { return m_kind; }
    const HistoryStore &store() const { return m_store; }
    bool isRecording() const { return m_current.has_value(); }

public Q_SLOTS:
    // The first line after an end starts the next attempt.
    void addEntry(const TranscriptEntry &entry);
    void finish(const SendResult &result);
    // A server check's end: it ran (Success), was cancelled, or stopped where the report says.
    void finish(const ServerReport &report);
    // For a source without a SendResult (a console session, a server check).
    void finish(Attempt::Outcome outcome, const QString &message, const QString &step = QString());

Q_SIGNALS:
    void recorded(const Attempt &attempt, const QString &notice);
    void saveFailed(const QString &message);

private:
    template <typename S, typename R> static R resultOf(void (S::*)(const R &));
    void start();
    void save();

    HistoryStore m_store;
    Attempt::Kind m_kind;
    std::function<SmtpSettings()> m_settings;
    std::function<QString()> m_account;
    std::optional<Attempt> m_current;
    // Encodes m_current's entries as the history writes them (see Attempt::toCompactJson()) in
    // slices between events, so that saving a 10,000-line attempt does not stall the window when
    // the send ends, nor while its lines arrive.
    bool encodeSome(bool all);

    // The first m_encodedCount entries of m_current, encoded; dropped when a line had to be
    // redacted afterwards.
    QByteArray m_encoded;
    qsizetype m_encodedCount = 0;
    QTimer *m_encodeMore = nullptr;
    std::optional<Envelope> m_envelope;
    QString m_subject;
};
