#include "sandbox/sandboxsession.h"

#include "smtp/tlstrustdecision.h"

#include "sandbox/mailstore.h"
#include "sandbox/sandboxpathparser.h"
#include "smtp/printable.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSslCipher>
#include <QSslSocket>
#include <QTimer>

namespace {

// Command lines are text: control characters (other than tab) and bytes that are not
// UTF-8 mean the client is not speaking SMTP to us.
bool isBinary(const QByteArray &line)
{
    for (const char c : line) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return true;
    }
    return !line.isValidUtf8();
}

QByteArray chomp(const QByteArray &line)
{
    QByteArray out = line;
    if (out.endsWith('\n'))
        out.chop(1);
    if (out.endsWith('\r'))
        out.chop(1);
    return out;
}

QString lineForPeople(const QByteArray &line)
{
    return QString::fromUtf8(line);
}

} // namespace

SandboxSession::SandboxSession(quint64 id, QSslSocket *socket, const Config &config,
                               MailStore *store, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_socket(socket)
    , m_config(config)
    , m_store(store)
    , m_delayTimer(new QTimer(this))
    , m_idleTimer(new QTimer(this))
    , m_auth(config.credentials, config.hostName)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(ReadChunk);
    m_delayTimer->setSingleShot(true);
    m_idleTimer->setSingleShot(true);
    connect(m_delayTimer, &QTimer::timeout, this, &SandboxSession::onDelayElapsed);
    connect(m_idleTimer, &QTimer::timeout, this, &SandboxSession::onIdleTimeout);
    connect(m_socket, &QSslSocket::readyRead, this, &SandboxSession::onReadyRead);
    connect(m_socket, &QSslSocket::encrypted, this, &SandboxSession::onEncrypted);
    connect(m_socket, &QSslSocket::disconnected, this, &SandboxSession::onDisconnected);
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (e == QAbstractSocket::RemoteHostClosedError || m_state == State::Closing)
            return;
        note(TranscriptEntry::Direction::Error,
             tr("connection error: %1").arg(m_socket->errorString()));
        if (m_state == State::TlsHandshake)
            closeNow(tr("TLS handshake failed"));
    });
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            note(TranscriptEntry::Direction::Tls, QStringLiteral("TLS: %1").arg(e.errorString()));
    });
    if (m_store) {
        connect(m_store, &MailStore::contentWritten, this, [this] {
            if (m_waitingForDisk)
                processInput();
        });
    }
    m_peer = m_socket->peerAddress().toString() + QLatin1Char(':') +
             QString::number(m_socket->peerPort());
}

SandboxSession::~SandboxSession() = default;

void SandboxSession::note(TranscriptEntry::Direction direction, const QString &text, bool redacted,
                          const QString &details)
{
    TranscriptEntry entry;
    entry.elapsedMs = m_clock.elapsed();
    entry.direction = direction;
    entry.text = text;
    entry.redacted = redacted;
    entry.details = details;
    record(entry);
}

void SandboxSession::record(const TranscriptEntry &entry)
{
    if (m_transcript.size() < TranscriptHead) {
        m_transcript << entry;
    } else {
        m_transcriptTail << entry;
        if (m_transcriptTail.size() > TranscriptTail) {
            m_transcriptTail.removeFirst();
            ++m_transcriptLeftOut;
        }
    }
    // Live views see every entry; they bound what they keep themselves.
    Q_EMIT transcriptEntry(m_id, entry);
}

QList<TranscriptEntry> SandboxSession::transcript() const
{
    QList<TranscriptEntry> all = m_transcript;
    if (m_transcriptLeftOut > 0) {
        TranscriptEntry gap;
        gap.elapsedMs = m_transcriptTail.first().elapsedMs;
        gap.direction = TranscriptEntry::Direction::Info;
        // No template arguments inside the call: lupdate's parser loops forever on them.
        const int leftOut = m_transcriptLeftOut > INT_MAX ? INT_MAX : int(m_transcriptLeftOut);
        gap.text = QCoreApplication::translate(
            "SandboxSession", "%n transcript lines left out here to bound its size", nullptr,
            leftOut);
        all << gap;
    }
    all << m_transcriptTail;
    return all;
}

void SandboxSession::start()
{
    m_clock.start();
    m_idleTimer->start(m_config.behaviour.idleTimeoutMs);
    note(TranscriptEntry::Direction::Info, tr("connection from %1").arg(m_peer));
    const QByteArray host = m_config.hostName.toUtf8();
    if (m_config.behaviour.greeting421) {
        reply(421, "4.3.2",
              host + " Service not available (sandbox behaviour: answer 421), closing connection",
              After::Close);
        return;
    }
    reply(220, nullptr, host + " ESMTP Postwire sandbox ready");
}

void SandboxSession::reply(int code, const char *enhanced, const QByteArray &text, After after)
{
    replyLines(code, enhanced, {text}, after);
}

