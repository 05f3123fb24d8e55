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
    }
    return QString();
}

QString TranscriptEntry::toPlainText() const
{
    QString line = QStringLiteral("%1 ms %2 %3").arg(elapsedMs, 6).arg(prefix(direction), text);
    if (direction == Direction::Server && lastLineOfReply && latencyMs >= 0)
        line += QStringLiteral("   (+%1 ms)").arg(latencyMs);
    return line;
}
