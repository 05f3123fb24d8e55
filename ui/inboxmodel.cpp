#include "inboxmodel.h"

#include "sandbox/mailstore.h"

#include <QFont>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <numeric>

InboxModel::InboxModel(MailStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(m_store, &MailStore::messageAdded, this, [this](const StoredMessage &message) {
        if (!matches(message))
            return;
        const auto at = std::lower_bound(
            m_rows.cbegin(), m_rows.cend(), message,
            [this](const StoredMessage &a, const StoredMessage &b) { return lessThan(a, b); });
        const int row = int(at - m_rows.cbegin());
        beginInsertRows({}, row, row);
        m_rows.insert(row, message);
        endInsertRows();
    });
    connect(m_store, &MailStore::messageRemoved, this, [this](const QString &id) {
        const int row = rowOf(id);
        if (row < 0)
            return;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    });
    connect(m_store, &MailStore::messageUpdated, this, [this](const StoredMessage &message) {
        const int row = rowOf(message.id);
        if (row < 0)
            return;
        m_rows[row] = message;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
    connect(m_store, &MailStore::reloaded, this, &InboxModel::reload);
    reload();
}

QStringList InboxModel::addressesIn(const QString &headerValue)
{
    static const QRegularExpression address(QStringLiteral("[^\\s<>,;:\"()]+@[^\\s<>,;:\"()]+"));
    QStringList out;
    auto it = address.globalMatch(headerValue);
    while (it.hasNext())
        out << it.next().captured().toLower();
    return out;
}

QStringList InboxModel::envelopeOnly(const StoredMessage &message) const
{
    // Worked out for the rows in view only: a list of 50,000 never needs it for all.
    const QStringList inHeaders = addressesIn(message.headers.to) + addressesIn(message.headers.cc);
    QStringList out;
    for (const QString &rcpt : message.rcptTo) {
        if (!inHeaders.contains(rcpt.toLower()))
            out << rcpt;
    }
    return out;
}

bool InboxModel::matches(const StoredMessage &m) const
{
    if (m_filter.isEmpty())
        return true;
    if (m_filterFrom.isValid()) {
        // The day as the Received column shows it. A local time knows its date; turning each
        // into milliseconds since the epoch asked the C library for the time zone every time
        // (half of a search at 50,000 messages).
        const QDate day = m.received.timeSpec() == Qt::LocalTime ? m.received.date()
                                                                 : m.received.toLocalTime().date();
        if (day >= m_filterFrom && day < m_filterTo)
            return true;
    }
    const auto has = [this](const QString &text) {
        return text.contains(m_filter, Qt::CaseInsensitive);
    };
    if (has(m.headers.from) || has(m.headers.to) || has(m.headers.cc) || has(m.headers.subject) ||
        has(m.mailFrom) || has(m.damage))
        return true;
    return std::any_of(m.rcptTo.cbegin(), m.rcptTo.cend(), has);
}

bool InboxModel::lessThan(const StoredMessage &a, const StoredMessage &b) const
{
    // Ids sort in the order messages arrived: the Received column and every tie.
    const auto compare = [](const QString &x, const QString &y) {
        return x.compare(y, Qt::CaseInsensitive);
    };
    int c = 0;
    switch (m_sortColumn) {
    case FromColumn:
        c = compare(a.headers.from, b.headers.from);
        break;
    case ToColumn:
        c = compare(a.headers.to, b.headers.to);
        break;
    case SubjectColumn:
        c = compare(a.headers.subject, b.headers.subject);
        break;
    case EnvelopeFromColumn:
        c = compare(a.mailFrom, b.mailFrom);
        break;
    case EnvelopeToColumn:
        c = compare(a.rcptTo.value(0), b.rcptTo.value(0));
        break;
    default:
        break;
    }
    if (c == 0)
        c = a.id.compare(b.id);
    return m_sortOrder == Qt::AscendingOrder ? c < 0 : c > 0;
}

QString InboxModel::sortKey(const StoredMessage &m) const
{
    switch (m_sortColumn) {
    case FromColumn:
        return m.headers.from.toCaseFolded();
    case ToColumn:
        return m.headers.to.toCaseFolded();
    case SubjectColumn:
        return m.headers.subject.toCaseFolded();
    case EnvelopeFromColumn:
        return m.mailFrom.toCaseFolded();
    case EnvelopeToColumn:
        return m.rcptTo.value(0).toCaseFolded();
    default:
        return QString();
    }
}

void InboxModel::sortRows()
{
    // An order of small numbers, by keys folded once: moving whole rows and folding case in
    // every comparison took most of the time at 50,000 rows.
    const qsizetype n = m_rows.size();
    QList<QString> keys(n);
    for (qsizetype i = 0; i < n; ++i)
        keys[i] = sortKey(m_rows.at(i));
    QList<qsizetype> order(n);
    std::iota(order.begin(), order.end(), 0);
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        int c = keys.at(a).compare(keys.at(b));
        if (c == 0)
            c = m_rows.at(a).id.compare(m_rows.at(b).id);
        return ascending ? c < 0 : c > 0;
    });
    QList<StoredMessage> sorted;
    sorted.reserve(n);
    for (const qsizetype i : std::as_const(order))
        sorted << std::move(m_rows[i]);
    m_rows.swap(sorted);
}

void InboxModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QStringList ids;
    for (const QModelIndex &i : before)
        ids << idAt(i.row());
    m_sortColumn = column;
    m_sortOrder = order;
    sortRows();
    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i)
        after << index(rowOf(ids.at(i)), before.at(i).column());
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void InboxModel::setFilterText(const QString &text)
{
    const QString filter = text.trimmed();
    if (filter == m_filter)
        return;
    m_filter = filter;
    m_filterFrom = m_filterTo = QDate();
    QDate day = QDate::fromString(filter, Qt::ISODate);
    if (day.isValid()) {
        m_filterFrom = day;
        m_filterTo = day.addDays(1);
    } else if (const QDate month = QDate::fromString(filter, QStringLiteral("yyyy-MM"));
               month.isValid()) {
        m_filterFrom = month;
        m_filterTo = month.addMonths(1);
    }
    reload();
}

void InboxModel::reload()
{
    beginResetModel();
    m_rows.clear();
    const QList<StoredMessage> messages = m_store->messages();
    if (m_filter.isEmpty()) {
        m_rows = messages;
    } else {
        for (const StoredMessage &m : messages) {
            if (matches(m))
                m_rows << m;
        }
    }
    // The store lists newest first, the default order: sorting is needed only for another.
    if (m_sortColumn != ReceivedColumn || m_sortOrder != Qt::DescendingOrder)
        sortRows();
    endResetModel();
}

int InboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int InboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString InboxModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

int InboxModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

QVariant InboxModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const StoredMessage &row = m_rows.at(index.row());
    if (role == IdRole)
        return row.id;
    if (role == DamageRole)
        return row.damage;
    if (role == EnvelopeOnlyRole)
        return envelopeOnly(row);
    const bool damaged = !row.damage.isEmpty();
    if (role == Qt::FontRole && (damaged || index.column() == EnvelopeToColumn)) {
        QFont font;
        if (damaged)
            font.setItalic(true);
        else if (!envelopeOnly(row).isEmpty())
            font.setBold(true);
        else
            return {};
        return font;
    }
    if (role == Qt::ToolTipRole && damaged)
        return tr("This stored message is damaged: %1").arg(row.damage);
    if (role == Qt::ToolTipRole && index.column() == EnvelopeToColumn) {
        const QStringList only = envelopeOnly(row);
        if (!only.isEmpty())
            return tr("Only in the envelope (Bcc): %1").arg(only.join(QStringLiteral(", ")));
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case ReceivedColumn:
        return receivedText(row.received);
    case FromColumn:
        return row.headers.from;
    case ToColumn:
        return row.headers.cc.isEmpty()
                   ? row.headers.to
                   : row.headers.to + QStringLiteral("; Cc: ") + row.headers.cc;
    case SubjectColumn:
        return damaged ? tr("(damaged: %1) %2").arg(row.damage, row.headers.subject)
                       : row.headers.subject;
    case EnvelopeFromColumn:
        return row.mailFrom.isEmpty() ? QStringLiteral("<>") : row.mailFrom;
    case EnvelopeToColumn:
        return row.rcptTo.join(QStringLiteral(", "));
    default:
        return {};
    }
}

QString InboxModel::receivedText(const QDateTime &received)
{
    // With seconds: the messages of one test run arrive within the same minute.
    return QLocale().toString(received.toLocalTime(), QLocale().dateFormat(QLocale::ShortFormat) +
                                                          QStringLiteral(" HH:mm:ss"));
}

QVariant InboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ReceivedColumn:
        return tr("Received");
    case FromColumn:
        return tr("From (header)");
    case ToColumn:
        return tr("To (header)");
    case SubjectColumn:
        return tr("Subject");
    case EnvelopeFromColumn:
        return tr("MAIL FROM (envelope)");
    case EnvelopeToColumn:
        return tr("RCPT TO (envelope)");
    default:
        return {};
    }
}
