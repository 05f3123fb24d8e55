#include "addresshistory.h"

#include <QSettings>
#include <QStringListModel>

namespace {
const QString kKey = QStringLiteral("compose/usedAddresses");
}

AddressHistory::AddressHistory(QObject *parent)
    : QObject(parent)
    , m_model(new QStringListModel(this))
{
    m_model->setStringList(QSettings().value(kKey).toStringList());
}

QStringList AddressHistory::entries() const
{
    return m_model->stringList();
}

void AddressHistory::remember(const QList<Mailbox> &mailboxes)
{
    QStringList list = m_model->stringList();
    for (const Mailbox &m : mailboxes) {
        if (m.address.isEmpty())
            continue;
        // One entry per address, compared the way mail servers compare domains.
        for (qsizetype i = list.size() - 1; i >= 0; --i) {
            const QList<MailboxParseResult> parsed = Mailbox::parseList(list[i]);
            if (parsed.size() == 1 &&
                parsed.first().mailbox.address.compare(m.address, Qt::CaseInsensitive) == 0)
                list.removeAt(i);
        }
        list.prepend(m.toString());
    }
    while (list.size() > MaxEntries)
        list.removeLast();
    m_model->setStringList(list);
    QSettings().setValue(kKey, list);
}
