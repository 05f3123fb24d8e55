#include "transcriptmodel.h"

#include "mime/messagestructure.h"
#include "smtp/explain.h"

#include <QLocale>

namespace {

QString directionClass(TranscriptEntry::Direction d)
{
    switch (d) {
    case TranscriptEntry::Direction::Client:
        return QStringLiteral("c");
    case TranscriptEntry::Direction::Server:
        return QStringLiteral("s");
    case TranscriptEntry::Direction::Tls:
        return QStringLiteral("t");
    case TranscriptEntry::Direction::Info:
        return QStringLiteral("i");
    case TranscriptEntry::Direction::Error:
        return QStringLiteral("e");
    case TranscriptEntry::Direction::Dns:
        return QStringLiteral("n"); // "d" is a detail row
    }
    return QString();
}

} // namespace

TranscriptModel::TranscriptModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int TranscriptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> TranscriptModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(DirectionRole, "direction");
    names.insert(PrefixRole, "prefix");
    names.insert(TextRole, "text");
    names.insert(ElapsedRole, "elapsed");
    names.insert(LatencyRole, "latency");
    names.insert(ExplanationRole, "explanation");
    return names;
}

QVariant TranscriptModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return QVariant();
    const Row &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return rowText(index.row());
    case Qt::ToolTipRole:
    case ExplanationRole:
        return explanation(index.row());
    case Qt::AccessibleTextRole:
        return rowText(index.row());
    case KindRole:
        return int(row.kind);
    case DirectionRole:
        return int(row.entry.direction);
    case PrefixRole:
        return row.kind == RowKind::Entry ? TranscriptEntry::prefix(row.entry.direction)
                                          : QString();
    case TextRole:
        return row.kind == RowKind::Section ? sectionTitle(row.section) : row.entry.text;
    case ElapsedRole:
        return row.kind == RowKind::Entry ? QVariant(row.entry.elapsedMs) : QVariant();
    case LatencyRole:
        // The server's think time belongs to the whole reply: shown once, where it ends. A DNS
        // lookup's time ends its answers the same way.
        return row.kind == RowKind::Entry &&
                       (row.entry.direction == TranscriptEntry::Direction::Server ||
                        row.entry.direction == TranscriptEntry::Direction::Dns) &&
                       row.entry.lastLineOfReply
                   ? row.entry.latencyMs
                   : qint64(-1);
    case ReplyCodeRole:
        return row.entry.replyCode;
    case RedactedRole:
        return row.entry.redacted;
    case DetailsRole:
        return row.entry.details;
    case ExpandableRole:
        return isExpandable(index.row());
    case ExpandedRole:
        return row.expanded;
    case DetailNoteRole:
        return row.note;
    case CommandRole:
        return row.command;
    case AnswersRole:
        // Four identical "250 2.1.5 Ok" in one group read as four recipients only when each
        // says whose it is; a reply sent alone follows its command and needs no tag.
        return row.kind == RowKind::Entry &&
                       row.entry.direction == TranscriptEntry::Direction::Server &&
                       row.entry.lastLineOfReply && row.entry.command.pipelined()
                   ? SmtpExplain::answerTag(row.entry.command)
                   : QString();
    default:
        return QVariant();
    }
}

void TranscriptModel::beginSection(const QString &server, const QString &account,
                                   const QDateTime &started)
{
    m_sections.append({started, server, account});
    Row row;
    row.kind = RowKind::Section;
    row.section = int(m_sections.size() - 1);
    const int at = int(m_rows.size());
    beginInsertRows(QModelIndex(), at, at);
    m_rows.append(row);
    endInsertRows();
}

// The command a line is or answers comes from the client's own links (TranscriptEntry::command);
// only the place of a line within its multi-line reply is counted here.
void TranscriptModel::noteCommand(Row &row)
{
    const TranscriptEntry &e = row.entry;
    row.content = e.content;
    row.command = e.command.verb();
    if (e.direction != TranscriptEntry::Direction::Server || m_rows.isEmpty())
        return;
    const Row &previous = m_rows.last();
    if (previous.kind == RowKind::Entry &&
        previous.entry.direction == TranscriptEntry::Direction::Server &&
        !previous.entry.lastLineOfReply && previous.entry.command.id == e.command.id)
        row.lineInReply = previous.lineInReply + 1;
}

