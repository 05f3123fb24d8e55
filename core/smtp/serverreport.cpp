#include "smtp/serverreport.h"

#include "smtp/explain.h"
#include "smtp/tlstrustdecision.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QMetaEnum>
#include <QSslKey>

namespace {

// A greeting slower than this usually means a reverse DNS lookup timing out, greylisting or a
// deliberate tarpit (postscreen's greet pause is 6 s): worth saying.
constexpr qint64 SlowGreetingMs = 5'000;
constexpr qint64 ExpiryWarningDays = 14;

QString names(const QStringList &values)
{
    return values.join(QStringLiteral(", "));
}

QString latin(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes);
}

QStringList keywords(const QList<QByteArray> &list)
{
    QStringList out;
    for (const QByteArray &k : list)
        out << latin(k);
    return out;
}

QString dn(const QSslCertificate &certificate, bool issuer)
{
    QStringList parts;
    using Lookup = QStringList (QSslCertificate::*)(QSslCertificate::SubjectInfo) const;
    const Lookup info =
        issuer ? Lookup(&QSslCertificate::issuerInfo) : Lookup(&QSslCertificate::subjectInfo);
    const std::pair<QSslCertificate::SubjectInfo, const char *> fields[] = {
        {QSslCertificate::CommonName, "CN"},
        {QSslCertificate::Organization, "O"},
        {QSslCertificate::OrganizationalUnitName, "OU"},
        {QSslCertificate::CountryName, "C"},
    };
    for (const auto &[field, key] : fields) {
        for (const QString &value : (certificate.*info)(field))
            parts << QLatin1String(key) + QLatin1Char('=') + value;
    }
    return parts.join(QStringLiteral(", "));
}

QJsonArray toArray(const QStringList &values)
{
    return QJsonArray::fromStringList(values);
}

QJsonArray extensionList(const Capabilities &caps)
{
    QJsonArray out;
    for (const auto &[keyword, params] : caps.entries()) {
        out.append(QJsonObject{
            {QStringLiteral("keyword"), latin(keyword)},
            {QStringLiteral("parameters"), QString::fromUtf8(params)},
            {QStringLiteral("meaning"), SmtpExplain::extension(keyword, params)},
            {QStringLiteral("rfc"), ServerReport::extensionRfc(keyword)},
        });
    }
    return out;
}

bool isSubmissionPort(quint16 port)
{
    return port == 587 || port == 465;
}

} // namespace

ServerCertificateInfo ServerCertificateInfo::from(const QSslCertificate &certificate,
                                                  const QDateTime &now)
{
    ServerCertificateInfo info;
    info.subject = dn(certificate, false);
    info.issuer = dn(certificate, true);
    const auto alt = certificate.subjectAlternativeNames();
    for (auto it = alt.cbegin(); it != alt.cend(); ++it) {
        info.subjectAltNames << (it.key() == QSsl::IpAddressEntry ? QStringLiteral("IP:")
                                                                  : QStringLiteral("DNS:")) +
                                    it.value();
    }
    info.notBefore = certificate.effectiveDate().toUTC();
    info.notAfter = certificate.expiryDate().toUTC();
    info.daysLeft = now.secsTo(info.notAfter) / 86'400;
    const QSslKey key = certificate.publicKey();
    switch (key.algorithm()) {
    case QSsl::Rsa:
        info.keyType = QStringLiteral("RSA");
        break;
    case QSsl::Dsa:
        info.keyType = QStringLiteral("DSA");
        break;
    case QSsl::Ec:
        info.keyType = QStringLiteral("EC");
        break;
    case QSsl::Dh:
        info.keyType = QStringLiteral("DH");
        break;
    case QSsl::Opaque:
        info.keyType = QStringLiteral("opaque");
        break;
    }
    info.keyBits = key.length();
    info.sha256 = TlsTrustDecision::fingerprint(certificate);
    info.selfSigned = certificate.isSelfSigned();
    return info;
}

QString ServerFinding::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Problem:
        return QStringLiteral("problem");
    }
    return QString();
}

QString ServerFinding::severityLabel(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return ServerReport::tr("note");
    case Severity::Warning:
        return ServerReport::tr("warning");
    case Severity::Problem:
        return ServerReport::tr("PROBLEM");
    }
    return QString();
}

