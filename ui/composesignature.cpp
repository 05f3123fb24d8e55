// ComposeWindow's signatures and identities: the account's signature kept at the end of the
// text (replaced, never doubled, when the account changes), and the From identities offered.
#include "composewindow.h"

#include "accountform.h"
#include "addressfield.h"

#include <QAction>
#include <QMenu>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>

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

// Edits the end of the document with a cursor of its own, so that a rich body keeps its
// formatting, the person's cursor stays where it was, and the change is one undo step.
void ComposeWindow::applySignature()
{
    const QString signature = normalised(m_account->account().signature);
    const QString wanted = block(signature);
    const QString body = m_body->toPlainText();
    const QString old = block(m_lastSignature);
    m_lastSignature = signature;
    if (!wanted.isEmpty() && body.endsWith(wanted))
        return;
    const bool replacing = !old.isEmpty() && body.endsWith(old);
    if (!replacing && (wanted.isEmpty() || body.startsWith(Separator) ||
                       body.contains(QLatin1Char('\n') + Separator)))
        return; // nothing to put, or a signature written or edited by hand: it stays
    const int personAt = m_body->textCursor().position();
    QTextCursor end(m_body->document());
    end.beginEditBlock();
    end.movePosition(QTextCursor::End);
    if (replacing) {
        end.movePosition(QTextCursor::PreviousCharacter, QTextCursor::KeepAnchor, int(old.size()));
        end.removeSelectedText();
    }
    const int textEnd = end.position();
    if (!wanted.isEmpty()) {
        end.setCharFormat(QTextCharFormat()); // not the bold or colour the text ended with
        end.insertText(wanted);
    }
    end.endEditBlock();
    // The person's cursor stays in their text, never inside the signature.
    QTextCursor person = m_body->textCursor();
    person.setPosition(qMin(personAt, textEnd));
    m_body->setTextCursor(person);
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