void SandboxSession::reply(const SandboxReply &decided)
{
    reply(decided.code, decided.enhanced.isEmpty() ? nullptr : decided.enhanced.constData(),
          decided.text);
    if (decided.countsError)
        countError();
}

SandboxSession::PendingReply SandboxSession::makeReply(int code, const char *enhanced,
                                                       const QList<QByteArray> &lines,
                                                       After after) const
{
    // Enhanced codes only where the client was told about them (RFC 2034 section 3).
    const bool withEnhanced = enhanced && m_extended &&
                              m_config.behaviour.advertises(QStringLiteral("ENHANCEDSTATUSCODES"));
    PendingReply pending;
    pending.code = code;
    pending.after = after;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = QByteArray::number(code) + (i + 1 < lines.size() ? '-' : ' ');
        if (withEnhanced)
            line += QByteArray(enhanced) + ' ';
        line += lines.at(i);
        pending.lines << line;
        pending.wire += line + "\r\n";
    }
    return pending;
}

void SandboxSession::replyLines(int code, const char *enhanced, const QList<QByteArray> &lines,
                                After after)
{
    const PendingReply pending = makeReply(code, enhanced, lines, after);
    if (m_config.behaviour.delayMs > 0 || m_busy) {
        m_delayed << pending;
        m_busy = true;
        if (!m_delayTimer->isActive())
            m_delayTimer->start(m_config.behaviour.delayMs);
        return;
    }
    sendReply(pending);
}

void SandboxSession::sendReply(const PendingReply &pending)
{
    if (m_state == State::Closing)
        return;
    m_socket->write(pending.wire);
    const qint64 now = m_clock.elapsed();
    for (qsizetype i = 0; i < pending.lines.size(); ++i) {
        TranscriptEntry entry;
        entry.elapsedMs = now;
        entry.direction = TranscriptEntry::Direction::Server;
        entry.text = QString::fromUtf8(pending.lines.at(i));
        entry.latencyMs = now - m_commandTime;
        entry.replyCode = pending.code;
        entry.lastLineOfReply = i + 1 == pending.lines.size();
        record(entry);
    }
    switch (pending.after) {
    case After::Continue:
        break;
    case After::Close:
        m_state = State::Closing;
        m_socket->disconnectFromHost();
        break;
    case After::StartTls:
        // Anything pipelined after STARTTLS arrived in plain text and must not be taken
        // as coming through TLS (RFC 3207 section 4.2; the CVE-2011-0411 family), whether
        // already taken from the socket or still waiting in it.
        if (const qint64 plain = m_reader.available() + m_socket->bytesAvailable(); plain > 0)
            note(TranscriptEntry::Direction::Info,
                 tr("discarded %1 bytes the client sent after STARTTLS in plain text").arg(plain));
        m_reader.clear();
        m_socket->readAll();
        m_state = State::TlsHandshake;
        m_socket->setSslConfiguration(m_config.tls);
        note(TranscriptEntry::Direction::Tls, tr("starting the TLS handshake"));
        m_socket->startServerEncryption();
        break;
    }
}

void SandboxSession::onDelayElapsed()
{
    if (m_delayed.isEmpty()) {
        m_busy = false;
        return;
    }
    const PendingReply pending = m_delayed.takeFirst();
    sendReply(pending);
    if (!m_delayed.isEmpty()) {
        m_delayTimer->start(m_config.behaviour.delayMs);
        return;
    }
    m_busy = false;
    processInput();
}

void SandboxSession::onReadyRead()
{
    if (m_state == State::Closing) {
        m_socket->readAll();
        return;
    }
    m_idleTimer->start(m_config.behaviour.idleTimeoutMs);
    processInput();
}

void SandboxSession::onEncrypted()
{
    const QSslCipher cipher = m_socket->sessionCipher();
    m_tlsDescription = TlsTrustDecision::protocolName(m_socket->sessionProtocol()) +
                       QLatin1Char(' ') + cipher.name();
    note(TranscriptEntry::Direction::Tls, tr("TLS established: %1").arg(m_tlsDescription));
    // RFC 3207 section 4.2: the session starts over; the client must say EHLO again.
    m_tlsActive = true;
    m_helo.clear();
    m_extended = false;
    m_authUser.clear();
    m_authMechanismName.clear();
    m_txn = Transaction();
    m_state = State::Command;
    processInput();
}

void SandboxSession::onDisconnected()
{
    if (m_finished)
        return;
    m_finished = true;
    m_idleTimer->stop();
    m_delayTimer->stop();
    if (m_state == State::Data || m_state == State::Bdat || m_txn.bdatStarted)
        note(TranscriptEntry::Direction::Info,
             tr("the client disconnected in the middle of the message: nothing stored"));
    else if (m_state != State::Closing)
        note(TranscriptEntry::Direction::Info, tr("the client closed the connection"));
    else
        note(TranscriptEntry::Direction::Info, tr("connection closed"));
    m_state = State::Closing;
    m_txn.content.reset(); // an unfinished message's file goes now, not when the session does
    if (m_store) {
        for (const QString &id : std::as_const(m_deliveredIds))
            m_store->updateTranscript(id, transcript());
    }
    Q_EMIT finished(m_id);
    deleteLater();
}

