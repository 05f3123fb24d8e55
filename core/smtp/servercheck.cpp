#include "smtp/servercheck.h"

#include "smtp/tlstrustdecision.h"

#include "smtp/printable.h"

#include <QSslCipher>

ServerCheck::ServerCheck(QObject *parent)
    : QObject(parent)
    , m_client(new SmtpClient(this))
{
    qRegisterMetaType<ServerReport>();
    connect(m_client, &SmtpClient::stateChanged, this, &ServerCheck::onState);
    connect(m_client, &SmtpClient::transcriptEntry, this, &ServerCheck::onTranscript);
    connect(m_client, &SmtpClient::capabilitiesReceived, this, &ServerCheck::onCapabilities);
    connect(m_client, &SmtpClient::tlsEstablished, this, &ServerCheck::onTls);
    connect(m_client, &SmtpClient::certificateReview, this, &ServerCheck::onReview);
    connect(m_client, &SmtpClient::finished, this, &ServerCheck::onFinished);
}

void ServerCheck::start(const SmtpSettings &settings)
{
    if (m_client->isBusy())
        return;
    SmtpSettings s = settings;
    s.authenticate = false;
    s.stepMode = false;
    s.pinnedFingerprints.clear();
    s.verifyPeer = true; // problems are reported, and the review below goes on regardless
    m_report = ServerReport();
    m_report.host = s.host;
    m_report.port = s.port;
    m_report.security = s.security;
    m_report.checkedAt = QDateTime::currentDateTimeUtc();
    m_reviewErrors.clear();
    m_reviewed = false;
    m_tlsSeen = false;
    m_clock.start();
    m_client->probe(s);
}

void ServerCheck::cancel()
{
    m_client->cancel();
}

void ServerCheck::beginStep(const QString &step)
{
    if (m_report.steps.isEmpty())
        m_clock.start(); // times count from the connection attempt, as the transcript's do
    const qint64 now = m_clock.elapsed();
    if (!m_report.steps.isEmpty()) {
        ServerCheckStep &last = m_report.steps.last();
        if (last.step == step)
            return;
        last.durationMs = now - last.startMs;
    }
    m_report.steps.append({step, ServerReport::stepLabel(step), now, 0});
    Q_EMIT stepStarted(ServerReport::stepLabel(step));
}

void ServerCheck::onState(SmtpClient::State state)
{
    using S = SmtpClient::State;
    switch (state) {
    case S::Connecting:
        beginStep(QStringLiteral("connect"));
        break;
    case S::Greeting:
        m_report.connected = true;
        m_report.peerAddress = m_client->peerAddress();
        beginStep(QStringLiteral("greeting"));
        break;
    case S::Ehlo:
        beginStep(m_tlsSeen ? QStringLiteral("ehlo-tls") : QStringLiteral("ehlo"));
        break;
    case S::Helo:
        beginStep(QStringLiteral("helo"));
        break;
    case S::StartTls:
        beginStep(QStringLiteral("starttls"));
        break;
    case S::TlsHandshake:
        m_report.connected = true;
        m_report.peerAddress = m_client->peerAddress();
        beginStep(QStringLiteral("tls"));
        break;
    case S::Quit:
        beginStep(QStringLiteral("quit"));
        break;
    case S::Finished:
        if (!m_report.steps.isEmpty())
            m_report.steps.last().durationMs = m_clock.elapsed() - m_report.steps.last().startMs;
        break;
    default:
        break; // a certificate under review belongs to the handshake
    }
}

void ServerCheck::onTranscript(const TranscriptEntry &entry)
{
    if (entry.direction == TranscriptEntry::Direction::Server &&
        entry.command.kind == TranscriptCommand::Kind::Greeting) {
        m_report.greetingLines << entry.text;
        if (entry.lastLineOfReply) {
            m_report.greetingCode = entry.text.left(3).toInt();
            for (const ServerCheckStep &s : std::as_const(m_report.steps)) {
                if (s.step == QLatin1String("greeting"))
                    m_report.greetingMs = m_clock.elapsed() - s.startMs;
            }
        }
    }
    Q_EMIT transcriptEntry(entry);
}

void ServerCheck::onCapabilities(const Capabilities &caps)
{
    if (m_tlsSeen) {
        m_report.ehloAfterTlsAnswered = true;
        m_report.afterTls = caps;
        return;
    }
    m_report.ehloAnswered = true;
    m_report.heloFallback = m_client->state() == SmtpClient::State::Helo;
    m_report.beforeTls = caps;
    m_report.startTlsOffered = caps.startTls();
}

void ServerCheck::onTls(const QSslConfiguration &session)
{
    m_tlsSeen = true;
    m_report.tlsActive = true;
    const QSsl::SslProtocol protocol = session.sessionProtocol();
    m_report.tlsProtocol = TlsTrustDecision::protocolName(protocol);
    m_report.tlsProtocolBelow12 =
        protocol != QSsl::TlsV1_2 && protocol != QSsl::TlsV1_3 && protocol != QSsl::UnknownProtocol;
    m_report.cipher = session.sessionCipher().name();
    m_report.cipherBits = session.sessionCipher().usedBits();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_report.chain.clear();
    for (const QSslCertificate &c : session.peerCertificateChain())
        m_report.chain << ServerCertificateInfo::from(c, now);
    m_report.certificateVerified = !m_reviewed;
    m_report.certificateProblems.clear();
    for (const QSslError &e : std::as_const(m_reviewErrors))
        m_report.certificateProblems << printableText(e.errorString());
}

// A check looks at the certificate whatever it is: the problems go into the report, and the
// connection carries nothing but EHLO and QUIT, so going on exposes nothing.
void ServerCheck::onReview(const QList<QSslCertificate> &, const QList<QSslError> &errors)
{
    m_reviewed = true;
    m_reviewErrors = errors;
    QMetaObject::invokeMethod(m_client, &SmtpClient::inspectCertificate, Qt::QueuedConnection);
}

void ServerCheck::onFinished(const SendResult &result)
{
    m_report.completed = result.outcome == SendResult::Outcome::Success;
    if (!m_report.completed) {
        m_report.error = result.error;
        m_report.stoppedStep = result.step;
        m_report.stoppedLabel = result.stepLabel;
        m_report.message = result.message;
        if (!m_report.steps.isEmpty())
            m_report.steps.last().durationMs = m_clock.elapsed() - m_report.steps.last().startMs;
    }
    m_report.evaluate();
    Q_EMIT finished(m_report);
}
