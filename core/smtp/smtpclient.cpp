// How to read this file: start() makes a fresh Session and connects; the socket's signals
// (onConnected, onEncrypted, onReadyRead, ...) drive everything. Each reply is matched with
// the command it answers (ReplyQueue) and handled by the function for that step; the mail
// transaction's rules are SmtpTransaction's, AUTH's SmtpAuthentication's, the message bytes
// ContentPump's and certificate trust TlsTrustDecision's. Commands are planned with plan() or
// sendLine() and leave the client in flushWrites(), where step mode pauses.
#include "smtp/smtpclient.h"

#include "smtp/contentpump.h"
#include "smtp/messagesource.h"
#include "smtp/printable.h"
#include "smtp/replyqueue.h"
#include "smtp/smtpauthentication.h"
#include "smtp/smtpstep.h"
#include "smtp/smtptransaction.h"
#include "smtp/tlstrustdecision.h"

#include <QHostInfo>
#include <QMetaEnum>
#include <QRegularExpression>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

#include <optional>
#include <utility>

namespace {

// How much wire data may wait in the socket's buffer before the client stops reading the
// message: enough to keep the link busy, small enough that a 500 MB attachment stays on disk.
constexpr qint64 WriteHighWater = 256 * 1024;

using Kind = TranscriptCommand::Kind;
using State = SmtpClient::State;
using Action = SmtpTransactionStep::Action;

QString describeCertificate(const QSslCertificate &cert)
{
    return SmtpClient::tr("subject \"%1\", issuer \"%2\", valid %3 to %4, SHA-256 %5")
        .arg(printableText(cert.subjectDisplayName()), printableText(cert.issuerDisplayName()),
             cert.effectiveDate().toString(Qt::ISODate), cert.expiryDate().toString(Qt::ISODate),
             TlsTrustDecision::fingerprint(cert));
}

// The step a command belongs to: the state follows the oldest command awaiting its reply.
std::optional<State> stateFor(Kind kind)
{
    switch (kind) {
    case Kind::Greeting:
        return State::Greeting;
    case Kind::Ehlo:
        return State::Ehlo;
    case Kind::Helo:
        return State::Helo;
    case Kind::StartTls:
        return State::StartTls;
    case Kind::Auth:
    case Kind::AuthContinue:
        return State::Authenticating;
    case Kind::Mail:
        return State::MailFrom;
    case Kind::Rcpt:
        return State::RcptTo;
    case Kind::Data:
        return State::Data;
    case Kind::Bdat:
    case Kind::EndOfData:
        return State::EndOfData;
    case Kind::Rset:
        return State::Reset;
    case Kind::Quit:
        return State::Quit;
    default:
        return std::nullopt; // a person's extra command leaves the step as it is
    }
}

} // namespace

SmtpClient::HostNameLookup SmtpClient::s_hostNameLookup = &SmtpClient::systemHostName;

// One planned line and how the transcript shows it.
struct Outgoing
{
    TranscriptEntry entry;
    QByteArray wire;
};

// Everything one send knows. start() makes a fresh one, so nothing carries over.
struct SmtpClient::Session
{
    Envelope envelope;
    MessageSource *source = nullptr;
    QIODevice *device = nullptr;
    bool probeOnly = false;
    Capabilities caps;
    SmtpReplyParser parser;

    ReplyQueue awaiting;
    QList<Outgoing> planned; // commands not yet written: flushWrites() sends them
    // Lines of a pipelined group written at once and not yet reported (see handleReplies()).
    QList<TranscriptEntry> unlogged;
    int commands = 0; // commands numbered so far (TranscriptCommand::id)
    int groups = 0;   // pipelined groups so far
    int turns = 0;    // client turns (round trips)
    bool lastWasRead = true;
    qint64 lastReplyAt = 0;

    bool heloFallback = false;
    bool tlsActive = false;
    bool pipelining = false;
    bool chunking = false;
    bool quitSent = false;      // QUIT is planned or sent
    bool endOfDataSent = false; // the message is complete on the wire, its reply not in
    bool decided = false;       // the outcome is known; only QUIT remains
    bool reasonNoted = false;   // the transcript already says why it failed

    State stateBeforeReview = State::Idle;
    QList<QSslError> sslErrors;

    std::optional<SmtpAuthentication> auth;

    std::optional<SmtpTransaction> transaction;
    std::optional<ContentPump> pump;
    TranscriptCommand endOfData; // DATA: the "." that ends the content
    qint64 contentTotal = 0;
    qint64 progressReported = 0;

    // Step mode
    bool paused = false;
    bool contentStep = false;     // the pause is before the message content
    int extraId = -1;             // a person's extra command awaiting its reply
    bool extraChallenged = false; // it got a 334: the next line typed answers an AUTH challenge
    bool pauseNoted = false;

    SendResult result;
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

int SmtpTimeouts::forCommand(Kind kind) const
{
    switch (kind) {
    case Kind::Greeting:
        return greeting;
    case Kind::Mail:
        return mail;
    case Kind::Rcpt:
        return rcpt;
    case Kind::Data:
        return data;
    case Kind::Bdat:
    case Kind::EndOfData:
        return endOfData;
    case Kind::Quit:
        return quit;
    default:
        return command;
    }
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
    , m_s(std::make_unique<Session>())
    , m_timer(new QTimer(this))
    , m_moreReplies(new QTimer(this))
{
    qRegisterMetaType<TranscriptEntry>();
    qRegisterMetaType<SendResult>();
    qRegisterMetaType<RecipientResult>();
    qRegisterMetaType<QList<TranscriptCommand>>();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SmtpClient::onTimeout);
    m_moreReplies->setSingleShot(true);
    m_moreReplies->setInterval(0);
    connect(m_moreReplies, &QTimer::timeout, this, [this] {
        if (m_state != State::Finished)
            handleReplies(false);
    });
}

SmtpClient::~SmtpClient()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

QString SmtpClient::stateName(State state)
{
    return QString::fromLatin1(QMetaEnum::fromType<State>().valueToKey(int(state)));
}

std::optional<SmtpClient::State> SmtpClient::stateFromName(const QString &name)
{
    bool ok = false;
    const int value = QMetaEnum::fromType<State>().keyToValue(name.toLatin1().constData(), &ok);
    if (!ok)
        return std::nullopt;
    return State(value);
}

QString SmtpClient::stepLabel(const QString &name)
{
    const auto state = stateFromName(name);
    return state ? stepLabel(*state) : QString();
}

QString SmtpClient::stepLabel(State state)
{
    switch (state) {
    case State::Idle:
        return tr("before connecting");
    case State::Connecting:
        return tr("while connecting");
    case State::Greeting:
        return tr("at the greeting");
    case State::Ehlo:
        return tr("at the introduction (EHLO)");
    case State::Helo:
        return tr("at the introduction (HELO)");
    case State::StartTls:
        return tr("while starting TLS (STARTTLS)");
    case State::TlsHandshake:
        return tr("during the TLS handshake");
    case State::CertificateReview:
        return tr("while the server's certificate was reviewed");
    case State::Authenticating:
        return tr("while logging in (AUTH)");
    case State::AwaitingCredentials:
        return tr("while waiting for the password");
    case State::MailFrom:
        return tr("at the sender address (MAIL FROM)");
    case State::RcptTo:
        return tr("at the recipient addresses (RCPT TO)");
    case State::Data:
        return tr("at the start of the message data (DATA)");
    case State::Content:
        return tr("while sending the message content");
    case State::EndOfData:
        return tr("at the end of the message data");
    case State::Reset:
        return tr("while ending the transaction (RSET)");
    case State::Quit:
        return tr("while saying goodbye (QUIT)");
    case State::Finished:
        return tr("after the session ended");
    }
    return QString();
}

const Capabilities &SmtpClient::capabilities() const
{
    return m_s->caps;
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
    log(entry);
}

// ---------------------------------------------------------------------------------------------
// Starting

void SmtpClient::send(const SmtpSettings &settings, const Envelope &envelope, MessageSource *source)
{
    if (isBusy()) {
        qWarning("SmtpClient: send() while a send is running; cancel() it first");
        return;
    }
    m_s = std::make_unique<Session>();
    m_s->envelope = envelope;
    m_s->source = source;
    start(settings);
}

void SmtpClient::probe(const SmtpSettings &settings)
{
    if (isBusy()) {
        qWarning("SmtpClient: probe() while a send is running; cancel() it first");
        return;
    }
    m_s = std::make_unique<Session>();
    m_s->probeOnly = true;
    start(settings);
}

void SmtpClient::start(const SmtpSettings &settings)
{
    m_moreReplies->stop();
    m_settings = settings;
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
    else if (!m_s->probeOnly && !m_s->source)
        problem = tr("message: nothing to send");
    else if (!m_s->probeOnly)
        problem = m_s->envelope.validate();
    if (!problem.isEmpty()) {
        fail(Error::InvalidInput, problem);
        return;
    }
    m_s->transaction.emplace(m_s->envelope, Capabilities(), false, false);

    m_socket = new QSslSocket(this);
    m_socket->setSslConfiguration(tlsConfiguration(settings));
    m_socket->setPeerVerifyName(settings.host);
    // A certificate that fails verification pauses the handshake until a person decides.
    m_socket->setPauseMode(QAbstractSocket::PauseOnSslErrors);
    m_socket->setReadBufferSize(SmtpClient::ReadBufferSize);
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
    const QString target = settings.address.isEmpty() ? settings.host : settings.address;
    note(TranscriptEntry::Direction::Info,
         tr("connecting to %1 port %2, security: %3")
             .arg(settings.address.isEmpty() ? settings.host
                                             : tr("%1 (%2)").arg(settings.host, settings.address))
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
        m_socket->connectToHostEncrypted(target, settings.port, settings.host);
    else
        m_socket->connectToHost(target, settings.port);
}

QSslConfiguration SmtpClient::tlsConfiguration(const SmtpSettings &settings)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!settings.caCertificates.isEmpty())
        tls.addCaCertificates(settings.caCertificates);
    return tls;
}

