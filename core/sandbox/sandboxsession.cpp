#include "sandbox/sandboxsession.h"

#include "sandbox/mailstore.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSslCipher>
#include <QSslSocket>
#include <QStringDecoder>
#include <QTimer>

namespace {

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    return !decoder.hasError();
}

// Command lines are text: control characters (other than tab) and bytes that are not
// UTF-8 mean the client is not speaking SMTP to us.
bool isBinary(const QByteArray &line)
{
    for (const char c : line) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return true;
    }
    return !isValidUtf8(line);
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

QString protocolName(const QSslSocket *socket)
{
    switch (socket->sessionProtocol()) {
    case QSsl::TlsV1_3:
        return QStringLiteral("TLSv1.3");
    case QSsl::TlsV1_2:
        return QStringLiteral("TLSv1.2");
    default:
        return QStringLiteral("TLS");
    }
}

struct PathParse
{
    QString address;
    QList<QByteArray> parameters;
    QByteArray error; // enhanced code and text of a 501 when the path is unusable
};

// "<local@domain> PARAM=value ..." after "FROM:" or "TO:" (RFC 5321 section 4.1.2).
PathParse parsePath(QByteArray args, bool isSender)
{
    PathParse result;
    const QByteArray bad =
        isSender ? "5.1.7 Bad sender address syntax" : "5.1.3 Bad recipient address syntax";
    args = args.trimmed(); // a space after the colon is common enough to accept
    if (!args.startsWith('<')) {
        result.error = bad + (isSender ? ": use MAIL FROM:<address>" : ": use RCPT TO:<address>");
        return result;
    }
    qsizetype end = -1;
    bool quoted = false;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const char c = args.at(i);
        if (quoted && c == '\\') {
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && c == '>') {
            end = i;
            break;
        }
    }
    if (end < 0) {
        result.error = bad + ": missing '>'";
        return result;
    }
    QByteArray path = args.mid(1, end - 1);
    const QByteArray rest = args.mid(end + 1);
    if (!rest.isEmpty() && !rest.startsWith(' ')) {
        result.error = bad + ": text after '>'";
        return result;
    }
    // A source route (@a,@b:) is obsolete and ignored (RFC 5321 section 4.1.1.3 and C).
    if (path.startsWith('@')) {
        const qsizetype colon = path.indexOf(':');
        if (colon < 0) {
            result.error = bad;
            return result;
        }
        path = path.mid(colon + 1);
    }
    for (const QByteArray &p : rest.split(' ')) {
        if (!p.isEmpty())
            result.parameters << p;
    }
    if (path.isEmpty()) {
        if (!isSender)
            result.error = bad + ": empty recipient";
        return result;
    }
    if (!isValidUtf8(path)) {
        result.error = bad + ": not UTF-8";
        return result;
    }
    const QString address = QString::fromUtf8(path);
    if (!isSender && address.compare(QLatin1String("postmaster"), Qt::CaseInsensitive) == 0) {
        result.address = address;
        return result;
    }
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == address.size() - 1) {
        result.error = bad + ": expected local-part@domain";
        return result;
    }
    const QString local = address.left(at);
    const QString domain = address.mid(at + 1);
    const bool localQuoted =
        local.startsWith(QLatin1Char('"')) && local.endsWith(QLatin1Char('"')) && local.size() >= 2;
    for (const QChar c : local) {
        if (c.unicode() < 0x21 && !(localQuoted && c == QLatin1Char(' '))) {
            result.error = bad + ": space or control character in the local part";
            return result;
        }
    }
    if (!localQuoted && (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.')) ||
                         local.contains(QLatin1String("..")))) {
        result.error = bad + ": misplaced '.' in the local part";
        return result;
    }
    if (domain.startsWith(QLatin1Char('['))) {
        if (!domain.endsWith(QLatin1Char(']'))) {
            result.error = bad + ": unterminated address literal";
            return result;
        }
    } else {
        for (const QString &label : domain.split(QLatin1Char('.'))) {
            if (label.isEmpty() || label.startsWith(QLatin1Char('-')) ||
                label.endsWith(QLatin1Char('-'))) {
                result.error = bad + ": invalid domain";
                return result;
            }
            for (const QChar c : label) {
                if (c.unicode() < 0x80 && !c.isLetterOrNumber() && c != QLatin1Char('-')) {
                    result.error = bad + ": invalid character in the domain";
                    return result;
                }
            }
        }
    }
    result.address = address;
    return result;
}

