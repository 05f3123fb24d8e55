// How to read this file: open() connects; the socket's signals drive the rest. Every line the
// person types becomes one transcript entry and, outside the message data, a command waiting
// in the ReplyQueue, so each reply is shown against the line it answers. The session acts on
// its own only where the person asked it to: the account's STARTTLS (the prelude), a typed
// STARTTLS (the handshake), a typed "AUTH <MECH>" (SmtpAuthentication runs the exchange).
#include "console/consolesession.h"

#include "console/consoleline.h"
#include "smtp/sasl.h"
#include "smtp/smtpauthentication.h"
#include "smtp/tlstrustdecision.h"

#include <QMetaEnum>
#include <QMetaMethod>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace {

using Kind = TranscriptCommand::Kind;
using Source = CommandOrigin::Source;
using Direction = TranscriptEntry::Direction;

// RFC 5321 section 4.5.3.1.4 and 4.5.3.1.6: a command line and a text line, CRLF included.
constexpr qsizetype MaxCommandLine = 512;
constexpr qsizetype MaxTextLine = 1000;
// What one submitted line may put on the wire: far beyond any test of a server's limits.
constexpr qsizetype MaxSubmitted = 64 * 1024;

Kind kindOfVerb(const QByteArray &verb)
{
    static const QList<std::pair<QByteArray, Kind>> verbs = {
        {"EHLO", Kind::Ehlo}, {"HELO", Kind::Helo}, {"STARTTLS", Kind::StartTls},
        {"AUTH", Kind::Auth}, {"MAIL", Kind::Mail}, {"RCPT", Kind::Rcpt},
        {"DATA", Kind::Data}, {"BDAT", Kind::Bdat}, {"RSET", Kind::Rset},
        {"NOOP", Kind::Noop}, {"VRFY", Kind::Vrfy}, {"EXPN", Kind::Expn},
        {"HELP", Kind::Help}, {"QUIT", Kind::Quit},
    };
    for (const auto &[name, kind] : verbs) {
        if (verb == name)
            return kind;
    }
    return Kind::Other;
}

// A CR not followed by LF, or an LF not preceded by CR: the line endings of SMTP smuggling.
bool hasBareLineEnding(const QByteArray &bytes)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r'))
            return true;
        if (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))
            return true;
    }
    return false;
}

} // namespace

ConsoleSession::ConsoleSession(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    qRegisterMetaType<TranscriptEntry>();
    qRegisterMetaType<SmtpReply>();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &ConsoleSession::onTimeout);
}

ConsoleSession::~ConsoleSession()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

bool ConsoleSession::isOpen() const
{
    return m_phase != Phase::Idle && m_phase != Phase::Ended;
}

bool ConsoleSession::isBusy() const
{
    switch (m_phase) {
    case Phase::Prelude:
    case Phase::Handshake:
    case Phase::Review:
    case Phase::Auth:
    case Phase::Credentials:
        return true;
    default:
        return false;
    }
}

bool ConsoleSession::isWaiting() const
{
    switch (m_phase) {
    case Phase::Idle:
    case Phase::Ended:
        return false;
    case Phase::Ready:
        return m_awaiting.waiting();
    default:
        return true;
    }
}

void ConsoleSession::note(Direction direction, const QString &text)
{
    TranscriptEntry entry;
    entry.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    entry.direction = direction;
    entry.text = text;
    Q_EMIT transcriptEntry(entry);
}

// ---------------------------------------------------------------------------------------------
// Connecting

