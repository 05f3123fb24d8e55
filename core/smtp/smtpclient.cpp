#include "smtp/smtpclient.h"

#include "smtp/datastuffer.h"
#include "smtp/messagesource.h"

#include <QCryptographicHash>
#include <QHostInfo>
#include <QMetaEnum>
#include <QRegularExpression>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace {

// How much wire data may wait in the socket's buffer before the client stops reading the
// message: enough to keep the link busy, small enough that a 500 MB attachment stays on disk.
constexpr qint64 WriteHighWater = 256 * 1024;
constexpr qint64 ReadChunk = 64 * 1024;
// Header lines of the message shown in the transcript before the body is summarised.
constexpr int MaxHeaderLinesShown = 200;

QString hex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(':').toUpper());
}

QString describeCertificate(const QSslCertificate &cert)
{
    return SmtpClient::tr("subject \"%1\", issuer \"%2\", valid %3 to %4, SHA-256 %5")
        .arg(cert.subjectDisplayName(), cert.issuerDisplayName(),
             cert.effectiveDate().toString(Qt::ISODate), cert.expiryDate().toString(Qt::ISODate),
             hex(cert.digest(QCryptographicHash::Sha256)));
}

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLS 1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLS 1.3");
    default:
        return SmtpClient::tr("an older TLS version");
    }
}

// Queue ids as the common servers phrase them: Postfix "queued as 4F3A2", Exim "id=1q2w3e",
// Sendmail "4F3A2 Message accepted", Exchange/Gmail "<id> ... Queued".
CommandOrigin origin(CommandOrigin::Source source)
{
    CommandOrigin o;
    o.source = source;
    return o;
}

QString extractQueueId(const SmtpReply &reply)
{
    const QString text = reply.message();
    static const QRegularExpression patterns[] = {
        QRegularExpression(QStringLiteral("queued as ([A-Za-z0-9._-]+)"),
                           QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral("\\bid=([^\\s;,]+)")),
        QRegularExpression(QStringLiteral("^([A-Za-z0-9]{6,}) (?:Message accepted|mail accepted)"),
                           QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(
            QStringLiteral("^(?:OK )?<?([^\\s<>]+@[^\\s<>]+|[A-Za-z0-9._-]{8,})>? ")),
    };
    for (const QRegularExpression &re : patterns) {
        const auto m = re.match(text);
        if (m.hasMatch())
            return m.captured(1);
    }
    return QString();
}

} // namespace

struct SmtpClient::Pending
{
    Command command;
    bool written = false; // a reply can only answer a command that left the client
    int index = 0;        // RCPT: which recipient
    qint64 sentAt = 0;
    QString what; // the command as people know it, for errors: "RCPT TO <ana@example.org>"
    TranscriptCommand sent; // what the transcript links the reply to
};

QString SmtpSettings::securityLabel(Security security)
{
    switch (security) {
    case Security::None:
        return SmtpClient::tr("None (unencrypted)");
    case Security::StartTls:
        return SmtpClient::tr("STARTTLS, required");
    case Security::StartTlsIfOffered:
        return SmtpClient::tr("STARTTLS if offered");
    case Security::ImplicitTls:
        return SmtpClient::tr("TLS from the start");
    }
    return QString();
}

SmtpTimeouts SmtpTimeouts::uniform(int ms)
{
    SmtpTimeouts t;
    t.connect = t.greeting = t.command = t.mail = t.rcpt = t.data = t.dataBlock = t.endOfData =
        t.tlsHandshake = t.quit = ms;
    return t;
}

SmtpClient::SmtpClient(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
    , m_pending(new QList<Pending>)
{
    qRegisterMetaType<TranscriptEntry>();
    qRegisterMetaType<SendResult>();
    qRegisterMetaType<RecipientResult>();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SmtpClient::onTimeout);
}

SmtpClient::~SmtpClient()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
    delete m_pending;
}

QString SmtpClient::stateName(State state)
{
    return QString::fromLatin1(QMetaEnum::fromType<State>().valueToKey(int(state)));
}

void SmtpClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SmtpClient::note(TranscriptEntry::Direction direction, const QString &text,
                      const QString &details)
{
    TranscriptEntry entry;
    entry.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    entry.direction = direction;
    entry.text = text;
    entry.details = details;
    Q_EMIT transcriptEntry(entry);
}

// ---------------------------------------------------------------------------------------------
// Starting

void SmtpClient::send(const SmtpSettings &settings, const Envelope &envelope, MessageSource *source)
{
    m_envelope = envelope;
    m_source = source;
    m_probeOnly = false;
    start(settings);
}

void SmtpClient::probe(const SmtpSettings &settings)
{
    m_envelope = Envelope();
    m_source = nullptr;
    m_probeOnly = true;
    start(settings);
}

void SmtpClient::start(const SmtpSettings &settings)
{
    if (isBusy()) {
        qWarning("SmtpClient: send() while a send is running; cancel() it first");
        return;
    }
    m_settings = settings;
    m_caps = Capabilities();
    m_parser.reset();
    m_pending->clear();
    m_outgoing.clear();
    m_outgoingEntries.clear();
    m_commandCount = m_groupCount = 0;
    m_heloFallback = m_tlsActive = m_pipelining = m_chunking = false;
    m_quitSent = m_endOfDataSent = m_finished = m_contentStarted = false;
    m_sasl.reset();
    m_authMechanism.clear();
    m_authRetried = false;
    m_recipients.clear();
    m_recipientsAnswered = 0;
    m_stuffer.reset();
    m_device = nullptr;
    m_contentTotal = m_contentRead = 0;
    m_headerDone = false;
    m_headerLines = 0;
    m_headerPartial.clear();
    m_progressReported = 0;
    m_turns = 0;
    m_lastWasRead = true;
    m_mailRefused = false;
    m_transactionAborted = false;
    m_decided = m_reasonNoted = m_writingContent = false;
    m_contentLines = 0;
    m_lastReplyAt = 0;
    m_nextRecipient = 0;
    m_headerText.clear();
    m_result = SendResult();
    m_state = State::Idle;
    m_clock.start();

    // Everything that can be checked before connecting is checked here, naming the field.
    QString problem;
    if (settings.host.trimmed().isEmpty())
        problem = tr("server: no host name given");
    else if (settings.port == 0)
        problem = tr("server: port 0 is not a valid port");
    else if (settings.heloName.contains(QLatin1Char(' ')) ||
             settings.heloName.contains(QLatin1Char('\r')) ||
             settings.heloName.contains(QLatin1Char('\n')))
        problem = tr("EHLO name \"%1\" must be one word").arg(settings.heloName);
    else if (!m_probeOnly && !m_source)
        problem = tr("message: nothing to send");
    else if (!m_probeOnly)
        problem = m_envelope.validate();
    if (!problem.isEmpty()) {
        fail(SendResult::Error::InvalidInput, problem);
        return;
    }
    for (const QString &r : std::as_const(m_envelope.recipients))
        m_recipients.append({r, false, SmtpReply()});

    m_socket = new QSslSocket(this);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!settings.caCertificates.isEmpty())
        tls.addCaCertificates(settings.caCertificates);
    m_socket->setSslConfiguration(tls);
    m_socket->setPeerVerifyName(settings.host);
    // A certificate that fails verification pauses the handshake until a person decides.
    m_socket->setPauseMode(QAbstractSocket::PauseOnSslErrors);
    connect(m_socket, &QSslSocket::connected, this, &SmtpClient::onConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &SmtpClient::onEncrypted);
    connect(m_socket, &QSslSocket::readyRead, this, &SmtpClient::onReadyRead);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, &SmtpClient::onBytesWritten);
    connect(m_socket, &QSslSocket::bytesWritten, this, &SmtpClient::onBytesWritten);
    connect(m_socket, &QSslSocket::disconnected, this, &SmtpClient::onDisconnected);
    connect(m_socket, &QSslSocket::errorOccurred, this, &SmtpClient::onSocketError);
    connect(m_socket, &QSslSocket::sslErrors, this, &SmtpClient::onSslErrors);

    setState(State::Connecting);
    m_clock.start(); // times are counted from here: setting up TLS above is not the network's
    note(TranscriptEntry::Direction::Info,
         tr("connecting to %1 port %2, security: %3")
             .arg(settings.host)
             .arg(settings.port)
             .arg(SmtpSettings::securityLabel(settings.security)));
    if (settings.security == SmtpSettings::Security::StartTlsIfOffered) {
        note(TranscriptEntry::Direction::Error,
             tr("warning: STARTTLS only if offered; a server (or anyone in between) "
                "that hides STARTTLS gets this mail and any password unencrypted"));
    }
    if (!settings.verifyPeer) {
        note(TranscriptEntry::Direction::Error,
             tr("warning: certificate verification is off; anyone in between can "
                "read and change this session"));
    }
    armTimer(settings.timeouts.connect);
    if (settings.security == SmtpSettings::Security::ImplicitTls)
        m_socket->connectToHostEncrypted(settings.host, settings.port, settings.host);
    else
        m_socket->connectToHost(settings.host, settings.port);
}