void SandboxSession::onIdleTimeout()
{
    if (m_state == State::Closing)
        return;
    m_commandTime = m_clock.elapsed();
    m_busy = false;
    m_delayed.clear();
    m_delayTimer->stop();
    // At once, whatever delay the behaviour puts before replies: the session is over.
    sendReply(makeReply(421, "4.4.2", {m_config.hostName.toUtf8() + " Error: timeout exceeded"},
                        After::Close));
}

void SandboxSession::closeNow(const QString &why)
{
    if (m_state == State::Closing)
        return;
    note(TranscriptEntry::Direction::Info, why);
    m_state = State::Closing;
    m_busy = false;
    m_delayed.clear();
    m_socket->abort();
    // abort() emits disconnected() only when the socket was connected.
    if (!m_finished)
        onDisconnected();
}

void SandboxSession::countError()
{
    if (++m_errors < MaxErrors)
        return;
    reply(421, "4.7.0", m_config.hostName.toUtf8() + " Too many errors, closing connection",
          After::Close);
}

bool SandboxSession::pullInput()
{
    // A bounded piece at a time: what the client sends stays in the socket (and the kernel)
    // until the session can use it.
    // A disk slower than the client: nothing more is read until the writer catches up.
    m_waitingForDisk = m_txn.content && m_txn.content->backlog() > MaxContentBacklog;
    if (m_waitingForDisk)
        return false;
    const qint64 n = qMin(m_socket->bytesAvailable(), ReadChunk);
    if (n <= 0)
        return false;
    m_reader.append(m_socket->read(n));
    noteBuffered();
    return true;
}

void SandboxSession::noteBuffered()
{
    const qint64 held = m_reader.capacity() + m_socket->bytesAvailable() +
                        m_txn.dataHead.capacity() + (m_txn.content ? m_txn.content->backlog() : 0);
    m_peakBuffered = qMax(m_peakBuffered, held);
}

void SandboxSession::processInput()
{
    if (m_processing)
        return;
    m_processing = true;
    while (!m_busy && !m_storing && m_state != State::Closing && m_state != State::TlsHandshake) {
        if (m_state == State::Bdat) {
            if (m_txn.bdatRemaining > 0) {
                const QByteArray chunk = m_reader.take(m_txn.bdatRemaining);
                if (chunk.isEmpty()) {
                    if (pullInput())
                        continue;
                    break;
                }
                m_txn.bdatRemaining -= chunk.size();
                if (m_txn.bdatError.code == 0) {
                    const qint64 limit = m_config.behaviour.sizeLimit > 0
                                             ? qMin(m_config.behaviour.sizeLimit, HardSizeLimit)
                                             : HardSizeLimit;
                    if (m_txn.dataSize + chunk.size() > limit) {
                        m_txn.dataTooBig = true;
                        m_txn.content.reset(); // refused in any case: the disk space goes now
                    } else if (!m_txn.dataTooBig) {
                        appendContent(chunk.constData(), chunk.size());
                    }
                }
            }
            if (m_txn.bdatRemaining == 0)
                finishBdatChunk();
            continue;
        }
        if (m_state == State::Data && m_config.behaviour.lenientEndOfData) {
            if (handleLenientData())
                continue;
            if (pullInput())
                continue;
            break;
        }
        if (m_swallowLf && m_reader.available() > 0) {
            m_swallowLf = false;
            if (const QByteArray first = m_reader.take(1); first != "\n")
                m_reader.unread(first);
        }
        const qsizetype limit = m_state == State::Data               ? MaxTextLine
                                : m_state == State::AuthContinuation ? MaxAuthLine
                                                                     : MaxCommandLine;
        QByteArray line;
        const SandboxLineReader::Result result = m_reader.next(limit, &line);
        if (result == SandboxLineReader::Result::NeedMore) {
            if (pullInput())
                continue;
            break;
        }
        if (result == SandboxLineReader::Result::TooLong) {
            if (m_state == State::Data) {
                m_txn.dataLineTooLong = true;
                m_txn.content.reset(); // the message will be refused: its file goes now
                m_txn.atLineStart = true;
                continue;
            }
            m_commandTime = m_clock.elapsed();
            note(TranscriptEntry::Direction::Client,
                 QStringLiteral("<a line of %1 bytes, longer than the limit of %2: discarded>")
                     .arg(m_reader.lastDropped())
                     .arg(limit));
            if (m_state == State::AuthContinuation) {
                m_state = State::Command;
                m_auth.cancel();
            }
            reply(500, "5.5.6", "Line too long (RFC 5321 section 4.5.3.1)");
            countError();
            continue;
        }
        switch (m_state) {
        case State::Command:
            handleCommand(line);
            break;
        case State::AuthContinuation:
            handleAuthLine(line);
            break;
        case State::Data:
            handleDataLine(line);
            break;
        default:
            break;
        }
    }
    m_processing = false;
}