void ConsoleSession::open(const ConsoleSettings &settings)
{
    if (isOpen()) {
        qWarning("ConsoleSession: open() while a session is open; close() it first");
        return;
    }
    m_settings = settings;
    m_phase = Phase::Connecting;
    m_parser.reset();
    m_awaiting = ReplyQueue();
    m_caps = Capabilities();
    m_auth.reset();
    m_commands = 0;
    m_lastReplyAt = 0;
    m_tls = m_inData = m_authContinues = m_quitSent = false;
    m_quitEnd = AfterQuit;
    m_quitReason.clear();
    m_clock.start();

    if (settings.host.trimmed().isEmpty()) {
        end(ConnectFailed, tr("server: no host name given"));
        return;
    }
    if (settings.port == 0) {
        end(ConnectFailed, tr("server: port 0 is not a valid port"));
        return;
    }
    m_socket = new QSslSocket(this);
    m_socket->setSslConfiguration(SmtpClient::tlsConfiguration(settings));
    m_socket->setPeerVerifyName(settings.host);
    m_socket->setPauseMode(QAbstractSocket::PauseOnSslErrors);
    m_socket->setReadBufferSize(SmtpClient::ReadBufferSize);
    connect(m_socket, &QSslSocket::connected, this, &ConsoleSession::onConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &ConsoleSession::onEncrypted);
    connect(m_socket, &QSslSocket::readyRead, this, &ConsoleSession::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &ConsoleSession::onDisconnected);
    connect(m_socket, &QSslSocket::errorOccurred, this, &ConsoleSession::onSocketError);
    connect(m_socket, &QSslSocket::sslErrors, this, &ConsoleSession::onSslErrors);

    note(Direction::Info, tr("connecting to %1 port %2, security: %3")
                              .arg(settings.host)
                              .arg(settings.port)
                              .arg(SmtpSettings::securityLabel(settings.security)));
    if (!settings.verifyPeer) {
        note(Direction::Error, tr("warning: certificate verification is off; anyone in between "
                                  "can read and change this session"));
    }
    m_timer->start(settings.timeouts.connect);
    if (settings.security == SmtpSettings::Security::ImplicitTls)
        m_socket->connectToHostEncrypted(settings.host, settings.port, settings.host);
    else
        m_socket->connectToHost(settings.host, settings.port);
}

void ConsoleSession::onConnected()
{
    note(Direction::Info, tr("connected to %1 port %2 from %3")
                              .arg(m_socket->peerAddress().toString())
                              .arg(m_socket->peerPort())
                              .arg(m_socket->localAddress().toString()));
    Q_EMIT connected();
    if (m_settings.security == SmtpSettings::Security::ImplicitTls) {
        m_phase = Phase::Handshake;
        m_timer->start(m_settings.timeouts.tlsHandshake);
        return;
    }
    awaitGreeting();
}

// The greeting answers no command: it waits in the queue as if the connection had asked.
void ConsoleSession::awaitGreeting()
{
    m_phase = Phase::Greeting;
    m_awaiting.expect({makeCommand(Kind::Greeting, QString(), Source::None), tr("the greeting"), 0,
                       m_clock.elapsed(), true});
    m_timer->start(m_settings.timeouts.greeting);
}

void ConsoleSession::onGreeting(const SmtpReply &reply)
{
    if (reply.code != 220) {
        const QString reason =
            tr("the server refused the session in its greeting: %1").arg(reply.toString());
        note(Direction::Error, reason);
        sendQuit(Source::Protocol, GreetingRefused, reason);
        return;
    }
    if (m_settings.security == SmtpSettings::Security::StartTls ||
        m_settings.security == SmtpSettings::Security::StartTlsIfOffered) {
        // The account's security asks for TLS before anything of the person's goes out.
        m_phase = Phase::Prelude;
        note(Direction::Info, tr("the account's security is \"%1\": Postwire introduces itself "
                                 "and starts TLS before you type")
                                  .arg(SmtpSettings::securityLabel(m_settings.security)));
        const QByteArray ehlo =
            "EHLO " + SmtpClient::heloNameFor(m_settings.heloName, m_socket->localAddress());
        sendCommand(ehlo + "\r\n",
                    makeCommand(Kind::Ehlo, QString::fromUtf8(ehlo), Source::EhloName), false);
        return;
    }
    becomeReady();
}

