#include "inboxpanel.h"

#include "inboxhtmlview.h"
#include "inboxmodel.h"
#include "sandbox/mailstore.h"
#include "sandbox/parsedmail.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QPlainTextEdit *readOnlyText(const QString &accessibleName, const QString &objectName)
{
    auto *edit = new QPlainTextEdit;
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setAccessibleName(accessibleName);
    edit->setObjectName(objectName);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    edit->setFont(mono);
    return edit;
}

} // namespace

InboxPanel::InboxPanel(MailStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(new InboxModel(store, this))
{
    setAccessibleName(tr("Sandbox inbox"));
    m_list = new QTableView;
    m_list->setObjectName(QStringLiteral("inboxList"));
    m_list->setAccessibleName(tr("Received messages"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->setWordWrap(false);
    // The model sorts itself (InboxModel::sort): a proxy would ask for every row's data.
    m_list->horizontalHeader()->setSortIndicator(InboxModel::ReceivedColumn, Qt::DescendingOrder);
    m_list->setSortingEnabled(true);
    // No column starts narrower than its title ("MAIL FROM (envelope)" cut to "IL FROM (envelo"
    // reads as nothing); the time of arrival is always whole.
    QHeaderView *header = m_list->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const int margins = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin) +
                        header->style()->pixelMetric(QStyle::PM_HeaderMarkSize);
    for (int c = 0; c < InboxModel::ColumnCount; ++c) {
        const QString title = m_model->headerData(c, Qt::Horizontal).toString();
        int needed = header->fontMetrics().horizontalAdvance(title) + margins;
        if (c == InboxModel::ReceivedColumn) {
            // As wide as the widest time of arrival, whatever rows are in view.
            const QDateTime widest(QDate(2000, 12, 28), QTime(23, 58, 58));
            needed = qMax(
                needed, m_list->fontMetrics().horizontalAdvance(InboxModel::receivedText(widest)) +
                            margins);
        }
        header->resizeSection(c, qMax(header->sectionSize(c), needed));
    }

    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("inboxCount"));
    m_delete = new QPushButton(tr("&Delete"));
    m_delete->setAccessibleName(tr("Delete the selected message"));
    m_deleteAll = new QPushButton(tr("Delete all…"));
    m_deleteAll->setAccessibleName(tr("Delete all messages"));
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("inboxSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Search sender, recipient, subject or date (2026-11-30)"));
    m_search->setAccessibleName(tr("Search the inbox"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 2);
    bar->addWidget(m_count, 1);
    createReplyActions();
    bar->addWidget(m_replyButton);
    bar->addWidget(m_delete);
    bar->addWidget(m_deleteAll);

    m_envelope = new QLabel;
    m_envelope->setObjectName(QStringLiteral("inboxEnvelope"));
    m_envelope->setAccessibleName(tr("Envelope and headers"));
    m_envelope->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_envelope->setWordWrap(true);

    m_text = readOnlyText(tr("Text body"), QStringLiteral("inboxText"));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_html = new InboxHtmlView;
    m_html->setObjectName(QStringLiteral("inboxHtml"));
    m_htmlNote = new QLabel;
    m_htmlNote->setObjectName(QStringLiteral("inboxHtmlNote"));
    auto *htmlPage = new QWidget;
    auto *htmlLayout = new QVBoxLayout(htmlPage);
    htmlLayout->setContentsMargins(0, 0, 0, 0);
    htmlLayout->addWidget(m_htmlNote);
    htmlLayout->addWidget(m_html, 1);
    m_headers = readOnlyText(tr("Headers"), QStringLiteral("inboxHeaders"));
    m_raw = readOnlyText(tr("Raw source"), QStringLiteral("inboxRaw"));
    m_attachments = new QListWidget;
    m_attachments->setObjectName(QStringLiteral("inboxAttachments"));
    m_attachments->setAccessibleName(tr("Attachments"));
    m_saveAttachment = new QPushButton(tr("Save attac&hment…"));
    m_saveAttachment->setAccessibleName(tr("Save the selected attachment to disk"));
    auto *attachPage = new QWidget;
    auto *attachLayout = new QVBoxLayout(attachPage);
    attachLayout->addWidget(m_attachments, 1);
    attachLayout->addWidget(m_saveAttachment, 0, Qt::AlignRight);
    m_transcript = readOnlyText(tr("Session transcript"), QStringLiteral("inboxTranscript"));

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("inboxViews"));
    m_tabs->setAccessibleName(tr("Message views"));
    m_tabs->addTab(m_text, tr("Text"));
    m_tabs->addTab(htmlPage, tr("HTML"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(m_raw, tr("Ra&w source"));
    m_tabs->addTab(attachPage, tr("Attachments"));
    m_tabs->addTab(m_transcript, tr("Session transcript"));
    // In a short dock the envelope and the views share little height. The views scroll, the
    // envelope does not: with the views' own minimum (their pages' layouts, ~100 px) the
    // layout cut the envelope's wrapped last line (a long Session line) instead.
    m_tabs->setMinimumHeight(m_tabs->tabBar()->sizeHint().height() +
                             3 * fontMetrics().lineSpacing());

    auto *detail = new QWidget;
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_envelope);
    detailLayout->addWidget(m_tabs, 1);

    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(detail);
    setOrientation(Qt::Vertical);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showMessage(m_model->idAt(current.row())); });
    connect(m_search, &QLineEdit::textChanged, m_model, &InboxModel::setFilterText);
    connect(m_delete, &QPushButton::clicked, this, &InboxPanel::deleteCurrent);
    connect(m_deleteAll, &QPushButton::clicked, this, &InboxPanel::deleteAll);
    connect(m_saveAttachment, &QPushButton::clicked, this, &InboxPanel::onSaveClicked);
    connect(m_html, &InboxHtmlView::remoteContentBlocked, this, [this](int count) {
        m_htmlNote->setText(tr("%n remote resources not loaded: the sandbox never fetches "
                               "content from the network.",
                               nullptr, count));
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &InboxPanel::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        updateCount();
        if (!m_store->contains(m_currentId))
            showMessage(m_model->idAt(m_list->currentIndex().row()));
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateCount();
        showMessage(QString());
    });
    connect(m_store, &MailStore::messageUpdated, this, [this](const StoredMessage &m) {
        if (m.id == m_currentId)
            showMessage(m.id);
    });
    updateCount();
    showMessage(QString());
}