void SandboxSession::handleCommand(const QByteArray &rawLine)
{
    m_commandTime = m_clock.elapsed();
    const QByteArray line = chomp(rawLine);
    if (isBinary(line)) {
        note(TranscriptEntry::Direction::Client,
             QStringLiteral("<%1 bytes of binary data>").arg(rawLine.size()));
        reply(500, "5.5.2", "Syntax error: binary data where a command was expected");
        countError();
        return;
    }
    const qsizetype space = line.indexOf(' ');
    const QByteArray verb = (space < 0 ? line : line.left(space)).toUpper();
    const QByteArray args = space < 0 ? QByteArray() : line.mid(space + 1);
    if (verb == "AUTH") {
        const QList<QByteArray> parts = args.split(' ');
        const bool secret = parts.size() > 1;
        note(TranscriptEntry::Direction::Client,
             QStringLiteral("AUTH ") + QString::fromUtf8(parts.value(0)) +
                 (secret ? QStringLiteral(" ****") : QString()),
             secret);
    } else {
        note(TranscriptEntry::Direction::Client, lineForPeople(line));
    }
    if (!m_config.behaviour.closeAfter.isEmpty() &&
        verb == m_config.behaviour.closeAfter.toUpper().toLatin1()) {
        closeNow(tr("dropping the connection on %1 (sandbox behaviour: close after "
                    "a command)")
                     .arg(QString::fromLatin1(verb)));
        return;
    }
    if (verb == "EHLO") {
        cmdEhlo(args, true);
    } else if (verb == "HELO") {
        cmdEhlo(args, false);
    } else if (verb == "STARTTLS") {
        cmdStartTls(args);
    } else if (verb == "AUTH") {
        cmdAuth(args);
    } else if (verb == "MAIL") {
        cmdMail(args);
    } else if (verb == "RCPT") {
        cmdRcpt(args);
    } else if (verb == "DATA") {
        cmdData(args);
    } else if (verb == "BDAT") {
        cmdBdat(args);
    } else if (verb == "RSET") {
        if (!args.isEmpty()) {
            reply(501, "5.5.4", "Syntax: RSET takes no arguments");
            return;
        }
        m_txn = Transaction();
        reply(250, "2.0.0", "Ok");
    } else if (verb == "NOOP") {
        reply(250, "2.0.0", "Ok");
    } else if (verb == "VRFY") {
        if (args.trimmed().isEmpty()) {
            reply(501, "5.5.4", "Syntax: VRFY address");
            return;
        }
        reply(252, "2.5.0", "Cannot VRFY user, but will accept message and attempt delivery");
    } else if (verb == "EXPN") {
        reply(502, "5.5.1", "EXPN not implemented");
    } else if (verb == "HELP") {
        reply(214, "2.0.0", "Postwire sandbox: commands as in RFC 5321");
    } else if (verb == "QUIT") {
        if (!args.isEmpty()) {
            reply(501, "5.5.4", "Syntax: QUIT takes no arguments");
            return;
        }
        reply(221, "2.0.0", m_config.hostName.toUtf8() + " Bye", After::Close);
    } else if (verb.isEmpty()) {
        reply(500, "5.5.2", "Syntax error: empty command");
        countError();
    } else {
        reply(500, "5.5.1", "Command unrecognized: \"" + verb.left(32) + '"');
        countError();
    }
}

void SandboxSession::cmdEhlo(const QByteArray &args, bool extended)
{
    const QByteArray name = args.trimmed();
    if (name.isEmpty() || name.contains(' ')) {
        reply(501, "5.5.4", extended ? "Syntax: EHLO hostname" : "Syntax: HELO hostname");
        return;
    }
    m_txn = Transaction();
    m_helo = QString::fromUtf8(name);
    m_extended = extended;
    const QByteArray host = m_config.hostName.toUtf8();
    const QByteArray greeting =
        host + " Hello " + name + " [" + m_socket->peerAddress().toString().toUtf8() + ']';
    if (!extended) {
        reply(250, nullptr, greeting);
        return;
    }
    const SandboxBehaviour &b = m_config.behaviour;
    QList<QByteArray> lines{greeting};
    if (b.advertises(QStringLiteral("SIZE")))
        lines << (b.sizeLimit > 0 ? QByteArray("SIZE " + QByteArray::number(b.sizeLimit))
                                  : QByteArray("SIZE"));
    for (const char *keyword :
         {"PIPELINING", "8BITMIME", "SMTPUTF8", "CHUNKING", "ENHANCEDSTATUSCODES", "DSN"}) {
        if (b.advertises(QLatin1String(keyword)))
            lines << QByteArray(keyword);
    }
    if (b.advertises(QStringLiteral("STARTTLS")) && !m_tlsActive &&
        !m_config.tls.localCertificate().isNull())
        lines << "STARTTLS";
    // Like submission servers that refuse AUTH in plain text, AUTH waits for TLS when TLS
    // is required, and off loopback.
    if (b.advertises(QStringLiteral("AUTH")) &&
        !SandboxAuth::needsTls(m_tlsActive, b.requireStartTls, m_socket->localAddress()))
        lines << "AUTH PLAIN LOGIN CRAM-MD5";
    replyLines(250, nullptr, lines);
}