void SmtpClient::armTimer(int ms)
{
    m_timer->start(ms);
}

QString SmtpClient::peerAddress() const
{
    return m_socket ? m_socket->peerAddress().toString() : QString();
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
    awaitGreeting();
}

// The greeting answers no command: it waits in the queue as if the connection had asked.
void SmtpClient::awaitGreeting()
{
    setState(State::Greeting);
    TranscriptCommand greeting = makeCommand(Kind::Greeting, QString(), Source::None);
    m_s->awaiting.expect({greeting, tr("the greeting"), 0, m_clock.elapsed(), true});
    armTimer(m_settings.timeouts.greeting);
}

// ---------------------------------------------------------------------------------------------
// TLS

void SmtpClient::onEncrypted()
{
    m_s->tlsActive = true;
    reportTlsSession();
    Q_EMIT tlsEstablished(m_socket->sslConfiguration());
    const TlsTrustDecision trust(m_settings.pinnedFingerprints, m_settings.verifyPeer);
    if (const auto step = trust.onVerified(m_socket->peerCertificate());
        step.decision == TlsTrustDecision::Decision::Refuse) {
        failIn(State::TlsHandshake, Error::Tls, step.reason);
        return;
    }
    if (m_settings.security == SmtpSettings::Security::ImplicitTls) {
        awaitGreeting();
        // The greeting may have arrived together with the end of the handshake.
        onReadyRead();
        return;
    }
    // RFC 3207 section 4.2: forget everything learnt before TLS and greet again.
    m_s->caps = Capabilities();
    sendEhlo();
    flushWrites();
}

void SmtpClient::reportTlsSession()
{
    for (const QString &line : tlsSessionNotes(*m_socket))
        note(TranscriptEntry::Direction::Tls, line);
}

QStringList SmtpClient::tlsSessionNotes(const QSslSocket &socket)
{
    QStringList notes;
    const QSslCipher cipher = socket.sessionCipher();
    notes << tr("TLS established: %1, cipher %2 (%3 bits)")
                 .arg(TlsTrustDecision::protocolName(socket.sessionProtocol()), cipher.name())
                 .arg(cipher.usedBits());
    const QList<QSslCertificate> chain = socket.peerCertificateChain();
    for (qsizetype i = 0; i < chain.size(); ++i) {
        notes << tr("%1 certificate: %2")
                     .arg(i == 0 ? tr("server") : tr("chain %1").arg(i),
                          describeCertificate(chain[i]));
    }
    return notes;
}

void SmtpClient::onSslErrors(const QList<QSslError> &errors)
{
    const QSslCertificate peer = m_socket->peerCertificate();
    for (const QSslError &e : errors) {
        note(TranscriptEntry::Direction::Error,
             tr("TLS certificate problem: %1").arg(e.errorString()));
    }
    const TlsTrustDecision trust(m_settings.pinnedFingerprints, m_settings.verifyPeer);
    const auto step = trust.onErrors(
        peer, errors, isSignalConnected(QMetaMethod::fromSignal(&SmtpClient::certificateReview)));
    switch (step.decision) {
    case TlsTrustDecision::Decision::Trust:
    case TlsTrustDecision::Decision::TrustUnverified:
    case TlsTrustDecision::Decision::TrustPinned:
        if (step.decision == TlsTrustDecision::Decision::TrustPinned) {
            note(TranscriptEntry::Direction::Tls,
                 tr("certificate accepted: it is pinned for this account (SHA-256 %1)")
                     .arg(TlsTrustDecision::fingerprint(peer)));
        } else {
            note(TranscriptEntry::Direction::Error,
                 tr("continuing despite these problems: verification is off"));
        }
        m_socket->ignoreSslErrors();
        QMetaObject::invokeMethod(m_socket, &QSslSocket::resume, Qt::QueuedConnection);
        return;
    case TlsTrustDecision::Decision::Refuse:
        fail(Error::Tls, step.reason);
        return;
    case TlsTrustDecision::Decision::Review:
        break;
    }
    m_s->sslErrors = errors;
    m_s->stateBeforeReview = m_state;
    setState(State::CertificateReview);
    m_timer->stop(); // a person decides; no timeout on that
    Q_EMIT certificateReview(m_socket->peerCertificateChain(), errors);
}

void SmtpClient::approveCertificate()
{
    acceptReviewed(tr("certificate accepted by the user for this connection"));
}

void SmtpClient::inspectCertificate()
{
    acceptReviewed(tr("certificate not trusted, accepted only to inspect the server: nothing "
                      "but EHLO and QUIT is sent over this connection"));
}

void SmtpClient::acceptReviewed(const QString &why)
{
    if (m_state != State::CertificateReview || !m_socket)
        return;
    note(TranscriptEntry::Direction::Tls, why);
    setState(m_s->stateBeforeReview);
    armTimer(m_settings.timeouts.tlsHandshake);
    m_socket->ignoreSslErrors(m_s->sslErrors);
    m_socket->resume();
}