void SmtpClient::armTimer(int ms)
{
    m_timerState = m_state;
    m_timer->start(ms);
}

bool SmtpClient::isLoopbackPeer() const
{
    return m_settings.loopbackIsTrusted && m_socket && m_socket->peerAddress().isLoopback();
}

void SmtpClient::onConnected()
{
    note(TranscriptEntry::Direction::Info, tr("connected to %1 port %2 from %3")
                                               .arg(m_socket->peerAddress().toString())
                                               .arg(m_socket->peerPort())
                                               .arg(m_socket->localAddress().toString()));
    if (m_settings.security == SmtpSettings::Security::ImplicitTls) {
        setState(State::TlsHandshake);
        armTimer(m_settings.timeouts.tlsHandshake);
        return;
    }
    setState(State::Greeting);
    m_pending->append({Command::Greeting, true, 0, m_clock.elapsed(), tr("the greeting"),
                       makeCommand(Command::Greeting, QString(), CommandOrigin())});
    armTimer(m_settings.timeouts.greeting);
}

// ---------------------------------------------------------------------------------------------
// TLS

// A pinned account trusts exactly its pinned certificates: another one is refused even when
// it verifies, so a changed certificate is always a decision for the person, never silent.
QString SmtpClient::pinMismatch(const QSslCertificate &peer) const
{
    const QList<QByteArray> &pins = m_settings.pinnedFingerprints;
    if (pins.isEmpty() || pins.contains(peer.digest(QCryptographicHash::Sha256).toHex()))
        return QString();
    QStringList pinned;
    for (const QByteArray &p : pins)
        pinned << hex(QByteArray::fromHex(p));
    return tr("the server's certificate changed: this account trusts SHA-256 %1, "
              "the server presented SHA-256 %2")
        .arg(pinned.join(tr(" or ")), hex(peer.digest(QCryptographicHash::Sha256)));
}

void SmtpClient::onEncrypted()
{
    m_tlsActive = true;
    reportTlsSession();
    if (const QString changed = pinMismatch(m_socket->peerCertificate()); !changed.isEmpty()) {
        m_state = State::TlsHandshake;
        fail(SendResult::Error::Tls, changed);
        return;
    }
    if (m_settings.security == SmtpSettings::Security::ImplicitTls) {
        setState(State::Greeting);
        m_pending->append({Command::Greeting, true, 0, m_clock.elapsed(), tr("the greeting"),
                           makeCommand(Command::Greeting, QString(), CommandOrigin())});
        armTimer(m_settings.timeouts.greeting);
        // The greeting may have arrived together with the end of the handshake.
        onReadyRead();
        return;
    }
    // RFC 3207 section 4.2: forget everything learnt before TLS and greet again.
    m_caps = Capabilities();
    sendEhlo();
    flushWrites();
}

void SmtpClient::reportTlsSession()
{
    const QSslCipher cipher = m_socket->sessionCipher();
    note(TranscriptEntry::Direction::Tls,
         tr("TLS established: %1, cipher %2 (%3 bits)")
             .arg(protocolName(m_socket->sessionProtocol()), cipher.name())
             .arg(cipher.usedBits()));
    const QList<QSslCertificate> chain = m_socket->peerCertificateChain();
    for (qsizetype i = 0; i < chain.size(); ++i) {
        note(
            TranscriptEntry::Direction::Tls,
            tr("%1 certificate: %2")
                .arg(i == 0 ? tr("server") : tr("chain %1").arg(i), describeCertificate(chain[i])));
    }
}

void SmtpClient::onSslErrors(const QList<QSslError> &errors)
{
    const QSslCertificate peer = m_socket->peerCertificate();
    for (const QSslError &e : errors) {
        note(TranscriptEntry::Direction::Error,
             tr("TLS certificate problem: %1").arg(e.errorString()));
    }
    const QByteArray fingerprint = peer.digest(QCryptographicHash::Sha256).toHex();
    if (!m_settings.verifyPeer) {
        note(TranscriptEntry::Direction::Error,
             tr("continuing despite these problems: verification is off"));
        m_socket->ignoreSslErrors();
        QMetaObject::invokeMethod(m_socket, &QSslSocket::resume, Qt::QueuedConnection);
        return;
    }
    if (!peer.isNull() && m_settings.pinnedFingerprints.contains(fingerprint)) {
        note(TranscriptEntry::Direction::Tls,
             tr("certificate accepted: it is pinned for this account (SHA-256 %1)")
                 .arg(hex(peer.digest(QCryptographicHash::Sha256))));
        m_socket->ignoreSslErrors();
        QMetaObject::invokeMethod(m_socket, &QSslSocket::resume, Qt::QueuedConnection);
        return;
    }
    if (const QString changed = pinMismatch(peer); !changed.isEmpty()) {
        fail(SendResult::Error::Tls, changed);
        return;
    }
    m_sslErrors = errors;
    m_reviewChain = m_socket->peerCertificateChain();
    if (!isSignalConnected(QMetaMethod::fromSignal(&SmtpClient::certificateReview))) {
        QStringList why;
        for (const QSslError &e : errors)
            why << e.errorString();
        fail(SendResult::Error::Tls,
             tr("TLS certificate not trusted: %1").arg(why.join(QStringLiteral("; "))));
        return;
    }
    m_stateBeforeReview = m_state;
    setState(State::CertificateReview);
    m_timer->stop(); // a person decides; no timeout on that
    Q_EMIT certificateReview(m_reviewChain, errors);
}

void SmtpClient::approveCertificate()
{
    if (m_state != State::CertificateReview || !m_socket)
        return;
    note(TranscriptEntry::Direction::Tls,
         tr("certificate accepted by the user for this connection"));
    setState(m_stateBeforeReview);
    armTimer(m_settings.timeouts.tlsHandshake);
    m_socket->ignoreSslErrors(m_sslErrors);
    m_socket->resume();
}

