// The SMTP submission client: one connection, one message, driven entirely by socket signals
// and timers. It reports every step as it happens; requests that need a person (a password,
// an untrusted certificate) go out as signals and come back through slots.
#pragma once

#include "smtp/capabilities.h"
#include "smtp/envelope.h"
#include "smtp/sasl.h"
#include "smtp/smtpreply.h"
#include "smtp/transcriptentry.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>

#include <memory>

class MessageSource;
class QSslSocket;
class QTimer;
class DataStuffer;

// Timeouts in milliseconds; the defaults are RFC 5321 section 4.5.3.2's.
struct SmtpTimeouts
{
    int connect = 60'000;
    int greeting = 300'000;
    int command = 300'000; // EHLO, STARTTLS, AUTH, RSET, QUIT
    int mail = 300'000;
    int rcpt = 300'000;
    int data = 120'000;      // the DATA command's 354
    int dataBlock = 180'000; // each block of content written
    int endOfData = 600'000; // the reply to the final "."
    int tlsHandshake = 60'000;
    int quit = 30'000;
    // Every timeout set to the same value (the --timeout option).
    static SmtpTimeouts uniform(int ms);
};

struct SmtpSettings
{
    enum class Security
    {
        None,
        StartTls,
        StartTlsIfOffered,
        ImplicitTls
    };
    // For people: "STARTTLS, required"; the same words in forms and transcripts.
    static QString securityLabel(Security security);

    QString host;
    quint16 port = 587;
    Security security = Security::StartTls;
    QString heloName; // empty: the local host name
    bool authenticate = false;
    QByteArray authMechanism;        // empty: the strongest both sides offer
    SaslCredentials credentials;     // a missing secret is asked for by credentialsNeeded()
    bool allowPlaintextAuth = false; // AUTH over an unencrypted link to a non-loopback host
    // A server on 127.0.0.1 or ::1 (a local test server, the sandbox) may get AUTH without TLS:
    // nothing crosses a network. False applies the non-loopback rule to it too.
    bool loopbackIsTrusted = true;
    bool usePipelining = true;
    bool useChunking = true;
    SmtpTimeouts timeouts;
    // TLS trust: extra CA certificates (added to the system's), and SHA-256 fingerprints
    // (hex, lower case) of certificates trusted for this account despite verification errors.
    QList<QSslCertificate> caCertificates;
    QList<QByteArray> pinnedFingerprints;
    bool verifyPeer = true; // false only on explicit request ("--insecure"), reported loudly
};

struct RecipientResult
{
    QString address;
    bool accepted = false;
    SmtpReply reply;
};

class SendResult
{
    Q_GADGET
public:
    enum class Outcome
    {
        Success,
        PartialSuccess,
        Failure,
        DeliveryUnknown,
        Cancelled
    };
    Q_ENUM(Outcome)
    // What went wrong; the step it happened in is `step`.
    enum class Error
    {
        NoError,
        InvalidInput,
        ConnectFailed,
        Refused, // the server answered a command with a failure reply
        Tls,
        Authentication,
        AllRecipientsRefused,
        Timeout,
        ConnectionLost,
        Protocol,
        Cancelled,
        MessageSource,
    };
    Q_ENUM(Error)

    Outcome outcome = Outcome::Failure;
    Error error = Error::NoError;
    QString step;    // the state it ended in, e.g. "MailFrom"
    QString message; // one line for people, naming the step and the server's reply
    SmtpReply reply; // the reply that decided the outcome, if any
    QList<RecipientResult> recipients;
    QString queueId; // from the final 250 reply, when the server gave one
    qint64 bytesSent = 0;
    qint64 elapsedMs = 0;
    int roundTrips = 0; // times the client waited for the server, the greeting included

    bool delivered() const
    {
        return outcome == Outcome::Success || outcome == Outcome::PartialSuccess;
    }
};

Q_DECLARE_METATYPE(SendResult)
Q_DECLARE_METATYPE(RecipientResult)

class SmtpClient : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Connecting,
        Greeting,
        Ehlo,
        Helo,
        StartTls,
        TlsHandshake,
        CertificateReview, // paused until approveCertificate() or rejectCertificate()
        Authenticating,
        AwaitingCredentials, // paused until provideCredentials()
        MailFrom,
        RcptTo,
        Data,
        Content,
        EndOfData,
        Reset,
        Quit,
        Finished,
    };
    Q_ENUM(State)

    explicit SmtpClient(QObject *parent = nullptr);
    ~SmtpClient() override;

    State state() const { return m_state; }
    static QString stateName(State state);
    const SmtpSettings &settings() const { return m_settings; }
    const Capabilities &capabilities() const { return m_caps; }
    bool isBusy() const { return m_state != State::Idle && m_state != State::Finished; }

public Q_SLOTS:
    // Sends one message. The source must outlive the send. finished() is always emitted once.
    void send(const SmtpSettings &settings, const Envelope &envelope, MessageSource *source);
    // Connects, greets, EHLO, TLS and AUTH as configured, then QUIT: "does this account work".
    void probe(const SmtpSettings &settings);
    // Stops at once: the socket is closed and finished() says where it stopped.
    void cancel();
    // Answers to certificateReview(): go on with this certificate once, or refuse it.
    void approveCertificate();
    void rejectCertificate();
    // Answer to credentialsNeeded(); an empty secret cancels.
    void provideCredentials(const SaslCredentials &credentials);

