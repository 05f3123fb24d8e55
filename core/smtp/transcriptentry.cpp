#include "smtp/transcriptentry.h"

QString TranscriptEntry::prefix(Direction direction)
{
    switch (direction) {
    case Direction::Client:
        return QStringLiteral("C:");
    case Direction::Server:
        return QStringLiteral("S:");
    case Direction::Tls:
        return QStringLiteral("TLS:");
    case Direction::Info:
        return QStringLiteral("--");
    case Direction::Error:
        return QStringLiteral("!!");
    case Direction::Dns:
        return QStringLiteral("DNS:");
    }
    return QString();
}

QString TranscriptEntry::toPlainText() const
{
    QString line = QStringLiteral("%1 ms %2 %3").arg(elapsedMs, 6).arg(prefix(direction), text);
    if ((direction == Direction::Server || direction == Direction::Dns) && lastLineOfReply &&
        latencyMs >= 0)
        line += QStringLiteral("   (+%1 ms)").arg(latencyMs);
    return line;
}

QString CommandOrigin::describe() const
{
    switch (source) {
    case Source::None:
        return QString();
    case Source::Protocol:
        return tr("the protocol (Postwire's own step)");
    case Source::EhloName:
        return tr("the account's EHLO name");
    case Source::Security:
        return tr("the account's security setting");
    case Source::Authentication:
        return tr("the account's authentication");
    case Source::From:
        return tr("the From field (%1)").arg(address);
    case Source::Sender:
        return tr("the Sender field (%1)").arg(address);
    case Source::EnvelopeSender:
        return tr("the envelope sender (%1)").arg(address);
    case Source::To:
        return tr("the To field (%1)").arg(address);
    case Source::Cc:
        return tr("the Cc field (%1)").arg(address);
    case Source::Bcc:
        return tr("the Bcc field (%1), in the envelope only").arg(address);
    case Source::Recipient:
        return tr("an envelope recipient (%1)").arg(address);
    case Source::Message:
        return tr("the message");
    case Source::User:
        return tr("a line you typed");
    }
    return QString();
}

QString TranscriptCommand::verb() const
{
    switch (kind) {
    case Kind::None:
    case Kind::Greeting:
        return QString();
    case Kind::EndOfData:
        return QStringLiteral(".");
    case Kind::Bdat:
        return lastChunk ? QStringLiteral(".") : QStringLiteral("BDAT");
    case Kind::AuthContinue:
        return QStringLiteral("AUTH");
    default:
        break;
    }
    const qsizetype space = line.indexOf(QLatin1Char(' '));
    QString v = (space < 0 ? line : line.left(space)).toUpper();
    if (const qsizetype colon = v.indexOf(QLatin1Char(':')); colon > 0)
        v.truncate(colon); // "MAIL FROM:<...>" has its verb before the space already
    return v;
}

QString TranscriptCommand::describe() const
{
    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::Greeting:
        return tr("the greeting");
    case Kind::EndOfData:
        return tr("the end of the message data");
    case Kind::AuthContinue:
        return tr("the authentication exchange");
    default:
        return line;
    }
}