// The account's EHLO and STARTTLS: a refusal ends the session when TLS is required.
void ConsoleSession::onPreludeReply(Kind kind, const SmtpReply &reply)
{
    const bool required = m_settings.security == SmtpSettings::Security::StartTls;
    QString problem;
    if (kind == Kind::Ehlo && reply.code == 250 && m_caps.startTls()) {
        sendCommand("STARTTLS\r\n",
                    makeCommand(Kind::StartTls, QStringLiteral("STARTTLS"), Source::Security),
                    false);
        return;
    }
    if (kind == Kind::StartTls && reply.code == 220) {
        startTls();
        return;
    }
    if (kind == Kind::Ehlo && reply.code == 250)
        problem = tr("the server does not offer STARTTLS");
    else if (kind == Kind::Ehlo)
        problem = tr("EHLO refused: %1").arg(reply.toString());
    else
        problem = tr("STARTTLS refused: %1").arg(reply.toString());
    if (required) {
        const QString reason =
            tr("%1, and the account requires TLS; nothing else is sent").arg(problem);
        note(Direction::Error, reason);
        sendQuit(Source::Protocol, TlsFailed, reason);
        return;
    }
    note(Direction::Error,
         tr("warning: %1; continuing UNENCRYPTED as \"STARTTLS if offered\" allows").arg(problem));
    becomeReady();
}

// ---------------------------------------------------------------------------------------------
// TLS

void ConsoleSession::startTls()
{
    m_phase = Phase::Handshake;
    note(Direction::Tls, tr("starting TLS handshake"));
    m_timer->start(m_settings.timeouts.tlsHandshake);
    m_socket->startClientEncryption();
}

void ConsoleSession::onEncrypted()
{
    m_tls = true;
    for (const QString &line : SmtpClient::tlsSessionNotes(*m_socket))
        note(Direction::Tls, line);
    const TlsTrustDecision trust(m_settings.pinnedFingerprints, m_settings.verifyPeer);
    if (const auto step = trust.onVerified(m_socket->peerCertificate());
        step.decision == TlsTrustDecision::Decision::Refuse) {
        end(TlsFailed, step.reason);
        return;
    }
    Q_EMIT encrypted();
    if (m_settings.security == SmtpSettings::Security::ImplicitTls && m_commands == 0) {
        awaitGreeting();
        onReadyRead(); // the greeting may have come with the end of the handshake
        return;
    }
    // RFC 3207 section 4.2: both sides forget what was said before TLS.
    m_caps = Capabilities();
    Q_EMIT capabilitiesReceived(m_caps);
    note(Direction::Info, tr("TLS is on: the server has forgotten the EHLO and everything before "
                             "it (RFC 3207 section 4.2); introduce yourself again with EHLO"));
    becomeReady();
}

void ConsoleSession::onSslErrors(const QList<QSslError> &errors)
{
    const QSslCertificate peer = m_socket->peerCertificate();
    for (const QSslError &e : errors)
        note(Direction::Error, tr("TLS certificate problem: %1").arg(e.errorString()));
    const TlsTrustDecision trust(m_settings.pinnedFingerprints, m_settings.verifyPeer);
    const auto step = trust.onErrors(
        peer, errors,
        isSignalConnected(QMetaMethod::fromSignal(&ConsoleSession::certificateReview)));
    switch (step.decision) {
    case TlsTrustDecision::Decision::Trust:
    case TlsTrustDecision::Decision::TrustUnverified:
    case TlsTrustDecision::Decision::TrustPinned:
        if (step.decision == TlsTrustDecision::Decision::TrustPinned) {
            note(Direction::Tls,
                 tr("certificate accepted: it is pinned for this account (SHA-256 %1)")
                     .arg(TlsTrustDecision::fingerprint(peer)));
        } else {
            note(Direction::Error, tr("continuing despite these problems: verification is off"));
        }
        m_socket->ignoreSslErrors();
        QMetaObject::invokeMethod(m_socket, &QSslSocket::resume, Qt::QueuedConnection);
        return;
    case TlsTrustDecision::Decision::Refuse:
        end(TlsFailed, step.reason);
        return;
    case TlsTrustDecision::Decision::Review:
        break;
    }
    m_sslErrors = errors;
    m_phase = Phase::Review;
    m_timer->stop(); // a person decides
    Q_EMIT certificateReview(m_socket->peerCertificateChain(), errors);
}

void ConsoleSession::approveCertificate()
{
    if (m_phase != Phase::Review || !m_socket)
        return;
    note(Direction::Tls, tr("certificate accepted by the user for this connection"));
    m_phase = Phase::Handshake;
    m_timer->start(m_settings.timeouts.tlsHandshake);
    m_socket->ignoreSslErrors(m_sslErrors);
    m_socket->resume();
}

