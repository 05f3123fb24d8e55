#include "account/account.h"
#include "smtp/printable.h"

#include "mime/mailbox.h"
#include "smtp/sasl.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSslKey>
#include <QUrl>
#include <QUuid>

namespace {

bool sameTimeouts(const SmtpTimeouts &a, const SmtpTimeouts &b)
{
    return a.connect == b.connect && a.greeting == b.greeting && a.command == b.command &&
           a.mail == b.mail && a.rcpt == b.rcpt && a.data == b.data && a.dataBlock == b.dataBlock &&
           a.endOfData == b.endOfData && a.tlsHandshake == b.tlsHandshake && a.quit == b.quit;
}

// RFC 1123 labels: letters, digits and inner hyphens, at most 63 octets each, 253 in all.
QString checkDomainName(const QString &name, const QString &what)
{
    // An internationalised name is checked in the form that goes on the wire.
    bool ascii = true;
    for (const QChar c : name)
        ascii = ascii && c.unicode() < 0x80;
    const QByteArray ace = ascii ? name.toLatin1() : QUrl::toAce(name);
    if (ace.isEmpty())
        return Account::tr("%1 is not a valid internationalised domain name").arg(what);
    if (ace.size() > 253)
        return Account::tr("%1 is longer than 253 characters").arg(what);
    static const QRegularExpression label(
        QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    QByteArray trimmed = ace;
    if (trimmed.endsWith('.'))
        trimmed.chop(1); // a fully qualified name may end with the root's dot
    const QList<QByteArray> labels = trimmed.split('.');
    for (const QByteArray &l : labels) {
        if (l.isEmpty())
            return Account::tr("%1 has an empty part between dots").arg(what);
        if (l.size() > 63)
            return Account::tr("%1 has a part longer than 63 characters").arg(what);
        if (!label.match(QString::fromLatin1(l)).hasMatch())
            return Account::tr("%1 may only contain letters, digits, dots and hyphens inside "
                               "its parts (\"%2\" is not allowed)")
                .arg(what, QString::fromLatin1(l));
    }
    return QString();
}

} // namespace

QString Account::checkHost(const QString &hostIn)
{
    const QString host = hostIn.trimmed();
    if (host.isEmpty())
        return tr("Host: give the server's name, e.g. smtp.example.org");
    if (host.contains(QStringLiteral("://")))
        return tr("Host: give the name alone, without \"%1\"")
            .arg(host.left(host.indexOf(QStringLiteral("://")) + 3));
    for (const QChar c : host) {
        if (c.isSpace())
            return tr("Host: \"%1\" contains a space").arg(host);
    }
    if (host.contains(QLatin1Char('@')))
        return tr("Host: \"%1\" is an e-mail address; give the server's name").arg(host);
    QString literal = host;
    if (literal.startsWith(QLatin1Char('[')) && literal.endsWith(QLatin1Char(']')))
        literal = literal.mid(1, literal.size() - 2);
    QHostAddress address;
    if (address.setAddress(literal))
        return QString();
    // "host:25" is a common slip; say where the port goes.
    static const QRegularExpression withPort(QStringLiteral("^[^:]+:\\d+$"));
    if (withPort.match(host).hasMatch())
        return tr("Host: \"%1\" includes a port; put the port in the Port field").arg(host);
    if (host.contains(QLatin1Char(':')))
        return tr("Host: \"%1\" is not a valid IPv6 address").arg(host);
    static const QRegularExpression dotted(QStringLiteral("^[0-9.]+$"));
    if (dotted.match(host).hasMatch())
        return tr("Host: \"%1\" is not a valid IPv4 address").arg(host);
    const QString problem = checkDomainName(host, tr("\"%1\"").arg(host));
    return problem.isEmpty() ? QString() : tr("Host: ") + problem;
}

QString Account::checkHeloName(const QString &helo)
{
    if (helo.isEmpty())
        return QString();
    for (const QChar c : helo) {
        if (c.isSpace())
            return tr("EHLO name: \"%1\" must be one word, without spaces").arg(helo);
    }
    // RFC 5321 section 4.1.3: an address literal stands in brackets.
    if (helo.startsWith(QLatin1Char('['))) {
        QString inner = helo.mid(1, helo.size() - 2);
        if (inner.startsWith(QLatin1String("IPv6:"), Qt::CaseInsensitive))
            inner = inner.mid(5);
        QHostAddress a;
        if (!helo.endsWith(QLatin1Char(']')) || !a.setAddress(inner))
            return tr("EHLO name: \"%1\" is not a valid address literal such as "
                      "[192.0.2.1]")
                .arg(helo);
        return QString();
    }
    QHostAddress a;
    if (a.setAddress(helo))
        return tr("EHLO name: an address must be written in brackets, e.g. [%1]").arg(helo);
    const QString problem = checkDomainName(helo, tr("\"%1\"").arg(helo));
    return problem.isEmpty() ? QString() : tr("EHLO name: ") + problem;
}

QList<Account::Problem> Account::validate() const
{
    QList<Problem> problems;
    if (name.trimmed().isEmpty())
        problems.append({Field::Name, tr("Name: give the account a name")});
    for (const QString &identity : identities) {
        const MailboxParseResult parsed = Mailbox::parse(identity);
        if (!parsed.isValid())
            problems.append({Field::Identities,
                             tr("Other From addresses: %1: %2").arg(identity, parsed.error)});
    }
    if (!address.trimmed().isEmpty()) {
        const MailboxParseResult parsed = Mailbox::parse(address.trimmed());
        if (!parsed.isValid())
            problems.append({Field::Address, tr("Address: ") + parsed.error});
        else if (!parsed.mailbox.name.isEmpty())
            problems.append({Field::Address, tr("Address: give the address alone; the name goes in "
                                                "Display name")});
    }
    for (const QChar c : displayName) {
        if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            problems.append({Field::DisplayName, tr("Display name: must be a single line")});
            break;
        }
    }
    if (kind == Kind::DirectMx) {
        if (!dnsServer.trimmed().isEmpty() && QHostAddress(dnsServer.trimmed()).isNull())
            problems.append(
                {Field::DnsServer, tr("DNS server: \"%1\" is not an IP address (leave it empty for "
                                      "the system's resolver)")
                                       .arg(dnsServer.trimmed())});
        if (authenticate)
            problems.append({Field::Authentication,
                             tr("Authentication: a recipient's mail server takes mail without "
                                "a login; turn it off for direct delivery")});
    } else if (const QString p = checkHost(host); !p.isEmpty()) {
        problems.append({Field::Host, p});
    }
    if (port < 1 || port > 65535)
        problems.append({Field::Port, tr("Port: %1 is outside 1-65535").arg(port)});
    if (authenticate) {
        if (user.isEmpty())
            problems.append({Field::User, tr("User name: needed to authenticate (or turn "
                                             "authentication off)")});
        if (!authMechanism.isEmpty() &&
            !SaslMechanism::supported().contains(authMechanism.toUpper()))
            problems.append({Field::Authentication,
                             tr("Authentication: Postwire does not implement %1 (it knows %2)")
                                 .arg(QString::fromLatin1(authMechanism),
                                      QString::fromLatin1(SaslMechanism::supported().join(", ")))});
    }
    if (const QString p = checkHeloName(heloName); !p.isEmpty())
        problems.append({Field::HeloName, p});
    for (int t : {timeouts.connect, timeouts.greeting, timeouts.command, timeouts.mail,
                  timeouts.rcpt, timeouts.data, timeouts.dataBlock, timeouts.endOfData,
                  timeouts.tlsHandshake, timeouts.quit}) {
        if (t <= 0) {
            problems.append({Field::Timeouts, tr("Timeouts: every timeout must be "
                                                 "at least 1 second")});
            break;
        }
    }
    if (!caFile.isEmpty()) {
        QFile f(caFile);
        if (!f.open(QIODevice::ReadOnly))
            problems.append(
                {Field::CaFile,
                 tr("CA certificates: cannot read %1: %2").arg(caFile, f.errorString())});
        else if (QSslCertificate::fromDevice(&f, QSsl::Pem).isEmpty())
            problems.append(
                {Field::CaFile, tr("CA certificates: %1 holds no PEM certificate").arg(caFile)});
    }
    static const QRegularExpression sha256(QStringLiteral("^[0-9a-f]{64}$"));
    for (const QByteArray &p : pinnedFingerprints) {
        if (!sha256.match(QString::fromLatin1(p)).hasMatch()) {
            problems.append(
                {Field::PinnedFingerprints, tr("Trusted certificates: \"%1\" is not a SHA-256 "
                                               "fingerprint (64 hex digits)")
                                                .arg(QString::fromLatin1(p))});
            break;
        }
    }
    return problems;
}

