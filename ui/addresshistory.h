// Addresses used in earlier sends, most recent first, kept in QSettings: the completion source
// of the address fields.
#pragma once

#include "mime/mailbox.h"

#include <QObject>

class QStringListModel;

class AddressHistory : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxEntries = 500;

    explicit AddressHistory(QObject *parent = nullptr);

    QStringListModel *model() const { return m_model; }
    QStringList entries() const;
    // Moves these to the front (one entry per address; a newer display name replaces the old).
    void remember(const QList<Mailbox> &mailboxes);

private:
    QStringListModel *m_model;
};