void SandboxSession::cmdStartTls(const QByteArray &args)
{
    if (!args.isEmpty()) {
        reply(501, "5.5.4", "Syntax: STARTTLS takes no arguments");
    } else if (!m_config.behaviour.advertises(QStringLiteral("STARTTLS"))) {
        reply(502, "5.5.1", "STARTTLS not offered (sandbox behaviour)");
    } else if (m_config.tls.localCertificate().isNull()) {
        reply(454, "4.7.0", "TLS not available: the sandbox has no certificate");
    } else if (m_tlsActive) {
        reply(503, "5.5.1", "TLS already active");
    } else {
        reply(220, "2.0.0", "Ready to start TLS", After::StartTls);
    }
}

void SandboxSession::cmdAuth(const QByteArray &args)
{
    const QList<QByteArray> parts = args.split(' ');
    const QByteArray mechanism = parts.value(0).toUpper();
    if (!m_config.behaviour.advertises(QStringLiteral("AUTH"))) {
        reply(502, "5.5.1", "AUTH not offered (sandbox behaviour)");
        return;
    }
    if (m_helo.isEmpty() || !m_extended) {
        reply(503, "5.5.1", "Send EHLO first");
        return;
    }
    if (SandboxAuth::needsTls(m_tlsActive, m_config.behaviour.requireStartTls,
                              m_socket->localAddress())) {
        reply(530, "5.7.0", "Must issue a STARTTLS command first");
        return;
    }
    if (!m_authUser.isEmpty()) {
        reply(503, "5.5.1", "Already authenticated");
        return;
    }
    if (m_txn.haveMail) {
        reply(503, "5.5.1", "AUTH not permitted during a mail transaction");
        return;
    }
    if (mechanism.isEmpty() || parts.size() > 2) {
        reply(501, "5.5.4", "Syntax: AUTH mechanism [initial-response]");
        return;
    }
    applyAuthStep(
        m_auth.start(mechanism, parts.size() == 2 ? std::optional(parts.at(1)) : std::nullopt));
}

void SandboxSession::handleAuthLine(const QByteArray &rawLine)
{
    m_commandTime = m_clock.elapsed();
    const QByteArray line = chomp(rawLine);
    note(TranscriptEntry::Direction::Client,
         line == "*" ? QStringLiteral("*") : QStringLiteral("****"), line != "*");
    applyAuthStep(m_auth.respond(line));
}

void SandboxSession::applyAuthStep(const SandboxAuth::Step &step)
{
    m_state =
        step.outcome == SandboxAuth::Outcome::Continue ? State::AuthContinuation : State::Command;
    if (step.outcome == SandboxAuth::Outcome::Authenticated) {
        m_authUser = m_auth.user();
        m_authMechanismName = m_auth.mechanismName();
        note(TranscriptEntry::Direction::Info,
             tr("authenticated as %1 with %2").arg(m_authUser, m_authMechanismName));
    }
    reply(step.reply);
}

bool SandboxSession::checkAccessForMail(const char *verb)
{
    if (m_helo.isEmpty()) {
        reply(503, "5.5.1", QByteArray("Send EHLO or HELO before ") + verb);
        return false;
    }
    if (m_config.behaviour.requireStartTls && !m_tlsActive) {
        reply(530, "5.7.0", "Must issue a STARTTLS command first (sandbox behaviour)");
        return false;
    }
    if (m_config.behaviour.requireAuth && m_authUser.isEmpty()) {
        reply(530, "5.7.0", "Authentication required (sandbox behaviour)");
        return false;
    }
    return true;
}

void SandboxSession::cmdMail(const QByteArray &args)
{
    if (!checkAccessForMail("MAIL"))
        return;
    if (m_txn.haveMail) {
        reply(503, "5.5.1", "Nested MAIL command: send RSET first");
        return;
    }
    const SandboxPathParser::Result path =
        SandboxPathParser::parse(SandboxPathParser::Command::Mail, args, m_config.behaviour);
    if (!path.ok()) {
        reply(path.error);
        return;
    }
    m_txn.haveMail = true;
    m_txn.mailFrom = path.address;
    m_txn.mailParameters = path.parameters;
    m_txn.smtpUtf8 = path.smtpUtf8;
    reply(250, "2.1.0", "Ok");
}

