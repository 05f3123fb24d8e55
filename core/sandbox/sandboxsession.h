// One SMTP session of the sandbox server, from greeting to close: reads the client's lines,
// answers by the session's state and behaviour, and keeps the server's side as a transcript.
#pragma once

#include "sandbox/mailstore.h"
#include "sandbox/sandboxauth.h"
#include "sandbox/sandboxbehaviour.h"
#include "sandbox/sandboxcredentials.h"
#include "sandbox/sandboxlinereader.h"
#include "sandbox/sandboxreply.h"
#include "sandbox/storedmessage.h"
#include "smtp/transcriptentry.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QStringList>

#include <memory>

class QSslSocket;
class QTimer;

class SandboxSession : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        SandboxBehaviour behaviour;
        SandboxCredentials credentials;
        QSslConfiguration tls; // null local certificate: STARTTLS is not offered
        QString hostName = QStringLiteral("localhost");
    };
    enum class State
    {
        Command,
        AuthContinuation,
        Data,
        Bdat,
        TlsHandshake,
        Closing
    };
    Q_ENUM(State)

    // Longest lines accepted (RFC 5321 section 4.5.3.1.4 and .6), line ending included;
    // an AUTH continuation may be as long as RFC 4954 section 4 allows.
    static constexpr qsizetype MaxCommandLine = 512;
    static constexpr qsizetype MaxTextLine = 1000;
    static constexpr qsizetype MaxAuthLine = 12288;
    static constexpr int MaxErrors = 10;
    // Even without an announced SIZE limit one message may not fill the disk.
    static constexpr qint64 HardSizeLimit = 512LL * 1024 * 1024;
    // Bytes taken from the socket at a time: with the socket's own buffer capped likewise,
    // a session holds about this much of a message in memory, however big the message (the
    // rest waits in the kernel, and TCP slows the client down).
    static constexpr qint64 ReadChunk = 64 * 1024;
    // Bytes of a message handed to the store's writer thread and not yet written, beyond
    // which the session stops reading from the client until the writer catches up.
    static constexpr qint64 MaxContentBacklog = 128 * 1024;
    // A client can make a session's transcript as long as it likes (pipelined NOOPs): what is
    // kept in memory and with the message is bounded.
    static constexpr qsizetype TranscriptHead = 200;
    static constexpr qsizetype TranscriptTail = 800;
    // Bytes of the message kept for the transcript's header summary.
    static constexpr qsizetype SummaryHead = 8192;

    // The session takes ownership of the connected socket. store may be null: messages are
    // then only reported by messageReceived().
    SandboxSession(quint64 id, QSslSocket *socket, const Config &config, MailStore *store,
                   QObject *parent = nullptr);
    ~SandboxSession() override;

    void start();
    quint64 id() const { return m_id; }
    State state() const { return m_state; }
    // The server's side of the session: whole, or when longer than TranscriptHead +
    // TranscriptTail entries, its first and last parts with an entry saying what was left out.
    QList<TranscriptEntry> transcript() const;
    QStringList deliveredIds() const { return m_deliveredIds; }
    // The most bytes of client input this session held in memory at once (its input
    // buffers and what it keeps of a message), for tests and benchmarks.
    qint64 peakBufferedBytes() const { return m_peakBuffered; }

Q_SIGNALS:
    void transcriptEntry(quint64 sessionId, const TranscriptEntry &entry);
    void messageReceived(quint64 sessionId, const StoredMessage &message);
    // The connection is closed; the session deletes itself later.
    void finished(quint64 sessionId);