void ConsoleSession::rejectCertificate()
{
    if (m_phase != Phase::Review)
        return;
    QStringList why;
    for (const QSslError &e : std::as_const(m_sslErrors))
        why << e.errorString();
    end(TlsFailed, tr("TLS certificate refused: %1").arg(why.join(QStringLiteral("; "))));
}

// ---------------------------------------------------------------------------------------------
// Typed lines

TranscriptCommand ConsoleSession::makeCommand(Kind kind, const QString &line, Source source)
{
    TranscriptCommand command;
    command.kind = kind;
    command.line = line;
    command.id = kind == Kind::Greeting ? 0 : ++m_commands;
    command.origin.source = source;
    return command;
}

QString ConsoleSession::submitLine(const QString &typed)
{
    switch (m_phase) {
    case Phase::Idle:
    case Phase::Ended:
        return tr("not connected: nothing was sent");
    case Phase::Connecting:
    case Phase::Greeting:
        return tr("wait for the server's greeting before typing");
    case Phase::Prelude:
    case Phase::Handshake:
    case Phase::Review:
        return tr("wait until TLS is set up");
    case Phase::Auth:
    case Phase::Credentials:
        return tr("wait until the AUTH exchange is over");
    case Phase::Quitting:
        return tr("QUIT was sent: the session is ending");
    case Phase::Ready:
        break;
    }
    const ConsoleLine line = ConsoleLine::parse(typed);
    if (!line.isValid())
        return line.error;
    const QByteArray wire = line.wire();
    if (wire.size() > MaxSubmitted) {
        return tr("the line has %1 octets; the console sends at most %2 at a time")
            .arg(wire.size())
            .arg(MaxSubmitted);
    }
    const QString shown = ConsoleLine::display(line.exact ? line.bytes : line.bytes);
    if (hasBareLineEnding(wire)) {
        note(Direction::Info,
             tr("this line has a bare CR or LF: SMTP allows line endings only as CRLF (RFC 5321 "
                "section 2.3.8). A server that takes <LF>.<LF> or the like as the end of the "
                "message data can be made to read what follows as new commands (SMTP "
                "smuggling, CVE-2023-51764, -51765, -51766); a strict server keeps it as "
                "content or refuses it"));
    }
    if (m_inData) {
        if (!line.exact && line.bytes.size() + 2 > MaxTextLine) {
            note(Direction::Error, tr("warning: a line of message text is at most %1 octets "
                                      "with its CRLF (RFC 5321 section 4.5.3.1.6); this one has "
                                      "%2, and servers may refuse it")
                                       .arg(MaxTextLine)
                                       .arg(line.bytes.size() + 2));
        }
        if (!line.exact && line.bytes.startsWith('.') && line.bytes != ".") {
            note(Direction::Info,
                 tr("this line starts with a dot: the server removes a line's first dot when "
                    "another character follows (RFC 5321 section 4.5.2), so it arrives as "
                    "\"%1\". A mail program doubles the dot (\"dot-stuffing\") so that the text "
                    "survives and a lone \".\" can end the message; the console sends exactly "
                    "what you type")
                     .arg(ConsoleLine::display(line.bytes.mid(1))));
        }
        sendContent(wire, shown, !line.exact && line.bytes == ".");
        return QString();
    }
    if (line.bytes.isEmpty())
        return tr("the line is empty: nothing was sent (type \\r\\n to send an empty line)");

    QByteArray first = line.bytes;
    if (const qsizetype end = first.indexOf('\r'); end >= 0)
        first.truncate(end);
    if (const qsizetype end = first.indexOf('\n'); end >= 0)
        first.truncate(end);
    const QList<QByteArray> words = first.simplified().split(' ');
    const QByteArray verb = words.value(0).toUpper();

    if (m_authContinues) {
        // After a typed AUTH's 334 every line is a response in the exchange: it may carry a
        // secret, so the transcript never shows it ("*", which cancels, hides nothing).
        const bool cancel = first.trimmed() == "*";
        const QString masked = cancel ? QStringLiteral("*") : SaslMechanism::mask();
        sendCommand(wire, makeCommand(Kind::AuthContinue, masked, Source::User), !cancel);
        return QString();
    }
    Kind kind = kindOfVerb(verb);
    QString text = shown;
    bool redacted = false;
    if (kind == Kind::Auth) {
        if (words.size() == 2 && !line.exact)
            return runAuth(words[1].toUpper());
        if (words.size() > 2) {
            text = QStringLiteral("AUTH %1 %2")
                       .arg(ConsoleLine::display(words[1]), SaslMechanism::mask());
            redacted = true;
        }
    } else if (kind == Kind::StartTls && m_tls) {
        return tr("TLS is already on for this connection: STARTTLS was not sent");
    }
    if (!line.exact && line.bytes.size() + 2 > MaxCommandLine) {
        note(Direction::Error, tr("warning: a command line is at most %1 octets with its CRLF "
                                  "(RFC 5321 section 4.5.3.1.4); this one has %2, and servers "
                                  "may refuse it")
                                   .arg(MaxCommandLine)
                                   .arg(line.bytes.size() + 2));
    }
    TranscriptCommand command = makeCommand(kind, text, Source::User);
    command.lastChunk = kind == Kind::Bdat && words.size() > 2 && words[2].toUpper() == "LAST";
    if (kind == Kind::Quit) {
        m_quitSent = true;
        m_phase = Phase::Quitting;
    }
    sendCommand(wire, command, redacted);
    return QString();
}