QString ServerReport::securityName(SmtpSettings::Security security)
{
    switch (security) {
    case SmtpSettings::Security::None:
        return QStringLiteral("none");
    case SmtpSettings::Security::StartTls:
        return QStringLiteral("starttls");
    case SmtpSettings::Security::StartTlsIfOffered:
        return QStringLiteral("starttls-optional");
    case SmtpSettings::Security::ImplicitTls:
        return QStringLiteral("tls");
    }
    return QString();
}

QString ServerReport::stepLabel(const QString &step)
{
    if (step == QLatin1String("connect"))
        return tr("Connect");
    if (step == QLatin1String("greeting"))
        return tr("Greeting");
    if (step == QLatin1String("ehlo"))
        return tr("EHLO");
    if (step == QLatin1String("helo"))
        return tr("HELO");
    if (step == QLatin1String("starttls"))
        return tr("STARTTLS");
    if (step == QLatin1String("tls"))
        return tr("TLS handshake");
    if (step == QLatin1String("ehlo-tls"))
        return tr("EHLO after TLS");
    if (step == QLatin1String("quit"))
        return tr("QUIT");
    return step;
}

QString ServerReport::extensionRfc(const QByteArray &keyword)
{
    static const QList<std::pair<QByteArray, const char *>> rfcs = {
        {"SIZE", "RFC 1870"},
        {"PIPELINING", "RFC 2920"},
        {"8BITMIME", "RFC 6152"},
        {"SMTPUTF8", "RFC 6531"},
        {"STARTTLS", "RFC 3207"},
        {"AUTH", "RFC 4954"},
        {"ENHANCEDSTATUSCODES", "RFC 2034"},
        {"CHUNKING", "RFC 3030"},
        {"BINARYMIME", "RFC 3030"},
        {"DSN", "RFC 3461"},
        {"REQUIRETLS", "RFC 8689"},
        {"DELIVERBY", "RFC 2852"},
        {"ETRN", "RFC 1985"},
        {"VRFY", "RFC 5321"},
        {"EXPN", "RFC 5321"},
        {"HELP", "RFC 5321"},
        {"MT-PRIORITY", "RFC 6710"},
        {"FUTURERELEASE", "RFC 4865"},
        {"LIMITS", "RFC 9422"},
        {"NO-SOLICITING", "RFC 3865"},
    };
    const QByteArray upper = keyword.toUpper();
    for (const auto &[k, rfc] : rfcs) {
        if (k == upper)
            return QLatin1String(rfc);
    }
    return QString();
}

QList<ServerExtensionRow> ServerReport::extensionRows() const
{
    QList<ServerExtensionRow> rows;
    auto rowFor = [&rows](const QByteArray &keyword) -> ServerExtensionRow & {
        for (ServerExtensionRow &row : rows) {
            if (row.keyword == keyword)
                return row;
        }
        ServerExtensionRow row;
        row.keyword = keyword;
        row.rfc = extensionRfc(keyword);
        rows.append(row);
        return rows.last();
    };
    for (const auto &[keyword, params] : beforeTls.entries()) {
        ServerExtensionRow &row = rowFor(keyword);
        row.before = true;
        row.parametersBefore = params;
        row.meaning = SmtpExplain::extension(keyword, params);
    }
    for (const auto &[keyword, params] : afterTls.entries()) {
        ServerExtensionRow &row = rowFor(keyword);
        row.after = true;
        row.parametersAfter = params;
        row.meaning = SmtpExplain::extension(keyword, params);
    }
    return rows;
}

QList<QByteArray> ServerReport::addedByTls() const
{
    QList<QByteArray> out;
    if (!ehloAnswered || !ehloAfterTlsAnswered)
        return out;
    for (const auto &entry : afterTls.entries()) {
        if (!beforeTls.has(entry.first))
            out << entry.first;
    }
    return out;
}

QList<QByteArray> ServerReport::removedByTls() const
{
    QList<QByteArray> out;
    if (!ehloAnswered || !ehloAfterTlsAnswered)
        return out;
    for (const auto &entry : beforeTls.entries()) {
        if (!afterTls.has(entry.first))
            out << entry.first;
    }
    return out;
}

bool ServerReport::hasFinding(const QString &id) const
{
    for (const ServerFinding &f : findings) {
        if (f.id == id)
            return true;
    }
    return false;
}

void ServerReport::add(const QString &id, ServerFinding::Severity severity, const QString &text,
                       const QString &reference)
{
    findings.append({id, severity, text, reference});
}

