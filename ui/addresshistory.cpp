#include "addresshistory.h"

#include <QSet>
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
    // The same as moving each address to the front in turn, in one pass: a send to 5,000
    // recipients must not parse the whole history once per recipient. Addresses compare the
    // way mail servers compare domains (case-insensitively).
    QStringList list;
    QSet<QString> seen;
    for (qsizetype i = mailboxes.size() - 1; i >= 0 && list.size() < MaxEntries; --i) {
        const Mailbox &m = mailboxes[i];
        const QString key = m.address.toCaseFolded();
        if (m.address.isEmpty() || seen.contains(key))
            continue;
        seen.insert(key);
        list.append(m.toString());
    }
    for (const QString &entry : m_model->stringList()) {
        if (list.size() >= MaxEntries)
            break;
        const QList<MailboxParseResult> parsed = Mailbox::parseList(entry);
        if (parsed.size() == 1 && seen.contains(parsed.first().mailbox.address.toCaseFolded()))
            continue;
        list.append(entry);
    }
    m_model->setStringList(list);
    QSettings().setValue(kKey, list);
}
