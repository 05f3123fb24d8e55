// A raw SMTP session a person types: each line goes out as typed (with CRLF, or as exact bytes
// through escapes), every reply comes back linked to the line it answers. STARTTLS and AUTH
// typed alone are carried out for real, with the account's certificate rules and credentials.
#pragma once

#include "smtp/capabilities.h"
#include "smtp/replyqueue.h"
#include "smtp/smtpclient.h"
#include "smtp/smtpreply.h"
#include "smtp/transcriptentry.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>

#include <memory>
#include <optional>

class QSslSocket;
class QTimer;
class SmtpAuthentication;
struct SmtpAuthStep;

// The server and the account's rules. The console starts nothing by itself with Security::None
// (STARTTLS when typed); with StartTls or StartTlsIfOffered it greets with EHLO and upgrades
// before the person types, as the account would; ImplicitTls speaks TLS from the first byte.
// credentials, allowPlaintextAuth, caCertificates, pinnedFingerprints, verifyPeer and
// timeouts apply as they do to a send; the transaction settings do not.
struct ConsoleSettings : SmtpSettings
{
    ConsoleSettings() { security = Security::None; }
};

class ConsoleSession : public QObject
{
    Q_OBJECT
public:
    // How a session ended (ended()'s first argument).
    enum EndKind
    {
        AfterQuit,       // QUIT was sent (typed, at close(), or after a refused greeting)
        ConnectFailed,   // no connection
        GreetingRefused, // the server refused the session in its greeting (QUIT followed)
        TlsFailed,       // the handshake failed or the certificate was refused
        ClosedByServer,  // the server closed the connection without a QUIT
        TimedOut,        // no connection, greeting or handshake in time
        Cancelled,       // cancel(): QUIT sent where it could be, the connection closed
        ProtocolError,   // the server sent what is not SMTP (a line or reply too long)
        ClosedInData,    // close() inside the message data: closed without QUIT
    };
    Q_ENUM(EndKind)

    explicit ConsoleSession(QObject *parent = nullptr);
    ~ConsoleSession() override;

    // Connects; everything that follows is reported through the signals.
    void open(const ConsoleSettings &settings);
    // Sends one typed line. Returns why it was not sent, for people (nothing left the client),
    // or an empty string when it went out.
    QString submitLine(const QString &typed);
    // Ends politely: QUIT unless it was sent, then waits for its reply or the close.
    void close();
    // Ends now (Ctrl+C): QUIT is written where it can be, then the connection closes.
    void cancel();

    bool isOpen() const; // connecting or connected, not ended
    bool isEncrypted() const { return m_tls; }
    // After DATA's 354 and until the end of data is sent: typed lines are message content.
    bool inData() const { return m_inData; }
    // Something must happen before the next typed line should go: the connection, the
    // greeting, the reply to a line sent, a handshake, an AUTH exchange, a person's answer.
    // readyForInput() follows when it no longer is.
    bool isWaiting() const;
    // The session itself runs an exchange (TLS, AUTH typed alone, the STARTTLS of the
    // account's security): typed lines are refused until it ends.
    bool isBusy() const;
    Capabilities capabilities() const { return m_caps; }
    const ConsoleSettings &settings() const { return m_settings; }

public Q_SLOTS:
    // Answers to certificateReview().
    void approveCertificate();
    void rejectCertificate();
    // Answer to credentialsNeeded(); an empty secret cancels the AUTH (nothing is sent).
    void provideCredentials(const SaslCredentials &credentials);

Q_SIGNALS:
    void transcriptEntry(const TranscriptEntry &entry);
    void replyReceived(const SmtpReply &reply);
    void connected();
    void encrypted();
    void capabilitiesReceived(const Capabilities &capabilities);
    // Nothing is awaited any more: the next typed line can go.
    void readyForInput();
    void ended(int exitKind, const QString &reason);
    // The same end as a SendResult (just before ended()), so the session can be followed
    // like a send: AfterQuit is a success, Cancelled cancelled, every other end a failure,
    // with the EndKind's name as the step.
    void finished(const SendResult &result);
    // TLS verification failed: the handshake waits. chain[0] is the server's certificate.
    void certificateReview(const QList<QSslCertificate> &chain, const QList<QSslError> &errors);
    // AUTH typed alone needs a secret the settings do not hold, or the server refused it.
    void credentialsNeeded(const QString &user, const QString &reason);

private:
    using Kind = TranscriptCommand::Kind;
    enum class Phase
    {
        Idle,
        Connecting,
        Greeting,
        Prelude,     // the account's EHLO and STARTTLS, before the person types
        Ready,       // the person types
        Handshake,   // TLS handshake
        Review,      // a person reviews the certificate
        Auth,        // AUTH typed alone runs
        Credentials, // a person is asked for the secret
        Quitting,    // QUIT sent, waiting for its reply or the close
        Ended,
    };

    void note(TranscriptEntry::Direction direction, const QString &text);
    TranscriptCommand makeCommand(Kind kind, const QString &line, CommandOrigin::Source source);
    void sendCommand(const QByteArray &wire, const TranscriptCommand &command, bool redacted);
    void sendContent(const QByteArray &wire, const QString &shown, bool lone);
    QString runAuth(const QByteArray &mechanism);
    void applyAuth(const SmtpAuthStep &step);
    void startTls();
    void endAuth();
    void armReplyTimer();
    void becomeReady();

    void onConnected();
    void onEncrypted();
    void onSslErrors(const QList<QSslError> &errors);
    void onReadyRead();
    void handleReply(const SmtpReply &reply);
    void awaitGreeting();
    void onGreeting(const SmtpReply &reply);
    void onPreludeReply(Kind kind, const SmtpReply &reply);
    void onDisconnected();
    void onSocketError();
    void onTimeout();
    // QUIT; its reply (or the close) ends the session as endKind, with reason when given.
    void sendQuit(CommandOrigin::Source source, EndKind endKind = AfterQuit,
                  const QString &reason = {});
    void end(EndKind kind, const QString &reason);

    ConsoleSettings m_settings;
    Phase m_phase = Phase::Idle;
    Phase m_phaseBeforeReview = Phase::Idle;
    QSslSocket *m_socket = nullptr;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_clock;
    SmtpReplyParser m_parser;
    ReplyQueue m_awaiting;
    Capabilities m_caps;
    std::unique_ptr<SmtpAuthentication> m_auth;
    QList<QSslError> m_sslErrors;
    int m_commands = 0;
    qint64 m_lastReplyAt = 0;
    bool m_tls = false;
    bool m_inData = false;
    QByteArray m_dataTail;        // the last bytes of content sent, to see the end of data
    bool m_authContinues = false; // a typed AUTH got 334: the next lines answer it (masked)
    bool m_quitSent = false;
    EndKind m_quitEnd = AfterQuit;
    QString m_quitReason;
};