void InboxPanel::updateCount()
{
    QString text = tr("%n messages, %1 KiB", nullptr, m_store->count())
                       .arg((m_store->totalSize() + 1023) / 1024);
    if (!m_model->filterText().isEmpty())
        text += QStringLiteral("; ") + tr("%n shown", nullptr, m_model->rowCount());
    if (const int damaged = m_store->damagedCount())
        text += QStringLiteral("; ") + tr("%n damaged", nullptr, damaged);
    m_count->setText(text);
    m_deleteAll->setEnabled(m_store->count() > 0);
}

void InboxPanel::selectMessage(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row, 0));
}

void InboxPanel::showMessage(const QString &id)
{
    m_currentId = m_store->contains(id) ? id : QString();
    m_delete->setEnabled(!m_currentId.isEmpty());
    m_replyButton->setEnabled(!m_currentId.isEmpty());
    m_text->clear();
    m_headers->clear();
    m_raw->clear();
    m_attachments->clear();
    m_transcript->clear();
    m_htmlNote->clear();
    m_html->setMessage(QString(), {});
    m_saveAttachment->setEnabled(false);
    if (m_currentId.isEmpty()) {
        m_envelope->setText(m_store->count() == 0
                                ? tr("No messages yet. Send one to the sandbox and it shows here.")
                                : tr("Select a message."));
        return;
    }
    const StoredMessage meta = m_store->message(m_currentId);
    const QByteArray raw = m_store->content(m_currentId);
    const ParsedMail mail = ParsedMail::parse(raw);

    const QStringList inHeaders = InboxModel::addressesIn(mail.header(QStringLiteral("To"))) +
                                  InboxModel::addressesIn(mail.header(QStringLiteral("Cc")));
    QStringList rcpts;
    for (const QString &r : meta.rcptTo) {
        rcpts << (inHeaders.contains(r.toLower())
                      ? r.toHtmlEscaped()
                      : QStringLiteral("<b>%1</b> %2")
                            .arg(r.toHtmlEscaped(), tr("(envelope only: Bcc)")));
    }
    auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td><b>%1</b>&nbsp;</td><td>%2</td></tr>").arg(label, value);
    };
    QString html = QStringLiteral("<table>");
    html += row(tr("MAIL FROM"), meta.mailFrom.isEmpty() ? QStringLiteral("&lt;&gt;")
                                                         : meta.mailFrom.toHtmlEscaped());
    html += row(tr("RCPT TO"), rcpts.join(QStringLiteral(", ")));
    html += row(tr("From:"), mail.header(QStringLiteral("From")).toHtmlEscaped());
    html += row(tr("To:"), mail.header(QStringLiteral("To")).toHtmlEscaped());
    if (!mail.header(QStringLiteral("Cc")).isEmpty())
        html += row(tr("Cc:"), mail.header(QStringLiteral("Cc")).toHtmlEscaped());
    html += row(tr("Subject:"), mail.header(QStringLiteral("Subject")).toHtmlEscaped());
    html += row(
        tr("Session"),
        tr("%1 bytes by %2 from %3 (EHLO %4); %5; %6")
            .arg(meta.size)
            .arg(meta.transferCommand, meta.peer.toHtmlEscaped(), meta.helo.toHtmlEscaped(),
                 meta.tls.isEmpty() ? tr("no TLS") : meta.tls.toHtmlEscaped(),
                 meta.authUser.isEmpty()
                     ? tr("not authenticated")
                     : tr("AUTH %1 as %2").arg(meta.authMechanism, meta.authUser.toHtmlEscaped())));
    if (!meta.damage.isEmpty())
        html += row(tr("Damaged"), meta.damage.toHtmlEscaped());
    html += QStringLiteral("</table>");
    m_envelope->setText(html);

    m_text->setPlainText(mail.text.isEmpty() && !mail.html.isEmpty()
                             ? tr("(This message has only an HTML body.)")
                             : mail.text);
    QHash<QString, QByteArray> inlineParts;
    for (const ParsedMail::Part &part : mail.parts) {
        if (!part.contentId.isEmpty())
            inlineParts.insert(part.contentId, part.data);
    }
    m_html->setMessage(mail.html.isEmpty() ? tr("<p><i>This message has no HTML body.</i></p>")
                                           : mail.html,
                       inlineParts);
    m_headers->setPlainText(QString::fromUtf8(mail.headerBlock));
    // The Received: header is kept beside the message, not in it, so the stored bytes stay
    // what the client sent; the raw view shows it apart.
    m_raw->setPlainText(tr("(Added by the sandbox, not part of the stored message:)\n%1\n\n")
                            .arg(meta.receivedHeader) +
                        QString::fromUtf8(raw));
    for (const ParsedMail::Part &part : mail.parts) {
        m_attachments->addItem(
            tr("%1 (%2, %3 bytes)")
                .arg(part.fileName.isEmpty() ? tr("unnamed part") : part.fileName, part.contentType)
                .arg(part.data.size()));
    }
    if (m_attachments->count() > 0)
        m_attachments->setCurrentRow(0);
    m_saveAttachment->setEnabled(m_attachments->count() > 0);
    QStringList transcript;
    for (const TranscriptEntry &e : meta.transcript)
        transcript << e.toPlainText();
    m_transcript->setPlainText(transcript.join(QLatin1Char('\n')));
}