void SmtpClient::rejectCertificate()
{
    if (m_state != State::CertificateReview)
        return;
    QStringList why;
    for (const QSslError &e : std::as_const(m_s->sslErrors))
        why << e.errorString();
    failIn(m_s->stateBeforeReview, Error::Tls,
           tr("TLS certificate refused: %1").arg(why.join(QStringLiteral("; "))));
}

// ---------------------------------------------------------------------------------------------
// Writing

// Commands are numbered from 1 in a session; the greeting, which answers no command, is 0.
TranscriptCommand SmtpClient::makeCommand(Command kind, const QString &line, Source source)
{
    TranscriptCommand command;
    command.kind = kind;
    command.line = line;
    command.id = kind == Kind::Greeting ? 0 : ++m_s->commands;
    command.origin.source = source;
    return command;
}

// The line waits in planned for flushWrites(): only then is it known whether the command goes
// alone or in a pipelined group, and the transcript shows it as it leaves.
void SmtpClient::plan(const QByteArray &wire, const TranscriptCommand &command, bool redacted,
                      int index, const QString &what)
{
    Outgoing out;
    out.entry.direction = TranscriptEntry::Direction::Client;
    out.entry.text = command.line;
    out.entry.redacted = redacted;
    out.entry.command = command;
    out.wire = wire;
    m_s->planned.append(out);
    m_s->awaiting.expect({command, what.isEmpty() ? command.line : what, index, 0, false});
}

void SmtpClient::sendLine(const QByteArray &line, Command kind, Source source)
{
    plan(line + "\r\n", makeCommand(kind, QString::fromUtf8(line), source));
}

// The one place where planned commands leave the client. Those that leave in one write form
// a pipelined group (RFC 2920). In step mode they wait for a person first.
void SmtpClient::flushWrites()
{
    if (m_s->planned.isEmpty() || m_s->paused || !m_socket)
        return;
    if (m_settings.stepMode && m_state != State::Content)
        pause();
    else
        writePlanned();
}

void SmtpClient::writePlanned()
{
    const int size = int(m_s->planned.size());
    const int group = size > 1 ? m_s->groups++ : -1;
    QList<TranscriptCommand> commands;
    QByteArray wire;
    for (int i = 0; i < size; ++i) {
        TranscriptEntry &entry = m_s->planned[i].entry;
        entry.command.group = group;
        entry.command.groupIndex = group < 0 ? 0 : i;
        entry.command.groupSize = size;
        entry.elapsedMs = m_clock.elapsed();
        commands << entry.command;
        wire += m_s->planned[i].wire;
        m_s->unlogged.append(entry);
    }
    m_s->planned.clear();
    m_s->awaiting.written(commands, m_clock.elapsed());
    writeWire(wire);
    // Reported in slices: a group of 5,000 RCPTs is 5,000 lines for the transcript pane.
    if (!logUnlogged(false))
        m_moreReplies->start();
}

void SmtpClient::log(const TranscriptEntry &entry)
{
    logUnlogged(true); // in the order things happened
    Q_EMIT transcriptEntry(entry);
}

bool SmtpClient::logUnlogged(bool all, const QElapsedTimer *slice)
{
    QElapsedTimer own;
    if (!slice) {
        own.start();
        slice = &own;
    }
    while (!m_s->unlogged.isEmpty()) {
        if (!all && slice->elapsed() >= ReplySliceMs)
            return false;
        const TranscriptEntry entry = m_s->unlogged.takeFirst();
        Q_EMIT transcriptEntry(entry);
    }
    return true;
}

// Every write goes through here so the round trips (client turns) are counted in one place.
void SmtpClient::writeWire(const QByteArray &bytes)
{
    if (bytes.isEmpty() || !m_socket)
        return;
    if (m_s->lastWasRead)
        ++m_s->turns;
    m_s->lastWasRead = false;
    m_socket->write(bytes);
}

// The state follows the oldest command still waiting for its reply, so a pipelined group
// moves through MailFrom, RcptTo and Data as the replies come in.
void SmtpClient::followPending()
{
    if (m_s->awaiting.isEmpty() || m_state == State::Content)
        return; // replies to a pipelined envelope arrive while the message is written
    const TranscriptCommand &front = m_s->awaiting.front().command;
    if (const auto state = stateFor(front.kind))
        setState(*state);
    if (m_s->paused)
        return;
    // Once the outcome is decided only QUIT's reply is missing: wait briefly, not 30 s.
    const int timeout = m_settings.timeouts.forCommand(front.kind);
    armTimer(front.kind == Kind::Quit && m_s->decided ? qMin(timeout, SmtpTimeouts::QuitGrace)
                                                      : timeout);
}

// ---------------------------------------------------------------------------------------------
// Step mode

void SmtpClient::pause()
{
    m_s->paused = true;
    m_timer->stop(); // a person decides: Postwire's own timeout waits too
    // Said once: each pause is shown by whoever answers paused().
    if (!std::exchange(m_s->pauseNoted, true))
        note(TranscriptEntry::Direction::Info,
             tr("step mode: Postwire waits before each command without a timeout of its own, "
                "but the server's idle timer keeps running (it may close the connection after "
                "a few minutes)"));
    Q_EMIT paused(nextStep());
}

bool SmtpClient::isPaused() const
{
    return m_s->paused;
}

QList<TranscriptCommand> SmtpClient::nextStep() const
{
    QList<TranscriptCommand> next;
    if (!m_s->paused)
        return next;
    for (const Outgoing &out : std::as_const(m_s->planned))
        next << SmtpStep::shown(out.entry.command);
    if (m_s->contentStep && !m_s->chunking)
        next << m_s->endOfData;
    return next;
}

SmtpStep::Content SmtpClient::pendingContent() const
{
    SmtpStep::Content content;
    if (!m_s->paused || !m_s->contentStep)
        return content;
    content.present = true;
    content.chunking = m_s->chunking;
    content.size = m_s->contentTotal;
    content.firstLines = SmtpStep::peekLines(m_s->device);
    return content;
}

void SmtpClient::resume()
{
    m_s->paused = false;
    if (m_s->contentStep) {
        m_s->contentStep = false;
        beginContent();
        return;
    }
    writePlanned();
    followPending();
}

void SmtpClient::proceed()
{
    if (m_s->paused && m_s->extraId < 0)
        resume();
}

QString SmtpClient::refuseStep(const QString &reason)
{
    Q_EMIT stepRefused(reason);
    return reason;
}

