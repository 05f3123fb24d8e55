// The SMTP submission client: one connection, one message, driven entirely by socket signals
// and timers. It reports every step as it happens; requests that need a person (a password,
// an untrusted certificate) go out as signals and come back through slots.
#pragma once

#include "smtp/capabilities.h"
#include "smtp/envelope.h"
#include "smtp/sasl.h"
#include "smtp/smtpreply.h"
#include "smtp/smtpstep.h"
#include "smtp/transcriptentry.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>

#include <memory>
#include <optional>

class MessageSource;
struct SmtpTransactionStep;
struct SmtpCommandLine;
struct SmtpAuthStep;
class QHostAddress;
class QSslConfiguration;
class QSslSocket;
class QTimer;

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
    // QUIT's reply once the outcome is already known (sent, or refused): nothing depends on it,
    // so a server that never answers holds the send this long at most, not `quit`.
    static constexpr int QuitGrace = 2'000;
    // Every timeout set to the same value (the --timeout option).
    static SmtpTimeouts uniform(int ms);
    // How long to wait for the reply to a command of this kind.
    int forCommand(TranscriptCommand::Kind kind) const;
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
    // Connect to this address instead of looking host up: direct delivery resolves an MX
    // host with its own DNS server. host still names the server for TLS and in messages.
    QString address;
    quint16 port = 587;
    Security security = Security::StartTls;
    QString heloName; // empty: the host's FQDN, else the local address literal ("[192.0.2.1]")
    bool authenticate = false;
    QByteArray authMechanism;        // empty: the strongest both sides offer
    SaslCredentials credentials;     // a missing secret is asked for by credentialsNeeded()
    bool allowPlaintextAuth = false; // AUTH over an unencrypted link to a non-loopback host
    // A server on 127.0.0.1 or ::1 (a local test server, the sandbox) may get AUTH without TLS:
    // nothing crosses a network. False applies the non-loopback rule to it too.
    bool loopbackIsTrusted = true;
    bool usePipelining = true;
    bool useChunking = true;
    // Step mode (issue 16): the send stops before each command, and before the message
    // content, until proceed(), proceedWith(), sendExtra() or stop(). Commands go one at a
    // time unless pipelining is kept, when each pipelined group is one step.
    bool stepMode = false;
    bool stepKeepsPipelining = false;
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
    QString step;      // the state it ended in, e.g. "MailFrom": for scripts and JSON
    QString stepLabel; // the same step for people: "at the sender address (MAIL FROM)"
    // The verb of the command the failed step sent ("MAIL", "." for the end of data; empty
    // for the greeting), so a reply is explained against its own command.
    QString stepVerb() const;
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
    // What a socket of the client (and of the console) holds of what the server sent and was
    // not read yet: Qt stops reading from the network beyond it, so a server that floods
    // while nothing is read (a TLS handshake, a certificate waiting for a person) is held
    // back by TCP instead of filling memory.
    static constexpr qint64 ReadBufferSize = 64 * 1024;
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
    // The step in words a person reads, to follow "FAILED" or "Stopped": "while connecting",
    // "at the sender address (MAIL FROM)". The machine name (stateName()) is for scripts.
    static QString stepLabel(State state);
    // The same for a machine name as SendResult::step holds it; empty for an unknown name.
    static QString stepLabel(const QString &stateName);
    static std::optional<State> stateFromName(const QString &stateName);
    const SmtpSettings &settings() const { return m_settings; }
    const Capabilities &capabilities() const;
    // The host name behind the default EHLO name. The system's: the host name, with the DNS
    // domain appended when it has no dot. Tests put their own in to be deterministic.
    using HostNameLookup = QString (*)();
    static QString systemHostName();
    static void setHostNameLookup(HostNameLookup lookup); // nullptr: systemHostName()
    // The EHLO name: the configured one, else the host's FQDN, else the address literal of
    // the local end of the connection (RFC 5321 section 4.1.4). The console uses it too.
    static QByteArray heloNameFor(const QString &configured, const QHostAddress &local);
    // The transcript lines of one reply, linked to the command it answers.
    static QList<TranscriptEntry> replyEntries(const SmtpReply &reply, qint64 elapsedMs,
                                               qint64 latency, const TranscriptCommand &command);
    // The TLS setup every connection of these settings starts from: TLS 1.2 at least, the
    // peer verified, the extra CA certificates added to the system's.
    static QSslConfiguration tlsConfiguration(const SmtpSettings &settings);
    // What the transcript says about an established TLS session: protocol, cipher, chain.
    static QStringList tlsSessionNotes(const QSslSocket &socket);
    // The server's address once connected (which of a name's addresses answered).
    QString peerAddress() const;
    bool isBusy() const { return m_state != State::Idle && m_state != State::Finished; }
    // Step mode: whether the send waits for a person, and the commands it will send next.
    bool isPaused() const;
    QList<TranscriptCommand> nextStep() const;
    // When the pause is before the message content: its size and first lines (peeked, not
    // read); present is false at any other step.
    SmtpStep::Content pendingContent() const;

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
    // The server check's answer: go on only to look at the certificate; the transcript says
    // so instead of "accepted by the user" (the check sends nothing over it but EHLO and QUIT).
    void inspectCertificate();
    // Answer to credentialsNeeded(); an empty secret cancels.
    void provideCredentials(const SaslCredentials &credentials);
    // Answer to credentialsNeeded() when nobody can give one (an OAuth 2 access token is not
    // typed): the run ends as an authentication failure saying why.
    void refuseCredentials(const QString &why);

    // Answers to paused() in step mode. proceed() sends the step as planned. proceedWith()
    // sends the command at index of the step as line instead (origin User), and sendExtra()
    // sends line first and pauses again once its reply is in. Both return why a line is
    // refused (also signalled by stepRefused()), or an empty string when it went out: one
    // line, no CR or LF, at most 512 octets with its CRLF (RFC 5321 section 4.5.3.1.4); AUTH
    // lines and the content cannot be edited. An edit with another verb than the planned
    // command's goes as sendExtra() sends it, and the planned step waits again. stop() sends
    // QUIT and ends the send as a cancel() does (a message already accepted stays accepted).
    void proceed();
    QString proceedWith(const QByteArray &line, int index = 0);
    QString sendExtra(const QByteArray &line);
    void stop();