void SmtpClient::rejectCertificate()
{
    if (m_state != State::CertificateReview)
        return;
    QStringList why;
    for (const QSslError &e : std::as_const(m_sslErrors))
        why << e.errorString();
    m_state = m_stateBeforeReview;
    fail(SendResult::Error::Tls,
         tr("TLS certificate refused: %1").arg(why.join(QStringLiteral("; "))));
}

// ---------------------------------------------------------------------------------------------
// Writing

// Commands are numbered from 1 in a session; the greeting, which answers no command, is 0.
TranscriptCommand SmtpClient::makeCommand(Command kind, const QString &line,
                                          const CommandOrigin &origin)
{
    TranscriptCommand command;
    command.kind = kind;
    command.line = line;
    command.id = kind == Command::Greeting ? 0 : ++m_commandCount;
    command.origin = origin;
    return command;
}

// The entry waits for flushWrites(): only then is it known whether the command goes alone or
// in a pipelined group, and the transcript shows it as it leaves.
void SmtpClient::logClient(const TranscriptCommand &command, bool redacted)
{
    TranscriptEntry entry;
    entry.direction = TranscriptEntry::Direction::Client;
    entry.text = command.line;
    entry.redacted = redacted;
    entry.command = command;
    m_outgoingEntries.append(entry);
}

void SmtpClient::expectReply(const TranscriptCommand &command, int index, const QString &what)
{
    m_pending->append({command.kind, false, index, m_clock.elapsed(), what, command});
}

void SmtpClient::sendLine(const QByteArray &line, Command command, const CommandOrigin &origin,
                          const QString &shown, bool redacted, int index, const QString &what)
{
    const QString text = shown.isEmpty() ? QString::fromUtf8(line) : shown;
    const TranscriptCommand sent = makeCommand(command, text, origin);
    logClient(sent, redacted);
    m_outgoing += line + "\r\n";
    expectReply(sent, index, what.isEmpty() ? text : what);
}

// Every write goes through here so the round trips (client turns) are counted in one place.
void SmtpClient::writeWire(const QByteArray &bytes)
{
    if (bytes.isEmpty() || !m_socket)
        return;
    if (m_lastWasRead)
        ++m_turns;
    m_lastWasRead = false;
    m_socket->write(bytes);
}

void SmtpClient::flushWrites()
{
    // Commands that leave in one write form a pipelined group (RFC 2920).
    const int groupSize = int(m_outgoingEntries.size());
    const int group = groupSize > 1 ? m_groupCount++ : -1;
    for (int i = 0; i < groupSize; ++i) {
        TranscriptEntry &entry = m_outgoingEntries[i];
        entry.command.group = group;
        entry.command.groupIndex = group < 0 ? 0 : i;
        entry.command.groupSize = groupSize;
        for (Pending &p : *m_pending) {
            if (p.sent.id == entry.command.id)
                p.sent = entry.command;
        }
        entry.elapsedMs = m_clock.elapsed();
        Q_EMIT transcriptEntry(entry);
    }
    m_outgoingEntries.clear();
    writeWire(m_outgoing);
    m_outgoing.clear();
    for (Pending &p : *m_pending)
        p.written = true;
}

int SmtpClient::timeoutFor(Command command) const
{
    const SmtpTimeouts &t = m_settings.timeouts;
    switch (command) {
    case Command::Greeting:
        return t.greeting;
    case Command::Mail:
        return t.mail;
    case Command::Rcpt:
        return t.rcpt;
    case Command::Data:
        return t.data;
    case Command::Bdat:
    case Command::EndOfData:
        return t.endOfData;
    case Command::Quit:
        return t.quit;
    default:
        return t.command;
    }
}

SmtpClient::State SmtpClient::stateFor(Command command) const
{
    switch (command) {
    case Command::Greeting:
        return State::Greeting;
    case Command::Ehlo:
        return State::Ehlo;
    case Command::Helo:
        return State::Helo;
    case Command::StartTls:
        return State::StartTls;
    case Command::Auth:
    case Command::AuthContinue:
        return State::Authenticating;
    case Command::Mail:
        return State::MailFrom;
    case Command::Rcpt:
        return State::RcptTo;
    case Command::Data:
        return State::Data;
    case Command::Bdat:
    case Command::EndOfData:
        return State::EndOfData;
    case Command::Rset:
        return State::Reset;
    case Command::Quit:
        return State::Quit;
    default:
        break;
    }
    return m_state;
}

// The state follows the oldest command still waiting for its reply, so a pipelined group
// moves through MailFrom, RcptTo and Data as the replies come in.
void SmtpClient::followPending()
{
    if (m_pending->isEmpty())
        return;
    if (m_writingContent)
        return; // replies to a pipelined envelope arrive while the message is written
    const Pending &front = m_pending->first();
    setState(stateFor(front.command));
    armTimer(timeoutFor(front.command));
}

// ---------------------------------------------------------------------------------------------
// Reading

void SmtpClient::onReadyRead()
{
    if (!m_socket || m_finished)
        return;
    if (m_state == State::TlsHandshake || m_state == State::CertificateReview ||
        m_state == State::Connecting)
        return; // read once the handshake is done (onEncrypted() calls back)
    const QByteArray bytes = m_socket->readAll();
    if (bytes.isEmpty())
        return;
    m_lastWasRead = true;
    if (!m_parser.feed(bytes)) {
        fail(SendResult::Error::Protocol,
             tr("protocol error in step %1: %2").arg(stateName(m_state), m_parser.errorString()));
        return;
    }
    while (m_parser.hasReply() && !m_finished && m_socket) {
        const SmtpReply reply = m_parser.takeReply();
        handleReply(reply);
    }
    if (!m_finished)
        flushWrites();
}

void SmtpClient::logReply(const SmtpReply &reply, qint64 latency, const TranscriptCommand &command)
{
    for (qsizetype i = 0; i < reply.lines.size(); ++i) {
        TranscriptEntry entry;
        entry.elapsedMs = m_clock.elapsed();
        entry.direction = TranscriptEntry::Direction::Server;
        entry.text = QString::fromUtf8(reply.rawLine(i));
        entry.replyCode = reply.code;
        entry.latencyMs = latency;
        entry.lastLineOfReply = i == reply.lines.size() - 1;
        entry.command = command;
        Q_EMIT transcriptEntry(entry);
    }
}

static bool replyFits(int code, int command)
{
    // 3xx only where the protocol asks for more: 354 to DATA, 334 to AUTH.
    if (code >= 300 && code < 400)
        return command == 1 ? code == 354 : command == 2 ? code == 334 : false;
    if (code >= 200 && code < 300)
        return command != 1;
    return true;
}