void TranscriptModel::append(const TranscriptEntry &entry)
{
    appendEntries({entry});
}

void TranscriptModel::appendEntries(const QList<TranscriptEntry> &entries)
{
    if (entries.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(entries.size()) - 1);
    // Only a large batch reserves: reserving the exact size at every single append would
    // defeat the list's geometric growth and copy every row each time.
    if (entries.size() > 64)
        m_rows.reserve(m_rows.size() + entries.size());
    for (const TranscriptEntry &e : entries) {
        Row row;
        row.section = int(m_sections.size() - 1);
        row.entry = e;
        noteCommand(row);
        m_rows.append(std::move(row));
    }
    m_entryCount += int(entries.size());
    endInsertRows();
}

void TranscriptModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_sections.clear();
    m_messages.clear();
    m_entryCount = 0;
    endResetModel();
}

TranscriptModel::RowKind TranscriptModel::kind(int row) const
{
    return m_rows.value(row).kind;
}

const TranscriptEntry *TranscriptModel::entry(int row) const
{
    if (row < 0 || row >= m_rows.size() || m_rows[row].kind != RowKind::Entry)
        return nullptr;
    return &m_rows[row].entry;
}

int TranscriptModel::firstLineOfReply(int row) const
{
    return row - m_rows[row].lineInReply;
}

bool TranscriptModel::isEhloReply(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return false;
    const Row &r = m_rows[row];
    return r.kind == RowKind::Entry && r.entry.direction == TranscriptEntry::Direction::Server &&
           r.command == QLatin1String("EHLO") && r.entry.replyCode == 250;
}

bool TranscriptModel::isExpandable(int row) const
{
    if (row < 0 || row >= m_rows.size() || m_rows[row].kind != RowKind::Entry)
        return false;
    const Row &r = m_rows[row];
    if (!r.entry.details.isEmpty())
        return true;
    return isEhloReply(row) && r.entry.lastLineOfReply && r.lineInReply > 0;
}

bool TranscriptModel::isExpanded(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows[row].expanded;
}

bool TranscriptModel::isMessageSummary(const Row &row)
{
    return row.kind == RowKind::Entry && row.entry.direction == TranscriptEntry::Direction::Info &&
           !row.entry.details.isEmpty();
}

void TranscriptModel::setMessage(int section, const QByteArray &bytes)
{
    if (section < 0 || bytes.isEmpty())
        return;
    // A long session of sends keeps the structure of the last few, not every message.
    constexpr int Kept = 8;
    m_messages.insert(section, bytes);
    m_messages.remove(section - Kept);
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].section == section && isMessageSummary(m_rows[row]) &&
            m_rows[row].expanded) {
            setExpanded(row, false);
            setExpanded(row, true);
        }
    }
}

QList<TranscriptModel::Row> TranscriptModel::messageRows(const Row &summary) const
{
    QList<Row> out;
    auto add = [&](const QString &text, const QString &note = QString()) {
        Row d;
        d.kind = RowKind::Detail;
        d.section = summary.section;
        d.entry.direction = summary.entry.direction;
        // A long References or DKIM-Signature field stays one row.
        d.entry.text = text.size() > 200 ? text.left(199) + QChar(0x2026) : text;
        d.note = note;
        out.append(d);
    };
    const QByteArray &bytes = m_messages[summary.section];
    const MimeParser::Part root = MimeParser::parse(bytes);
    add(tr("Headers of the message, each with what it is for:"));
    // Each field whole on its row, its meaning under it: a value as long as a Message-ID and
    // an explanation do not share one row of a narrow pane.
    for (const MessageStructure::Header &h : MessageStructure::headers(root)) {
        add(QStringLiteral("  ") + h.name + QStringLiteral(": ") + h.raw);
        if (!h.decoded.isEmpty())
            add(QStringLiteral("    = ") + h.decoded, tr("decoded (RFC 2047)"));
        if (!h.meaning.isEmpty())
            add(QString(), h.meaning);
    }
    add(tr("MIME structure:"));
    for (const MessageStructure::Node &n : MessageStructure::tree(root))
        add(QString(2 + 3 * n.depth, QLatin1Char(' ')) +
                (n.depth > 0 ? QStringLiteral("\u2514 ") : QString()) + QString::fromLatin1(n.type),
            n.describe());
    return out;
}