QString SmtpClient::proceedWith(const QByteArray &line, int index)
{
    if (!m_s->paused)
        return refuseStep(tr("nothing is waiting to be sent"));
    if (m_s->extraId >= 0)
        return refuseStep(tr("the inserted command has not been answered yet"));
    // With CHUNKING the envelope's group goes with the content: its MAIL and RCPT can change,
    // BDAT's size cannot.
    const Kind kind = index >= 0 && index < m_s->planned.size()
                          ? m_s->planned[index].entry.command.kind
                          : Kind::None;
    if (m_s->contentStep && (kind == Kind::None || kind == Kind::Bdat))
        return refuseStep(tr("the message content cannot be edited here"));
    if (kind == Kind::None)
        return refuseStep(tr("this step has no command %1").arg(index + 1));
    Outgoing &out = m_s->planned[index];
    if (kind == Kind::Auth || kind == Kind::AuthContinue)
        return refuseStep(tr("AUTH lines carry credentials: they cannot be edited"));
    if (const QString problem = SmtpStep::refuseLine(line); !problem.isEmpty())
        return refuseStep(problem);
    // Another verb is another command: its reply answers it, not the planned one (a 250 to a
    // NOOP typed over STARTTLS is no refused STARTTLS). It goes first, as Insert sends it, and
    // the planned step waits again, so what the send does next follows only from replies to
    // commands it sent itself.
    const QByteArray planned = SmtpStep::verbOf(out.wire);
    if (const QByteArray typed = SmtpStep::verbOf(line); typed != planned) {
        note(TranscriptEntry::Direction::Info,
             tr("%1 is not %2: it goes now as a command of your own and its reply answers it; "
                "%2 still waits to be sent, edited or stopped")
                 .arg(QString::fromUtf8(typed), QString::fromUtf8(planned)));
        return sendExtra(line);
    }
    out.wire = line + "\r\n";
    out.entry.text = out.entry.command.line = SmtpStep::shownLine(line, false, &out.entry.redacted);
    out.entry.command.origin = CommandOrigin();
    out.entry.command.origin.source = Source::User;
    resume();
    return QString();
}

QString SmtpClient::sendExtra(const QByteArray &line)
{
    if (!m_s->paused)
        return refuseStep(tr("nothing is waiting to be sent"));
    if (m_s->extraId >= 0)
        return refuseStep(tr("the inserted command has not been answered yet"));
    if (insideData())
        return refuseStep(tr("inside the message data a command would become part of the "
                             "message"));
    if (const QString problem = SmtpStep::refuseLine(line); !problem.isEmpty())
        return refuseStep(problem);
    // A line typed in answer to an AUTH challenge carries credentials: never shown.
    bool redacted = false;
    const QString shown = SmtpStep::shownLine(line, m_s->extraChallenged, &redacted);
    const TranscriptCommand extra = makeCommand(SmtpStep::kindOfLine(line), shown, Source::User);
    m_s->extraId = extra.id;
    m_s->awaiting.expectFirst({extra, extra.line, 0, m_clock.elapsed(), true});
    TranscriptEntry entry;
    entry.elapsedMs = m_clock.elapsed();
    entry.direction = TranscriptEntry::Direction::Client;
    entry.text = extra.line;
    entry.redacted = redacted;
    entry.command = extra;
    log(entry);
    writeWire(line + "\r\n");
    armTimer(m_settings.timeouts.command);
    return QString();
}

void SmtpClient::stop()
{
    if (!isBusy())
        return;
    // What was planned never leaves; QUIT is sent now by cancel() where it can be.
    for (const Outgoing &out : std::as_const(m_s->planned)) {
        if (out.entry.command.kind == Kind::Quit)
            m_s->quitSent = false;
    }
    m_s->planned.clear();
    m_s->awaiting.dropUnwritten();
    m_s->paused = false;
    cancel();
}

// ---------------------------------------------------------------------------------------------
// Reading

void SmtpClient::onReadyRead()
{
    if (!m_socket || m_state == State::Finished)
        return;
    if (m_state == State::TlsHandshake || m_state == State::CertificateReview ||
        m_state == State::Connecting)
        return; // read once the handshake is done (onEncrypted() calls back)
    const QByteArray bytes = m_socket->readAll();
    if (bytes.isEmpty())
        return;
    m_s->lastWasRead = true;
    if (!m_s->parser.feed(bytes)) {
        fail(Error::Protocol,
             tr("protocol error %1: %2").arg(stepLabel(m_state), m_s->parser.errorString()));
        return;
    }
    handleReplies(false);
}

void SmtpClient::handleReplies(bool all)
{
    // A send to thousands of recipients gets thousands of pipelined replies in one read, and
    // each one reaches the transcript pane through transcriptEntry() in this thread (the
    // window's): handled in slices of a few milliseconds, the window repaints and answers in
    // between. Order is unchanged: the rest waits in the parser, and a read or a close meanwhile
    // handles what waits first.
    QElapsedTimer slice;
    slice.start();
    // The lines of what was written come before the replies to it.
    if (!logUnlogged(all, &slice)) {
        m_moreReplies->start();
        return;
    }
    while (m_s->parser.hasReply() && m_state != State::Finished && m_socket) {
        if (!all && slice.elapsed() >= ReplySliceMs) {
            m_moreReplies->start();
            break;
        }
        handleReply(m_s->parser.takeReply());
    }
    if (m_state != State::Finished && m_socket &&
        m_socket->state() == QAbstractSocket::ConnectedState)
        flushWrites();
}

void SmtpClient::logReply(const SmtpReply &reply, qint64 latency, const TranscriptCommand &command)
{
    for (const TranscriptEntry &entry : replyEntries(reply, m_clock.elapsed(), latency, command))
        log(entry);
}

QList<TranscriptEntry> SmtpClient::replyEntries(const SmtpReply &reply, qint64 elapsedMs,
                                                qint64 latency, const TranscriptCommand &command)
{
    QList<TranscriptEntry> entries;
    for (qsizetype i = 0; i < reply.lines.size(); ++i) {
        TranscriptEntry entry;
        entry.elapsedMs = elapsedMs;
        entry.direction = TranscriptEntry::Direction::Server;
        entry.text = reply.displayLine(i); // server bytes are never shown raw
        entry.replyCode = reply.code;
        entry.latencyMs = latency;
        entry.lastLineOfReply = i == reply.lines.size() - 1;
        entry.command = command;
        entries << entry;
    }
    return entries;
}

void SmtpClient::handleReply(const SmtpReply &reply)
{
    const ReplyQueue::Match match = m_s->awaiting.match(reply);
    if (match.result == ReplyQueue::Match::Result::NoCommand) {
        logReply(reply, -1, TranscriptCommand());
        if (reply.code == 421) {
            fail(Error::Refused,
                 tr("the server is closing the connection %1: %2")
                     .arg(stepLabel(m_state), reply.toString()),
                 reply);
            return;
        }
        fail(Error::Protocol,
             tr("protocol error %1: unexpected reply \"%2\" to no command")
                 .arg(stepLabel(m_state), reply.toString()),
             reply);
        return;
    }
    const ReplyQueue::Awaited &p = match.awaited;
    const State step = stateFor(p.command.kind).value_or(m_state);
    // The server's own time for this command: from when it was sent, or, for a pipelined
    // command, from when the server finished the one before it.
    const qint64 now = m_clock.elapsed();
    logReply(reply, now - qMax(p.sentAt, m_s->lastReplyAt), p.command);
    m_s->lastReplyAt = now;
    if (match.result == ReplyQueue::Match::Result::WrongKind) {
        // The message was sent and its own reply never came (a server that answers only the
        // QUIT after it, say): fail() reports the delivery as unknown, never as a success.
        failIn(step, Error::Protocol,
               tr("protocol error %1: reply \"%2\" does not answer %3")
                   .arg(stepLabel(step), reply.toString(), p.what),
               reply);
        return;
    }
    if (p.command.kind == Kind::EndOfData || p.command.kind == Kind::Bdat)
        m_s->endOfDataSent = false; // a reply came: whatever it says, delivery is not in doubt
    if (p.command.id == m_s->extraId) {
        // A person's extra command in step mode: its reply is shown, then the planned step
        // waits again.
        m_s->extraId = -1;
        m_s->extraChallenged = reply.code == 334;
        pause();
        return;
    }
    if (reply.code == 421 && p.command.kind != Kind::Quit) {
        // RFC 5321 section 3.8: the server is going away; no QUIT, just close.
        failIn(step, Error::Refused,
               tr("the server closed the session in reply to %1: %2").arg(p.what, reply.toString()),
               reply);
        return;
    }

    SmtpTransaction &transaction = *m_s->transaction;
    switch (p.command.kind) {
    case Kind::Greeting:
        onGreeting(reply);
        break;
    case Kind::Ehlo:
        onEhlo(reply);
        break;
    case Kind::Helo:
        onHelo(reply);
        break;
    case Kind::StartTls:
        onStartTls(reply);
        break;
    case Kind::Auth:
    case Kind::AuthContinue:
        applyAuth(m_s->auth->onReply(reply), reply);
        break;
    case Kind::Mail:
        applyTransaction(transaction.onMail(reply));
        break;
    case Kind::Rcpt: {
        const SmtpTransaction::Step next = transaction.onRecipient(p.index, reply);
        if (next.report)
            Q_EMIT recipientResult(transaction.recipients().at(p.index));
        applyTransaction(next);
        break;
    }
    case Kind::Data:
        applyTransaction(transaction.onData(reply));
        break;
    case Kind::Bdat:
    case Kind::EndOfData:
        applyTransaction(transaction.onEndOfData(reply));
        break;
    case Kind::Rset:
        if (!m_s->quitSent)
            sendQuit();
        followPending();
        break;
    case Kind::Quit:
        // Whatever the server says to QUIT, the session is over.
        m_socket->disconnectFromHost();
        finish(m_s->result);
        break;
    default:
        break;
    }
}