QString Account::problem(Field field) const
{
    for (const Problem &p : validate()) {
        if (p.field == field)
            return p.message;
    }
    return QString();
}

QString Account::fieldLabel(Field field)
{
    switch (field) {
    case Field::Name:
        return tr("Name");
    case Field::Address:
        return tr("Address");
    case Field::DisplayName:
        return tr("Display name");
    case Field::Host:
        return tr("Host");
    case Field::Port:
        return tr("Port");
    case Field::Security:
        return tr("Security");
    case Field::Authentication:
        return tr("Authentication");
    case Field::User:
        return tr("User name");
    case Field::HeloName:
        return tr("EHLO name");
    case Field::Timeouts:
        return tr("Timeouts");
    case Field::CaFile:
        return tr("CA certificates");
    case Field::PinnedFingerprints:
        return tr("Trusted certificates");
    case Field::DnsServer:
        return tr("DNS server");
    case Field::Identities:
        return tr("Other From addresses");
    }
    return QString();
}

SmtpSettings Account::toSmtpSettings(const QString &secret, QString *error) const
{
    SmtpSettings s;
    s.host = host.trimmed();
    s.port = quint16(qBound(0, port, 65535));
    s.security = security;
    s.heloName = heloName;
    s.authenticate = authenticate;
    s.authMechanism = authMechanism.toUpper();
    s.credentials.user = user;
    s.credentials.secret = secret;
    s.allowPlaintextAuth = allowPlaintextAuth;
    s.timeouts = timeouts;
    s.pinnedFingerprints = pinnedFingerprints;
    if (error)
        error->clear();
    if (!caFile.isEmpty()) {
        QFile f(caFile);
        if (!f.open(QIODevice::ReadOnly)) {
            if (error)
                *error = tr("CA certificates: cannot read %1: %2").arg(caFile, f.errorString());
        } else {
            s.caCertificates = QSslCertificate::fromDevice(&f, QSsl::Pem);
            if (s.caCertificates.isEmpty() && error)
                *error = tr("CA certificates: %1 holds no PEM certificate").arg(caFile);
        }
    }
    return s;
}