QList<TranscriptModel::Row> TranscriptModel::detailRowsFor(int row) const
{
    QList<Row> out;
    const Row &r = m_rows[row];
    if (isMessageSummary(r) && m_messages.contains(r.section))
        return messageRows(r);
    if (!r.entry.details.isEmpty()) {
        const QStringList lines = r.entry.details.split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            Row d;
            d.kind = RowKind::Detail;
            d.section = r.section;
            d.entry.direction = r.entry.direction;
            d.entry.text = line.endsWith(QLatin1Char('\r')) ? line.chopped(1) : line;
            out.append(d);
        }
        return out;
    }
    for (const Extension &ext : extensions(row)) {
        Row d;
        d.kind = RowKind::Detail;
        d.section = r.section;
        d.entry.direction = r.entry.direction;
        d.entry.text = ext.parameters.isEmpty() ? ext.keyword
                                                : ext.keyword + QLatin1Char(' ') + ext.parameters;
        d.note = ext.meaning;
        out.append(d);
    }
    return out;
}

void TranscriptModel::setExpanded(int row, bool expanded)
{
    if (!isExpandable(row) || m_rows[row].expanded == expanded)
        return;
    if (expanded) {
        const QList<Row> details = detailRowsFor(row);
        m_rows[row].expanded = true;
        if (!details.isEmpty()) {
            beginInsertRows(QModelIndex(), row + 1, row + int(details.size()));
            for (qsizetype i = 0; i < details.size(); ++i)
                m_rows.insert(row + 1 + i, details[i]);
            endInsertRows();
        }
    } else {
        int end = row + 1;
        while (end < m_rows.size() && m_rows[end].kind == RowKind::Detail)
            ++end;
        m_rows[row].expanded = false;
        if (end > row + 1) {
            beginRemoveRows(QModelIndex(), row + 1, end - 1);
            m_rows.remove(row + 1, end - row - 1);
            endRemoveRows();
        }
    }
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, {ExpandedRole});
}

void TranscriptModel::toggleExpanded(int row)
{
    setExpanded(row, !isExpanded(row));
}

QList<TranscriptModel::Extension> TranscriptModel::extensions(int row) const
{
    QList<Extension> out;
    if (!isEhloReply(row))
        return out;
    const int first = firstLineOfReply(row);
    for (int i = first + 1; i < m_rows.size(); ++i) {
        const Row &r = m_rows[i];
        if (r.kind != RowKind::Entry || r.entry.direction != TranscriptEntry::Direction::Server ||
            r.lineInReply == 0)
            break;
        const QString text = r.entry.text.mid(4).trimmed();
        const qsizetype space = text.indexOf(QLatin1Char(' '));
        Extension ext;
        ext.keyword = (space < 0 ? text : text.left(space)).toUpper();
        ext.parameters = space < 0 ? QString() : text.mid(space + 1).trimmed();
        // Old servers write "AUTH=LOGIN PLAIN".
        if (ext.keyword.startsWith(QLatin1String("AUTH="))) {
            ext.parameters = ext.keyword.mid(5) + QLatin1Char(' ') + ext.parameters;
            ext.parameters = ext.parameters.trimmed();
            ext.keyword = QStringLiteral("AUTH");
        }
        ext.meaning = SmtpExplain::extension(ext.keyword.toUtf8(), ext.parameters.toUtf8());
        out.append(ext);
        if (r.entry.lastLineOfReply)
            break;
    }
    return out;
}

