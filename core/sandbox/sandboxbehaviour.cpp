#include "sandbox/sandboxbehaviour.h"

namespace {

bool matches(const QString &pattern, const QString &address)
{
    if (pattern.isEmpty())
        return false;
    const QRegularExpression re(pattern, QRegularExpression::CaseInsensitiveOption);
    return re.isValid() && re.match(address).hasMatch();
}

QString checkPattern(const QString &pattern, const QString &field)
{
    if (pattern.isEmpty())
        return QString();
    const QRegularExpression re(pattern);
    if (re.isValid())
        return QString();
    return QStringLiteral("%1: invalid regular expression at offset %2: %3")
        .arg(field)
        .arg(re.patternErrorOffset())
        .arg(re.errorString());
}

} // namespace

QStringList SandboxBehaviour::allExtensions()
{
    return {QStringLiteral("SIZE"),     QStringLiteral("PIPELINING"),
            QStringLiteral("8BITMIME"), QStringLiteral("SMTPUTF8"),
            QStringLiteral("CHUNKING"), QStringLiteral("ENHANCEDSTATUSCODES"),
            QStringLiteral("DSN"),      QStringLiteral("STARTTLS"),
            QStringLiteral("AUTH")};
}

QStringList SandboxBehaviour::closableCommands()
{
    return {QStringLiteral("EHLO"), QStringLiteral("HELO"), QStringLiteral("STARTTLS"),
            QStringLiteral("AUTH"), QStringLiteral("MAIL"), QStringLiteral("RCPT"),
            QStringLiteral("DATA"), QStringLiteral("BDAT"), QStringLiteral("DOT"),
            QStringLiteral("RSET"), QStringLiteral("NOOP"), QStringLiteral("VRFY"),
            QStringLiteral("QUIT")};
}

bool SandboxBehaviour::advertises(const QString &keyword) const
{
    return !disabledExtensions.contains(keyword.toUpper());
}

QString SandboxBehaviour::validate() const
{
    QStringList errors;
    for (const QString &ext : disabledExtensions) {
        if (!allExtensions().contains(ext))
            errors << tr("Extensions: unknown keyword \"%1\" (known: %2)")
                          .arg(ext, allExtensions().join(QLatin1Char(' ')));
    }
    const QString reject = checkPattern(rejectRecipients, tr("Reject recipients"));
    if (!reject.isEmpty())
        errors << reject;
    const QString defer = checkPattern(deferRecipients, tr("Defer recipients"));
    if (!defer.isEmpty())
        errors << defer;
    if (deferCode != 450 && deferCode != 451)
        errors << tr("Defer code: must be 450 or 451, not %1").arg(deferCode);
    if (delayMs < 0 || delayMs > 600'000)
        errors << tr("Delay: must be between 0 and 600000 ms, not %1").arg(delayMs);
    if (!closeAfter.isEmpty() && !closableCommands().contains(closeAfter.toUpper()))
        errors << tr("Close after: unknown command \"%1\" (known: %2)")
                      .arg(closeAfter, closableCommands().join(QLatin1Char(' ')));
    if (sizeLimit < 0)
        errors << tr("SIZE limit: must not be negative");
    if (idleTimeoutMs < 1000)
        errors << tr("Idle timeout: must be at least 1000 ms");
    if (maxRecipients < 1 || maxRecipients > MaxRecipientsLimit)
        errors << tr("Recipients per message: must be between 1 and %1, not %2")
                      .arg(MaxRecipientsLimit)
                      .arg(maxRecipients);
    return errors.join(QLatin1Char('\n'));
}

bool SandboxBehaviour::isRejected(const QString &address) const
{
    return matches(rejectRecipients, address);
}

bool SandboxBehaviour::isDeferred(const QString &address) const
{
    return matches(deferRecipients, address);
}