void ServerReport::evaluate()
{
    using S = ServerFinding::Severity;
    findings.clear();
    if (!completed && !message.isEmpty()) {
        add(QStringLiteral("check-stopped"), S::Problem,
            tr("The check stopped %1: %2. What was learnt until then is shown.")
                .arg(stoppedLabel, message),
            QString());
    }
    if (greetingCode != 0 && greetingCode != 220) {
        add(QStringLiteral("greeting-refused"), S::Problem,
            tr("The server refused the session in its greeting (%1): it takes no mail from "
               "this client now.")
                .arg(greetingCode),
            QStringLiteral("RFC 5321 section 3.1"));
    }
    if (greetingMs > SlowGreetingMs) {
        add(QStringLiteral("slow-greeting"), S::Warning,
            tr("The greeting took %1 s. Clients and other servers give up or slow down; a "
               "slow reverse DNS lookup, greylisting or a deliberate greeting delay are the "
               "usual causes.")
                .arg(double(greetingMs) / 1000.0, 0, 'f', 1),
            QStringLiteral("RFC 5321 section 4.5.3.2"));
    }
    if (heloFallback) {
        add(QStringLiteral("no-esmtp"), S::Problem,
            tr("The server refused EHLO and answered only HELO: it offers no extensions at "
               "all (no STARTTLS, no SIZE, no PIPELINING)."),
            QStringLiteral("RFC 5321 section 4.1.1.1"));
    }

    const bool tlsPossible = security != SmtpSettings::Security::None;
    const bool implicitTls = security == SmtpSettings::Security::ImplicitTls;
    if (ehloAnswered && !implicitTls) {
        const QList<QByteArray> mechanisms = beforeTls.authMechanisms();
        if (!mechanisms.isEmpty()) {
            const bool plain = mechanisms.contains("PLAIN") || mechanisms.contains("LOGIN");
            add(QStringLiteral("auth-before-tls"), plain ? S::Problem : S::Warning,
                plain ? tr("AUTH is offered before TLS, with mechanisms that send the password "
                           "readably (%1): a client that logs in now exposes it to anyone on "
                           "the path.")
                            .arg(names(keywords(mechanisms)))
                      : tr("AUTH is offered before TLS (%1): the login is visible to anyone "
                           "on the path, and a client may be tempted to use it.")
                            .arg(names(keywords(mechanisms))),
                QStringLiteral("RFC 8314 section 3; RFC 4954 section 4"));
        }
        if (!beforeTls.startTls() && !heloFallback && (port == 25 || port == 587)) {
            add(QStringLiteral("no-starttls"), port == 587 ? S::Problem : S::Warning,
                port == 587 ? tr("No STARTTLS on the submission port: mail and passwords can "
                                 "only travel unencrypted.")
                            : tr("No STARTTLS on port 25: mail from other servers reaches "
                                 "this one unencrypted."),
                port == 587 ? QStringLiteral("RFC 8314 section 3.3; RFC 3207")
                            : QStringLiteral("RFC 3207; RFC 7672"));
        }
    }
    if (ehloAfterTlsAnswered && afterTls.startTls() && !implicitTls) {
        add(QStringLiteral("starttls-after-tls"), S::Warning,
            tr("The server offers STARTTLS again after TLS is up; it must not."),
            QStringLiteral("RFC 3207 section 4.2"));
    }
    if (tlsActive && tlsProtocolBelow12) {
        add(QStringLiteral("old-tls"), S::Problem,
            tr("The TLS version is %1; versions below 1.2 are deprecated and broken.")
                .arg(tlsProtocol),
            QStringLiteral("RFC 8996; RFC 8314 section 4.1"));
    }
    if (tlsActive && cipherBits > 0 && cipherBits < 128) {
        add(QStringLiteral("weak-cipher"), S::Problem,
            tr("The cipher %1 uses only %n bits.", nullptr, cipherBits).arg(cipher),
            QStringLiteral("RFC 7525 section 4.2"));
    }
    if (tlsActive && !certificateVerified) {
        add(QStringLiteral("certificate-not-verified"), S::Problem,
            tr("The certificate does not verify for %1: %2. Clients that check refuse it; "
               "the check went on only to inspect it.")
                .arg(host, certificateProblems.join(QStringLiteral("; "))),
            QStringLiteral("RFC 6125; RFC 7817"));
    }
    if (tlsActive && !chain.isEmpty()) {
        const ServerCertificateInfo &leaf = chain.first();
        if (leaf.daysLeft >= 0 && leaf.daysLeft < ExpiryWarningDays) {
            add(QStringLiteral("certificate-expires-soon"), S::Warning,
                tr("The certificate expires in %n days (%1).", nullptr, int(leaf.daysLeft))
                    .arg(leaf.notAfter.toString(Qt::ISODate)),
                tr("best practice: renew 30 days ahead (Let's Encrypt renews at 30 days)"));
        }
        if (leaf.keyType == QLatin1String("RSA") && leaf.keyBits > 0 && leaf.keyBits < 2048) {
            add(QStringLiteral("weak-key"), S::Problem,
                tr("The certificate's RSA key has only %n bits; 2048 is the minimum.", nullptr,
                   leaf.keyBits),
                QStringLiteral("NIST SP 800-57; CA/Browser Forum Baseline Requirements"));
        }
    }
    if (tlsPossible && ehloAnswered && !tlsActive && beforeTls.startTls() && completed) {
        add(QStringLiteral("tls-not-used"), S::Warning,
            tr("The server offers STARTTLS but the session stayed unencrypted."),
            QStringLiteral("RFC 3207"));
    }

    const bool haveExtensions = ehloAfterTlsAnswered || (ehloAnswered && !tlsActive);
    if (haveExtensions) {
        const Capabilities &caps = effective();
        if (!caps.pipelining()) {
            add(QStringLiteral("no-pipelining"), S::Warning,
                tr("No PIPELINING: every command waits for its reply, one round trip each."),
                QStringLiteral("RFC 2920"));
        }
        if (!caps.eightBitMime()) {
            add(QStringLiteral("no-8bitmime"), S::Warning,
                tr("No 8BITMIME: 8-bit text must be re-encoded before sending."),
                QStringLiteral("RFC 6152"));
        }
        if (!caps.smtpUtf8()) {
            add(QStringLiteral("no-smtputf8"), S::Info,
                tr("No SMTPUTF8: addresses with non-ASCII characters (ana@exämple.org, "
                   "josé@example.org) cannot be sent through this server."),
                QStringLiteral("RFC 6531"));
        }
        if (!caps.enhancedStatusCodes()) {
            add(QStringLiteral("no-enhancedstatuscodes"), S::Info,
                tr("No ENHANCEDSTATUSCODES: refusals carry no class.subject.detail code, so "
                   "clients explain them less precisely."),
                QStringLiteral("RFC 2034; RFC 3463"));
        }
        if (!caps.size()) {
            add(QStringLiteral("no-size"), S::Info,
                tr("No SIZE: a client learns that a message is too large only after sending "
                   "all of it."),
                QStringLiteral("RFC 1870"));
        }
        if (caps.has("VRFY") || caps.has("EXPN")) {
            add(QStringLiteral("vrfy-expn"), S::Info,
                tr("VRFY or EXPN is offered: anyone can test which addresses exist."),
                QStringLiteral("RFC 5321 section 7.3"));
        }
        if (tlsActive && isSubmissionPort(port) && caps.authMechanisms().isEmpty()) {
            add(QStringLiteral("no-auth-submission"), S::Warning,
                tr("No AUTH after TLS on a submission port: a mail program cannot log in here."),
                QStringLiteral("RFC 6409 section 4.3; RFC 4954"));
        }
    }
}