QString TranscriptModel::sectionTitle(int section) const
{
    const Section s = m_sections.value(section);
    QString title = tr("Send at %1").arg(QLocale().toString(s.started, QLocale::ShortFormat));
    if (!s.server.isEmpty())
        title += tr(" to %1").arg(s.server);
    if (!s.account.isEmpty())
        title += tr(" (account %1)").arg(s.account);
    return title;
}

QString TranscriptModel::explanation(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return QString();
    const Row &r = m_rows[row];
    switch (r.kind) {
    case RowKind::Section:
        return sectionTitle(r.section);
    case RowKind::Detail:
        if (r.entry.text.isEmpty() || r.note.isEmpty())
            return r.entry.text.isEmpty() ? r.note : r.entry.text;
        return r.entry.text + QStringLiteral(": ") + r.note;
    case RowKind::Entry:
        break;
    }
    const TranscriptEntry &e = r.entry;
    switch (e.direction) {
    case TranscriptEntry::Direction::Server: {
        if (isEhloReply(row) && r.lineInReply > 0) {
            const QList<Extension> exts = extensions(firstLineOfReply(row));
            const Extension ext = exts.value(r.lineInReply - 1);
            if (!ext.keyword.isEmpty())
                return ext.keyword + QStringLiteral(": ") + ext.meaning;
        }
        const QString meaning = SmtpExplain::entry(e);
        return meaning.isEmpty() ? tr("a line from the server") : meaning;
    }
    case TranscriptEntry::Direction::Client: {
        const QString meaning = SmtpExplain::entry(e);
        return meaning.isEmpty() ? tr("sent by Postwire") : meaning;
    }
    case TranscriptEntry::Direction::Tls:
        return tr("TLS: %1").arg(e.text);
    case TranscriptEntry::Direction::Info:
        if (!e.details.isEmpty())
            return m_messages.contains(r.section)
                       ? tr("The message content, summarised (expand to see each header "
                            "explained and the MIME structure)")
                       : tr("The message content, summarised (expand to see all its headers)");
        return tr("Note: %1").arg(e.text);
    case TranscriptEntry::Direction::Error:
        return tr("Error: %1").arg(e.text);
    case TranscriptEntry::Direction::Dns:
        return tr("DNS: looking up where the recipient's domain takes its mail, and the "
                  "answers with their preference and how long they may be cached (TTL)");
    }
    return QString();
}

QString TranscriptModel::rowText(int row) const
{
    const Row &r = m_rows[row];
    switch (r.kind) {
    case RowKind::Section:
        return sectionTitle(r.section);
    case RowKind::Detail:
        return r.note.isEmpty() ? r.entry.text : r.entry.text + QStringLiteral("  ") + r.note;
    case RowKind::Entry:
        break;
    }
    return TranscriptEntry::prefix(r.entry.direction) + QLatin1Char(' ') + r.entry.text;
}

bool TranscriptModel::matches(int row, const QString &needle, Qt::CaseSensitivity cs) const
{
    if (needle.isEmpty() || row < 0 || row >= m_rows.size())
        return false;
    const Row &r = m_rows[row];
    if (r.kind == RowKind::Section)
        return sectionTitle(r.section).contains(needle, cs);
    return r.entry.text.contains(needle, cs) || r.note.contains(needle, cs);
}

int TranscriptModel::find(const QString &needle, int from, bool backwards,
                          Qt::CaseSensitivity cs) const
{
    const int n = int(m_rows.size());
    if (needle.isEmpty() || n == 0)
        return -1;
    if (from < 0 || from >= n)
        from = backwards ? n : -1;
    for (int step = 1; step <= n; ++step) {
        const int row = ((backwards ? from - step : from + step) % n + n) % n;
        if (matches(row, needle, cs))
            return row;
    }
    return -1;
}