// The one place where the transaction's decisions turn into commands.
void SmtpClient::applyTransaction(const SmtpTransactionStep &step)
{
    const SendResult &verdict = m_s->transaction->verdict();
    switch (step.action) {
    case Action::Wait:
        followPending();
        break;
    case Action::SendRecipient:
        sendRecipient(step.recipient);
        followPending();
        break;
    case Action::SendData:
        setState(State::Data);
        sendLine("DATA", Kind::Data, Source::Message);
        followPending();
        break;
    case Action::StartContent:
        startContent();
        break;
    case Action::EndEmptyMessage:
        plan(".\r\n", makeCommand(Kind::EndOfData, QStringLiteral("."), Source::Message), false, 0,
             tr("the end of an empty message"));
        followPending();
        break;
    case Action::Abort:
        if (verdict.error != Error::NoError) {
            m_s->result.error = verdict.error;
            m_s->result.step = verdict.step;
            m_s->result.message = verdict.message;
            m_s->result.reply = verdict.reply;
        }
        abortTransaction();
        break;
    case Action::Accepted:
        m_s->result.outcome = verdict.outcome;
        m_s->result.error = Error::NoError;
        m_s->result.reply = verdict.reply;
        m_s->result.step = verdict.step;
        m_s->result.queueId = verdict.queueId;
        m_s->result.message = verdict.message;
        m_s->decided = true;
        if (!m_s->quitSent)
            sendQuit();
        followPending();
        break;
    case Action::Refused:
        failAndQuitIn(stateFromName(verdict.step).value_or(State::EndOfData), verdict.error,
                      verdict.message, verdict.reply);
        break;
    }
}

void SmtpClient::onGreeting(const SmtpReply &reply)
{
    if (reply.code == 220) {
        sendEhlo();
        return;
    }
    failAndQuit(Error::Refused,
                tr("the server refused the session in its greeting: %1").arg(reply.toString()),
                reply);
}

void SmtpClient::onEhlo(const SmtpReply &reply)
{
    if (reply.code == 250) {
        m_s->caps = Capabilities::fromEhloReply(reply);
        Q_EMIT capabilitiesReceived(m_s->caps);
        afterEhlo();
    } else if (reply.code == 500 || reply.code == 502) {
        // RFC 5321 section 3.2: a server that does not know EHLO still knows HELO.
        note(TranscriptEntry::Direction::Info,
             tr("the server does not know EHLO; falling back to HELO (no extensions)"));
        m_s->heloFallback = true;
        setState(State::Helo);
        sendLine("HELO " + heloName(), Kind::Helo, Source::EhloName);
        followPending();
    } else {
        failAndQuit(Error::Refused, tr("EHLO refused: %1").arg(reply.toString()), reply);
    }
}

void SmtpClient::onHelo(const SmtpReply &reply)
{
    if (reply.code != 250) {
        failAndQuit(Error::Refused, tr("HELO refused: %1").arg(reply.toString()), reply);
        return;
    }
    m_s->caps = Capabilities();
    Q_EMIT capabilitiesReceived(m_s->caps);
    afterEhlo();
}

void SmtpClient::onStartTls(const SmtpReply &reply)
{
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
            Error::Tls,
            tr("STARTTLS refused: %1; nothing else is sent unencrypted").arg(reply.toString()),
            reply);
    }
}

QString SmtpClient::systemHostName()
{
    QString name = QHostInfo::localHostName();
    const QString domain = QHostInfo::localDomainName();
    if (!name.contains(QLatin1Char('.')) && !domain.isEmpty())
        name += QLatin1Char('.') + domain;
    return name;
}

void SmtpClient::setHostNameLookup(HostNameLookup lookup)
{
    s_hostNameLookup = lookup ? lookup : &SmtpClient::systemHostName;
}

// RFC 5321 section 4.1.4: the client's fully qualified domain name, or when it has none, the
// address literal of its end of this connection. A short name ("vm") is refused by servers
// that check (Postfix's reject_non_fqdn_helo_hostname), a literal never is.
QByteArray SmtpClient::heloName() const
{
    return heloNameFor(m_settings.heloName, m_socket ? m_socket->localAddress() : QHostAddress());
}

QByteArray SmtpClient::heloNameFor(const QString &configured, const QHostAddress &local)
{
    if (!configured.isEmpty())
        return configured.toUtf8();
    const QString name = s_hostNameLookup();
    static const QRegularExpression fqdn(QStringLiteral(
        "^([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]([A-Za-z0-9-]*[A-Za-z0-9])?$"));
    if (fqdn.match(name).hasMatch() && !name.endsWith(QLatin1String(".localdomain")))
        return name.toLatin1();
    QHostAddress address = local;
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // an IPv4-mapped address is IPv4
    if (isV4)
        return '[' + QHostAddress(v4).toString().toLatin1() + ']';
    address.setScopeId(QString()); // "fe80::1%eth0": the zone means nothing to the server
    return "[IPv6:" + address.toString().toLatin1() + ']';
}

void SmtpClient::sendEhlo()
{
    setState(State::Ehlo);
    sendLine("EHLO " + heloName(), Kind::Ehlo, Source::EhloName);
    followPending();
}

void SmtpClient::afterEhlo()
{
    const auto security = m_settings.security;
    const bool offered = m_s->caps.startTls();
    if (!m_s->tlsActive && security == SmtpSettings::Security::StartTls && !offered) {
        failAndQuit(Error::Tls, m_s->heloFallback
                                    ? tr("the server does not speak ESMTP, so it cannot offer "
                                         "STARTTLS, which this account requires; nothing "
                                         "else is sent")
                                    : tr("the server does not offer STARTTLS, which this "
                                         "account requires; nothing else is sent"));
        return;
    }
    if (!m_s->tlsActive && security != SmtpSettings::Security::None &&
        security != SmtpSettings::Security::ImplicitTls && offered) {
        setState(State::StartTls);
        sendLine("STARTTLS", Kind::StartTls, Source::Security);
        followPending();
        return;
    }
    if (!m_s->tlsActive && security == SmtpSettings::Security::StartTlsIfOffered) {
        note(TranscriptEntry::Direction::Error,
             tr("warning: the server does not offer STARTTLS; continuing UNENCRYPTED "
                "as \"STARTTLS if offered\" allows"));
    }
    afterTls();
}