bool InboxPanel::saveAttachment(int index, const QString &path, QString *error)
{
    const ParsedMail mail = ParsedMail::parse(m_store->content(m_currentId));
    if (index < 0 || index >= mail.parts.size()) {
        *error = tr("Save attachment: there is no attachment %1").arg(index + 1);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(mail.parts.at(index).data) < 0 ||
        !file.commit()) {
        *error = tr("Save attachment: cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void InboxPanel::onSaveClicked()
{
    const int index = m_attachments->currentRow();
    const ParsedMail mail = ParsedMail::parse(m_store->content(m_currentId));
    if (index < 0 || index >= mail.parts.size())
        return;
    auto *dialog = new QFileDialog(this, tr("Save attachment"), mail.parts.at(index).fileName);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, index](const QString &path) {
        QString error;
        if (saveAttachment(index, path, &error))
            return;
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Save attachment"), error,
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    dialog->open();
}

void InboxPanel::deleteCurrent()
{
    if (m_currentId.isEmpty())
        return;
    const int row = m_model->rowOf(m_currentId);
    m_store->remove(m_currentId);
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(qMin(row, m_model->rowCount() - 1), 0));
}

void InboxPanel::deleteAll()
{
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Delete all messages"),
        tr("Delete all %n messages the sandbox received?", nullptr, m_store->count()),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteAllQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this](int result) {
        if (result == QMessageBox::Yes)
            m_store->removeAll();
    });
    box->open();
}

void InboxPanel::setOrientation(Qt::Orientation orientation)
{
    const bool wide = orientation == Qt::Horizontal;
    m_splitter->setOrientation(orientation);
    // Side by side the list needs room for its envelope columns; stacked, the message does.
    m_splitter->setStretchFactor(0, wide ? 2 : 1);
    m_splitter->setStretchFactor(1, wide ? 3 : 2);
    m_splitter->setSizes(wide ? QList<int>{520, 780} : QList<int>{200, 400});
}

void InboxPanel::focusList()
{
    m_list->setFocus(Qt::ShortcutFocusReason);
}

void InboxPanel::createReplyActions()
{
    using K = ReplyBuilder::Kind;
    const QList<std::pair<K, QString>> kinds = {
        {K::Reply, tr("&Reply")},
        {K::ReplyAll, tr("Reply &All")},
        {K::Forward, tr("&Forward")},
        {K::ForwardAsAttachment, tr("Forward as A&ttachment")},
    };
    auto *menu = new QMenu(this);
    for (const auto &[kind, text] : kinds) {
        auto *action = new QAction(text, this);
        connect(action, &QAction::triggered, this, [this, kind = kind] {
            if (!m_currentId.isEmpty())
                Q_EMIT replyRequested(m_currentId, kind);
        });
        menu->addAction(action);
        m_list->addAction(action);
    }
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    // A click answers the sender; the arrow offers the rest.
    auto *button = new QToolButton;
    button->setObjectName(QStringLiteral("inboxReplyButton"));
    button->setPopupMode(QToolButton::MenuButtonPopup);
    button->setMenu(menu);
    button->setDefaultAction(menu->actions().constFirst());
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAccessibleName(tr("Reply to the selected message"));
    m_replyButton = button;
}