QString Account::kindLabel(Kind kind)
{
    return kind == Kind::DirectMx ? tr("Direct to the recipient's server (MX)")
                                  : tr("Through a submission server");
}

QString Account::serverLabel() const
{
    if (kind == Kind::DirectMx)
        return tr("the recipients' mail servers (MX)");
    const QString h = host.trimmed();
    const QString shown = h.contains(QLatin1Char(':')) && !h.startsWith(QLatin1Char('['))
                              ? QLatin1Char('[') + h + QLatin1Char(']')
                              : h;
    return QStringLiteral("%1:%2").arg(shown).arg(port);
}

std::optional<SmtpSettings::Security> Account::suggestedSecurity(int port)
{
    switch (port) {
    case 25:
    case 587:
        return SmtpSettings::Security::StartTls;
    case 465:
        return SmtpSettings::Security::ImplicitTls;
    default:
        return std::nullopt;
    }
}

int Account::usualPort(SmtpSettings::Security security)
{
    return security == SmtpSettings::Security::ImplicitTls ? 465 : 587;
}

QString Account::securityLabel(SmtpSettings::Security security)
{
    return SmtpSettings::securityLabel(security);
}

QByteArray Account::fingerprint(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256).toHex();
}

QString Account::pinLabel(const QSslCertificate &certificate)
{
    const QSslKey key = certificate.publicKey();
    QString keyText;
    switch (key.algorithm()) {
    case QSsl::Rsa:
        keyText = tr("RSA %1 bits").arg(key.length());
        break;
    case QSsl::Ec:
        keyText = tr("EC %1 bits").arg(key.length());
        break;
    case QSsl::Dsa:
        keyText = tr("DSA %1 bits").arg(key.length());
        break;
    default:
        keyText = tr("key of %1 bits").arg(key.length());
        break;
    }
    return tr("%1, %2, valid until %3")
        .arg(printableText(certificate.subjectDisplayName()), keyText,
             certificate.expiryDate().date().toString(Qt::ISODate));
}

void Account::pin(const QByteArray &sha256Hex, const QString &label)
{
    const QByteArray normal = sha256Hex.toLower();
    if (!pinnedFingerprints.contains(normal))
        pinnedFingerprints.append(normal);
    if (!label.isEmpty())
        pinLabels.insert(normal, label);
}

QString Account::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool operator==(const Account &a, const Account &b)
{
    return a.id == b.id && a.name == b.name && a.displayName == b.displayName &&
           a.address == b.address && a.host == b.host && a.port == b.port &&
           a.security == b.security && a.authenticate == b.authenticate &&
           a.authMechanism == b.authMechanism && a.user == b.user && a.heloName == b.heloName &&
           sameTimeouts(a.timeouts, b.timeouts) && a.allowPlaintextAuth == b.allowPlaintextAuth &&
           a.richText == b.richText && a.caFile == b.caFile &&
           a.pinnedFingerprints == b.pinnedFingerprints && a.pinLabels == b.pinLabels &&
           a.kind == b.kind && a.dnsServer == b.dnsServer && a.identities == b.identities &&
           a.signature == b.signature && a.signatureHtml == b.signatureHtml &&
           a.oauthAuthorizationUrl == b.oauthAuthorizationUrl &&
           a.oauthTokenUrl == b.oauthTokenUrl && a.oauthScope == b.oauthScope &&
           a.oauthClientId == b.oauthClientId;
}

bool Account::usesOAuth() const
{
    const QByteArray mechanism = authMechanism.toUpper();
    return kind == Kind::Submission && authenticate &&
           (mechanism == "XOAUTH2" || mechanism == "OAUTHBEARER");
}

QString Account::oauthSecretKey(const QString &accountId)
{
    return accountId + QLatin1String(":oauth");
}

QList<Mailbox> Account::fromIdentities() const
{
    QList<Mailbox> out;
    if (!address.trimmed().isEmpty())
        out.append({displayName, address.trimmed()});
    for (const QString &identity : identities) {
        const MailboxParseResult parsed = Mailbox::parse(identity);
        if (parsed.isValid())
            out.append(parsed.mailbox);
    }
    return out;
}
