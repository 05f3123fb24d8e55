#include "sentpanel.h"

#include "account/sentstore.h"

#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
constexpr int IdRole = Qt::UserRole;
constexpr qint64 PreviewLimit = 1024 * 1024; // a preview, not a viewer for a 30 MB attachment
} // namespace

SentPanel::SentPanel(SentStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_search(new QLineEdit)
    , m_list(new QTreeWidget)
    , m_count(new QLabel)
    , m_details(new QLabel)
    , m_preview(new QPlainTextEdit)
    , m_useAsNew(new QPushButton(tr("&Use as New")))
    , m_sendAgain(new QPushButton(tr("Send A&gain")))
    , m_attempt(new QPushButton(tr("Show &Attempt")))
    , m_delete(new QPushButton(tr("&Delete")))
{
    setObjectName(QStringLiteral("sentPanel"));
    m_search->setObjectName(QStringLiteral("sentSearch"));
    m_search->setPlaceholderText(tr("Search sent messages (subject, recipient, account)"));
    m_search->setAccessibleName(tr("Search sent messages"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("sentList"));
    m_list->setAccessibleName(tr("Sent messages"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Sent"), tr("To"), tr("Subject"), tr("Account"), tr("Outcome")});
    m_list->header()->setStretchLastSection(true);
    m_count->setObjectName(QStringLiteral("sentCount"));
    m_details->setObjectName(QStringLiteral("sentDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setObjectName(QStringLiteral("sentPreview"));
    m_preview->setAccessibleName(tr("The message as it was sent"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_useAsNew->setToolTip(tr("Put this message in the form, to change it and send it"));
    m_sendAgain->setToolTip(tr("Put this message in the form and send it again at once"));
    m_attempt->setToolTip(tr("Show the SMTP dialogue of this send in the history"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_count);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_useAsNew);
    buttons->addWidget(m_sendAgain);
    buttons->addWidget(m_attempt);
    buttons->addStretch(1);
    buttons->addWidget(m_delete);
    auto *detail = new QWidget;
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_details);
    detailLayout->addWidget(m_preview, 1);
    detailLayout->addLayout(buttons);
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_list);
    splitter->addWidget(detail);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(m_search, &QLineEdit::textChanged, this, &SentPanel::reload);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &SentPanel::showCurrent);
    connect(m_list, &QTreeWidget::itemActivated, this,
            [this] { Q_EMIT useAsNewRequested(currentId()); });
    connect(m_useAsNew, &QPushButton::clicked, this,
            [this] { Q_EMIT useAsNewRequested(currentId()); });
    connect(m_sendAgain, &QPushButton::clicked, this,
            [this] { Q_EMIT sendAgainRequested(currentId()); });
    connect(m_attempt, &QPushButton::clicked, this,
            [this] { Q_EMIT attemptRequested(m_store->entry(currentId()).attemptId); });
    connect(m_delete, &QPushButton::clicked, this, &SentPanel::deleteCurrent);
    reload();
}

QString SentPanel::currentId() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, IdRole).toString() : QString();
}

void SentPanel::selectEntry(const QString &id)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->data(0, IdRole).toString() == id)
            m_list->setCurrentItem(m_list->topLevelItem(i));
    }
}

void SentPanel::reload()
{
    const QString current = currentId();
    m_list->clear();
    const QList<SentEntry> found = m_store->search(m_search->text());
    for (const SentEntry &e : found) {
        auto *item = new QTreeWidgetItem(
            {QLocale().toString(e.sent.toLocalTime(), QLocale::ShortFormat),
             e.to.join(QStringLiteral(", ")), e.subject, e.account,
             e.partial ? tr("Some recipients refused: %1").arg(e.outcome) : e.outcome});
        item->setData(0, IdRole, e.id);
        m_list->addTopLevelItem(item);
    }
    m_count->setText(m_search->text().trimmed().isEmpty()
                         ? tr("%n messages", nullptr, m_store->count())
                         : tr("%1 of %2").arg(found.size()).arg(m_store->count()));
    selectEntry(current);
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    showCurrent();
}

void SentPanel::showCurrent()
{
    const QString id = currentId();
    const bool any = !id.isEmpty();
    for (QPushButton *b : {m_useAsNew, m_sendAgain, m_delete})
        b->setEnabled(any);
    const SentEntry e = m_store->entry(id);
    m_attempt->setEnabled(any && !e.attemptId.isEmpty());
    m_preview->clear();
    if (!any) {
        m_details->setText(m_store->count() == 0 ? tr("No message sent yet.") : QString());
        return;
    }
    m_details->setText(tr("From %1 with the account \"%2\"; %3").arg(e.from, e.account, e.outcome));
    QFile file(m_store->emlPath(id));
    if (!file.open(QIODevice::ReadOnly)) {
        m_preview->setPlainText(tr("No copy of the bytes was kept (the message was too large to "
                                   "record, or went straight to the recipients' servers). "
                                   "Use as New still brings the form back."));
        return;
    }
    QString text = QString::fromUtf8(file.read(PreviewLimit));
    if (file.size() > PreviewLimit)
        text += QLatin1Char('\n') + tr("[\u2026 %1 more bytes]").arg(file.size() - PreviewLimit);
    m_preview->setPlainText(text);
}

void SentPanel::deleteCurrent()
{
    const QString id = currentId();
    if (id.isEmpty())
        return;
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Delete Sent Message"),
                        tr("Delete \"%1\" from the Sent folder?").arg(m_store->entry(id).subject),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("sentDeleteQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, id] {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        QString error;
        if (!m_store->remove(id, &error))
            Q_EMIT notice(error);
        reload();
    });
    box->open();
}