void ConsoleSession::sendCommand(const QByteArray &wire, const TranscriptCommand &command,
                                 bool redacted)
{
    TranscriptEntry entry;
    entry.elapsedMs = m_clock.elapsed();
    entry.direction = Direction::Client;
    entry.text = command.line;
    entry.redacted = redacted;
    entry.command = command;
    Q_EMIT transcriptEntry(entry);
    const bool wasWaiting = m_awaiting.waiting();
    m_awaiting.expect({command, command.line, 0, m_clock.elapsed(), true});
    m_socket->write(wire);
    if (!wasWaiting)
        armReplyTimer();
}

// Message content: nothing waits for a reply until the end of data: a line typed as a lone
// ".", or exact bytes that hold the end as RFC 5321 has it (CRLF "." CRLF). A bare-LF or
// bare-CR variant stays content here, as it does on a strict server.
void ConsoleSession::sendContent(const QByteArray &wire, const QString &shown, bool lone)
{
    const QByteArray stream = m_dataTail + wire;
    const qsizetype end = lone ? stream.size() - 5 : stream.indexOf("\r\n.\r\n");
    if (end < 0 && !lone) {
        m_dataTail = stream.right(4);
        TranscriptEntry entry;
        entry.elapsedMs = m_clock.elapsed();
        entry.direction = Direction::Client;
        entry.text = shown;
        entry.content = true;
        entry.command.origin.source = Source::User;
        Q_EMIT transcriptEntry(entry);
        m_socket->write(wire);
        return;
    }
    m_inData = false;
    m_dataTail.clear();
    sendCommand(wire, makeCommand(Kind::EndOfData, shown, Source::User), false);
    if (end + 5 < stream.size()) {
        note(Direction::Info, tr("the bytes after the end of the message data reach the server "
                                 "as commands; their replies are shown as replies to no line"));
    }
}

QString ConsoleSession::runAuth(const QByteArray &mechanism)
{
    if (m_caps.authMechanisms().isEmpty()) {
        return tr("AUTH %1 typed alone runs the mechanism with the account's credentials, "
                  "which needs the AUTH mechanisms of the server's EHLO reply first: type EHLO, "
                  "or the whole AUTH line")
            .arg(ConsoleLine::display(mechanism));
    }
    SmtpSettings settings = m_settings;
    settings.authMechanism = mechanism;
    const bool canAsk =
        isSignalConnected(QMetaMethod::fromSignal(&ConsoleSession::credentialsNeeded));
    m_auth = std::make_unique<SmtpAuthentication>(settings, canAsk);
    const bool loopback = m_settings.loopbackIsTrusted && m_socket->peerAddress().isLoopback();
    const SmtpAuthStep step = m_auth->start(m_caps, m_tls, loopback, false);
    if (step.action == SmtpAuthStep::Action::Fail) {
        m_auth.reset();
        return step.message;
    }
    m_phase = Phase::Auth;
    applyAuth(step);
    return QString();
}

