// ComposeWindow's replies and forwards: the actions, where the message replied to comes from
// (an opened .eml, the sandbox inbox), and the form filled from ReplyBuilder's message.
#include "composewindow.h"

#include "account/accountstore.h"
#include "accountform.h"
#include "addressfield.h"
#include "attachmentlist.h"
#include "inboxpanel.h"
#include "mainwindowsandbox.h"
#include "mime/emlparser.h"
#include "resultpanel.h"
#include "sandbox/mailstore.h"
#include "sandboxpanel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QTextDocumentFragment>

void ComposeWindow::createReplyActions(QMenu *menu)
{
    using K = ReplyBuilder::Kind;
    struct Item
    {
        K kind;
        QString text;
        QKeySequence keys;
        QString tip;
        const char *name;
    };
    const QList<Item> items = {
        {K::Reply, tr("&Reply"), QKeySequence(tr("Ctrl+R")),
         tr("Answer the sender of the selected sandbox message or of the opened .eml"),
         "replyAction"},
        {K::ReplyAll, tr("Reply A&ll"), QKeySequence(tr("Ctrl+Shift+R")),
         tr("Answer the sender and every other recipient (not yourself)"), "replyAllAction"},
        {K::Forward, tr("&Forward"), QKeySequence(tr("Ctrl+L")),
         tr("Send the message on to someone else, its text quoted and its attachments kept"),
         "forwardAction"},
        {K::ForwardAsAttachment, tr("Forward as Attachmen&t"), QKeySequence(),
         tr("Send the whole message on, unchanged, as an attached .eml (message/rfc822)"),
         "forwardAttachedAction"},
    };
    menu->addSeparator();
    for (const Item &item : items) {
        auto *action = new QAction(item.text, this);
        action->setObjectName(QLatin1String(item.name));
        action->setShortcut(item.keys);
        action->setToolTip(item.tip);
        connect(action, &QAction::triggered, this, [this, kind = item.kind] { reply(kind); });
        menu->addAction(action);
        m_replyActions[int(item.kind)] = action;
    }
    connect(m_sandboxPanel->inbox(), &InboxPanel::replyRequested, this,
            [this](const QString &id, ReplyBuilder::Kind kind) {
                // The message comes from the store's segments, not from a file of its own.
                const QByteArray content = m_sandbox->store()->content(id);
                if (content.isEmpty()) {
                    m_result->showMessage(
                        ResultPanel::Kind::Problem, tr("Cannot answer the message"),
                        tr("Message %1 is no longer in the sandbox inbox.").arg(id));
                    return;
                }
                replyToContent(id, content, kind);
            });
}

void ComposeWindow::reply(ReplyBuilder::Kind kind)
{
    InboxPanel *inbox = m_sandboxPanel->inbox();
    const bool inboxInUse =
        m_sandboxDock->isVisible() && !inbox->currentId().isEmpty() &&
        (m_openedEml.isEmpty() || inbox->isAncestorOf(QApplication::focusWidget()));
    if (inboxInUse) {
        Q_EMIT inbox->replyRequested(inbox->currentId(), kind);
        return;
    }
    if (!m_openedEml.isEmpty() && QFileInfo::exists(m_openedEml)) {
        replyToFile(m_openedEml, kind);
        return;
    }
    auto *dialog = new QFileDialog(this, tr("Message to Answer"), QString(),
                                   tr("Mail messages (*.eml);;All files (*)"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, kind](const QString &path) { replyToFile(path, kind); });
    dialog->open();
}

QList<Mailbox> ComposeWindow::ownAddresses() const
{
    return m_account->account().fromIdentities();
}

void ComposeWindow::setBodyText(const QString &text, int cursorPosition)
{
    m_body->setPlainText(text);
    QTextCursor cursor = m_body->textCursor();
    cursor.setPosition(qBound(0, cursorPosition, int(text.size())));
    m_body->setTextCursor(cursor);
    m_body->ensureCursorVisible();
}

void ComposeWindow::replyToFile(const QString &path, ReplyBuilder::Kind kind)
{
    replyToContent(path, std::nullopt, kind);
}

void ComposeWindow::replyToContent(const QString &path, const std::optional<QByteArray> &content,
                                   ReplyBuilder::Kind kind)
{
    using K = ReplyBuilder::Kind;
    const QString title = m_replyActions[int(kind)]
                              ? m_replyActions[int(kind)]->text().remove(QLatin1Char('&'))
                              : tr("Reply");
    replaceForm(title, [this, path, content, kind] {
        const QString folder = m_drafts.attachmentFolder();
        QString error;
        const std::optional<Message> original = content
                                                    ? EmlParser::parse(*content, folder, &error)
                                                    : EmlParser::parseFile(path, folder, &error);
        if (!original) {
            m_drafts.removeAttachmentFolder(folder);
            m_result->showMessage(ResultPanel::Kind::Problem, tr("Cannot answer the message"),
                                  error);
            return;
        }
        QString attached;
        if (kind == K::ForwardAsAttachment) {
            // A copy beside the draft: the inbox message or the .eml may go before the send.
            attached = QDir(folder).filePath(QStringLiteral(".forwarded-message.eml"));
            QFile::remove(attached);
            QFile copy(attached);
            if (content
                    ? !copy.open(QIODevice::WriteOnly) || copy.write(*content) != content->size()
                    : !QFile::copy(path, attached)) {
                m_drafts.removeAttachmentFolder(folder);
                m_result->showMessage(ResultPanel::Kind::Problem, tr("Cannot forward the message"),
                                      tr("%1 could not be copied to %2").arg(path, folder));
                return;
            }
        }
        // The account the message was addressed to answers it, from that identity.
        if (ReplyBuilder::addressedIdentity(*original, ownAddresses()).isEmpty()) {
            for (const Account &a : m_accounts->accounts()) {
                if (!ReplyBuilder::addressedIdentity(*original, a.fromIdentities()).isEmpty()) {
                    m_account->selectAccountId(a.id);
                    break;
                }
            }
        }
        const Message m =
            ReplyBuilder::build(*original, kind, ownAddresses(), attached, [](const QString &html) {
                return QTextDocumentFragment::fromHtml(html).toPlainText();
            });
        Draft d = Draft::fromMessage(m);
        d.accountId = m_account->currentId();
        if (d.from.isEmpty())
            d.from = m_from->text();
        d.showCcBcc = !d.cc.isEmpty() || m_ccBccAction->isChecked();
        const QString body = d.body;
        d.body.clear();
        setDraft(d);
        // A reply is written below the quote; a forward above what it forwards.
        setBodyText(body, kind == K::Forward ? 0 : int(body.size()));
        applySignature();
        markChanged();
        saveDraft(); // no longer pointing at an earlier message's attachments, which go
        discardEmlFolder();
        if (m.attachments.isEmpty())
            m_drafts.removeAttachmentFolder(folder);
        else
            m_emlFolder = folder;
        m_result->dismiss();
        if (d.to.isEmpty())
            m_to->setFocus();
        else
            m_body->setFocus();
        setStatus(tr("Answering \"%1\"").arg(original->subject));
    });
}