QJsonObject ServerReport::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("host")] = host;
    o[QStringLiteral("port")] = port;
    o[QStringLiteral("security")] = securityName(security);
    o[QStringLiteral("checkedAt")] = checkedAt.toString(Qt::ISODateWithMs);
    o[QStringLiteral("peerAddress")] = peerAddress;
    o[QStringLiteral("connected")] = connected;
    o[QStringLiteral("completed")] = completed;
    if (completed) {
        o[QStringLiteral("stopped")] = QJsonValue::Null;
    } else {
        o[QStringLiteral("stopped")] = QJsonObject{
            {QStringLiteral("step"), stoppedStep},
            {QStringLiteral("label"), stoppedLabel},
            {QStringLiteral("error"),
             QString::fromLatin1(QMetaEnum::fromType<SendResult::Error>().valueToKey(int(error)))},
            {QStringLiteral("message"), message},
        };
    }
    if (greetingCode != 0) {
        o[QStringLiteral("greeting")] = QJsonObject{
            {QStringLiteral("code"), greetingCode},
            {QStringLiteral("lines"), toArray(greetingLines)},
            {QStringLiteral("ms"), greetingMs},
        };
    } else {
        o[QStringLiteral("greeting")] = QJsonValue::Null;
    }
    QJsonArray steps;
    for (const ServerCheckStep &s : this->steps) {
        steps.append(QJsonObject{{QStringLiteral("step"), s.step},
                                 {QStringLiteral("label"), s.label},
                                 {QStringLiteral("startMs"), s.startMs},
                                 {QStringLiteral("ms"), s.durationMs}});
    }
    o[QStringLiteral("steps")] = steps;
    o[QStringLiteral("heloFallback")] = heloFallback;
    QJsonObject ext;
    ext[QStringLiteral("beforeTls")] =
        ehloAnswered ? QJsonValue(extensionList(beforeTls)) : QJsonValue::Null;
    ext[QStringLiteral("afterTls")] =
        ehloAfterTlsAnswered ? QJsonValue(extensionList(afterTls)) : QJsonValue::Null;
    ext[QStringLiteral("addedByTls")] = toArray(keywords(addedByTls()));
    ext[QStringLiteral("removedByTls")] = toArray(keywords(removedByTls()));
    o[QStringLiteral("extensions")] = ext;
    o[QStringLiteral("auth")] = QJsonObject{
        {QStringLiteral("beforeTls"), toArray(keywords(beforeTls.authMechanisms()))},
        {QStringLiteral("afterTls"), toArray(keywords(afterTls.authMechanisms()))},
    };
    const Capabilities &caps = effective();
    if (caps.size()) {
        o[QStringLiteral("size")] =
            QJsonObject{{QStringLiteral("bytes"), caps.sizeLimit()},
                        {QStringLiteral("text"), caps.sizeLimit() > 0
                                                     ? SmtpExplain::formatSize(caps.sizeLimit())
                                                     : tr("no fixed limit")}};
    } else {
        o[QStringLiteral("size")] = QJsonValue::Null;
    }
    QJsonObject tls;
    tls[QStringLiteral("startTlsOffered")] = startTlsOffered;
    tls[QStringLiteral("active")] = tlsActive;
    tls[QStringLiteral("protocol")] = tlsProtocol;
    tls[QStringLiteral("cipher")] = cipher;
    tls[QStringLiteral("cipherBits")] = cipherBits;
    tls[QStringLiteral("verified")] = tlsActive && certificateVerified;
    tls[QStringLiteral("problems")] = toArray(certificateProblems);
    QJsonArray certs;
    for (const ServerCertificateInfo &c : chain) {
        certs.append(QJsonObject{
            {QStringLiteral("subject"), c.subject},
            {QStringLiteral("issuer"), c.issuer},
            {QStringLiteral("subjectAltNames"), toArray(c.subjectAltNames)},
            {QStringLiteral("notBefore"), c.notBefore.toString(Qt::ISODate)},
            {QStringLiteral("notAfter"), c.notAfter.toString(Qt::ISODate)},
            {QStringLiteral("daysLeft"), c.daysLeft},
            {QStringLiteral("keyType"), c.keyType},
            {QStringLiteral("keyBits"), c.keyBits},
            {QStringLiteral("sha256"), c.sha256},
            {QStringLiteral("selfSigned"), c.selfSigned},
        });
    }
    tls[QStringLiteral("chain")] = certs;
    o[QStringLiteral("tls")] = tls;
    QJsonArray list;
    for (const ServerFinding &f : findings) {
        list.append(
            QJsonObject{{QStringLiteral("id"), f.id},
                        {QStringLiteral("severity"), ServerFinding::severityName(f.severity)},
                        {QStringLiteral("text"), f.text},
                        {QStringLiteral("reference"), f.reference}});
    }
    o[QStringLiteral("findings")] = list;
    return o;
}