QString TranscriptModel::toPlainText(QList<int> rows) const
{
    QString out;
    const bool all = rows.isEmpty();
    const int n = all ? int(m_rows.size()) : int(rows.size());
    for (int i = 0; i < n; ++i) {
        const int row = all ? i : rows[i];
        if (row < 0 || row >= m_rows.size())
            continue;
        const Row &r = m_rows[row];
        switch (r.kind) {
        case RowKind::Section:
            if (!out.isEmpty())
                out += QLatin1Char('\n');
            out += QStringLiteral("=== ") + sectionTitle(r.section) + QStringLiteral(" ===\n");
            break;
        case RowKind::Detail:
            // A whole transcript writes details with their entry; a selection writes the
            // rows as they are shown.
            if (!all)
                out += QStringLiteral("          | ") + rowText(row) + QLatin1Char('\n');
            break;
        case RowKind::Entry: {
            out += r.entry.toPlainText() + QLatin1Char('\n');
            if (!r.entry.details.isEmpty() && (all || !r.expanded)) {
                const QStringList lines = r.entry.details.split(QLatin1Char('\n'));
                for (const QString &d : lines)
                    out += QStringLiteral("          | ") + d + QLatin1Char('\n');
            }
            break;
        }
        }
    }
    return out;
}

QString TranscriptModel::toHtml(QList<int> rows) const
{
    QString out =
        QStringLiteral(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>%1</title>\n<style>\n"
            "body{font-family:monospace;background:#fff;color:#222}\n"
            "table{border-collapse:collapse}td{padding:0 "
            ".6em;white-space:pre-wrap;vertical-align:top}\n"
            "td.t,td.l{text-align:right;color:#666}\n"
            "tr.c td.p,tr.c td.x{color:#1c4fa0}tr.s td.p,tr.s td.x{color:#1d6b2a}\n"
            "tr.t td.p,tr.t td.x{color:#7a3e9d}tr.i td.p,tr.i td.x{color:#5e5e5e}\n"
            "tr.e td.p,tr.e td.x{color:#b3261e;font-weight:bold}\n"
            "tr.n td.p,tr.n td.x{color:#8a5500}\n"
            "tr.h td{font-weight:bold;background:#eef;padding-top:.4em}\n"
            "tr.d td.x{color:#555}\n"
            "</style></head><body>\n<table>\n")
            .arg(tr("Postwire transcript"));
    const bool all = rows.isEmpty();
    const int n = all ? int(m_rows.size()) : int(rows.size());
    for (int i = 0; i < n; ++i) {
        const int row = all ? i : rows[i];
        if (row < 0 || row >= m_rows.size())
            continue;
        const Row &r = m_rows[row];
        if (r.kind == RowKind::Section) {
            out += QStringLiteral("<tr class=\"h\"><td colspan=\"4\">") +
                   sectionTitle(r.section).toHtmlEscaped() + QStringLiteral("</td></tr>\n");
            continue;
        }
        if (r.kind == RowKind::Detail) {
            if (!all)
                out +=
                    QStringLiteral("<tr class=\"d\"><td></td><td></td><td></td><td class=\"x\">") +
                    rowText(row).toHtmlEscaped() + QStringLiteral("</td></tr>\n");
            continue;
        }
        const TranscriptEntry &e = r.entry;
        const QString latency = e.direction == TranscriptEntry::Direction::Server &&
                                        e.lastLineOfReply && e.latencyMs >= 0
                                    ? tr("+%1 ms").arg(e.latencyMs)
                                    : QString();
        out +=
            QStringLiteral("<tr class=\"%1\" title=\"%2\"><td class=\"t\">%3</td>"
                           "<td class=\"l\">%4</td><td class=\"p\">%5</td><td class=\"x\">%6")
                .arg(directionClass(e.direction), explanation(row).toHtmlEscaped(),
                     tr("%1 ms").arg(e.elapsedMs), latency,
                     TranscriptEntry::prefix(e.direction).toHtmlEscaped(), e.text.toHtmlEscaped());
        if (!e.details.isEmpty() && (all || !r.expanded))
            out += QStringLiteral("<br>") + e.details.toHtmlEscaped();
        out += QStringLiteral("</td></tr>\n");
    }
    out += QStringLiteral("</table>\n</body></html>\n");
    return out;
}