void SmtpClient::handleReply(const SmtpReply &reply)
{
    if (m_pending->isEmpty() || !m_pending->first().written) {
        logReply(reply, -1, TranscriptCommand());
        if (reply.code == 421) {
            fail(SendResult::Error::Refused,
                 tr("the server is closing the connection in step %1: %2")
                     .arg(stateName(m_state), reply.toString()),
                 reply);
            return;
        }
        fail(SendResult::Error::Protocol,
             tr("protocol error in step %1: unexpected reply \"%2\" to no command")
                 .arg(stateName(m_state), reply.toString()),
             reply);
        return;
    }
    const Pending p = m_pending->takeFirst();
    // The server's own time for this command: from when it was sent, or, for a pipelined
    // command, from when the server finished the one before it.
    const qint64 now = m_clock.elapsed();
    logReply(reply, now - qMax(p.sentAt, m_lastReplyAt), p.sent);
    m_lastReplyAt = now;
    if (p.command == Command::EndOfData || p.command == Command::Bdat)
        m_endOfDataSent = false; // a reply came: whatever it says, delivery is not in doubt

    const int kind = p.command == Command::Data                                           ? 1
                     : (p.command == Command::Auth || p.command == Command::AuthContinue) ? 2
                                                                                          : 0;
    if (!replyFits(reply.code, kind)) {
        fail(SendResult::Error::Protocol,
             tr("protocol error in step %1: reply \"%2\" does not answer %3")
                 .arg(stateName(stateFor(p.command)), reply.toString(), p.what),
             reply);
        return;
    }
    if (reply.code == 421 && p.command != Command::Quit) {
        // RFC 5321 section 3.8: the server is going away; no QUIT, just close.
        m_state = stateFor(p.command);
        fail(SendResult::Error::Refused,
             tr("the server closed the session in reply to %1: %2").arg(p.what, reply.toString()),
             reply);
        return;
    }

    switch (p.command) {
    case Command::Greeting:
        if (reply.code == 220) {
            sendEhlo();
        } else {
            failAndQuit(
                SendResult::Error::Refused,
                tr("the server refused the session in its greeting: %1").arg(reply.toString()),
                reply);
        }
        break;
    case Command::Ehlo:
        if (reply.code == 250) {
            m_caps = Capabilities::fromEhloReply(reply);
            Q_EMIT capabilitiesReceived(m_caps);
            afterEhlo();
        } else if (reply.code == 500 || reply.code == 502) {
            // RFC 5321 section 3.2: a server that does not know EHLO still knows HELO.
            note(TranscriptEntry::Direction::Info,
                 tr("the server does not know EHLO; falling back to HELO (no extensions)"));
            m_heloFallback = true;
            setState(State::Helo);
            sendLine("HELO " + heloName(), Command::Helo, origin(CommandOrigin::Source::EhloName));
            followPending();
        } else {
            failAndQuit(SendResult::Error::Refused, tr("EHLO refused: %1").arg(reply.toString()),
                        reply);
        }
        break;
    case Command::Helo:
        if (reply.code == 250) {
            m_caps = Capabilities();
            Q_EMIT capabilitiesReceived(m_caps);
            afterEhlo();
        } else {
            failAndQuit(SendResult::Error::Refused, tr("HELO refused: %1").arg(reply.toString()),
                        reply);
        }
        break;
    case Command::StartTls:
        if (reply.code == 220) {
            setState(State::TlsHandshake);
            note(TranscriptEntry::Direction::Tls, tr("starting TLS handshake"));
            armTimer(m_settings.timeouts.tlsHandshake);
            m_socket->startClientEncryption();
        } else if (m_settings.security == SmtpSettings::Security::StartTlsIfOffered) {
            note(TranscriptEntry::Direction::Error,
                 tr("warning: STARTTLS refused (%1); continuing UNENCRYPTED as "
                    "\"STARTTLS if offered\" allows")
                     .arg(reply.toString()));
            afterTls();
        } else {
            failAndQuit(
                SendResult::Error::Tls,
                tr("STARTTLS refused: %1; nothing else is sent unencrypted").arg(reply.toString()),
                reply);
        }
        break;
    case Command::Auth:
    case Command::AuthContinue:
        continueAuth(reply);
        break;
    case Command::Mail:
        if (!reply.isPositive()) {
            m_mailRefused = true;
            m_transactionAborted = true;
            m_result.reply = reply;
            m_result.error = SendResult::Error::Refused;
            m_result.step = stateName(State::MailFrom);
            m_result.message =
                tr("MAIL FROM <%1> refused: %2").arg(m_envelope.sender, reply.toString());
            if (!m_pipelining) {
                abortTransaction();
                break;
            }
        } else if (!m_pipelining) {
            sendNextRecipient();
        }
        followPending();
        break;
    case Command::Rcpt: {
        RecipientResult &r = m_recipients[p.index];
        r.reply = reply;
        r.accepted = reply.isPositive() && !m_mailRefused;
        ++m_recipientsAnswered;
        if (!m_mailRefused)
            Q_EMIT recipientResult(r);
        if (!m_pipelining) {
            if (m_recipientsAnswered < m_recipients.size())
                sendNextRecipient();
            else
                onRecipientsSettled();
        }
        followPending();
        break;
    }
    case Command::Data:
        if (reply.code == 354) {
            if (m_transactionAborted || acceptedCount() == 0) {
                // RFC 2920 section 3.1: DATA was accepted although no recipient was; end the
                // empty message at once so the server can reject it.
                m_transactionAborted = true;
                sendLine(".", Command::EndOfData, origin(CommandOrigin::Source::Message), QString(),
                         false, 0, tr("the end of an empty message"));
                followPending();
            } else {
                startContent();
            }
        } else {
            if (!m_transactionAborted) {
                m_transactionAborted = true;
                if (acceptedCount() == 0) {
                    setAllRefused();
                } else {
                    m_result.reply = reply;
                    m_result.error = SendResult::Error::Refused;
                    m_result.step = stateName(State::Data);
                    m_result.message = tr("DATA refused: %1").arg(reply.toString());
                }
            }
            abortTransaction();
        }
        break;
    case Command::Bdat:
    case Command::EndOfData:
        m_endOfDataSent = false; // the reply arrived: delivery is no longer in doubt
        if (m_transactionAborted) {
            if (acceptedCount() == 0 && !m_mailRefused)
                setAllRefused();
            abortTransaction();
            break;
        }
        if (reply.isPositive()) {
            m_result.outcome = acceptedCount() == m_recipients.size()
                                   ? SendResult::Outcome::Success
                                   : SendResult::Outcome::PartialSuccess;
            m_result.error = SendResult::Error::NoError;
            m_result.reply = reply;
            m_result.step = stateName(State::EndOfData);
            m_result.queueId = extractQueueId(reply);
            m_result.message = m_result.outcome == SendResult::Outcome::Success
                                   ? tr("message accepted: %1").arg(reply.toString())
                                   : tr("message accepted for %1 of %2 recipients: %3")
                                         .arg(acceptedCount())
                                         .arg(m_recipients.size())
                                         .arg(reply.toString());
            m_decided = true;
            if (!m_quitSent)
                sendQuit();
            followPending();
        } else {
            m_state = State::EndOfData;
            failAndQuit(SendResult::Error::Refused,
                        tr("the message was refused after its content: %1").arg(reply.toString()),
                        reply);
        }
        break;
    case Command::Rset:
        if (!m_quitSent)
            sendQuit();
        followPending();
        break;
    case Command::Quit:
        // Whatever the server says to QUIT, the session is over.
        m_socket->disconnectFromHost();
        finish(m_result);
        break;
    default:
        break;
    }
}