bool isXtext(const QByteArray &value)
{
    if (value.isEmpty())
        return false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value.at(i);
        if (c < 33 || c > 126 || c == '=')
            return false;
        if (c == '+') {
            const QByteArray hex = value.mid(i + 1, 2);
            if (hex.size() != 2 || hex.toUpper() != hex)
                return false;
            bool ok = false;
            hex.toInt(&ok, 16);
            if (!ok)
                return false;
            i += 2;
        }
    }
    return true;
}

bool hasNonAscii(const QString &s)
{
    for (const QChar c : s) {
        if (c.unicode() >= 0x80)
            return true;
    }
    return false;
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
             QStringLiteral("connection error: %1").arg(m_socket->errorString()));
        if (m_state == State::TlsHandshake)
            closeNow(QStringLiteral("TLS handshake failed"));
    });
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            note(TranscriptEntry::Direction::Tls, QStringLiteral("TLS: %1").arg(e.errorString()));
    });
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
    m_transcript << entry;
    Q_EMIT transcriptEntry(m_id, entry);
}

void SandboxSession::start()
{
    m_clock.start();
    m_idleTimer->start(m_config.behaviour.idleTimeoutMs);
    note(TranscriptEntry::Direction::Info, QStringLiteral("connection from %1").arg(m_peer));
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

void SandboxSession::replyLines(int code, const char *enhanced, const QList<QByteArray> &lines,
                                After after)
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
        m_transcript << entry;
        Q_EMIT transcriptEntry(m_id, entry);
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
                 QStringLiteral("discarded %1 bytes the client sent after STARTTLS in plain text")
                     .arg(plain));
        m_reader.clear();
        m_socket->readAll();
        m_state = State::TlsHandshake;
        m_socket->setSslConfiguration(m_config.tls);
        note(TranscriptEntry::Direction::Tls, QStringLiteral("starting the TLS handshake"));
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
    m_tlsDescription = protocolName(m_socket) + QLatin1Char(' ') + cipher.name();
    note(TranscriptEntry::Direction::Tls,
         QStringLiteral("TLS established: %1").arg(m_tlsDescription));
    // RFC 3207 section 4.2: the session starts over; the client must say EHLO again.
    m_tlsActive = true;
    m_helo.clear();
    m_extended = false;
    m_authUser.clear();
    m_authMechanismName.clear();
    resetTransaction();
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
    if (m_state == State::Data || m_state == State::Bdat || m_bdatStarted)
        note(
            TranscriptEntry::Direction::Info,
            QStringLiteral("the client disconnected in the middle of the message: nothing stored"));
    else if (m_state != State::Closing)
        note(TranscriptEntry::Direction::Info, QStringLiteral("the client closed the connection"));
    else
        note(TranscriptEntry::Direction::Info, QStringLiteral("connection closed"));
    m_state = State::Closing;
    m_content.reset(); // an unfinished message's file goes now, not when the session does
    if (m_store) {
        for (const QString &id : std::as_const(m_deliveredIds))
            m_store->updateTranscript(id, m_transcript);
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
    const int saved = m_config.behaviour.delayMs;
    m_config.behaviour.delayMs = 0;
    reply(421, "4.4.2", m_config.hostName.toUtf8() + " Error: timeout exceeded", After::Close);
    m_config.behaviour.delayMs = saved;
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
    const qint64 n = qMin(m_socket->bytesAvailable(), ReadChunk);
    if (n <= 0)
        return false;
    m_reader.append(m_socket->read(n));
    noteBuffered();
    return true;
}

void SandboxSession::noteBuffered()
{
    const qint64 held = m_reader.capacity() + m_socket->bytesAvailable() + m_dataHead.capacity();
    m_peakBuffered = qMax(m_peakBuffered, held);
}