private:
    enum class After
    {
        Continue,
        Close,
        StartTls
    };
    struct PendingReply
    {
        QByteArray wire;
        QList<QByteArray> lines;
        int code = 0;
        After after = After::Continue;
    };
    // One mail transaction, from MAIL to the end of the content; RSET, EHLO, STARTTLS and
    // every finished message start a fresh one by assignment.
    struct Transaction
    {
        bool haveMail = false;
        QString mailFrom;
        QStringList mailParameters;
        bool smtpUtf8 = false;
        QStringList rcptTo;
        QStringList rcptParameters;
        // The message goes to content (a file of the store) as it arrives; only its size and
        // its first bytes stay here.
        MailStore::IncomingFile content;
        qint64 dataSize = 0;
        QByteArray dataHead;
        qint64 dataLines = 0;
        bool dataTooBig = false;
        bool dataLineTooLong = false;
        bool atLineStart = true;
        QByteArray dataTail = "\r\n"; // lenient data: the last two bytes before this read
        qint64 bdatRemaining = 0;
        bool bdatLast = false;
        bool bdatStarted = false; // chunks arrived, LAST not yet
        SandboxReply bdatError;   // to give once the chunk is read; code 0: none
    };

    void record(const TranscriptEntry &entry);
    void note(TranscriptEntry::Direction direction, const QString &text, bool redacted = false,
              const QString &details = {});
    void reply(int code, const char *enhanced, const QByteArray &text,
               After after = After::Continue);
    void reply(const SandboxReply &decided);
    void replyLines(int code, const char *enhanced, const QList<QByteArray> &lines,
                    After after = After::Continue);
    PendingReply makeReply(int code, const char *enhanced, const QList<QByteArray> &lines,
                           After after) const;
    void sendReply(const PendingReply &pending);
    void onDelayElapsed();
    void onReadyRead();
    void onEncrypted();
    void onDisconnected();
    void onIdleTimeout();
    void processInput();
    bool pullInput();
    void noteBuffered();
    // Starts a message's content (a file from the store); false with *error when it cannot.
    bool beginContent(QByteArray *error);
    void appendContent(const char *bytes, qsizetype size);
    void closeNow(const QString &why);
    void countError();

    void handleCommand(const QByteArray &line);
    void handleDataLine(const QByteArray &line);
    // The data as a lenient server reads it (SandboxBehaviour::lenientEndOfData): bytes, not
    // lines. Returns false when it needs more input to decide.
    bool handleLenientData();
    void dataEnded();
    void handleAuthLine(const QByteArray &line);
    void applyAuthStep(const SandboxAuth::Step &step);
    void finishBdatChunk();
    void endOfData();
    void deliver();
    void onStored(const StoredMessage &message, const QString &error);

    void cmdEhlo(const QByteArray &args, bool extended);
    void cmdStartTls(const QByteArray &args);
    void cmdAuth(const QByteArray &args);
    void cmdMail(const QByteArray &args);
    void cmdRcpt(const QByteArray &args);
    void cmdData(const QByteArray &args);
    void cmdBdat(const QByteArray &args);
    bool checkAccessForMail(const char *verb);

    quint64 m_id;
    QSslSocket *m_socket;
    Config m_config;
    MailStore *m_store;
    QTimer *m_delayTimer;
    QTimer *m_idleTimer;
    QElapsedTimer m_clock;
    qint64 m_commandTime = 0;
    State m_state = State::Command;
    SandboxLineReader m_reader;
    QList<PendingReply> m_delayed;
    bool m_busy = false;           // a delayed reply is outstanding: the next command waits
    bool m_storing = false;        // the end of a message waits until the store made it durable
    bool m_waitingForDisk = false; // the store's writer has too much of this message queued
    bool m_processing = false;
    bool m_swallowLf = false; // lenient data ended at a CR: an LF right after it belongs to it
    bool m_finished = false;
    int m_errors = 0;
    qint64 m_peakBuffered = 0;
    QList<TranscriptEntry> m_transcript; // the first TranscriptHead entries
    QList<TranscriptEntry> m_transcriptTail;
    qint64 m_transcriptLeftOut = 0;
    QStringList m_deliveredIds;
    QString m_peer;

    // Session state (reset by STARTTLS).
    QString m_helo;
    bool m_extended = false;
    bool m_tlsActive = false;
    QString m_tlsDescription;
    QString m_authUser;
    QString m_authMechanismName;

    SandboxAuth m_auth;
    Transaction m_txn;
};
