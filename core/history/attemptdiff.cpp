#include "history/attemptdiff.h"

#include "smtp/printable.h"

#include <QHash>
#include <QMap>
#include <QMetaEnum>

namespace {

using Kind = TranscriptCommand::Kind;

// The address a RCPT or MAIL names: its origin's, else the one in its line.
QString addressOf(const TranscriptCommand &c)
{
    if (!c.origin.address.isEmpty())
        return c.origin.address;
    const qsizetype open = c.line.indexOf(QLatin1Char('<'));
    const qsizetype close = c.line.indexOf(QLatin1Char('>'), open + 1);
    return open >= 0 && close > open ? c.line.mid(open + 1, close - open - 1) : QString();
}

QString baseKey(const TranscriptCommand &c)
{
    switch (c.kind) {
    case Kind::Greeting:
        return QStringLiteral("greeting");
    case Kind::Rcpt:
        return QStringLiteral("RCPT <%1>").arg(addressOf(c).toLower());
    case Kind::Other:
    case Kind::Vrfy:
    case Kind::Expn:
    case Kind::Help:
        return c.line.toUpper();
    case Kind::EndOfData:
        return QStringLiteral(".");
    case Kind::Bdat:
        return c.lastChunk ? QStringLiteral("BDAT LAST") : QStringLiteral("BDAT");
    default:
        return QString::fromLatin1(QMetaEnum::fromType<Kind>().valueToKey(int(c.kind))).toUpper();
    }
}

// EHLO keyword -> its parameters, from the reply's lines after the first.
QMap<QString, QString> extensionsOf(const AttemptStep &step)
{
    QMap<QString, QString> out;
    for (qsizetype i = 1; i < step.replyLines.size(); ++i) {
        QString line = step.replyLines.at(i).mid(4).trimmed(); // after "250-"
        const qsizetype space = line.indexOf(QLatin1Char(' '));
        const QString keyword = (space < 0 ? line : line.left(space)).toUpper();
        if (!keyword.isEmpty())
            out.insert(keyword, space < 0 ? QString() : line.mid(space + 1).trimmed());
    }
    return out;
}

} // namespace

QList<AttemptStep> AttemptDiff::steps(const Attempt &attempt)
{
    QList<AttemptStep> out;
    QHash<int, qsizetype> byCommandId;
    QHash<QString, int> occurrences;
    bool tlsDone = false;
    const auto open = [&](const TranscriptCommand &c, qint64 at) -> AttemptStep & {
        AttemptStep step;
        step.command = c;
        step.commandLine = c.kind == Kind::Greeting ? QString() : c.line;
        step.atMs = at;
        const QString base = baseKey(c);
        const int n = occurrences[base]++;
        step.key = base + QLatin1Char('#') + QString::number(n);
        switch (c.kind) {
        case Kind::Greeting:
            step.label = tr("Greeting");
            break;
        case Kind::Ehlo:
        case Kind::Helo:
            step.label = tlsDone ? tr("%1 (after TLS)").arg(c.verb()) : c.verb();
            break;
        case Kind::Mail:
            step.label = tr("MAIL FROM <%1>").arg(addressOf(c));
            break;
        case Kind::Rcpt:
            step.label = tr("RCPT TO <%1>").arg(addressOf(c));
            break;
        case Kind::EndOfData:
            step.label = tr("End of data (.)");
            break;
        case Kind::AuthContinue:
            step.label = tr("AUTH exchange");
            break;
        case Kind::Bdat:
            step.label = c.lastChunk ? tr("BDAT (last chunk)") : QStringLiteral("BDAT");
            break;
        default:
            step.label = c.verb().isEmpty() ? c.line : c.verb();
            break;
        }
        if (n > 0 && c.kind != Kind::Ehlo && c.kind != Kind::Helo)
            step.label += QStringLiteral(" (%1)").arg(n + 1);
        if (c.kind == Kind::StartTls)
            tlsDone = true;
        out.append(step);
        if (c.id >= 0)
            byCommandId.insert(c.id, out.size() - 1);
        return out.last();
    };
    for (const TranscriptEntry &e : attempt.entries) {
        if (e.content)
            continue;
        if (e.direction == TranscriptEntry::Direction::Client && e.command.isValid()) {
            open(e.command, e.elapsedMs);
        } else if (e.direction == TranscriptEntry::Direction::Server) {
            AttemptStep *step = nullptr;
            if (e.command.kind == Kind::Greeting &&
                (out.isEmpty() || out.first().command.kind != Kind::Greeting))
                step = &open(e.command, e.elapsedMs);
            else if (e.command.kind == Kind::Greeting)
                step = &out.first();
            else if (const auto it = byCommandId.constFind(e.command.id); it != byCommandId.cend())
                step = &out[*it];
            else if (e.command.isValid())
                step = &open(e.command, e.elapsedMs);
            if (!step)
                continue;
            step->replyLines << e.text;
            step->replyCode = e.replyCode;
            if (e.lastLineOfReply && e.latencyMs >= 0)
                step->latencyMs = e.latencyMs;
        }
    }
    return out;
}