Q_SIGNALS:
    void stateChanged(SmtpClient::State state);
    void transcriptEntry(const TranscriptEntry &entry);
    void progress(qint64 bytesSent, qint64 bytesTotal);
    void capabilitiesReceived(const Capabilities &capabilities);
    void recipientResult(const RecipientResult &result);
    // TLS verification failed: the send is paused. chain[0] is the server's certificate.
    void certificateReview(const QList<QSslCertificate> &chain, const QList<QSslError> &errors);
    // The handshake completed: the session's protocol, cipher and the server's chain, before
    // the account's trust is applied (the server check reports them).
    void tlsEstablished(const QSslConfiguration &session);
    // A secret is missing or was refused; reason holds the server's refusal if any.
    void credentialsNeeded(const QString &user, const QString &reason);
    // Step mode: the send waits before next, one command, a pipelined group, or the message
    // content (BDAT LAST, or the end of data "." after DATA's 354; with content == true in
    // the transcript that follows). AUTH lines read "credentials hidden".
    void paused(const QList<TranscriptCommand> &next);
    void stepRefused(const QString &reason);
    void errorOccurred(SendResult::Error error, const QString &message);
    void finished(const SendResult &result);

private:
    struct Session;
    using Command = TranscriptCommand::Kind;
    using Source = CommandOrigin::Source;
    using Error = SendResult::Error;

    // Sending
    void start(const SmtpSettings &settings);
    void setState(State state);
    void note(TranscriptEntry::Direction direction, const QString &text,
              const QString &details = {});
    TranscriptCommand makeCommand(Command kind, const QString &line, Source source);
    void plan(const QByteArray &wire, const TranscriptCommand &command, bool redacted = false,
              int index = 0, const QString &what = {});
    void sendLine(const QByteArray &line, Command kind, Source source);
    void flushWrites();
    void writePlanned();
    void writeWire(const QByteArray &bytes);
    void armTimer(int ms);
    void followPending();

    // Step mode
    void pause();
    void resume();
    QString refuseStep(const QString &reason);

    // Socket and TLS events
    void onConnected();
    void awaitGreeting();
    void onEncrypted();
    void onSslErrors(const QList<QSslError> &errors);
    void acceptReviewed(const QString &why);
    void reportTlsSession();
    void onReadyRead();
    void onBytesWritten();
    void onDisconnected();
    void onSocketError();
    void onTimeout();

    // Replies, one place per step
    void handleReply(const SmtpReply &reply);
    void logReply(const SmtpReply &reply, qint64 latency, const TranscriptCommand &command);
    void onGreeting(const SmtpReply &reply);
    void onEhlo(const SmtpReply &reply);
    void onHelo(const SmtpReply &reply);
    void onStartTls(const SmtpReply &reply);
    void applyTransaction(const SmtpTransactionStep &step);

    void sendEhlo();
    void afterEhlo();
    void afterTls();
    void probeDone();
    void startAuth();
    void applyAuth(const SmtpAuthStep &step, const SmtpReply &reply = {});
    void startTransaction();
    void sendCommand(Command kind, const SmtpCommandLine &command, int index = 0);
    void sendRecipient(int index);
    void abortTransaction();
    void startContent();
    void beginContent();
    void pumpContent();
    void finishContent();
    void emitProgress(bool done);
    void sendQuit();
    void quitNow();
    bool insideData() const;
    bool isLoopbackPeer() const;
    QByteArray heloName() const;

    // Ending
    void failAndQuit(Error error, const QString &message, const SmtpReply &reply = {});
    void failAndQuitIn(State step, Error error, const QString &message,
                       const SmtpReply &reply = {});
    void fail(Error error, const QString &message, const SmtpReply &reply = {});
    void failIn(State step, Error error, const QString &message, const SmtpReply &reply = {});
    void finish(SendResult result);
    // Handles the replies the parser holds: all of them, or (a long pipelined burst) those that
    // fit in one slice of the thread's time, the rest after the events waiting meanwhile.
    void handleReplies(bool all);
    // Handles what waits for its slice before a close, an error or a timeout is judged; true
    // when that ended the session.
    bool handleWaitingReplies();
    // Every line of the transcript leaves through here, after the lines still unlogged.
    void log(const TranscriptEntry &entry);
    // Reports the lines of a written group not yet reported: all, or those that fit in the
    // slice; false when some are left for the next one.
    bool logUnlogged(bool all, const QElapsedTimer *slice = nullptr);
    static constexpr qint64 ReplySliceMs = 8;

    static HostNameLookup s_hostNameLookup;
    SmtpSettings m_settings;
    State m_state = State::Idle;
    std::unique_ptr<Session> m_s; // everything one send knows, made fresh by start()
    QSslSocket *m_socket = nullptr;
    QTimer *m_timer = nullptr;
    QTimer *m_moreReplies = nullptr; // the next slice of a burst of replies
    QElapsedTimer m_clock;
};