QString ServerReport::toText() const
{
    QString out;
    auto line = [&out](const QString &text) { out += text + QLatin1Char('\n'); };
    line(tr("Server check of %1 port %2 (security: %3), %4")
             .arg(host)
             .arg(port)
             .arg(SmtpSettings::securityLabel(security), checkedAt.toString(Qt::ISODate)));
    if (!peerAddress.isEmpty())
        line(tr("Address: %1").arg(peerAddress));
    line(QString());

    line(tr("FINDINGS"));
    if (findings.isEmpty())
        line(tr("  none: nothing to remark"));
    for (const ServerFinding &f : findings) {
        line(QStringLiteral("  [%1] %2").arg(ServerFinding::severityLabel(f.severity), f.text));
        if (!f.reference.isEmpty())
            line(QStringLiteral("        (%1)").arg(f.reference));
    }
    line(QString());

    line(tr("GREETING"));
    if (greetingCode == 0)
        line(tr("  none received"));
    for (const QString &g : greetingLines)
        line(QStringLiteral("  ") + g);
    if (greetingMs >= 0)
        line(tr("  after %1 ms").arg(greetingMs));
    line(QString());

    const QList<ServerExtensionRow> rows = extensionRows();
    line(tr("EXTENSIONS"));
    if (rows.isEmpty())
        line(tr("  none"));
    else
        line(QStringLiteral("  %1 %2 %3 %4")
                 .arg(tr("keyword"), -20)
                 .arg(tr("before TLS"), -11)
                 .arg(tr("after TLS"), -10)
                 .arg(tr("parameters")));
    for (const ServerExtensionRow &row : rows) {
        QString params = QString::fromUtf8(row.after ? row.parametersAfter : row.parametersBefore);
        if (row.before && row.after && row.parametersBefore != row.parametersAfter)
            params = tr("%1 -> %2")
                         .arg(QString::fromUtf8(row.parametersBefore),
                              QString::fromUtf8(row.parametersAfter));
        const QString yes = tr("yes");
        const QString no = QStringLiteral("-");
        line(QStringLiteral("  %1 %2 %3 %4")
                 .arg(latin(row.keyword), -20)
                 .arg(row.before ? yes : no, -11)
                 .arg(row.after ? yes : no, -10)
                 .arg(params)
                 .trimmed()
                 .prepend(QStringLiteral("  ")));
        line(QStringLiteral("      %1").arg(row.meaning));
    }
    if (!addedByTls().isEmpty())
        line(tr("  TLS added: %1").arg(names(keywords(addedByTls()))));
    if (!removedByTls().isEmpty())
        line(tr("  TLS removed: %1").arg(names(keywords(removedByTls()))));
    line(tr("  AUTH before TLS: %1")
             .arg(beforeTls.authMechanisms().isEmpty()
                      ? tr("none")
                      : names(keywords(beforeTls.authMechanisms()))));
    line(tr("  AUTH after TLS: %1")
             .arg(afterTls.authMechanisms().isEmpty()
                      ? tr("none")
                      : names(keywords(afterTls.authMechanisms()))));
    const Capabilities &caps = effective();
    line(tr("  SIZE: %1")
             .arg(!caps.size()           ? tr("not announced")
                  : caps.sizeLimit() > 0 ? SmtpExplain::formatSize(caps.sizeLimit())
                                         : tr("no fixed limit")));
    line(QString());

    line(tr("TLS"));
    if (!tlsActive) {
        line(startTlsOffered ? tr("  not established") : tr("  not used"));
    } else {
        line(tr("  %1, cipher %2 (%n bits)", nullptr, cipherBits).arg(tlsProtocol, cipher));
        line(certificateVerified ? tr("  certificate verifies for %1").arg(host)
                                 : tr("  certificate does NOT verify for %1").arg(host));
        for (const QString &p : certificateProblems)
            line(QStringLiteral("    - ") + p);
        for (qsizetype i = 0; i < chain.size(); ++i) {
            const ServerCertificateInfo &c = chain[i];
            line(i == 0 ? tr("  Server certificate") : tr("  Chain certificate %1").arg(i));
            line(tr("    subject:  %1").arg(c.subject));
            line(tr("    issuer:   %1%2")
                     .arg(c.issuer, c.selfSigned ? tr(" (self-signed)") : QString()));
            if (!c.subjectAltNames.isEmpty())
                line(tr("    names:    %1").arg(names(c.subjectAltNames)));
            line(tr("    valid:    %1 to %2 (%n days left)", nullptr, int(c.daysLeft))
                     .arg(c.notBefore.toString(Qt::ISODate), c.notAfter.toString(Qt::ISODate)));
            line(tr("    key:      %1 %2 bits").arg(c.keyType).arg(c.keyBits));
            line(tr("    SHA-256:  %1").arg(c.sha256));
        }
    }
    line(QString());

    line(tr("STEPS"));
    for (const ServerCheckStep &s : steps)
        line(tr("  %1 ms  %2  (%3 ms)").arg(s.startMs, 6).arg(s.label, -16).arg(s.durationMs));
    if (!completed)
        line(tr("  stopped %1: %2").arg(stoppedLabel, message));
    return out;
}