void SandboxSession::cmdRcpt(const QByteArray &args)
{
    if (!m_txn.haveMail) {
        reply(503, "5.5.1", "Need MAIL command before RCPT");
        return;
    }
    const SandboxPathParser::Result path = SandboxPathParser::parse(
        SandboxPathParser::Command::Rcpt, args, m_config.behaviour, m_txn.smtpUtf8);
    if (!path.ok()) {
        reply(path.error);
        return;
    }
    const SandboxBehaviour &b = m_config.behaviour;
    if (b.isRejected(path.address)) {
        reply(550, "5.1.1",
              "<" + path.address.toUtf8() +
                  ">: Recipient address rejected (sandbox behaviour: reject "
                  "recipients matching a pattern)");
        return;
    }
    if (b.isDeferred(path.address)) {
        if (b.deferCode == 450)
            reply(450, "4.2.1",
                  "<" + path.address.toUtf8() +
                      ">: Mailbox temporarily unavailable, try again later "
                      "(sandbox behaviour)");
        else
            reply(451, "4.3.0",
                  "<" + path.address.toUtf8() +
                      ">: Temporary local problem, try again later (sandbox "
                      "behaviour)");
        return;
    }
    if (m_txn.rcptTo.size() >= m_config.behaviour.maxRecipients) {
        reply(452, "4.5.3", "Too many recipients");
        return;
    }
    m_txn.rcptTo << path.address;
    m_txn.rcptParameters << path.parameters.join(QLatin1Char(' '));
    reply(250, "2.1.5", "Ok");
}

void SandboxSession::cmdData(const QByteArray &args)
{
    if (!args.isEmpty()) {
        reply(501, "5.5.4", "Syntax: DATA takes no arguments");
    } else if (!m_txn.haveMail) {
        reply(503, "5.5.1", "Need MAIL command before DATA");
    } else if (m_txn.bdatStarted) {
        reply(503, "5.5.1", "DATA not allowed after BDAT: finish with BDAT n LAST or RSET");
    } else if (m_txn.rcptTo.isEmpty()) {
        reply(554, "5.5.1", "No valid recipients");
    } else if (QByteArray error; !beginContent(&error)) {
        reply(451, "4.3.0", "Cannot store the message: " + error);
    } else {
        m_txn.dataLines = 0;
        m_txn.atLineStart = true;
        m_state = State::Data;
        reply(354, nullptr, "End data with <CR><LF>.<CR><LF>");
    }
}

void SandboxSession::cmdBdat(const QByteArray &args)
{
    const QList<QByteArray> parts = args.split(' ');
    bool ok = false;
    const qint64 size = parts.value(0).toLongLong(&ok);
    const bool last = parts.size() == 2 && parts.at(1).toUpper() == "LAST";
    if (!ok || size < 0 || parts.size() > 2 || (parts.size() == 2 && !last)) {
        // Without a size the chunk cannot be skipped; the bytes will show up as junk.
        reply(501, "5.5.4", "Syntax: BDAT size [LAST]");
        countError();
        return;
    }
    // RFC 3030 section 2: the chunk is read even when it will be refused.
    m_txn.bdatRemaining = size;
    m_txn.bdatLast = last;
    SandboxReply &error = m_txn.bdatError;
    error = {};
    if (!m_config.behaviour.advertises(QStringLiteral("CHUNKING"))) {
        error = {502, "5.5.1", "BDAT not offered (sandbox behaviour)"};
    } else if (!m_txn.haveMail) {
        error = {503, "5.5.1", "Need MAIL command before BDAT"};
    } else if (m_txn.rcptTo.isEmpty()) {
        error = {554, "5.5.1", "No valid recipients"};
    } else if (QByteArray why; !m_txn.bdatStarted && !beginContent(&why)) {
        error = {451, "4.3.0", "Cannot store the message: " + why};
    } else {
        m_txn.bdatStarted = true;
    }
    m_state = State::Bdat;
    note(TranscriptEntry::Direction::Info, tr("reading a chunk of %1 bytes").arg(size));
}

void SandboxSession::finishBdatChunk()
{
    m_state = State::Command;
    m_commandTime = m_clock.elapsed();
    if (m_txn.bdatError.code != 0) {
        reply(m_txn.bdatError);
        return;
    }
    if (m_txn.dataTooBig) {
        m_txn = Transaction();
        reply(552, "5.3.4", "Message size exceeds fixed limit; transaction aborted");
        return;
    }
    if (!m_txn.bdatLast) {
        reply(250, "2.0.0", QByteArray::number(m_txn.dataSize) + " octets received so far");
        return;
    }
    if (m_config.behaviour.closeAfter.toUpper() == QLatin1String("DOT")) {
        closeNow(tr("dropping the connection after the last chunk, before the reply "
                    "(sandbox behaviour: close after DOT)"));
        return;
    }
    endOfData();
}