void ConsoleSession::applyAuth(const SmtpAuthStep &step)
{
    for (const QString &warning : step.warnings)
        note(Direction::Error, warning);
    if (!step.note.isEmpty())
        note(Direction::Info, step.note);
    switch (step.action) {
    case SmtpAuthStep::Action::Send:
        m_phase = Phase::Auth;
        sendCommand(step.wire + "\r\n",
                    makeCommand(step.continuation ? Kind::AuthContinue : Kind::Auth, step.shown,
                                step.continuation ? Source::Authentication : Source::User),
                    step.redacted);
        break;
    case SmtpAuthStep::Action::AskCredentials:
        m_phase = Phase::Credentials;
        Q_EMIT credentialsNeeded(m_settings.credentials.user, step.message);
        break;
    case SmtpAuthStep::Action::Done:
        endAuth();
        break;
    case SmtpAuthStep::Action::Fail:
        note(Direction::Error, step.message);
        endAuth();
        break;
    }
}

void ConsoleSession::provideCredentials(const SaslCredentials &credentials)
{
    if (m_phase != Phase::Credentials)
        return;
    if (credentials.secret.isEmpty()) {
        note(Direction::Info, tr("AUTH cancelled: no password was given"));
        endAuth();
        return;
    }
    // Kept for this session, so a second AUTH typed alone does not ask again.
    m_settings.credentials = credentials;
    applyAuth(m_auth->begin(credentials));
}

void ConsoleSession::endAuth()
{
    m_auth.reset();
    becomeReady();
}

void ConsoleSession::becomeReady()
{
    if (m_phase == Phase::Ended || m_phase == Phase::Quitting)
        return;
    m_phase = Phase::Ready;
    if (!isWaiting())
        Q_EMIT readyForInput();
}

// ---------------------------------------------------------------------------------------------
// Replies

void ConsoleSession::armReplyTimer()
{
    if (m_awaiting.waiting())
        m_timer->start(m_settings.timeouts.forCommand(m_awaiting.front().command.kind));
    else if (m_phase != Phase::Handshake && m_phase != Phase::Connecting)
        m_timer->stop();
}

void ConsoleSession::onReadyRead()
{
    if (!m_socket || m_phase == Phase::Ended)
        return;
    if (m_phase == Phase::Handshake || m_phase == Phase::Review || m_phase == Phase::Connecting)
        return; // read once the handshake is done (onEncrypted() calls back)
    const QByteArray bytes = m_socket->readAll();
    if (bytes.isEmpty())
        return;
    if (!m_parser.feed(bytes)) {
        end(ProtocolError, tr("the server sent what is not SMTP: %1").arg(m_parser.errorString()));
        return;
    }
    while (m_parser.hasReply() && m_phase != Phase::Ended && m_phase != Phase::Handshake)
        handleReply(m_parser.takeReply());
}