Q_SIGNALS:
    void stateChanged(SmtpClient::State state);
    void transcriptEntry(const TranscriptEntry &entry);
    void progress(qint64 bytesSent, qint64 bytesTotal);
    void capabilitiesReceived(const Capabilities &capabilities);
    void recipientResult(const RecipientResult &result);
    // TLS verification failed: the send is paused. chain[0] is the server's certificate.
    void certificateReview(const QList<QSslCertificate> &chain, const QList<QSslError> &errors);
    // A secret is missing or was refused; reason holds the server's refusal if any.
    void credentialsNeeded(const QString &user, const QString &reason);
    void errorOccurred(SendResult::Error error, const QString &message);
    void finished(const SendResult &result);

private:
    struct Pending;
    using Command = TranscriptCommand::Kind;

    void start(const SmtpSettings &settings);
    void setState(State state);
    void note(TranscriptEntry::Direction direction, const QString &text,
              const QString &details = {});
    TranscriptCommand makeCommand(Command kind, const QString &line, const CommandOrigin &origin);
    void logClient(const TranscriptCommand &command, bool redacted = false);
    void expectReply(const TranscriptCommand &command, int index, const QString &what);
    void sendLine(const QByteArray &line, Command command, const CommandOrigin &origin,
                  const QString &shown = {}, bool redacted = false, int index = 0,
                  const QString &what = {});
    void writeWire(const QByteArray &bytes);
    void flushWrites();
    void armTimer(int ms);
    int timeoutFor(Command command) const;
    State stateFor(Command command) const;
    void followPending();
    void onConnected();
    void onEncrypted();
    void onSslErrors(const QList<QSslError> &errors);
    QString pinMismatch(const QSslCertificate &peer) const;
    void onReadyRead();
    void onBytesWritten(qint64 bytes);
    void onDisconnected();
    void onSocketError();
    void onTimeout();
    void handleReply(const SmtpReply &reply);
    void logReply(const SmtpReply &reply, qint64 latency, const TranscriptCommand &command);
    QByteArray heloName() const;

    void sendEhlo();
    void afterEhlo();
    void startTls();
    void afterTls();
    void reportTlsSession();
    void probeDone();
    void startAuth();
    bool requestCredentials(const QString &reason);
    void beginAuthExchange();
    void continueAuth(const SmtpReply &reply);
    void startTransaction();
    QString nonAsciiAddress() const;
    void sendNextRecipient();
    void onRecipientsSettled();
    int acceptedCount() const;
    void setAllRefused();
    void abortTransaction();
    void startContent();
    void summarizeHeaders(const QByteArray &chunk);
    void pumpContent();
    void finishContent();
    void emitProgress(bool done);
    void sendQuit();
    bool isLoopbackPeer() const;

    void failAndQuit(SendResult::Error error, const QString &message, const SmtpReply &reply = {});
    void fail(SendResult::Error error, const QString &message, const SmtpReply &reply = {});
    void finish(SendResult result);

    SmtpSettings m_settings;
    Envelope m_envelope;
    MessageSource *m_source = nullptr;
    QIODevice *m_device = nullptr;
    bool m_probeOnly = false;

    QSslSocket *m_socket = nullptr;
    QTimer *m_timer = nullptr;
    State m_state = State::Idle;
    State m_timerState = State::Idle;
    State m_stateBeforeReview = State::Idle;
    QElapsedTimer m_clock;
    SmtpReplyParser m_parser;
    Capabilities m_caps;
    QList<Pending> *m_pending = nullptr;
    QByteArray m_outgoing;
    // The client lines of m_outgoing: shown when it is written, as one group if pipelined.
    QList<TranscriptEntry> m_outgoingEntries;
    int m_commandCount = 0;
    int m_groupCount = 0;
    int m_turns = 0;
    qint64 m_lastReplyAt = 0;
    bool m_lastWasRead = true;
    bool m_heloFallback = false;
    bool m_tlsActive = false;
    bool m_pipelining = false;
    bool m_chunking = false;
    bool m_quitSent = false;
    bool m_endOfDataSent = false;
    bool m_finished = false;
    bool m_decided = false;     // the outcome is known; only QUIT remains
    bool m_reasonNoted = false; // the transcript already says why it failed
    bool m_contentStarted = false;
    bool m_writingContent = false;
    bool m_mailRefused = false;
    bool m_transactionAborted = false;

    std::unique_ptr<SaslMechanism> m_sasl;
    QByteArray m_authMechanism;
    QString m_authCancelReason;
    bool m_authRetried = false;

    QList<RecipientResult> m_recipients;
    int m_recipientsAnswered = 0;
    int m_nextRecipient = 0;
    std::unique_ptr<DataStuffer> m_stuffer;
    qint64 m_contentTotal = 0;
    qint64 m_contentRead = 0;
    qint64 m_contentLines = 0;
    qint64 m_progressReported = 0;
    bool m_headerDone = false;
    int m_headerLines = 0;
    QByteArray m_headerPartial;
    QString m_headerText;
    SendResult m_result;
    QList<QSslError> m_sslErrors;
    QList<QSslCertificate> m_reviewChain;
};