void SandboxSession::handleDataLine(const QByteArray &line)
{
    const bool lineStart = m_txn.atLineStart;
    m_txn.atLineStart = line.endsWith("\r\n");
    if (lineStart && line == ".\r\n") {
        dataEnded();
        return;
    }
    ++m_txn.dataLines;
    // Dot-unstuffing (RFC 5321 section 4.5.2): only at the start of a CRLF-delimited line.
    const qsizetype skip = (lineStart && line.startsWith('.')) ? 1 : 0;
    const qint64 limit = m_config.behaviour.sizeLimit > 0
                             ? qMin(m_config.behaviour.sizeLimit, HardSizeLimit)
                             : HardSizeLimit;
    if (!m_txn.dataTooBig && m_txn.dataSize + line.size() - skip > limit) {
        m_txn.dataTooBig = true;
        m_txn.content.reset(); // refused in any case: the disk space goes now
    }
    if (!m_txn.dataTooBig)
        appendContent(line.constData() + skip, line.size() - skip);
}

void SandboxSession::dataEnded()
{
    m_state = State::Command;
    m_commandTime = m_clock.elapsed();
    note(TranscriptEntry::Direction::Client, QStringLiteral("."));
    if (m_config.behaviour.closeAfter.toUpper() == QLatin1String("DOT")) {
        closeNow(tr("dropping the connection on the final \".\", before the reply "
                    "(sandbox behaviour: close after DOT)"));
        return;
    }
    endOfData();
}

// A line ending here is CRLF, a bare LF or a bare CR, and "." between two of them ends the
// data: what a server open to SMTP smuggling did. Whatever follows the end is read as
// commands, which is the point of the behaviour.
bool SandboxSession::handleLenientData()
{
    if (m_reader.available() == 0)
        return false;
    const QByteArray bytes = m_reader.take(m_reader.available());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    if (m_swallowLf) {
        m_swallowLf = false;
        if (bytes.startsWith('\n'))
            i = 1;
    }
    qsizetype from = i;
    const qint64 limit = m_config.behaviour.sizeLimit > 0
                             ? qMin(m_config.behaviour.sizeLimit, HardSizeLimit)
                             : HardSizeLimit;
    const auto keep = [&](qsizetype to) {
        const qsizetype size = to - from;
        if (size <= 0)
            return;
        if (!m_txn.dataTooBig && m_txn.dataSize + size > limit) {
            m_txn.dataTooBig = true;
            m_txn.content.reset();
        }
        if (!m_txn.dataTooBig)
            appendContent(bytes.constData() + from, size);
    };
    for (; i < n; ++i) {
        const char c = bytes[i];
        if (m_txn.atLineStart && c == '.') {
            if (i + 1 >= n) {
                // "." alone so far: the next byte says whether it ends the data.
                keep(i);
                m_txn.dataTail = QByteArray(m_txn.dataTail).append(bytes.left(i)).right(2);
                m_reader.unread(bytes.mid(i));
                return i > 0;
            }
            const char next = bytes[i + 1];
            if (next == '\r' || next == '\n') {
                keep(i);
                qsizetype after = i + 2;
                if (next == '\r' && after < n && bytes[after] == '\n')
                    ++after;
                else if (next == '\r' && after >= n)
                    m_swallowLf = true;
                const QByteArray before = QByteArray(m_txn.dataTail).append(bytes.left(i)).right(2);
                const QByteArray end = QByteArray(before).append(bytes.mid(i, after - i));
                if (!end.endsWith("\r\n.\r\n")) {
                    note(TranscriptEntry::Direction::Info,
                         tr("the data ended at \"%1\": a strict server keeps this as "
                            "content (sandbox behaviour: lenient end of data, as "
                            "servers open to SMTP smuggling read it)")
                             .arg(printableText(end)));
                }
                m_reader.unread(bytes.mid(after));
                m_txn.atLineStart = true;
                dataEnded();
                return true;
            }
            // Dot-unstuffing, at the start of any line this server sees.
            keep(i);
            from = i + 1;
            m_txn.atLineStart = false;
            continue;
        }
        m_txn.atLineStart = c == '\n' || c == '\r';
        if (c == '\n')
            ++m_txn.dataLines;
    }
    keep(n);
    m_txn.dataTail = QByteArray(m_txn.dataTail).append(bytes.right(2)).right(2);
    return true;
}

bool SandboxSession::beginContent(QByteArray *error)
{
    m_txn.content.reset();
    m_txn.dataSize = 0;
    m_txn.dataHead.clear();
    m_txn.dataTooBig = false;
    // Without a store nothing is kept: the bytes are only counted.
    if (!m_store)
        return true;
    QString why;
    m_txn.content = m_store->beginMessage(&why);
    if (m_txn.content)
        return true;
    note(TranscriptEntry::Direction::Error, why);
    *error = why.toUtf8();
    return false;
}