void ConsoleSession::handleReply(const SmtpReply &reply)
{
    const ReplyQueue::Match match = m_awaiting.match(reply);
    const qint64 now = m_clock.elapsed();
    if (match.result == ReplyQueue::Match::Result::NoCommand) {
        for (const TranscriptEntry &e : SmtpClient::replyEntries(reply, now, -1, {}))
            Q_EMIT transcriptEntry(e);
        note(Direction::Info,
             reply.code == 421 ? tr("the server is closing the connection")
             : m_inData
                 ? tr("a reply in the middle of the message data: the server took something "
                      "sent before as the end of the data (a bare line ending?). A server that "
                      "does this reads what follows as new commands: SMTP smuggling "
                      "(CVE-2023-51764, -51765, -51766)")
                 : tr("a reply to no line: the server answered more than was sent to it, for "
                      "example lines it read inside bytes sent earlier"));
        Q_EMIT replyReceived(reply);
        return;
    }
    const ReplyQueue::Awaited &p = match.awaited;
    for (const TranscriptEntry &e :
         SmtpClient::replyEntries(reply, now, now - qMax(p.sentAt, m_lastReplyAt), p.command))
        Q_EMIT transcriptEntry(e);
    m_lastReplyAt = now;
    if (match.result == ReplyQueue::Match::Result::WrongKind) {
        note(Direction::Error, tr("this reply does not fit %1: a server following the protocol "
                                  "answers it differently")
                                   .arg(p.command.describe()));
    }
    armReplyTimer();
    Q_EMIT replyReceived(reply);
    if (m_phase == Phase::Ended)
        return; // a slot ended the session

    const Kind kind = p.command.kind;
    if (kind == Kind::Ehlo && reply.code == 250) {
        m_caps = Capabilities::fromEhloReply(reply);
        Q_EMIT capabilitiesReceived(m_caps);
    } else if (kind == Kind::Helo && reply.code == 250) {
        m_caps = Capabilities();
        Q_EMIT capabilitiesReceived(m_caps);
    }
    if (kind == Kind::Auth || kind == Kind::AuthContinue)
        m_authContinues = reply.code == 334 && m_phase == Phase::Ready;

    switch (m_phase) {
    case Phase::Greeting:
        onGreeting(reply);
        return;
    case Phase::Prelude:
        onPreludeReply(kind, reply);
        return;
    case Phase::Auth:
        applyAuth(m_auth->onReply(reply));
        return;
    case Phase::Quitting:
        if (kind == Kind::Quit) {
            const QString reason =
                m_quitReason.isEmpty()
                    ? tr("the session ended after QUIT: %1").arg(reply.toString())
                    : m_quitReason;
            end(m_quitEnd, reason);
        }
        return;
    default:
        break;
    }
    if (kind == Kind::StartTls && reply.code == 220) {
        startTls();
        return;
    }
    if (kind == Kind::Data && reply.code == 354) {
        m_inData = true;
        m_dataTail = "\r\n"; // the DATA line's own CRLF: a first line "." ends the data
        note(Direction::Info,
             tr("from here every line is message content: headers, an empty line, the text; a "
                "line with only \".\" ends it. Nothing is added or dot-stuffed"));
    }
    if (!isWaiting())
        Q_EMIT readyForInput();
}

// ---------------------------------------------------------------------------------------------
// Ending

void ConsoleSession::sendQuit(Source source, EndKind endKind, const QString &reason)
{
    m_quitSent = true;
    m_quitEnd = endKind;
    m_quitReason = reason;
    m_phase = Phase::Quitting;
    sendCommand("QUIT\r\n", makeCommand(Kind::Quit, QStringLiteral("QUIT"), source), false);
}

void ConsoleSession::close()
{
    switch (m_phase) {
    case Phase::Idle:
    case Phase::Ended:
    case Phase::Quitting:
        return;
    case Phase::Ready:
        if (m_inData) {
            end(ClosedInData, tr("the input ended inside the message data, before a line with "
                                 "only \".\": QUIT would be part of the message, so the "
                                 "connection was closed without it and the server discards "
                                 "the message"));
            return;
        }
        sendQuit(Source::Protocol);
        return;
    default:
        cancel();
        return;
    }
}

void ConsoleSession::cancel()
{
    if (!isOpen())
        return;
    const bool canQuit = m_socket && m_socket->state() == QAbstractSocket::ConnectedState &&
                         !m_inData && !m_quitSent && m_phase != Phase::Handshake &&
                         m_phase != Phase::Review && m_phase != Phase::Connecting;
    if (canQuit) {
        TranscriptEntry entry;
        entry.elapsedMs = m_clock.elapsed();
        entry.direction = Direction::Client;
        entry.text = QStringLiteral("QUIT");
        entry.command = makeCommand(Kind::Quit, entry.text, Source::Protocol);
        Q_EMIT transcriptEntry(entry);
        m_socket->write("QUIT\r\n");
        m_socket->flush(); // hand it to the system now: the program may end right after this
        m_quitSent = true;
    }
    end(Cancelled, tr("cancelled by the user"));
}

