// The sandbox inbox as a table for views: newest first, envelope beside the From/To headers
// so a recipient that is only in the envelope (Bcc) stands out. Follows the MailStore live.
#pragma once

#include "sandbox/storedmessage.h"

#include <QAbstractTableModel>

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
    };

    explicit InboxModel(MailStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QString idAt(int row) const;
    int rowOf(const QString &id) const;

    // Addresses (lower case) found in a header value such as "Ana <a@x>, b@y".
    static QStringList addressesIn(const QString &headerValue);
    // The Received column's text: date and time to the second.
    static QString receivedText(const QDateTime &received);

private:
    struct Row
    {
        StoredMessage meta;
        QString from;
        QString to;
        QString cc;
        QString subject;
        QStringList envelopeOnly;
    };
    Row makeRow(const StoredMessage &message) const;
    void reload();

    MailStore *m_store;
    QList<Row> m_rows;
};