void SandboxSession::appendContent(const char *bytes, qsizetype size)
{
    m_txn.dataSize += size;
    // Enough to find a header end that starts within the summary's length.
    const qsizetype room = SummaryHead + 3 - m_txn.dataHead.size();
    if (room > 0)
        m_txn.dataHead.append(bytes, qMin(room, size));
    // A failed write (a full disk) fails the commit at the end: the message is refused.
    if (m_txn.content)
        m_txn.content->write(bytes, size);
}

void SandboxSession::endOfData()
{
    const qsizetype headerEnd = m_txn.dataHead.indexOf("\r\n\r\n");
    const QByteArray headers =
        m_txn.dataHead.left(headerEnd < 0 ? SummaryHead : qMin(headerEnd, SummaryHead));
    note(TranscriptEntry::Direction::Info,
         tr("message data: %1 bytes%2")
             .arg(m_txn.dataSize)
             .arg(m_txn.bdatStarted ? QStringLiteral(" in chunks")
                                    : QStringLiteral(", %1 lines").arg(m_txn.dataLines)),
         false, QString::fromUtf8(headers));
    if (m_txn.dataLineTooLong) {
        m_txn = Transaction();
        reply(500, "5.5.6",
              "Message has a line longer than 1000 octets (RFC 5321 section "
              "4.5.3.1.6): not accepted");
        return;
    }
    if (m_txn.dataTooBig) {
        m_txn = Transaction();
        reply(552, "5.3.4", "Message size exceeds fixed limit");
        return;
    }
    if (m_config.behaviour.rejectData) {
        m_txn = Transaction();
        reply(554, "5.6.0", "Message rejected (sandbox behaviour: reject after data)");
        return;
    }
    deliver();
}

void SandboxSession::deliver()
{
    StoredMessage message;
    message.id = MailStore::createId();
    message.received = QDateTime::currentDateTime();
    message.mailFrom = m_txn.mailFrom;
    message.rcptTo = m_txn.rcptTo;
    message.mailParameters = m_txn.mailParameters;
    message.rcptParameters = m_txn.rcptParameters;
    message.size = m_txn.dataSize;
    message.helo = m_helo;
    message.peer = m_peer;
    message.tls = m_tlsDescription;
    message.authMechanism = m_authMechanismName;
    message.authUser = m_authUser;
    message.transferCommand = m_txn.bdatStarted ? QStringLiteral("BDAT") : QStringLiteral("DATA");
    message.sessionId = m_id;
    // RFC 3848's protocol names say what the session had: UTF8 / TLS (S) / AUTH (A).
    QString with = m_txn.smtpUtf8 ? QStringLiteral("UTF8SMTP")
                   : m_extended   ? QStringLiteral("ESMTP")
                                  : QStringLiteral("SMTP");
    if (m_tlsActive)
        with += QLatin1Char('S');
    if (!m_authUser.isEmpty())
        with += QLatin1Char('A');
    message.receivedHeader =
        QStringLiteral(
            "Received: from %1 (%2)\r\n\tby %3 (Postwire sandbox) with %4 id %5%6;\r\n\t%7")
            .arg(m_helo, m_socket->peerAddress().toString(), m_config.hostName, with, message.id,
                 m_txn.rcptTo.size() == 1
                     ? QStringLiteral("\r\n\tfor <%1>").arg(m_txn.rcptTo.first())
                     : QString(),
                 message.received.toString(Qt::RFC2822Date));
    message.transcript = transcript();
    MailStore::IncomingFile content = std::move(m_txn.content);
    m_txn = Transaction();
    if (!m_store || !content) {
        onStored(message, m_store ? tr("Sandbox inbox: the message was not kept") : QString());
        return;
    }
    // Nothing more is read until the store says the message is durable: the 250 promises
    // that, and replies go out in order.
    m_storing = true;
    m_store->commit(message, std::move(content), this,
                    [this](const StoredMessage &stored, const QString &error) {
                        m_storing = false;
                        onStored(stored, error);
                        processInput();
                    });
}

void SandboxSession::onStored(const StoredMessage &message, const QString &error)
{
    if (!error.isEmpty()) {
        note(TranscriptEntry::Direction::Error, error);
        reply(452, "4.3.1", "Insufficient system storage: " + error.toUtf8());
        return;
    }
    if (m_store) {
        m_deliveredIds << message.id;
        // The client left while the message was being stored: the session's whole transcript
        // is known now.
        if (m_finished)
            m_store->updateTranscript(message.id, transcript());
    }
    Q_EMIT messageReceived(m_id, message);
    reply(250, "2.0.0", "Ok: queued as " + message.id.toUtf8());
}