void SandboxSession::processInput()
{
    if (m_processing)
        return;
    m_processing = true;
    while (!m_busy && m_state != State::Closing && m_state != State::TlsHandshake) {
        if (m_state == State::Bdat) {
            if (m_bdatRemaining > 0) {
                const QByteArray chunk = m_reader.take(m_bdatRemaining);
                if (chunk.isEmpty()) {
                    if (pullInput())
                        continue;
                    break;
                }
                m_bdatRemaining -= chunk.size();
                if (m_bdatErrorCode == 0) {
                    const qint64 limit = m_config.behaviour.sizeLimit > 0
                                             ? qMin(m_config.behaviour.sizeLimit, HardSizeLimit)
                                             : HardSizeLimit;
                    if (m_dataSize + chunk.size() > limit) {
                        m_dataTooBig = true;
                        m_content.reset(); // refused in any case: the disk space goes now
                    } else if (!m_dataTooBig) {
                        appendContent(chunk.constData(), chunk.size());
                    }
                }
            }
            if (m_bdatRemaining == 0)
                finishBdatChunk();
            continue;
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
                m_dataLineTooLong = true;
                m_content.reset(); // the message will be refused: its file goes now
                m_atLineStart = true;
                continue;
            }
            m_commandTime = m_clock.elapsed();
            note(TranscriptEntry::Direction::Client,
                 QStringLiteral("<a line of %1 bytes, longer than the limit of %2: discarded>")
                     .arg(m_reader.lastDropped())
                     .arg(limit));
            if (m_state == State::AuthContinuation) {
                m_state = State::Command;
                m_authMechanism = AuthMechanism::None;
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
        closeNow(QStringLiteral("dropping the connection on %1 (sandbox behaviour: close after "
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
        resetTransaction();
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

void SandboxSession::resetTransaction()
{
    m_haveMail = false;
    m_mailFrom.clear();
    m_mailParameters.clear();
    m_smtpUtf8 = false;
    m_rcptTo.clear();
    m_rcptParameters.clear();
    m_content.reset();
    m_dataSize = 0;
    m_dataHead.clear();
    m_dataLines = 0;
    m_dataTooBig = false;
    m_dataLineTooLong = false;
    m_atLineStart = true;
    m_bdatRemaining = 0;
    m_bdatLast = false;
    m_bdatStarted = false;
    m_bdatError.clear();
    m_bdatErrorCode = 0;
    m_bdatErrorResets = false;
}

void SandboxSession::cmdEhlo(const QByteArray &args, bool extended)
{
    const QByteArray name = args.trimmed();
    if (name.isEmpty() || name.contains(' ')) {
        reply(501, "5.5.4", extended ? "Syntax: EHLO hostname" : "Syntax: HELO hostname");
        return;
    }
    resetTransaction();
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
    // is required.
    if (b.advertises(QStringLiteral("AUTH")) && (m_tlsActive || !b.requireStartTls))
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
    if (m_config.behaviour.requireStartTls && !m_tlsActive) {
        reply(530, "5.7.0", "Must issue a STARTTLS command first");
        return;
    }
    if (!m_authUser.isEmpty()) {
        reply(503, "5.5.1", "Already authenticated");
        return;
    }
    if (m_haveMail) {
        reply(503, "5.5.1", "AUTH not permitted during a mail transaction");
        return;
    }
    if (mechanism.isEmpty() || parts.size() > 2) {
        reply(501, "5.5.4", "Syntax: AUTH mechanism [initial-response]");
        return;
    }
    if (mechanism == "PLAIN") {
        m_authMechanism = AuthMechanism::Plain;
    } else if (mechanism == "LOGIN") {
        m_authMechanism = AuthMechanism::Login;
    } else if (mechanism == "CRAM-MD5") {
        m_authMechanism = AuthMechanism::CramMd5;
    } else {
        reply(504, "5.5.4", "Unrecognized authentication type");
        return;
    }
    m_authMechanismName = QString::fromLatin1(mechanism);
    m_authStep = 0;
    m_authLogin.clear();
    m_state = State::AuthContinuation;
    if (parts.size() == 2) {
        if (m_authMechanism == AuthMechanism::CramMd5) {
            m_state = State::Command;
            m_authMechanism = AuthMechanism::None;
            reply(501, "5.5.4", "CRAM-MD5 takes no initial response");
            return;
        }
        // "=" is an empty initial response (RFC 4954 section 4).
        handleAuthLine(parts.at(1) == "=" ? QByteArray() : parts.at(1));
        return;
    }
    switch (m_authMechanism) {
    case AuthMechanism::Plain:
        reply(334, nullptr, "");
        break;
    case AuthMechanism::Login:
        reply(334, nullptr, QByteArray("Username:").toBase64());
        break;
    case AuthMechanism::CramMd5:
        m_cramChallenge = '<' + QByteArray::number(QRandomGenerator::global()->generate()) + '.' +
                          QByteArray::number(QDateTime::currentSecsSinceEpoch()) + '@' +
                          m_config.hostName.toUtf8() + '>';
        reply(334, nullptr, m_cramChallenge.toBase64());
        break;
    case AuthMechanism::None:
        break;
    }
}

void SandboxSession::handleAuthLine(const QByteArray &rawLine)
{
    // Called with the initial response from the AUTH command too; that one is logged already.
    const bool fromWire = rawLine.endsWith('\n');
    const QByteArray line = chomp(rawLine);
    if (fromWire) {
        m_commandTime = m_clock.elapsed();
        note(TranscriptEntry::Direction::Client,
             line == "*" ? QStringLiteral("*") : QStringLiteral("****"), line != "*");
    }
    if (line == "*") {
        m_state = State::Command;
        m_authMechanism = AuthMechanism::None;
        reply(501, "5.7.0", "Authentication cancelled");
        return;
    }
    const auto decoded =
        QByteArray::fromBase64Encoding(line, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        m_state = State::Command;
        m_authMechanism = AuthMechanism::None;
        reply(501, "5.5.2", "Invalid base64 in the AUTH exchange");
        countError();
        return;
    }
    authStep(*decoded);
}

void SandboxSession::authStep(const QByteArray &decoded)
{
    const QByteArray user = m_config.credentials.user.toUtf8();
    const QByteArray password = m_config.credentials.password.toUtf8();
    switch (m_authMechanism) {
    case AuthMechanism::Plain: {
        const QList<QByteArray> fields = decoded.split('\0');
        const bool ok = fields.size() == 3 && fields.at(1) == user && fields.at(2) == password &&
                        !password.isEmpty() && (fields.at(0).isEmpty() || fields.at(0) == user);
        m_authLogin = fields.value(1);
        authDone(ok);
        return;
    }
    case AuthMechanism::Login:
        if (m_authStep == 0) {
            m_authLogin = decoded;
            m_authStep = 1;
            reply(334, nullptr, QByteArray("Password:").toBase64());
            return;
        }
        authDone(m_authLogin == user && decoded == password && !password.isEmpty());
        return;
    case AuthMechanism::CramMd5: {
        const qsizetype space = decoded.lastIndexOf(' ');
        m_authLogin = decoded.left(space);
        const QByteArray expected =
            QMessageAuthenticationCode::hash(m_cramChallenge, password, QCryptographicHash::Md5)
                .toHex();
        authDone(space > 0 && m_authLogin == user && !password.isEmpty() &&
                 decoded.mid(space + 1).toLower() == expected);
        return;
    }
    case AuthMechanism::None:
        break;
    }
}

void SandboxSession::authDone(bool ok)
{
    m_state = State::Command;
    m_authMechanism = AuthMechanism::None;
    if (ok) {
        m_authUser = QString::fromUtf8(m_authLogin);
        note(TranscriptEntry::Direction::Info,
             QStringLiteral("authenticated as %1 with %2").arg(m_authUser, m_authMechanismName));
        reply(235, "2.7.0", "Authentication successful");
    } else {
        m_authMechanismName.clear();
        reply(535, "5.7.8", "Authentication credentials invalid");
        countError();
    }
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
    if (m_haveMail) {
        reply(503, "5.5.1", "Nested MAIL command: send RSET first");
        return;
    }
    if (!args.toUpper().startsWith("FROM:")) {
        reply(501, "5.5.4", "Syntax: MAIL FROM:<address>");
        countError();
        return;
    }
    const PathParse path = parsePath(args.mid(5), true);
    if (!path.error.isEmpty()) {
        reply(501, path.error.left(5).constData(), path.error.mid(6));
        countError();
        return;
    }
    const SandboxBehaviour &b = m_config.behaviour;
    QStringList parameters;
    QSet<QByteArray> seen;
    bool smtpUtf8 = false;
    for (const QByteArray &p : path.parameters) {
        const qsizetype eq = p.indexOf('=');
        const QByteArray key = (eq < 0 ? p : p.left(eq)).toUpper();
        const QByteArray value = eq < 0 ? QByteArray() : p.mid(eq + 1);
        if (seen.contains(key)) {
            reply(501, "5.5.4", "Parameter given twice: " + key);
            return;
        }
        seen.insert(key);
        if (key == "SIZE" && b.advertises(QStringLiteral("SIZE"))) {
            bool ok = false;
            const qint64 size = value.toLongLong(&ok);
            if (!ok || size < 0) {
                reply(501, "5.5.4", "Syntax: SIZE=number");
                return;
            }
            if (b.sizeLimit > 0 && size > b.sizeLimit) {
                reply(552, "5.3.4",
                      "Message size exceeds fixed limit of " + QByteArray::number(b.sizeLimit) +
                          " bytes");
                return;
            }
        } else if (key == "BODY") {
            const QByteArray body = value.toUpper();
            if (body != "7BIT" &&
                !(body == "8BITMIME" && b.advertises(QStringLiteral("8BITMIME")))) {
                reply(555, "5.5.4", "Unsupported BODY type: " + value);
                return;
            }
        } else if (key == "SMTPUTF8" && value.isEmpty() &&
                   b.advertises(QStringLiteral("SMTPUTF8"))) {
            smtpUtf8 = true;
        } else if ((key == "RET" || key == "ENVID") && b.advertises(QStringLiteral("DSN"))) {
            const bool ok = key == "RET" ? (value.toUpper() == "FULL" || value.toUpper() == "HDRS")
                                         : (isXtext(value) && value.size() <= 100);
            if (!ok) {
                reply(501, "5.5.4", "Syntax error in parameter " + key);
                return;
            }
        } else if (key == "AUTH" && b.advertises(QStringLiteral("AUTH"))) {
            // RFC 4954 section 5: accepted, and not trusted without authentication.
        } else {
            reply(555, "5.5.4", "Unsupported parameter: " + key.left(32));
            return;
        }
        parameters << QString::fromUtf8(key) +
                          (eq < 0 ? QString() : QLatin1Char('=') + QString::fromUtf8(value));
    }
    if (hasNonAscii(path.address) && !smtpUtf8) {
        reply(553, "5.6.7", "Non-ASCII address needs the SMTPUTF8 parameter");
        return;
    }
    m_haveMail = true;
    m_mailFrom = path.address;
    m_mailParameters = parameters;
    m_smtpUtf8 = smtpUtf8;
    reply(250, "2.1.0", "Ok");
}

void SandboxSession::cmdRcpt(const QByteArray &args)
{
    if (!m_haveMail) {
        reply(503, "5.5.1", "Need MAIL command before RCPT");
        return;
    }
    if (!args.toUpper().startsWith("TO:")) {
        reply(501, "5.5.4", "Syntax: RCPT TO:<address>");
        countError();
        return;
    }
    const PathParse path = parsePath(args.mid(3), false);
    if (!path.error.isEmpty()) {
        reply(501, path.error.left(5).constData(), path.error.mid(6));
        countError();
        return;
    }
    const SandboxBehaviour &b = m_config.behaviour;
    QStringList parameters;
    QSet<QByteArray> seen;
    for (const QByteArray &p : path.parameters) {
        const qsizetype eq = p.indexOf('=');
        const QByteArray key = (eq < 0 ? p : p.left(eq)).toUpper();
        const QByteArray value = eq < 0 ? QByteArray() : p.mid(eq + 1);
        if (seen.contains(key)) {
            reply(501, "5.5.4", "Parameter given twice: " + key);
            return;
        }
        seen.insert(key);
        if (key == "NOTIFY" && b.advertises(QStringLiteral("DSN"))) {
            const QList<QByteArray> items = value.toUpper().split(',');
            bool ok = !value.isEmpty();
            for (const QByteArray &item : items) {
                if (item != "SUCCESS" && item != "FAILURE" && item != "DELAY" &&
                    !(item == "NEVER" && items.size() == 1))
                    ok = false;
            }
            if (!ok) {
                reply(501, "5.5.4", "Syntax: NOTIFY=NEVER or a list of SUCCESS,FAILURE,DELAY");
                return;
            }
        } else if (key == "ORCPT" && b.advertises(QStringLiteral("DSN"))) {
            const qsizetype semi = value.indexOf(';');
            if (semi <= 0 || !isXtext(value.mid(semi + 1))) {
                reply(501, "5.5.4", "Syntax: ORCPT=addr-type;xtext");
                return;
            }
        } else {
            reply(555, "5.5.4", "Unsupported parameter: " + key.left(32));
            return;
        }
        parameters << QString::fromUtf8(p);
    }
    if (hasNonAscii(path.address) && !m_smtpUtf8) {
        reply(553, "5.6.7", "Non-ASCII address needs SMTPUTF8 in MAIL FROM");
        return;
    }
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
    if (m_rcptTo.size() >= MaxRecipients) {
        reply(452, "4.5.3", "Too many recipients");
        return;
    }
    m_rcptTo << path.address;
    m_rcptParameters << parameters.join(QLatin1Char(' '));
    reply(250, "2.1.5", "Ok");
}

void SandboxSession::cmdData(const QByteArray &args)
{
    if (!args.isEmpty()) {
        reply(501, "5.5.4", "Syntax: DATA takes no arguments");
    } else if (!m_haveMail) {
        reply(503, "5.5.1", "Need MAIL command before DATA");
    } else if (m_bdatStarted) {
        reply(503, "5.5.1", "DATA not allowed after BDAT: finish with BDAT n LAST or RSET");
    } else if (m_rcptTo.isEmpty()) {
        reply(554, "5.5.1", "No valid recipients");
    } else if (QByteArray error; !beginContent(&error)) {
        reply(451, "4.3.0", "Cannot store the message: " + error);
    } else {
        m_dataLines = 0;
        m_atLineStart = true;
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
    m_bdatRemaining = size;
    m_bdatLast = last;
    m_bdatErrorCode = 0;
    m_bdatError.clear();
    m_bdatErrorResets = false;
    if (!m_config.behaviour.advertises(QStringLiteral("CHUNKING"))) {
        m_bdatErrorCode = 502;
        m_bdatError = "5.5.1 BDAT not offered (sandbox behaviour)";
    } else if (!m_haveMail) {
        m_bdatErrorCode = 503;
        m_bdatError = "5.5.1 Need MAIL command before BDAT";
    } else if (m_rcptTo.isEmpty()) {
        m_bdatErrorCode = 554;
        m_bdatError = "5.5.1 No valid recipients";
    } else if (QByteArray error; !m_bdatStarted && !beginContent(&error)) {
        m_bdatErrorCode = 451;
        m_bdatError = "4.3.0 Cannot store the message: " + error;
    } else {
        m_bdatStarted = true;
    }
    m_state = State::Bdat;
    note(TranscriptEntry::Direction::Info, QStringLiteral("reading a chunk of %1 bytes").arg(size));
}

void SandboxSession::finishBdatChunk()
{
    m_state = State::Command;
    m_commandTime = m_clock.elapsed();
    if (m_bdatErrorCode != 0) {
        reply(m_bdatErrorCode, m_bdatError.left(5).constData(), m_bdatError.mid(6));
        return;
    }
    if (m_dataTooBig) {
        resetTransaction();
        reply(552, "5.3.4", "Message size exceeds fixed limit; transaction aborted");
        return;
    }
    if (!m_bdatLast) {
        reply(250, "2.0.0", QByteArray::number(m_dataSize) + " octets received so far");
        return;
    }
    if (m_config.behaviour.closeAfter.toUpper() == QLatin1String("DOT")) {
        closeNow(QStringLiteral("dropping the connection after the last chunk, before the reply "
                                "(sandbox behaviour: close after DOT)"));
        return;
    }
    endOfData();
}

void SandboxSession::handleDataLine(const QByteArray &line)
{
    const bool lineStart = m_atLineStart;
    m_atLineStart = line.endsWith("\r\n");
    if (lineStart && line == ".\r\n") {
        m_state = State::Command;
        m_commandTime = m_clock.elapsed();
        note(TranscriptEntry::Direction::Client, QStringLiteral("."));
        if (m_config.behaviour.closeAfter.toUpper() == QLatin1String("DOT")) {
            closeNow(QStringLiteral("dropping the connection on the final \".\", before the reply "
                                    "(sandbox behaviour: close after DOT)"));
            return;
        }
        endOfData();
        return;
    }
    ++m_dataLines;
    // Dot-unstuffing (RFC 5321 section 4.5.2): only at the start of a CRLF-delimited line.
    const qsizetype skip = (lineStart && line.startsWith('.')) ? 1 : 0;
    const qint64 limit = m_config.behaviour.sizeLimit > 0
                             ? qMin(m_config.behaviour.sizeLimit, HardSizeLimit)
                             : HardSizeLimit;
    if (!m_dataTooBig && m_dataSize + line.size() - skip > limit) {
        m_dataTooBig = true;
        m_content.reset(); // refused in any case: the disk space goes now
    }
    if (!m_dataTooBig)
        appendContent(line.constData() + skip, line.size() - skip);
}

bool SandboxSession::beginContent(QByteArray *error)
{
    m_content.reset();
    m_dataSize = 0;
    m_dataHead.clear();
    m_dataTooBig = false;
    // Without a store nothing is kept: the bytes are only counted.
    if (!m_store)
        return true;
    QString why;
    m_content = m_store->beginMessage(&why);
    if (m_content)
        return true;
    note(TranscriptEntry::Direction::Error, why);
    *error = why.toUtf8();
    return false;
}

void SandboxSession::appendContent(const char *bytes, qsizetype size)
{
    m_dataSize += size;
    // Enough to find a header end that starts within the summary's length.
    const qsizetype room = SummaryHead + 3 - m_dataHead.size();
    if (room > 0)
        m_dataHead.append(bytes, qMin(room, size));
    // A failed write is remembered by the file; commit() reports it at the end.
    if (m_content)
        m_content->write(bytes, size);
}

void SandboxSession::endOfData()
{
    const qsizetype headerEnd = m_dataHead.indexOf("\r\n\r\n");
    const QByteArray headers =
        m_dataHead.left(headerEnd < 0 ? SummaryHead : qMin(headerEnd, SummaryHead));
    note(TranscriptEntry::Direction::Info,
         QStringLiteral("message data: %1 bytes%2")
             .arg(m_dataSize)
             .arg(m_bdatStarted ? QStringLiteral(" in chunks")
                                : QStringLiteral(", %1 lines").arg(m_dataLines)),
         false, QString::fromUtf8(headers));
    if (m_dataLineTooLong) {
        resetTransaction();
        reply(500, "5.5.6",
              "Message has a line longer than 1000 octets (RFC 5321 section "
              "4.5.3.1.6): not accepted");
        return;
    }
    if (m_dataTooBig) {
        resetTransaction();
        reply(552, "5.3.4", "Message size exceeds fixed limit");
        return;
    }
    if (m_config.behaviour.rejectData) {
        resetTransaction();
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
    message.mailFrom = m_mailFrom;
    message.rcptTo = m_rcptTo;
    message.mailParameters = m_mailParameters;
    message.rcptParameters = m_rcptParameters;
    message.size = m_dataSize;
    message.helo = m_helo;
    message.peer = m_peer;
    message.tls = m_tlsDescription;
    message.authMechanism = m_authMechanismName;
    message.authUser = m_authUser;
    message.transferCommand = m_bdatStarted ? QStringLiteral("BDAT") : QStringLiteral("DATA");
    message.sessionId = m_id;
    // RFC 3848's protocol names say what the session had: UTF8 / TLS (S) / AUTH (A).
    QString with = m_smtpUtf8   ? QStringLiteral("UTF8SMTP")
                   : m_extended ? QStringLiteral("ESMTP")
                                : QStringLiteral("SMTP");
    if (m_tlsActive)
        with += QLatin1Char('S');
    if (!m_authUser.isEmpty())
        with += QLatin1Char('A');
    message.receivedHeader =
        QStringLiteral(
            "Received: from %1 (%2)\r\n\tby %3 (Postwire sandbox) with %4 id %5%6;\r\n\t%7")
            .arg(m_helo, m_socket->peerAddress().toString(), m_config.hostName, with, message.id,
                 m_rcptTo.size() == 1 ? QStringLiteral("\r\n\tfor <%1>").arg(m_rcptTo.first())
                                      : QString(),
                 message.received.toString(Qt::RFC2822Date));
    message.transcript = m_transcript;
    const std::unique_ptr<QSaveFile> content = std::move(m_content);
    resetTransaction();
    if (m_store) {
        QString error = QStringLiteral("Sandbox inbox: the message was not kept");
        if (!content || m_store->add(message, content.get(), &error).isEmpty()) {
            note(TranscriptEntry::Direction::Error, error);
            reply(451, "4.3.0", "Cannot store the message: " + error.toUtf8());
            return;
        }
        m_deliveredIds << message.id;
    }
    Q_EMIT messageReceived(m_id, message);
    reply(250, "2.0.0", "Ok: queued as " + message.id.toUtf8());
}
