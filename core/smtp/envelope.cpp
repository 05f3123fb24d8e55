#include "envelope.h"

#include <QUrl>

QString Envelope::checkAddress(const QString &address)
{
    if (address.isEmpty())
        return QStringLiteral("is empty");
    for (const QChar c : address) {
        if (c == QLatin1Char('\r') || c == QLatin1Char('\n'))
            return QStringLiteral("contains a line break");
        if (c == QChar(0))
            return QStringLiteral("contains a NUL character");
        if (c.isSpace())
            return QStringLiteral("contains a space");
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return QStringLiteral("contains a control character");
        if (c == QLatin1Char('<') || c == QLatin1Char('>'))
            return QStringLiteral("contains < or > (give the bare address, e.g. ana@example.org)");
    }
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return QStringLiteral("has no @");
    if (at == 0)
        return QStringLiteral("has nothing before the @");
    if (at == address.size() - 1)
        return QStringLiteral("has no domain after the @");
    if (address.left(at).size() > 64)
        return QStringLiteral("has a local part longer than 64 characters");
    const QString domain = address.mid(at + 1);
    if (domain.startsWith(QLatin1Char('.')) || domain.endsWith(QLatin1Char('.')) ||
        domain.contains(QLatin1String("..")))
        return QStringLiteral("has an invalid domain");
    if (!(domain.startsWith(QLatin1Char('[')) && domain.endsWith(QLatin1Char(']'))) &&
        QUrl::toAce(domain).isEmpty())
        return QStringLiteral("has a domain that is not a valid host name");
    if (address.size() > 254)
        return QStringLiteral("is longer than 254 characters");
    return QString();
}

QString Envelope::validate() const
{
    if (!sender.isEmpty()) {
        const QString why = checkAddress(sender);
        if (!why.isEmpty())
            return QStringLiteral("sender <%1> %2").arg(sender, why);
    }
    if (recipients.isEmpty())
        return QStringLiteral("no recipients: give at least one To, Cc or Bcc address");
    for (const QString &r : recipients) {
        const QString why = checkAddress(r);
        if (!why.isEmpty())
            return QStringLiteral("recipient <%1> %2").arg(r, why);
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