void SmtpClient::afterTls()
{
    const bool stepAlone = m_settings.stepMode && !m_settings.stepKeepsPipelining;
    m_s->pipelining = m_settings.usePipelining && m_s->caps.pipelining() && !stepAlone;
    m_s->chunking = m_settings.useChunking && m_s->caps.chunking();
    if (m_settings.authenticate)
        startAuth();
    else if (m_s->probeOnly)
        probeDone();
    else
        startTransaction();
}

void SmtpClient::probeDone()
{
    m_s->result.outcome = SendResult::Outcome::Success;
    m_s->result.step = stateName(m_state);
    QStringList parts;
    parts << (m_s->tlsActive ? tr("encrypted") : tr("not encrypted"));
    if (m_settings.authenticate)
        parts << tr("authenticated with %1").arg(QString::fromLatin1(m_s->auth->mechanism()));
    m_s->result.message = tr("the account works: %1").arg(parts.join(QStringLiteral(", ")));
    m_s->decided = true;
    sendQuit();
    followPending();
}

// ---------------------------------------------------------------------------------------------
// AUTH (RFC 4954)

void SmtpClient::startAuth()
{
    setState(State::Authenticating);
    const bool canAsk = isSignalConnected(QMetaMethod::fromSignal(&SmtpClient::credentialsNeeded));
    SmtpAuthentication &auth = m_s->auth.emplace(m_settings, canAsk);
    applyAuth(auth.start(m_s->caps, m_s->tlsActive, isLoopbackPeer(), m_s->heloFallback));
}

// The one place where the exchange's decisions turn into lines, questions and the next step.
void SmtpClient::applyAuth(const SmtpAuthStep &step, const SmtpReply &reply)
{
    for (const QString &warning : step.warnings)
        note(TranscriptEntry::Direction::Error, warning);
    if (!step.note.isEmpty())
        note(TranscriptEntry::Direction::Info, step.note);
    switch (step.action) {
    case SmtpAuthStep::Action::Send:
        plan(step.wire + "\r\n",
             makeCommand(step.continuation ? Kind::AuthContinue : Kind::Auth, step.shown,
                         Source::Authentication),
             step.redacted);
        followPending();
        break;
    case SmtpAuthStep::Action::AskCredentials:
        setState(State::AwaitingCredentials);
        m_timer->stop(); // a person is typing; the server's own timeout still applies
        Q_EMIT credentialsNeeded(m_settings.credentials.user, step.message);
        break;
    case SmtpAuthStep::Action::Done:
        if (m_s->probeOnly)
            probeDone();
        else
            startTransaction();
        break;
    case SmtpAuthStep::Action::Fail:
        failAndQuit(Error::Authentication, step.message, reply);
        break;
    }
}

void SmtpClient::provideCredentials(const SaslCredentials &credentials)
{
    if (m_state != State::AwaitingCredentials)
        return;
    setState(State::Authenticating);
    if (credentials.secret.isEmpty()) {
        cancel();
        return;
    }
    m_settings.credentials = credentials;
    applyAuth(m_s->auth->begin(credentials));
    flushWrites();
}

void SmtpClient::refuseCredentials(const QString &why)
{
    if (m_state != State::AwaitingCredentials)
        return;
    setState(State::Authenticating);
    failAndQuit(Error::Authentication, why);
}

// ---------------------------------------------------------------------------------------------
// The mail transaction

void SmtpClient::startTransaction()
{
    setState(State::MailFrom); // preparing the message is part of this step
    const Envelope &envelope = m_s->envelope;
    const Capabilities &caps = m_s->caps;
    if (envelope.needsSmtpUtf8() && !caps.smtpUtf8()) {
        failAndQuit(Error::InvalidInput, tr("an address has non-ASCII characters before the @ and "
                                            "the server does not offer SMTPUTF8 (RFC 6531): %1")
                                             .arg(SmtpTransaction::nonAsciiAddress(envelope)));
        return;
    }
    QString error;
    m_s->device = m_s->source->open(caps, &error);
    if (!m_s->device) {
        failAndQuit(Error::MessageSource, error);
        return;
    }
    m_s->contentTotal = m_s->source->size();
    const qint64 limit = caps.sizeLimit();
    if (limit > 0 && m_s->contentTotal > limit) {
        failAndQuit(Error::Refused, tr("the message (%1 bytes) is larger than the server's SIZE "
                                       "limit of %2 bytes; not sent")
                                        .arg(m_s->contentTotal)
                                        .arg(limit));
        return;
    }
    SmtpTransaction &transaction =
        m_s->transaction.emplace(envelope, caps, m_s->pipelining, m_s->chunking);
    QStringList warnings;
    const SmtpTransaction::Command mail = transaction.mailCommand(
        m_s->contentTotal, m_s->source->needs8BitMime(), m_s->source->needsSmtpUtf8(), &warnings);
    for (const QString &warning : std::as_const(warnings))
        note(TranscriptEntry::Direction::Error, warning);
    if (m_s->pipelining) {
        const int n = int(envelope.recipients.size());
        note(TranscriptEntry::Direction::Info,
             m_s->chunking ? tr("pipelining MAIL, %1 RCPT and BDAT with the message "
                                "(PIPELINING, CHUNKING)")
                                 .arg(n)
                           : tr("pipelining MAIL, %1 RCPT and DATA in one group "
                                "(PIPELINING)")
                                 .arg(n));
    }
    sendCommand(Kind::Mail, mail);
    if (m_s->pipelining) {
        while (transaction.recipientsLeft())
            sendRecipient(transaction.takeRecipient());
        if (m_s->chunking) {
            startContent();
            return;
        }
        sendLine("DATA", Kind::Data, Source::Message);
    }
    followPending();
}

void SmtpClient::sendCommand(Command kind, const SmtpTransaction::Command &command, int index)
{
    TranscriptCommand sent = makeCommand(kind, QString::fromUtf8(command.line), Source::None);
    sent.origin = command.origin;
    plan(command.line + "\r\n", sent, false, index, command.what);
}

void SmtpClient::sendRecipient(int i)
{
    sendCommand(Kind::Rcpt, m_s->transaction->recipientCommand(i), i);
}

// Ends a transaction that will not deliver: RSET (RFC 5321 section 4.1.1.5), then QUIT.
void SmtpClient::abortTransaction()
{
    if (!m_s->awaiting.isEmpty()) {
        followPending(); // more replies of the pipelined group are on their way
        return;
    }
    if (m_s->result.error == Error::NoError)
        m_s->result.error = Error::Refused;
    m_s->result.outcome = SendResult::Outcome::Failure;
    m_s->decided = true;
    setState(State::Reset);
    sendLine("RSET", Kind::Rset, Source::Protocol);
    if (m_s->pipelining)
        sendQuit();
    followPending();
}

// ---------------------------------------------------------------------------------------------
// The message content

