#include "cli/clisupport.h"

#include "smtp/explain.h"
#include "smtp/printable.h"

#include <QCommandLineParser>
#include <QFile>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QTextStream>

#include <csignal>
#include <unistd.h>

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

} // namespace

SmtpSettings::Security parseSecurity(const QString &value, SmtpSettings::Security fallback)
{
    const QString security = value.toLower();
    if (security.isEmpty())
        return fallback;
    if (security == QLatin1String("starttls"))
        return SmtpSettings::Security::StartTls;
    if (security == QLatin1String("none"))
        return SmtpSettings::Security::None;
    if (security == QLatin1String("starttls-optional"))
        return SmtpSettings::Security::StartTlsIfOffered;
    if (security == QLatin1String("tls"))
        return SmtpSettings::Security::ImplicitTls;
    throw UsageError{
        QStringLiteral("--security: \"%1\" is not one of none, starttls, starttls-optional, tls")
            .arg(security)};
}

QString readSecret(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("password-env"))) {
        const QString var = parser.value(QStringLiteral("password-env"));
        if (!qEnvironmentVariableIsSet(var.toLocal8Bit().constData()))
            throw UsageError{
                QStringLiteral("--password-env: the environment variable %1 is not set").arg(var)};
        return qEnvironmentVariable(var.toLocal8Bit().constData());
    }
    if (parser.isSet(QStringLiteral("password-file"))) {
        const QString path = parser.value(QStringLiteral("password-file"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw UsageError{QStringLiteral("--password-file: cannot read %1: %2")
                                 .arg(path, file.errorString())};
        QByteArray secret = file.readLine();
        while (secret.endsWith('\n') || secret.endsWith('\r'))
            secret.chop(1);
        return QString::fromUtf8(secret);
    }
    return QString();
}

void parseServer(const QString &value, SmtpSettings *settings, quint16 defaultPort)
{
    QString host = value.trimmed();
    int port = -1;
    if (host.startsWith(QLatin1Char('['))) {
        const qsizetype close = host.indexOf(QLatin1Char(']'));
        if (close < 0)
            throw UsageError{QStringLiteral("--server: missing ] in \"%1\"").arg(value)};
        const QString rest = host.mid(close + 1);
        host = host.mid(1, close - 1);
        if (rest.startsWith(QLatin1Char(':'))) {
            bool ok = false;
            port = rest.mid(1).toInt(&ok);
            if (!ok)
                port = 0;
        } else if (!rest.isEmpty()) {
            throw UsageError{
                QStringLiteral("--server: unexpected \"%1\" after the address").arg(rest)};
        }
    } else if (host.count(QLatin1Char(':')) == 1) {
        const qsizetype colon = host.indexOf(QLatin1Char(':'));
        bool ok = false;
        port = host.mid(colon + 1).toInt(&ok);
        if (!ok)
            port = 0;
        host = host.left(colon);
    }
    if (host.isEmpty())
        throw UsageError{QStringLiteral("--server: no host name in \"%1\"").arg(value)};
    if (host.contains(QLatin1Char(' ')) || host.contains(QLatin1Char('/')))
        throw UsageError{QStringLiteral("--server: \"%1\" is not a host name").arg(host)};
    if (port == 0 || port > 65535)
        throw UsageError{QStringLiteral("--server: the port must be a number from 1 to 65535")};
    settings->host = host;
    settings->port = port > 0 ? quint16(port) : defaultPort;
}

QList<QSslCertificate> readCaFile(const QString &path)
{
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(path, QSsl::Pem);
    if (certs.isEmpty())
        throw UsageError{
            QStringLiteral("--ca-file: no PEM certificate could be read from %1").arg(path)};
    return certs;
}

SmtpTimeouts parseTimeout(const QString &value)
{
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 86400)
        throw UsageError{QStringLiteral("--timeout: give a number of seconds between 0 and 86400")};
    return SmtpTimeouts::uniform(int(seconds * 1000));
}

TranscriptPrinter::TranscriptPrinter(QTextStream &out, bool quiet, bool explain)
    : m_out(out)
    , m_quiet(quiet)
    , m_explain(explain)
{}

// Every line goes through printableText(): text that quotes the server (a reply, a refusal,
// an address it echoed) must not move the terminal's cursor or overwrite a line.
void TranscriptPrinter::say(const QString &line)
{
    m_out << printableText(line) << '\n';
}

void TranscriptPrinter::print(const TranscriptEntry &e)
{
    if (m_quiet)
        return;
    say(e.toPlainText());
    // A reply is explained once, under its last line, against the command it answers; the
    // message's header lines once, under the first.
    const bool repeatedContent = e.content && m_inContent;
    m_inContent = e.content;
    if (m_explain && !repeatedContent &&
        (e.direction != TranscriptEntry::Direction::Server || e.lastLineOfReply)) {
        if (const QString meaning = SmtpExplain::entry(e); !meaning.isEmpty())
            say(QStringLiteral("              (%1)").arg(meaning));
    }
    m_out.flush();
}

void onInterrupt(QObject *context, std::function<void()> onInterrupt)
{
    if (::pipe(g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [onInterrupt] {
        char byte;
        [[maybe_unused]] const auto n = ::read(g_signalPipe[0], &byte, 1);
        onInterrupt();
    });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}
