// ComposeWindow's signatures and identities: the account's signature kept at the end of the
// text (replaced, never doubled, when the account changes), and the From identities offered.
#include "composewindow.h"

#include "accountform.h"
#include "addressfield.h"

#include <QAction>
#include <QMenu>
#include <QPlainTextEdit>

namespace {

// RFC 3676 section 4.3: "-- " alone on a line starts the signature.
const QString Separator = QStringLiteral("-- \n");

QString block(const QString &signature)
{
    return signature.isEmpty() ? QString() : QLatin1Char('\n') + Separator + signature;
}

QString normalised(QString signature)
{
    signature.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    while (signature.endsWith(QLatin1Char('\n')))
        signature.chop(1);
    // A separator typed into the setting would be doubled by ours.
    if (signature.startsWith(Separator))
        signature.remove(0, Separator.size());
    return signature;
}

} // namespace

QString ComposeWindow::withoutSignature(const QString &body) const
{
    const QString mine = block(m_lastSignature);
    return !mine.isEmpty() && body.endsWith(mine) ? body.chopped(mine.size()) : body;
}

void ComposeWindow::applySignature()
{
    if (m_htmlAction && m_htmlAction->isChecked())
        return; // HTML source is the person's own markup
    const QString signature = normalised(m_account->account().signature);
    const QString wanted = block(signature);
    QString body = m_body->toPlainText();
    const QString old = block(m_lastSignature);
    m_lastSignature = signature;
    if (!wanted.isEmpty() && body.endsWith(wanted))
        return;
    if (!old.isEmpty() && body.endsWith(old))
        body.chop(old.size());
    else if (body.startsWith(Separator) || body.contains(QLatin1Char('\n') + Separator))
        return; // a signature written or edited by hand stays as it is
    else if (wanted.isEmpty())
        return;
    const int cursor = qMin(m_body->textCursor().position(), int(body.size()));
    setBodyText(body + wanted, cursor);
}

void ComposeWindow::chooseIdentity()
{
    const QList<Mailbox> identities = m_account->account().fromIdentities();
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setObjectName(QStringLiteral("identityMenu"));
    for (const Mailbox &m : identities) {
        QAction *a = menu->addAction(m.toString());
        connect(a, &QAction::triggered, this, [this, text = m.toString()] {
            m_from->setText(text);
            m_lastIdentity = text;
        });
    }
    if (identities.isEmpty())
        menu->addAction(tr("The account has no address; add some in Accounts"))->setEnabled(false);
    menu->popup(m_from->mapToGlobal(QPoint(0, m_from->height())));
}