// The content is one step: with BDAT its command goes with it (and with the pipelined
// envelope before it); with DATA, after the 354, it ends with the "." planned here.
void SmtpClient::startContent()
{
    if (m_s->chunking) {
        // RFC 3030: the whole message in one chunk, its exact size announced up front.
        const QByteArray bdat = "BDAT " + QByteArray::number(m_s->contentTotal) + " LAST";
        TranscriptCommand command =
            makeCommand(Kind::Bdat, QString::fromLatin1(bdat), Source::Message);
        command.lastChunk = true;
        plan(bdat + "\r\n", command, false, 0, tr("BDAT (the message)"));
    } else {
        m_s->endOfData = makeCommand(Kind::EndOfData, QStringLiteral("."), Source::Message);
    }
    if (m_settings.stepMode) {
        m_s->contentStep = true;
        if (m_s->chunking)
            followPending(); // the state shows the step the group starts with
        pause();
        return;
    }
    beginContent();
}

void SmtpClient::beginContent()
{
    setState(State::Content);
    m_s->pump.emplace(m_s->device, m_s->chunking);
    flushWrites();
    armTimer(m_settings.timeouts.dataBlock);
    pumpContent();
}

void SmtpClient::pumpContent()
{
    if (m_state != State::Content || !m_socket)
        return;
    const ContentPump::Step step = m_s->pump->read(WriteHighWater - m_socket->bytesToWrite());
    for (const QString &line : step.headerLines) {
        TranscriptEntry entry;
        entry.elapsedMs = m_clock.elapsed();
        entry.direction = TranscriptEntry::Direction::Client;
        entry.text = line;
        entry.content = true;
        entry.command.origin.source = Source::Message;
        log(entry);
    }
    switch (step.next) {
    case ContentPump::Step::Next::Failed:
        // The message cannot be completed (an attachment vanished, a file unreadable): never
        // end the data, so the server cannot deliver half a message. fail() closes the
        // connection at once (abort: the "." is never sent).
        fail(Error::MessageSource, tr("the message could not be read while sending: %1; the "
                                      "connection was closed so nothing half-written is "
                                      "delivered")
                                       .arg(step.error));
        return;
    case ContentPump::Step::Next::WaitDevice:
        // A device that produces more later: its readyRead brings us back.
        connect(m_s->device, &QIODevice::readyRead, this, &SmtpClient::pumpContent,
                Qt::UniqueConnection);
        writeWire(step.wire);
        return;
    case ContentPump::Step::Next::Done:
        writeWire(step.wire);
        finishContent();
        return;
    case ContentPump::Step::Next::More:
        writeWire(step.wire);
        return;
    }
}

void SmtpClient::finishContent()
{
    const ContentPump &pump = *m_s->pump;
    const qint64 bodyLines = pump.bodyLines();
    note(TranscriptEntry::Direction::Info,
         tr("… message body: %n lines, %1 bytes in all (headers above) …", nullptr,
            int(qMin(bodyLines, qint64(INT_MAX))))
             .arg(pump.bytesRead()),
         pump.headerText());
    if (m_s->chunking && pump.bytesRead() != m_s->contentTotal) {
        fail(Error::MessageSource, tr("the message was %1 bytes, not the %2 announced in BDAT; "
                                      "the connection was closed")
                                       .arg(pump.bytesRead())
                                       .arg(m_s->contentTotal));
        return;
    }
    if (!m_s->chunking) // CRLF if needed, then ".\r\n"
        plan(m_s->pump->finish(), m_s->endOfData, false, 0, tr("the end of the message data"));
    m_s->endOfDataSent = true;
    // RFC 2920: QUIT may follow the end of data in the same group (not in step mode, where
    // the content is one step and QUIT the next).
    if (m_s->pipelining && !m_s->quitSent && !m_settings.stepMode)
        sendQuit();
    flushWrites();
    setState(State::EndOfData);
    emitProgress(true);
    followPending();
}

void SmtpClient::emitProgress(bool done)
{
    const qint64 read = m_s->pump ? m_s->pump->bytesRead() : 0;
    qint64 sent = done ? m_s->contentTotal : qMax<qint64>(0, read - m_socket->bytesToWrite());
    sent = qBound<qint64>(m_s->progressReported, sent, m_s->contentTotal);
    if (sent == m_s->progressReported && !done)
        return;
    m_s->progressReported = sent;
    m_s->result.bytesSent = sent;
    Q_EMIT progress(sent, m_s->contentTotal);
}

void SmtpClient::onBytesWritten()
{
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
    m_s->quitSent = true;
    sendLine("QUIT", Kind::Quit, Source::Protocol);
}

// Inside the message data a command would become part of the message.
bool SmtpClient::insideData() const
{
    return m_state == State::Content || (m_s->contentStep && !m_s->chunking);
}

// QUIT at once, bypassing the plan: the session ends now, politely.
void SmtpClient::quitNow()
{
    TranscriptEntry entry;
    entry.elapsedMs = m_clock.elapsed();
    entry.direction = TranscriptEntry::Direction::Client;
    entry.text = QStringLiteral("QUIT");
    entry.command = makeCommand(Kind::Quit, entry.text, Source::Protocol);
    m_socket->write("QUIT\r\n");
    m_socket->flush(); // hand it to the system now: the program may end right after this
    m_s->quitSent = true;
    log(entry);
}

void SmtpClient::failAndQuit(Error error, const QString &message, const SmtpReply &reply)
{
    failAndQuitIn(m_state, error, message, reply);
}

void SmtpClient::failAndQuitIn(State step, Error error, const QString &message,
                               const SmtpReply &reply)
{
    // A refusal leaves the connection usable: say goodbye properly, then report.
    SendResult &result = m_s->result;
    result.outcome = SendResult::Outcome::Failure;
    result.error = error;
    result.step = stateName(step);
    result.message = message;
    result.reply = reply;
    note(TranscriptEntry::Direction::Error, message);
    m_s->reasonNoted = true;
    m_s->decided = true;
    if (m_state == State::Content) {
        // A command now would land inside the message being written (an early reply to
        // BDAT): the only clean way out is to close the connection.
        finish(result);
        return;
    }
    if (!m_s->quitSent && m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
        sendQuit();
        flushWrites();
        followPending();
        return;
    }
    finish(result);
}

void SmtpClient::fail(Error error, const QString &message, const SmtpReply &reply)
{
    failIn(m_state, error, message, reply);
}

void SmtpClient::failIn(State step, Error error, const QString &message, const SmtpReply &reply)
{
    if (m_state == State::Finished)
        return;
    if (m_s->decided && m_s->result.delivered()) {
        // The message was accepted; whatever goes wrong at QUIT (a drop, garbage, a reply of
        // the wrong kind) cannot undo that.
        note(TranscriptEntry::Direction::Error, message);
        m_s->reasonNoted = true;
        finish(m_s->result);
        return;
    }
    SendResult result = m_s->result;
    result.outcome = SendResult::Outcome::Failure;
    result.error = error;
    result.step = stateName(step);
    result.message = message;
    if (reply.isValid())
        result.reply = reply;
    if (m_s->endOfDataSent && error != Error::MessageSource) {
        // RFC 5321 section 4.1.1.4 and RFC 1047: the server may have taken the message.
        result.outcome = SendResult::Outcome::DeliveryUnknown;
        const Kind unanswered =
            m_s->awaiting.isEmpty() ? Kind::EndOfData : m_s->awaiting.front().command.kind;
        result.message =
            message +
            (unanswered == Kind::EndOfData || unanswered == Kind::Bdat || unanswered == Kind::Quit
                 ? tr("; the message was completely sent but the server's reply "
                      "never came, so it may or may not have been delivered (do not "
                      "simply resend: check first)")
                 : tr("; the whole message had already gone out, pipelined behind "
                      "the commands still unanswered, so it may or may not have been "
                      "delivered (do not simply resend: check first)"));
    } else if (error == Error::Cancelled) {
        result.outcome = SendResult::Outcome::Cancelled;
    }
    note(TranscriptEntry::Direction::Error, result.message);
    m_s->reasonNoted = true;
    finish(result);
}