QByteArray SmtpClient::heloName() const
{
    if (!m_settings.heloName.isEmpty())
        return m_settings.heloName.toUtf8();
    const QString local = QHostInfo::localHostName();
    static const QRegularExpression valid(
        QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$"));
    if (!local.isEmpty() && valid.match(local).hasMatch())
        return local.toUtf8();
    // RFC 5321 section 4.1.3: without a usable name, an address literal.
    const QHostAddress address = m_socket ? m_socket->localAddress() : QHostAddress();
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return "[IPv6:" + address.toString().toLatin1() + "]";
    return "[" + address.toString().toLatin1() + "]";
}

void SmtpClient::sendEhlo()
{
    setState(State::Ehlo);
    sendLine("EHLO " + heloName(), Command::Ehlo, origin(CommandOrigin::Source::EhloName));
    followPending();
}

void SmtpClient::afterEhlo()
{
    const auto security = m_settings.security;
    if (!m_tlsActive && security == SmtpSettings::Security::StartTls) {
        if (!m_caps.startTls()) {
            failAndQuit(SendResult::Error::Tls,
                        m_heloFallback ? tr("the server does not speak ESMTP, so it cannot offer "
                                            "STARTTLS, which this account requires; nothing "
                                            "else is sent")
                                       : tr("the server does not offer STARTTLS, which this "
                                            "account requires; nothing else is sent"));
            return;
        }
        startTls();
        return;
    }
    if (!m_tlsActive && security == SmtpSettings::Security::StartTlsIfOffered) {
        if (m_caps.startTls()) {
            startTls();
            return;
        }
        note(TranscriptEntry::Direction::Error,
             tr("warning: the server does not offer STARTTLS; continuing UNENCRYPTED "
                "as \"STARTTLS if offered\" allows"));
    }
    afterTls();
}

void SmtpClient::startTls()
{
    setState(State::StartTls);
    sendLine("STARTTLS", Command::StartTls, origin(CommandOrigin::Source::Security));
    followPending();
}

void SmtpClient::afterTls()
{
    m_pipelining = m_settings.usePipelining && m_caps.pipelining();
    m_chunking = m_settings.useChunking && m_caps.chunking();
    if (m_settings.authenticate)
        startAuth();
    else if (m_probeOnly)
        probeDone();
    else
        startTransaction();
}

void SmtpClient::probeDone()
{
    m_result.outcome = SendResult::Outcome::Success;
    m_result.step = stateName(m_state);
    QStringList parts;
    parts << (m_tlsActive ? tr("encrypted") : tr("not encrypted"));
    if (m_settings.authenticate)
        parts << tr("authenticated with %1").arg(QString::fromLatin1(m_authMechanism));
    m_result.message = tr("the account works: %1").arg(parts.join(QStringLiteral(", ")));
    m_decided = true;
    sendQuit();
    followPending();
}

// ---------------------------------------------------------------------------------------------
// AUTH (RFC 4954)

void SmtpClient::startAuth()
{
    setState(State::Authenticating);
    if (!m_tlsActive && !isLoopbackPeer() && !m_settings.allowPlaintextAuth) {
        failAndQuit(SendResult::Error::Authentication,
                    tr("refusing to send the password over an unencrypted connection "
                       "to %1; use STARTTLS or TLS, or explicitly allow "
                       "unencrypted authentication")
                        .arg(m_settings.host));
        return;
    }
    if (!m_tlsActive && !isLoopbackPeer()) {
        note(TranscriptEntry::Direction::Error,
             tr("warning: authenticating over an UNENCRYPTED connection, as allowed "
                "for this account"));
    }
    const QList<QByteArray> offered = m_caps.authMechanisms();
    if (offered.isEmpty()) {
        failAndQuit(SendResult::Error::Authentication,
                    m_heloFallback ? tr("the server does not speak ESMTP, so it "
                                        "offers no AUTH; cannot authenticate")
                                   : tr("the server offers no AUTH mechanism; cannot "
                                        "authenticate"));
        return;
    }
    QByteArray mech = m_settings.authMechanism.toUpper();
    if (mech.isEmpty()) {
        mech = SaslMechanism::choose(offered, false);
        if (mech.isEmpty()) {
            failAndQuit(SendResult::Error::Authentication,
                        tr("no AUTH mechanism in common: the server offers %1, "
                           "Postwire implements %2")
                            .arg(QString::fromLatin1(offered.join(' ')),
                                 QString::fromLatin1(SaslMechanism::supported().join(' '))));
            return;
        }
    } else if (!offered.contains(mech)) {
        failAndQuit(SendResult::Error::Authentication,
                    tr("AUTH %1 is not offered by the server (it offers %2)")
                        .arg(QString::fromLatin1(mech), QString::fromLatin1(offered.join(' '))));
        return;
    }
    m_authMechanism = mech;
    if (m_settings.credentials.secret.isEmpty()) {
        if (!requestCredentials(QString()))
            failAndQuit(SendResult::Error::Authentication,
                        tr("AUTH %1: no password or token given").arg(QString::fromLatin1(mech)));
        return;
    }
    beginAuthExchange();
}

bool SmtpClient::requestCredentials(const QString &reason)
{
    if (!isSignalConnected(QMetaMethod::fromSignal(&SmtpClient::credentialsNeeded)))
        return false;
    setState(State::AwaitingCredentials);
    m_timer->stop(); // a person is typing; the server's own timeout still applies
    Q_EMIT credentialsNeeded(m_settings.credentials.user, reason);
    return true;
}

void SmtpClient::provideCredentials(const SaslCredentials &credentials)
{
    if (m_state != State::AwaitingCredentials)
        return;
    if (credentials.secret.isEmpty()) {
        m_state = State::Authenticating;
        cancel();
        return;
    }
    m_settings.credentials = credentials;
    setState(State::Authenticating);
    beginAuthExchange();
    flushWrites();
}

void SmtpClient::beginAuthExchange()
{
    m_sasl = SaslMechanism::create(m_authMechanism, m_settings.credentials);
    if (!m_sasl) {
        failAndQuit(
            SendResult::Error::Authentication,
            tr("AUTH %1 is not implemented by Postwire").arg(QString::fromLatin1(m_authMechanism)));
        return;
    }
    const QByteArray command = "AUTH " + m_authMechanism;
    if (m_sasl->hasInitialResponse()) {
        const SaslMechanism::Step step = m_sasl->start();
        if (!step.ok) {
            failAndQuit(SendResult::Error::Authentication,
                        tr("AUTH %1: %2").arg(QString::fromLatin1(m_authMechanism), step.error));
            return;
        }
        // RFC 4954 section 4: an empty initial response is sent as "=".
        const QByteArray ir = step.response.isEmpty() ? QByteArray("=") : step.response.toBase64();
        sendLine(command + ' ' + ir, Command::Auth, origin(CommandOrigin::Source::Authentication),
                 QString::fromLatin1(command) + QLatin1Char(' ') + step.shown, step.redacted);
    } else {
        sendLine(command, Command::Auth, origin(CommandOrigin::Source::Authentication));
    }
    followPending();
}

void SmtpClient::continueAuth(const SmtpReply &reply)
{
    if (reply.code == 334) {
        const QByteArray challenge = QByteArray::fromBase64(reply.lines.value(0).trimmed());
        // Without an initial response the first challenge (often empty) is answered too.
        const SaslMechanism::Step step = m_sasl->respond(challenge);
        if (!step.ok) {
            // RFC 4954 section 4: "*" cancels the exchange; the server answers 501.
            note(TranscriptEntry::Direction::Error,
                 tr("AUTH %1: %2; cancelling the exchange")
                     .arg(QString::fromLatin1(m_authMechanism), step.error));
            m_authCancelReason = step.error;
            sendLine("*", Command::AuthContinue, origin(CommandOrigin::Source::Authentication));
            followPending();
            return;
        }
        if (!step.note.isEmpty())
            note(TranscriptEntry::Direction::Info, step.note);
        sendLine(step.response.toBase64(), Command::AuthContinue,
                 origin(CommandOrigin::Source::Authentication),
                 step.shown.isEmpty() ? QString::fromLatin1(step.response.toBase64()) : step.shown,
                 step.redacted);
        followPending();
        return;
    }
    if (reply.code == 235) {
        // Some servers put SCRAM's server-final message in the 235 reply itself.
        QByteArray data;
        const QByteArray text = reply.lines.value(0).trimmed();
        EnhancedStatus ignored;
        const QByteArray rest = text.mid(EnhancedStatus::parse(text, &ignored));
        if (m_authMechanism.startsWith("SCRAM-") && !rest.isEmpty() && !rest.contains(' '))
            data = QByteArray::fromBase64(rest);
        const QString problem = m_sasl->verifySuccess(data);
        if (!problem.isEmpty()) {
            failAndQuit(SendResult::Error::Authentication,
                        tr("AUTH %1: the server accepted, but %2")
                            .arg(QString::fromLatin1(m_authMechanism), problem),
                        reply);
            return;
        }
        note(TranscriptEntry::Direction::Info,
             tr("authenticated as %1 with %2")
                 .arg(m_settings.credentials.user, QString::fromLatin1(m_authMechanism)));
        m_sasl.reset();
        if (m_probeOnly)
            probeDone();
        else
            startTransaction();
        return;
    }
    const QString why = !m_authCancelReason.isEmpty() ? m_authCancelReason + tr(" (server: ") +
                                                            reply.toString() + QLatin1Char(')')
                                                      : reply.toString();
    m_authCancelReason.clear();
    // A refused password can be asked for again once, when someone is there to answer.
    if ((reply.code == 535 || reply.code == 534) && !m_authRetried) {
        m_authRetried = true;
        if (requestCredentials(reply.toString()))
            return;
    }
    failAndQuit(SendResult::Error::Authentication,
                tr("AUTH %1 failed: %2").arg(QString::fromLatin1(m_authMechanism), why), reply);
}

// ---------------------------------------------------------------------------------------------
// The mail transaction

int SmtpClient::acceptedCount() const
{
    int n = 0;
    for (const RecipientResult &r : m_recipients)
        n += r.accepted ? 1 : 0;
    return n;
}

void SmtpClient::setAllRefused()
{
    QStringList refusals;
    for (const RecipientResult &r : std::as_const(m_recipients))
        refusals << QStringLiteral("<%1>: %2").arg(r.address, r.reply.toString());
    m_result.error = SendResult::Error::AllRecipientsRefused;
    m_result.step = stateName(State::RcptTo);
    m_result.reply = m_recipients.isEmpty() ? SmtpReply() : m_recipients.last().reply;
    m_result.message = tr("every recipient was refused, nothing was sent: %1")
                           .arg(refusals.join(QStringLiteral("; ")));
}

void SmtpClient::startTransaction()
{
    setState(State::MailFrom); // preparing the message is part of this step
    const bool utf8Envelope = m_envelope.needsSmtpUtf8();
    if (utf8Envelope && !m_caps.smtpUtf8()) {
        failAndQuit(SendResult::Error::InvalidInput,
                    tr("an address has non-ASCII characters before the @ and the "
                       "server does not offer SMTPUTF8 (RFC 6531): %1")
                        .arg(nonAsciiAddress()));
        return;
    }
    QString error;
    m_device = m_source->open(m_caps, &error);
    if (!m_device) {
        failAndQuit(SendResult::Error::MessageSource, error);
        return;
    }
    m_contentTotal = m_source->size();
    const qint64 limit = m_caps.sizeLimit();
    if (limit > 0 && m_contentTotal > limit) {
        setState(State::MailFrom);
        failAndQuit(SendResult::Error::Refused,
                    tr("the message (%1 bytes) is larger than the server's SIZE limit "
                       "of %2 bytes; not sent")
                        .arg(m_contentTotal)
                        .arg(limit));
        return;
    }
    const bool utf8 = utf8Envelope || (m_source->needsSmtpUtf8() && m_caps.smtpUtf8());
    QByteArray mail = "MAIL FROM:<" + Envelope::wireAddress(m_envelope.sender, utf8) + '>';
    CommandOrigin from = m_envelope.senderOrigin();
    if (m_caps.size()) {
        mail += " SIZE=" + QByteArray::number(m_contentTotal);
        from.options << QStringLiteral("SIZE");
    }
    if (m_source->needs8BitMime()) {
        if (m_caps.eightBitMime()) {
            mail += " BODY=8BITMIME";
            from.options << QStringLiteral("BODY=8BITMIME");
        } else
            note(TranscriptEntry::Direction::Error,
                 tr("warning: the message has 8-bit content and the server does not "
                    "offer 8BITMIME; sending it as it is"));
    }
    if (utf8) {
        mail += " SMTPUTF8";
        from.options << QStringLiteral("SMTPUTF8");
    }
    const DsnOptions &dsn = m_envelope.dsn;
    const bool useDsn = dsn.isRequested() && m_caps.dsn();
    if (dsn.isRequested() && !m_caps.dsn()) {
        note(TranscriptEntry::Direction::Error,
             tr("warning: delivery status notifications were asked for, but the "
                "server does not offer DSN; sending without them"));
    }
    if (useDsn && (dsn.ret != DsnOptions::Return::Unspecified || !dsn.envelopeId.isEmpty()))
        from.options << QStringLiteral("DSN");
    if (useDsn) {
        if (dsn.ret != DsnOptions::Return::Unspecified)
            mail += dsn.ret == DsnOptions::Return::Full ? " RET=FULL" : " RET=HDRS";
        if (!dsn.envelopeId.isEmpty())
            mail += " ENVID=" + DsnOptions::xtext(dsn.envelopeId);
    }
    setState(State::MailFrom);
    if (m_pipelining) {
        note(TranscriptEntry::Direction::Info,
             m_chunking ? tr("pipelining MAIL, %1 RCPT and BDAT with the message "
                             "(PIPELINING, CHUNKING)")
                              .arg(m_recipients.size())
                        : tr("pipelining MAIL, %1 RCPT and DATA in one group "
                             "(PIPELINING)")
                              .arg(m_recipients.size()));
    }
    sendLine(mail, Command::Mail, from, QString(), false, 0,
             QStringLiteral("MAIL FROM <%1>").arg(m_envelope.sender));
    if (m_pipelining) {
        while (m_nextRecipient < m_recipients.size())
            sendNextRecipient();
        if (m_chunking)
            startContent();
        else
            sendLine("DATA", Command::Data, origin(CommandOrigin::Source::Message));
    }
    followPending();
}

QString SmtpClient::nonAsciiAddress() const
{
    const QStringList all = QStringList{m_envelope.sender} + m_envelope.recipients;
    for (const QString &a : all) {
        for (const QChar c : a.left(a.lastIndexOf(QLatin1Char('@')))) {
            if (c.unicode() > 0x7f)
                return a;
        }
    }
    return QString();
}

void SmtpClient::sendNextRecipient()
{
    const int i = m_nextRecipient++;
    const bool utf8 = m_envelope.needsSmtpUtf8();
    QByteArray rcpt = "RCPT TO:<" + Envelope::wireAddress(m_recipients[i].address, utf8) + '>';
    CommandOrigin to = m_envelope.recipientOrigin(i);
    const DsnOptions &dsn = m_envelope.dsn;
    if (dsn.notify != 0 && m_caps.dsn()) {
        QList<QByteArray> notify;
        if (dsn.notify & DsnOptions::Never) {
            notify << "NEVER";
        } else {
            if (dsn.notify & DsnOptions::Success)
                notify << "SUCCESS";
            if (dsn.notify & DsnOptions::Failure)
                notify << "FAILURE";
            if (dsn.notify & DsnOptions::Delay)
                notify << "DELAY";
        }
        rcpt += " NOTIFY=" + notify.join(',');
        to.options << QStringLiteral("DSN");
    }
    sendLine(rcpt, Command::Rcpt, to, QString(), false, i,
             QStringLiteral("RCPT TO <%1>").arg(m_recipients[i].address));
}

void SmtpClient::onRecipientsSettled()
{
    if (acceptedCount() == 0) {
        m_transactionAborted = true;
        setAllRefused();
        abortTransaction();
        return;
    }
    if (m_chunking) {
        startContent();
    } else {
        setState(State::Data);
        sendLine("DATA", Command::Data, origin(CommandOrigin::Source::Message));
    }
}

// Ends a transaction that will not deliver: RSET (RFC 5321 section 4.1.1.5), then QUIT.
void SmtpClient::abortTransaction()
{
    if (!m_pending->isEmpty()) {
        followPending(); // more replies of the pipelined group are on their way
        return;
    }
    if (m_result.error == SendResult::Error::NoError)
        m_result.error = SendResult::Error::Refused;
    m_result.outcome = SendResult::Outcome::Failure;
    m_decided = true;
    setState(State::Reset);
    sendLine("RSET", Command::Rset, origin(CommandOrigin::Source::Protocol));
    if (m_pipelining)
        sendQuit();
    followPending();
}

// ---------------------------------------------------------------------------------------------
// The message content

void SmtpClient::startContent()
{
    setState(State::Content);
    m_contentStarted = true;
    m_writingContent = true;
    m_stuffer = std::make_unique<DataStuffer>();
    if (m_chunking) {
        // RFC 3030: the whole message in one chunk, its exact size announced up front.
        const QByteArray bdat = "BDAT " + QByteArray::number(m_contentTotal) + " LAST";
        TranscriptCommand sent = makeCommand(Command::Bdat, QString::fromLatin1(bdat),
                                             origin(CommandOrigin::Source::Message));
        sent.lastChunk = true;
        logClient(sent);
        m_outgoing += bdat + "\r\n";
        expectReply(sent, 0, tr("BDAT (the message)"));
    }
    flushWrites();
    armTimer(m_settings.timeouts.dataBlock);
    pumpContent();
}

void SmtpClient::summarizeHeaders(const QByteArray &chunk)
{
    // Show the message's header lines in the transcript, then one summary line for the body.
    qsizetype pos = 0;
    while (!m_headerDone && pos < chunk.size()) {
        const qsizetype lf = chunk.indexOf('\n', pos);
        if (lf < 0) {
            if (m_headerPartial.size() < 4096)
                m_headerPartial += chunk.mid(pos, 4096 - m_headerPartial.size());
            return;
        }
        QByteArray line = m_headerPartial + chunk.mid(pos, lf - pos);
        m_headerPartial.clear();
        pos = lf + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        // The header block ends at the empty line; a line that is no header field (a
        // message without headers) or too many lines end the preview too.
        const bool continuation = line.startsWith(' ') || line.startsWith('\t');
        const qsizetype colon = line.indexOf(':');
        if (line.isEmpty() || (!continuation && (colon <= 0 || line.left(colon).contains(' '))) ||
            m_headerLines >= MaxHeaderLinesShown) {
            m_headerDone = true;
            break;
        }
        ++m_headerLines;
        m_headerText += QString::fromUtf8(line) + QLatin1Char('\n');
        {
            TranscriptEntry entry;
            entry.elapsedMs = m_clock.elapsed();
            entry.direction = TranscriptEntry::Direction::Client;
            entry.text = QString::fromUtf8(line);
            entry.content = true;
            entry.command.origin.source = CommandOrigin::Source::Message;
            Q_EMIT transcriptEntry(entry);
        }
    }
}

void SmtpClient::pumpContent()
{
    if (m_state != State::Content || !m_socket || m_finished)
        return;
    QByteArray wire;
    while (m_socket && m_socket->bytesToWrite() + wire.size() < WriteHighWater) {
        char buffer[ReadChunk];
        const qint64 n = m_device->read(buffer, sizeof buffer);
        if (n < 0) {
            // The message cannot be completed (an attachment vanished, a file unreadable):
            // never end the data, so the server cannot deliver half a message.
            const QString why = m_device->errorString();
            // fail() closes the connection at once (abort: the "." is never sent); closing it
            // here first would report the close as the server's doing.
            fail(SendResult::Error::MessageSource,
                 tr("the message could not be read while sending: %1; the connection "
                    "was closed so nothing half-written is delivered")
                     .arg(why.isEmpty() ? tr("read error") : why));
            return;
        }
        if (n == 0) {
            if (!m_device->atEnd() && m_device->isSequential()) {
                // A device that produces more later: its readyRead brings us back.
                connect(m_device, &QIODevice::readyRead, this, &SmtpClient::pumpContent,
                        Qt::UniqueConnection);
                break;
            }
            writeWire(wire);
            finishContent();
            return;
        }
        if (!m_headerDone)
            summarizeHeaders(QByteArray::fromRawData(buffer, n));
        m_contentRead += n;
        m_contentLines += QByteArray::fromRawData(buffer, n).count('\n');
        if (m_chunking)
            wire.append(buffer, n);
        else
            m_stuffer->process(buffer, n, &wire);
    }
    writeWire(wire);
}

void SmtpClient::finishContent()
{
    m_writingContent = false;
    const qint64 bodyLines = qMax<qint64>(0, m_contentLines - m_headerLines - 1);
    note(TranscriptEntry::Direction::Info,
         tr("… message body: %1 %2, %3 bytes in all (headers above) …")
             .arg(bodyLines)
             .arg(bodyLines == 1 ? tr("line") : tr("lines"))
             .arg(m_contentRead),
         m_headerText);
    if (m_chunking) {
        if (m_contentRead != m_contentTotal) {
            fail(SendResult::Error::MessageSource,
                 tr("the message was %1 bytes, not the %2 announced in BDAT; the "
                    "connection was closed")
                     .arg(m_contentRead)
                     .arg(m_contentTotal));
            return;
        }
    } else {
        m_stuffer->finish(&m_outgoing); // CRLF if needed, then ".\r\n"
        const TranscriptCommand end = makeCommand(Command::EndOfData, QStringLiteral("."),
                                                  origin(CommandOrigin::Source::Message));
        logClient(end);
        expectReply(end, 0, tr("the end of the message data"));
    }
    m_endOfDataSent = true;
    if (m_pipelining && !m_quitSent)
        sendQuit(); // RFC 2920: QUIT may follow the end of data in the same group
    flushWrites();
    setState(State::EndOfData);
    emitProgress(true);
    followPending();
}

void SmtpClient::emitProgress(bool done)
{
    qint64 sent = done ? m_contentTotal : qMax<qint64>(0, m_contentRead - m_socket->bytesToWrite());
    sent = qBound<qint64>(m_progressReported, sent, m_contentTotal);
    if (sent == m_progressReported && !done)
        return;
    m_progressReported = sent;
    m_result.bytesSent = sent;
    Q_EMIT progress(sent, m_contentTotal);
}

void SmtpClient::onBytesWritten(qint64 bytes)
{
    Q_UNUSED(bytes);
    if (m_state != State::Content)
        return;
    armTimer(m_settings.timeouts.dataBlock);
    emitProgress(false);
    pumpContent();
}

// ---------------------------------------------------------------------------------------------
// Ending

void SmtpClient::sendQuit()
{
    m_quitSent = true;
    sendLine("QUIT", Command::Quit, origin(CommandOrigin::Source::Protocol));
}

void SmtpClient::failAndQuit(SendResult::Error error, const QString &message,
                             const SmtpReply &reply)
{
    // A refusal leaves the connection usable: say goodbye properly, then report.
    m_result.outcome = SendResult::Outcome::Failure;
    m_result.error = error;
    m_result.step = stateName(m_state);
    m_result.message = message;
    m_result.reply = reply;
    note(TranscriptEntry::Direction::Error, message);
    m_reasonNoted = true;
    m_decided = true;
    if (m_writingContent) {
        // A command now would land inside the message being written (an early reply to
        // BDAT): the only clean way out is to close the connection.
        finish(m_result);
        return;
    }
    if (!m_quitSent && m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
        sendQuit();
        flushWrites();
        followPending();
        return;
    }
    finish(m_result);
}

void SmtpClient::fail(SendResult::Error error, const QString &message, const SmtpReply &reply)
{
    if (m_finished)
        return;
    SendResult result = m_result;
    result.outcome = SendResult::Outcome::Failure;
    result.error = error;
    result.step = stateName(m_state);
    result.message = message;
    if (reply.isValid())
        result.reply = reply;
    if (m_endOfDataSent && error != SendResult::Error::MessageSource) {
        // RFC 5321 section 4.1.1.4 and RFC 1047: the server may have taken the message.
        result.outcome = SendResult::Outcome::DeliveryUnknown;
        result.message = message + tr("; the message was completely sent but the server's "
                                      "reply never came, so it may or may not have been "
                                      "delivered (do not simply resend: check first)");
    } else if (error == SendResult::Error::Cancelled) {
        result.outcome = SendResult::Outcome::Cancelled;
    }
    note(TranscriptEntry::Direction::Error, result.message);
    m_reasonNoted = true;
    finish(result);
}

void SmtpClient::onTimeout()
{
    if (m_finished || m_state == State::Idle)
        return;
    if (m_state == State::Quit && m_decided) {
        note(TranscriptEntry::Direction::Info, tr("no reply to QUIT; closing the connection"));
        finish(m_result);
        return;
    }
    const QString what = m_pending->isEmpty() ? stateName(m_state) : m_pending->first().what;
    const QString seconds = QString::number(m_timer->interval() / 1000.0);
    fail(SendResult::Error::Timeout,
         m_state == State::Content
             ? tr("timeout in step Content: the server took no data for %1 s").arg(seconds)
         : m_state == State::Connecting
             ? tr("timeout in step Connecting: no connection to %1 port %2 within %3 s")
                   .arg(m_settings.host)
                   .arg(m_settings.port)
                   .arg(seconds)
         : m_state == State::TlsHandshake
             ? tr("timeout in step TlsHandshake: the TLS handshake did not finish within %1 s")
                   .arg(seconds)
             : tr("timeout in step %1: no reply to %2 within %3 s")
                   .arg(stateName(m_state), what)
                   .arg(seconds));
}

void SmtpClient::cancel()
{
    if (!isBusy() || m_finished)
        return;
    if (m_decided) {
        // The outcome is known (e.g. the message was accepted and only QUIT's reply is
        // missing): stopping now must not turn a delivered message into a cancelled one.
        note(TranscriptEntry::Direction::Info,
             tr("stopped by the user while waiting for the end of the session"));
        finish(m_result);
        return;
    }
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState &&
        m_state != State::Content && m_state != State::TlsHandshake &&
        m_state != State::CertificateReview && !m_quitSent && !m_writingContent) {
        // Between commands the session can be ended politely without waiting for an answer;
        // finish() then closes gracefully, so the QUIT really leaves.
        m_socket->write("QUIT\r\n");
        m_socket->flush(); // hand it to the system now: the program may end right after this
        m_quitSent = true;
        TranscriptEntry entry;
        entry.elapsedMs = m_clock.elapsed();
        entry.direction = TranscriptEntry::Direction::Client;
        entry.text = QStringLiteral("QUIT");
        entry.command =
            makeCommand(Command::Quit, entry.text, origin(CommandOrigin::Source::Protocol));
        Q_EMIT transcriptEntry(entry);
    }
    fail(SendResult::Error::Cancelled,
         tr("cancelled by the user in step %1").arg(stateName(m_state)));
}

