#include "inboxmodel.h"

#include "sandbox/mailstore.h"
#include "sandbox/parsedmail.h"

#include <QFile>
#include <QFont>
#include <QLocale>
#include <QRegularExpression>

InboxModel::InboxModel(MailStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(m_store, &MailStore::messageAdded, this, [this](const StoredMessage &message) {
        beginInsertRows({}, 0, 0);
        m_rows.prepend(makeRow(message));
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

InboxModel::Row InboxModel::makeRow(const StoredMessage &message) const
{
    Row row;
    row.meta = message;
    // Only the header block is needed for the list.
    QFile file(m_store->emlPath(message.id));
    if (file.open(QIODevice::ReadOnly)) {
        QByteArray head = file.read(64 * 1024);
        const qsizetype end = head.indexOf("\r\n\r\n");
        if (end >= 0)
            head.truncate(end + 4);
        const ParsedMail parsed = ParsedMail::parse(head);
        row.from = parsed.header(QStringLiteral("From"));
        row.to = parsed.header(QStringLiteral("To"));
        row.cc = parsed.header(QStringLiteral("Cc"));
        row.subject = parsed.header(QStringLiteral("Subject"));
    }
    const QStringList inHeaders = addressesIn(row.to) + addressesIn(row.cc);
    for (const QString &rcpt : message.rcptTo) {
        if (!inHeaders.contains(rcpt.toLower()))
            row.envelopeOnly << rcpt;
    }
    return row;
}

void InboxModel::reload()
{
    beginResetModel();
    m_rows.clear();
    const QList<StoredMessage> messages = m_store->messages();
    for (const StoredMessage &m : messages)
        m_rows << makeRow(m);
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
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).meta.id : QString();
}

int InboxModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).meta.id == id)
            return i;
    }
    return -1;
}

QVariant InboxModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == IdRole)
        return row.meta.id;
    if (role == EnvelopeOnlyRole)
        return row.envelopeOnly;
    if (role == Qt::FontRole && index.column() == EnvelopeToColumn && !row.envelopeOnly.isEmpty()) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::ToolTipRole && index.column() == EnvelopeToColumn &&
        !row.envelopeOnly.isEmpty())
        return tr("Only in the envelope (Bcc): %1")
            .arg(row.envelopeOnly.join(QStringLiteral(", ")));
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case ReceivedColumn:
        return receivedText(row.meta.received);
    case FromColumn:
        return row.from;
    case ToColumn:
        return row.cc.isEmpty() ? row.to : row.to + QStringLiteral("; Cc: ") + row.cc;
    case SubjectColumn:
        return row.subject;
    case EnvelopeFromColumn:
        return row.meta.mailFrom.isEmpty() ? QStringLiteral("<>") : row.meta.mailFrom;
    case EnvelopeToColumn:
        return row.meta.rcptTo.join(QStringLiteral(", "));
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