void SmtpClient::onTimeout()
{
    if (handleWaitingReplies() || m_timer->isActive())
        return; // what waited ended the session, or answered and armed the next wait
    if (!isBusy() || (m_s->paused && m_s->extraId < 0))
        return; // a person decides: no timeout (but an inserted command's reply has one)
    if (m_state == State::Quit && m_s->decided) {
        note(TranscriptEntry::Direction::Info, tr("no reply to QUIT; closing the connection"));
        finish(m_s->result);
        return;
    }
    const QString what = m_s->awaiting.isEmpty() ? stepLabel(m_state) : m_s->awaiting.front().what;
    const QString seconds = QString::number(m_timer->interval() / 1000.0);
    fail(Error::Timeout,
         m_state == State::Content
             ? tr("timeout %1: the server took no data for %2 s").arg(stepLabel(m_state), seconds)
         : m_state == State::Connecting ? tr("timeout %1: no connection to %2 port %3 within %4 s")
                                              .arg(stepLabel(m_state), m_settings.host)
                                              .arg(m_settings.port)
                                              .arg(seconds)
         : m_state == State::TlsHandshake
             ? tr("timeout %1: the TLS handshake did not finish within %2 s")
                   .arg(stepLabel(m_state), seconds)
             : tr("timeout %1: no reply to %2 within %3 s")
                   .arg(stepLabel(m_state), what)
                   .arg(seconds));
}

void SmtpClient::cancel()
{
    if (!isBusy())
        return;
    const bool canQuit = m_socket && m_socket->state() == QAbstractSocket::ConnectedState &&
                         !insideData() && m_state != State::TlsHandshake &&
                         m_state != State::CertificateReview && !m_s->quitSent;
    if (m_s->decided) {
        // The outcome is known (e.g. the message was accepted and only QUIT's reply is
        // missing): stopping now must not turn a delivered message into a cancelled one.
        if (canQuit)
            quitNow();
        note(TranscriptEntry::Direction::Info,
             tr("stopped by the user while waiting for the end of the session"));
        finish(m_s->result);
        return;
    }
    // Between commands the session can be ended politely without waiting for an answer;
    // finish() then closes gracefully, so the QUIT really leaves.
    if (canQuit)
        quitNow();
    fail(Error::Cancelled, tr("cancelled by the user %1").arg(stepLabel(m_state)));
}

void SmtpClient::onDisconnected()
{
    if (m_state == State::Finished)
        return;
    if (handleWaitingReplies())
        return;
    if (m_s->decided && (m_s->quitSent || m_state == State::Quit)) {
        finish(m_s->result);
        return;
    }
    // Name the command whose reply is missing: with a pipelined envelope that can be MAIL
    // although the whole message has gone (failIn() says what that means for delivery).
    fail(Error::ConnectionLost,
         m_s->awaiting.waiting()
             ? tr("the server closed the connection %1, before it answered %2")
                   .arg(stepLabel(m_state), m_s->awaiting.front().what)
             : tr("the server closed the connection %1").arg(stepLabel(m_state)));
}

bool SmtpClient::handleWaitingReplies()
{
    // Replies that came before a close, an error or a timeout and wait for their slice are part
    // of the dialogue (a 250 for the message among them decides the delivery).
    if ((m_s->parser.hasReply() || !m_s->unlogged.isEmpty()) && m_socket)
        handleReplies(true);
    return m_state == State::Finished;
}

void SmtpClient::onSocketError()
{
    if (m_state == State::Finished || !m_socket || handleWaitingReplies())
        return;
    const auto error = m_socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError) {
        // onDisconnected() reports it, with the step.
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            onDisconnected();
        return;
    }
    if (m_state == State::Connecting) {
        fail(Error::ConnectFailed, tr("cannot connect to %1 port %2: %3")
                                       .arg(m_settings.host)
                                       .arg(m_settings.port)
                                       .arg(m_socket->errorString()));
        return;
    }
    if (error == QAbstractSocket::SslHandshakeFailedError ||
        error == QAbstractSocket::SslInternalError ||
        error == QAbstractSocket::SslInvalidUserDataError || m_state == State::TlsHandshake) {
        fail(Error::Tls, tr("TLS failed %1: %2").arg(stepLabel(m_state), m_socket->errorString()));
        return;
    }
    if (m_s->decided && m_s->quitSent) {
        finish(m_s->result);
        return;
    }
    fail(Error::ConnectionLost,
         tr("connection lost %1: %2").arg(stepLabel(m_state), m_socket->errorString()));
}

void SmtpClient::finish(SendResult result)
{
    if (m_state == State::Finished)
        return;
    logUnlogged(true); // what was written is part of the story, before it ends
    m_timer->stop();
    m_moreReplies->stop();
    m_s->paused = false;
    m_s->planned.clear();
    result.recipients =
        m_s->transaction ? m_s->transaction->recipients() : QList<RecipientResult>();
    result.elapsedMs = m_clock.elapsed();
    result.roundTrips = m_s->turns + 1; // the greeting is the first wait
    if (result.bytesSent == 0)
        result.bytesSent = m_s->progressReported;
    if (result.step.isEmpty())
        result.step = stateName(m_state);
    result.stepLabel = stepLabel(result.step);
    if (m_socket) {
        QSslSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        if (socket->state() != QAbstractSocket::UnconnectedState) {
            if (result.delivered() || m_s->quitSent)
                socket->disconnectFromHost();
            else
                socket->abort();
        }
        socket->deleteLater();
    }
    m_s->device = nullptr;
    setState(State::Finished);
    if (!result.delivered() && result.error != Error::NoError)
        Q_EMIT errorOccurred(result.error, result.message);
    if (result.delivered() || result.outcome == SendResult::Outcome::Success)
        note(TranscriptEntry::Direction::Info, result.message);
    else if (!m_s->reasonNoted)
        note(TranscriptEntry::Direction::Error, result.message);
    Q_EMIT finished(result);
}

QString SendResult::stepVerb() const
{
    static const QList<std::pair<QLatin1String, QLatin1String>> commands = {
        {QLatin1String("Ehlo"), QLatin1String("EHLO")},
        {QLatin1String("Helo"), QLatin1String("HELO")},
        {QLatin1String("StartTls"), QLatin1String("STARTTLS")},
        {QLatin1String("Authenticating"), QLatin1String("AUTH")},
        {QLatin1String("MailFrom"), QLatin1String("MAIL")},
        {QLatin1String("RcptTo"), QLatin1String("RCPT")},
        {QLatin1String("Data"), QLatin1String("DATA")},
        {QLatin1String("EndOfData"), QLatin1String(".")},
        {QLatin1String("Reset"), QLatin1String("RSET")},
        {QLatin1String("Quit"), QLatin1String("QUIT")},
    };
    for (const auto &[name, command] : commands) {
        if (step == name)
            return command;
    }
    return QString(); // the greeting answers no command
}
