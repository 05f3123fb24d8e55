#include "cli/connectionoptions.h"

#include <QCoreApplication>
#include <QSslCertificate>

#include <algorithm>

namespace {

// The context of these texts for people.
class CliText
{
    Q_DECLARE_TR_FUNCTIONS(CliText)
};

} // namespace

namespace ConnectionOptions {

void parseServer(const QString &value, SmtpSettings *settings, const QString &option,
                 quint16 defaultPort)
{
    QString host = value.trimmed();
    int port = -1;
    if (host.startsWith(QLatin1Char('['))) {
        const qsizetype close = host.indexOf(QLatin1Char(']'));
        if (close < 0)
            throw UsageError{QStringLiteral("%1: missing ] in \"%2\"").arg(option, value)};
        const QString rest = host.mid(close + 1);
        host = host.mid(1, close - 1);
        if (rest.startsWith(QLatin1Char(':'))) {
            bool ok = false;
            port = rest.mid(1).toInt(&ok);
            if (!ok)
                port = 0;
        } else if (!rest.isEmpty()) {
            throw UsageError{
                QStringLiteral("%1: unexpected \"%2\" after the address").arg(option, rest)};
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
        throw UsageError{CliText::tr("%1: no host name in \"%2\"").arg(option, value)};
    if (host.contains(QLatin1Char(' ')) || host.contains(QLatin1Char('/')))
        throw UsageError{QStringLiteral("%1: \"%2\" is not a host name").arg(option, host)};
    if (port == 0 || port > 65535)
        throw UsageError{CliText::tr("%1: the port must be a number from 1 to 65535").arg(option)};
    settings->host = host;
    if (port > 0)
        settings->port = quint16(port);
    else if (defaultPort != 0)
        settings->port = defaultPort;
    else
        settings->port = settings->security == SmtpSettings::Security::ImplicitTls ? 465 : 587;
}

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

void parseCommon(const QCommandLineParser &parser, SmtpSettings *settings)
{
    settings->heloName = parser.value(QStringLiteral("helo"));
    const bool heloControl =
        std::any_of(settings->heloName.cbegin(), settings->heloName.cend(),
                    [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
    if (settings->heloName.contains(QLatin1Char(' ')) || heloControl)
        throw UsageError{
            QStringLiteral("--helo: \"%1\" must be one word (a host name or address literal)")
                .arg(settings->heloName)};
    if (parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        const double seconds = parser.value(QStringLiteral("timeout")).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 86400)
            throw UsageError{
                CliText::tr("--timeout: give a number of seconds between 0 and 86400")};
        settings->timeouts = SmtpTimeouts::uniform(int(seconds * 1000));
    }
    if (parser.isSet(QStringLiteral("ca-file"))) {
        const QString path = parser.value(QStringLiteral("ca-file"));
        const QList<QSslCertificate> certs = QSslCertificate::fromPath(path, QSsl::Pem);
        if (certs.isEmpty())
            throw UsageError{
                CliText::tr("--ca-file: no PEM certificate could be read from %1").arg(path)};
        settings->caCertificates = certs;
    }
}

} // namespace ConnectionOptions