void ConsoleSession::onTimeout()
{
    const QString seconds = QString::number(m_timer->interval() / 1000.0);
    switch (m_phase) {
    case Phase::Connecting:
        end(ConnectFailed, tr("cannot connect to %1 port %2: no connection within %3 s")
                               .arg(m_settings.host)
                               .arg(m_settings.port)
                               .arg(seconds));
        return;
    case Phase::Greeting:
        end(TimedOut, tr("no greeting from the server within %1 s").arg(seconds));
        return;
    case Phase::Handshake:
        end(TlsFailed, tr("the TLS handshake did not finish within %1 s").arg(seconds));
        return;
    case Phase::Quitting:
        end(m_quitEnd,
            m_quitReason.isEmpty()
                ? tr("no reply to QUIT within %1 s; the connection was closed").arg(seconds)
                : m_quitReason);
        return;
    case Phase::Prelude:
        end(TimedOut,
            tr("no reply to %1 within %2 s")
                .arg(m_awaiting.isEmpty() ? QString() : m_awaiting.front().command.describe(),
                     seconds));
        return;
    default:
        break;
    }
    if (!m_awaiting.waiting())
        return;
    // A raw session is the place for lines a server never answers (a bare CR, say): stop
    // waiting, say so, and let the person go on. A late reply still shows, against no line.
    note(Direction::Error, tr("no reply to %1 within %2 s; the console stops waiting for it")
                               .arg(m_awaiting.front().command.describe(), seconds));
    m_awaiting = ReplyQueue();
    m_authContinues = false;
    if (m_phase == Phase::Auth)
        endAuth();
    else
        becomeReady();
}

void ConsoleSession::onDisconnected()
{
    if (m_phase == Phase::Ended)
        return;
    if (m_phase == Phase::Quitting) {
        end(m_quitEnd, m_quitReason.isEmpty() ? tr("the server closed the connection after QUIT")
                                              : m_quitReason);
        return;
    }
    QString reason = m_awaiting.waiting()
                         ? tr("the server closed the connection before it answered %1")
                               .arg(m_awaiting.front().command.describe())
                         : tr("the server closed the connection");
    if (m_inData)
        reason += tr(", inside the message data");
    end(ClosedByServer, reason);
}

void ConsoleSession::onSocketError()
{
    if (m_phase == Phase::Ended || !m_socket)
        return;
    const auto error = m_socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError) {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            onDisconnected();
        return;
    }
    if (m_phase == Phase::Connecting) {
        end(ConnectFailed, tr("cannot connect to %1 port %2: %3")
                               .arg(m_settings.host)
                               .arg(m_settings.port)
                               .arg(m_socket->errorString()));
        return;
    }
    if (m_phase == Phase::Handshake || error == QAbstractSocket::SslHandshakeFailedError ||
        error == QAbstractSocket::SslInternalError) {
        end(TlsFailed, tr("TLS failed: %1").arg(m_socket->errorString()));
        return;
    }
    if (m_phase == Phase::Quitting) {
        onDisconnected();
        return;
    }
    end(ClosedByServer, tr("connection lost: %1").arg(m_socket->errorString()));
}

void ConsoleSession::end(EndKind kind, const QString &reason)
{
    if (m_phase == Phase::Ended)
        return;
    m_phase = Phase::Ended;
    m_timer->stop();
    m_inData = false;
    m_auth.reset();
    if (m_socket) {
        QSslSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        if (socket->state() != QAbstractSocket::UnconnectedState) {
            if (m_quitSent)
                socket->disconnectFromHost();
            else
                socket->abort();
        }
        socket->deleteLater();
    }
    SendResult result;
    using E = SendResult::Error;
    result.outcome = kind == AfterQuit   ? SendResult::Outcome::Success
                     : kind == Cancelled ? SendResult::Outcome::Cancelled
                                         : SendResult::Outcome::Failure;
    const E errors[] = {E::NoError,   E::ConnectFailed,  E::Refused,
                        E::Tls,       E::ConnectionLost, E::Timeout,
                        E::Cancelled, E::Protocol,       E::ConnectionLost};
    static_assert(ClosedInData == 8, "one error per EndKind, in order");
    result.error = errors[kind];
    if (kind != AfterQuit)
        result.step = QString::fromLatin1(QMetaEnum::fromType<EndKind>().valueToKey(kind));
    result.message = reason;
    result.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    Q_EMIT finished(result);
    Q_EMIT ended(kind, reason); // the views say it in their own way: a status line, a banner
}