void SmtpClient::onDisconnected()
{
    if (m_finished)
        return;
    if (m_decided && (m_quitSent || m_state == State::Quit)) {
        finish(m_result);
        return;
    }
    fail(SendResult::Error::ConnectionLost,
         tr("the server closed the connection in step %1").arg(stateName(m_state)));
}

void SmtpClient::onSocketError()
{
    if (m_finished || !m_socket)
        return;
    const auto error = m_socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError) {
        // onDisconnected() reports it, with the step.
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            onDisconnected();
        return;
    }
    if (m_state == State::Connecting) {
        fail(SendResult::Error::ConnectFailed, tr("cannot connect to %1 port %2: %3")
                                                   .arg(m_settings.host)
                                                   .arg(m_settings.port)
                                                   .arg(m_socket->errorString()));
        return;
    }
    if (error == QAbstractSocket::SslHandshakeFailedError ||
        error == QAbstractSocket::SslInternalError ||
        error == QAbstractSocket::SslInvalidUserDataError || m_state == State::TlsHandshake) {
        fail(SendResult::Error::Tls,
             tr("TLS failed in step %1: %2").arg(stateName(m_state), m_socket->errorString()));
        return;
    }
    if (m_decided && m_quitSent) {
        finish(m_result);
        return;
    }
    fail(SendResult::Error::ConnectionLost,
         tr("connection lost in step %1: %2").arg(stateName(m_state), m_socket->errorString()));
}

void SmtpClient::finish(SendResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer->stop();
    result.recipients = m_recipients;
    result.elapsedMs = m_clock.elapsed();
    result.roundTrips = m_turns + 1; // the greeting is the first wait
    if (result.bytesSent == 0)
        result.bytesSent = m_progressReported;
    if (result.step.isEmpty())
        result.step = stateName(m_state);
    if (m_socket) {
        QSslSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        if (socket->state() != QAbstractSocket::UnconnectedState) {
            if (result.outcome == SendResult::Outcome::Success ||
                result.outcome == SendResult::Outcome::PartialSuccess || m_quitSent)
                socket->disconnectFromHost();
            else
                socket->abort();
        }
        socket->deleteLater();
    }
    m_device = nullptr;
    setState(State::Finished);
    if (!result.delivered() && result.error != SendResult::Error::NoError)
        Q_EMIT errorOccurred(result.error, result.message);
    if (result.delivered() || result.outcome == SendResult::Outcome::Success)
        note(TranscriptEntry::Direction::Info, result.message);
    else if (!m_reasonNoted)
        note(TranscriptEntry::Direction::Error, result.message);
    Q_EMIT finished(result);
}
