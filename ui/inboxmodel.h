// The sandbox inbox as a table for views: newest first, envelope beside the From/To headers
// so a recipient that is only in the envelope (Bcc) stands out. Follows the MailStore live.
// Virtual: rows are served from the store's index entries (no message is opened to list it),
// sorted by any column and filtered by a search in the model itself, fast at 50,000 rows.
#pragma once

#include "sandbox/storedmessage.h"

#include <QAbstractTableModel>
#include <QDate>

class MailStore;

class InboxModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ReceivedColumn,
        FromColumn,
        ToColumn,
        SubjectColumn,
        EnvelopeFromColumn,
        EnvelopeToColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        EnvelopeOnlyRole, // recipients in RCPT TO but not in To/Cc headers (a QStringList)
        DamageRole,       // why the stored message is damaged; empty when it is not
    };

    explicit InboxModel(MailStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QString idAt(int row) const;
    int rowOf(const QString &id) const;

    // Shows only messages whose sender, recipients (headers and envelope) or subject contain
    // text, ignoring case; a date (2026-11-30, or 2026-11 for a month) also matches the
    // messages received then. Empty shows all.
    void setFilterText(const QString &text);
    QString filterText() const { return m_filter; }

    // Addresses (lower case) found in a header value such as "Ana <a@x>, b@y".
    static QStringList addressesIn(const QString &headerValue);
    // The Received column's text: date and time to the second.
    static QString receivedText(const QDateTime &received);

private:
    bool matches(const StoredMessage &message) const;
    bool lessThan(const StoredMessage &a, const StoredMessage &b) const;
    QStringList envelopeOnly(const StoredMessage &message) const;
    void reload();
    void sortRows();
    QString sortKey(const StoredMessage &message) const;

    MailStore *m_store;
    QList<StoredMessage> m_rows; // shown, in order; they share the store's strings
    int m_sortColumn = ReceivedColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    QString m_filter;
    // Received on a local day in [from, to) when the search is a date or a month.
    QDate m_filterFrom;
    QDate m_filterTo;
};
