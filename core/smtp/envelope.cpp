#include "smtp/envelope.h"

#include <QByteArrayView>
#include <QHostAddress>
#include <QUrl>

namespace {

// RFC 5322 atext, plus UTF-8 (RFC 6531); what an unquoted local part may hold besides dots.
bool isAtext(QChar c)
{
    if (c.unicode() > 0x7f || c.isLetterOrNumber())
        return true;
    return QByteArrayView("!#$%&'*+-/=?^_`{|}~").contains(char(c.unicode()));
}

QString checkLocalPart(const QString &local)
{
    if (local.toUtf8().size() > 64)
        return Envelope::tr("has a part before the @ longer than 64 bytes");
    if (local.size() >= 2 && local.startsWith(QLatin1Char('"')) && local.endsWith(QLatin1Char('"')))
        return QString(); // a quoted string may hold dots and @ as it likes
    if (local.contains(QLatin1Char('@')))
        return Envelope::tr("has more than one @");
    if (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.')) ||
        local.contains(QLatin1String(".."))) {
        return Envelope::tr("has a dot at the start or end of the part before the @, or two "
                            "dots in a row");
    }
    for (const QChar c : local) {
        if (c != QLatin1Char('.') && !isAtext(c))
            return Envelope::tr("has \"%1\" in the part before the @").arg(c);
    }
    return QString();
}

QString checkAddressLiteral(const QString &domain)
{
    // RFC 5321 section 4.1.3: [IPv4] or [IPv6:address].
    const QString inside = domain.mid(1, domain.size() - 2);
    const QHostAddress ip(
        inside.startsWith(QLatin1String("IPv6:"), Qt::CaseInsensitive) ? inside.mid(5) : inside);
    const bool v6Tagged = inside.startsWith(QLatin1String("IPv6:"), Qt::CaseInsensitive);
    const auto protocol = ip.protocol();
    if (ip.isNull() || (v6Tagged ? protocol != QAbstractSocket::IPv6Protocol
                                 : protocol != QAbstractSocket::IPv4Protocol)) {
        return Envelope::tr("has an invalid address literal (use [192.0.2.1] or "
                            "[IPv6:2001:db8::1])");
    }
    return QString();
}

} // namespace

QString Envelope::checkAddress(const QString &address)
{
    if (address.isEmpty())
        return tr("is empty");
    // Line breaks and NUL first: whatever else is wrong, these could inject commands.
    for (const QChar c : address) {
        if (c == QLatin1Char('\r') || c == QLatin1Char('\n'))
            return tr("contains a line break");
        if (c == QChar(0))
            return tr("contains a NUL character");
    }
    for (const QChar c : address) {
        if (c.isSpace())
            return tr("contains a space");
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return tr("contains a control character");
        if (c == QLatin1Char('<') || c == QLatin1Char('>'))
            return tr("contains < or > (give the bare address, e.g. ana@example.org)");
    }
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return tr("has no @");
    if (at == 0)
        return tr("has nothing before the @");
    if (at == address.size() - 1)
        return tr("has no domain after the @");
    const QString localProblem = checkLocalPart(address.left(at));
    if (!localProblem.isEmpty())
        return localProblem;
    const QString domain = address.mid(at + 1);
    if (domain.startsWith(QLatin1Char('[')) && domain.endsWith(QLatin1Char(']'))) {
        const QString literalProblem = checkAddressLiteral(domain);
        if (!literalProblem.isEmpty())
            return literalProblem;
    } else {
        if (domain.startsWith(QLatin1Char('.')) || domain.endsWith(QLatin1Char('.')) ||
            domain.contains(QLatin1String("..")))
            return tr("has an invalid domain");
        if (QUrl::toAce(domain).isEmpty())
            return tr("has a domain that is not a valid host name");
    }
    if (address.size() > 254)
        return tr("is longer than 254 characters");
    return QString();
}

QString Envelope::validate() const
{
    if (!sender.isEmpty()) {
        const QString why = checkAddress(sender);
        if (!why.isEmpty())
            return tr("sender <%1> %2").arg(sender, why);
    }
    if (recipients.isEmpty())
        return tr("no recipients: give at least one To, Cc or Bcc address");
    for (const QString &r : recipients) {
        const QString why = checkAddress(r);
        if (!why.isEmpty())
            return tr("recipient <%1> %2").arg(r, why);
    }
    return QString();
}

static bool isAscii(const QString &s)
{
    for (const QChar c : s) {
        if (c.unicode() > 0x7f)
            return false;
    }
    return true;
}

bool Envelope::needsSmtpUtf8() const
{
    const qsizetype localEnd = sender.lastIndexOf(QLatin1Char('@'));
    if (!isAscii(sender.left(localEnd)))
        return true;
    for (const QString &r : recipients) {
        if (!isAscii(r.left(r.lastIndexOf(QLatin1Char('@')))))
            return true;
    }
    return false;
}

QByteArray Envelope::wireAddress(const QString &address, bool utf8Allowed)
{
    if (utf8Allowed || isAscii(address))
        return address.toUtf8();
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    // A non-ASCII domain can always go as its A-label; a non-ASCII local part cannot (the
    // caller checks needsSmtpUtf8() against the server's SMTPUTF8 first).
    return address.left(at + 1).toUtf8() + QUrl::toAce(address.mid(at + 1));
}

QByteArray DsnOptions::xtext(const QByteArray &value)
{
    QByteArray out;
    for (const char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 33 || c > 126 || c == '+' || c == '=')
            out += '+' + QByteArray::number(c, 16).toUpper().rightJustified(2, '0');
        else
            out += ch;
    }
    return out;
}

CommandOrigin Envelope::senderOrigin() const
{
    CommandOrigin origin;
    origin.source = senderField;
    origin.address = sender;
    return origin;
}

CommandOrigin Envelope::recipientOrigin(int i) const
{
    CommandOrigin origin;
    origin.source = recipientFields.value(i, CommandOrigin::Source::Recipient);
    origin.address = recipients.value(i);
    origin.recipient = i;
    return origin;
}