AttemptDiff::AttemptDiff(const Attempt &left, const Attempt &right)
    : m_a(left)
    , m_b(right)
    , m_left(steps(left))
    , m_right(steps(right))
{
    // Longest common subsequence of the step keys: what both did, in order; the rest is what
    // one did and the other did not.
    const qsizetype n = m_left.size(), m = m_right.size();
    QList<QList<int>> lcs(n + 1, QList<int>(m + 1, 0));
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[i][j] = m_left[i].key == m_right[j].key ? lcs[i + 1][j + 1] + 1
                                                        : qMax(lcs[i + 1][j], lcs[i][j + 1]);
    }
    qsizetype i = 0, j = 0;
    while (i < n || j < m) {
        Row row;
        if (i < n && j < m && m_left[i].key == m_right[j].key) {
            const AttemptStep &l = m_left[i], &r = m_right[j];
            row.left = int(i++);
            row.right = int(j++);
            row.label = l.label;
            row.commandDiffers = l.commandLine != r.commandLine;
            row.replyCodeDiffers = l.replyCode != r.replyCode;
            row.replyTextDiffers = l.replyLines != r.replyLines;
            if (l.latencyMs >= 0 && r.latencyMs >= 0) {
                row.hasLatencyDelta = true;
                row.latencyDeltaMs = r.latencyMs - l.latencyMs;
            }
            if (l.command.kind == Kind::Ehlo) {
                const QMap<QString, QString> a = extensionsOf(l), b = extensionsOf(r);
                for (auto it = b.cbegin(); it != b.cend(); ++it) {
                    const QString shown =
                        QString(it.key() + QLatin1Char(' ') + it.value()).trimmed();
                    if (!a.contains(it.key()))
                        row.extensionsAdded << shown;
                    else if (a.value(it.key()) != it.value())
                        row.extensionsChanged
                            << tr("%1: %2 \u2192 %3").arg(it.key(), a.value(it.key()), it.value());
                }
                for (auto it = a.cbegin(); it != a.cend(); ++it) {
                    if (!b.contains(it.key()))
                        row.extensionsRemoved
                            << QString(it.key() + QLatin1Char(' ') + it.value()).trimmed();
                }
            }
            const bool extensions = !row.extensionsAdded.isEmpty() ||
                                    !row.extensionsRemoved.isEmpty() ||
                                    !row.extensionsChanged.isEmpty();
            row.change = row.commandDiffers || row.replyCodeDiffers || extensions
                             ? Row::Change::Differs
                             : Row::Change::Same;
        } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
            row.change = Row::Change::OnlyLeft;
            row.left = int(i);
            row.label = m_left[i++].label;
        } else {
            row.change = Row::Change::OnlyRight;
            row.right = int(j);
            row.label = m_right[j++].label;
        }
        m_rows.append(row);
    }
}

bool AttemptDiff::identical() const
{
    for (const Row &r : m_rows) {
        if (r.change != Row::Change::Same)
            return false;
    }
    return true;
}

QString AttemptDiff::timing(const Row &row)
{
    if (!row.hasLatencyDelta)
        return QString();
    return QStringLiteral("%1: %2%3 ms")
        .arg(row.label, row.latencyDeltaMs >= 0 ? QStringLiteral("+") : QString())
        .arg(row.latencyDeltaMs);
}

QString AttemptDiff::toText() const
{
    const auto describe = [](const Attempt &a) {
        return tr("%1  %2 %3 to %4: %5")
            .arg(a.id, a.started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                 Attempt::kindLabel(a.kind), a.server(), Attempt::outcomeLabel(a.outcome));
    };
    const auto reply = [](const AttemptStep &s) {
        return s.replyLines.isEmpty() ? tr("(no reply)") : s.replyLines.join(QStringLiteral(" / "));
    };
    QStringList out;
    out << tr("A: %1").arg(describe(m_a)) << tr("B: %1").arg(describe(m_b)) << QString();
    out << tr("Legend: = same, ~ reply text differs, ! differs, - only in A, + only in B");
    for (const Row &row : m_rows) {
        QString mark;
        switch (row.change) {
        case Row::Change::Same:
            mark = row.replyTextDiffers ? QStringLiteral("~") : QStringLiteral("=");
            break;
        case Row::Change::Differs:
            mark = QStringLiteral("!");
            break;
        case Row::Change::OnlyLeft:
            mark = QStringLiteral("-");
            break;
        case Row::Change::OnlyRight:
            mark = QStringLiteral("+");
            break;
        }
        QString line = QStringLiteral("%1 %2").arg(mark, row.label);
        if (row.hasLatencyDelta)
            line += QStringLiteral("   [%1%2 ms]")
                        .arg(row.latencyDeltaMs >= 0 ? QStringLiteral("+") : QString())
                        .arg(row.latencyDeltaMs);
        out << line;
        if (row.change == Row::Change::OnlyLeft) {
            out << tr("    only in A: %1").arg(reply(m_left[row.left]));
            continue;
        }
        if (row.change == Row::Change::OnlyRight) {
            out << tr("    only in B: %1").arg(reply(m_right[row.right]));
            continue;
        }
        const AttemptStep &l = m_left[row.left], &r = m_right[row.right];
        if (row.commandDiffers)
            out << tr("    A sent: %1").arg(l.commandLine)
                << tr("    B sent: %1").arg(r.commandLine);
        if (row.replyCodeDiffers || (row.replyTextDiffers && l.command.kind != Kind::Ehlo))
            out << tr("    A: %1").arg(reply(l)) << tr("    B: %1").arg(reply(r));
        if (!row.extensionsAdded.isEmpty())
            out << tr("    extensions added: %1")
                       .arg(row.extensionsAdded.join(QStringLiteral(", ")));
        if (!row.extensionsRemoved.isEmpty())
            out << tr("    extensions removed: %1")
                       .arg(row.extensionsRemoved.join(QStringLiteral(", ")));
        if (!row.extensionsChanged.isEmpty())
            out << tr("    extensions changed: %1")
                       .arg(row.extensionsChanged.join(QStringLiteral(", ")));
    }
    if (identical())
        out << QString() << tr("The same steps with the same replies.");
    for (QString &line : out)
        line = printableText(line);
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}
