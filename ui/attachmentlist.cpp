#include "attachmentlist.h"

#include "smtp/explain.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMimeData>
#include <QMimeDatabase>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
enum Column
{
    NameColumn,
    TypeColumn,
    SizeColumn
};
const int PathRole = Qt::UserRole;
const int SizeRole = Qt::UserRole + 1;
const int ShownNameRole = Qt::UserRole + 2;
const int ContentTypeRole = Qt::UserRole + 3;
} // namespace

AttachmentList::AttachmentList(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget)
    , m_total(new QLabel)
    , m_add(new QToolButton)
    , m_remove(new QToolButton)
{
    setAcceptDrops(true);
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Attachment"), tr("Type"), tr("Size")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setAccessibleName(tr("Attachments"));
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(TypeColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(SizeColumn, QHeaderView::ResizeToContents);
    m_tree->installEventFilter(this);

    m_add->setText(tr("&Attach\u2026"));
    m_add->setToolTip(tr("Add files (or drop them on the window)"));
    m_add->setAccessibleName(tr("Attach files"));
    m_remove->setText(tr("Remove"));
    m_remove->setToolTip(tr("Remove the selected attachments (Delete)"));
    m_remove->setAccessibleName(tr("Remove selected attachments"));
    m_remove->setEnabled(false);
    m_total->setAccessibleName(tr("Attachments total"));
    connect(m_add, &QToolButton::clicked, this, &AttachmentList::chooseFiles);
    connect(m_remove, &QToolButton::clicked, this, &AttachmentList::removeSelected);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_readOnly && !m_tree->selectedItems().isEmpty()); });

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_total, 1);
    bar->addWidget(m_add);
    bar->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_tree);
    updateTotal();
}

void AttachmentList::addAttachment(const Attachment &attachment)
{
    const QFileInfo info(attachment.path);
    auto *item = new QTreeWidgetItem(m_tree);
    const QString name = attachment.shownName();
    QString type = attachment.contentType;
    if (type.isEmpty()) {
        static const QMimeDatabase db;
        type = db.mimeTypeForFile(info).name();
    }
    item->setText(NameColumn, name);
    item->setText(TypeColumn, type);
    item->setData(NameColumn, PathRole, attachment.path);
    item->setData(NameColumn, ShownNameRole, attachment.name);
    item->setData(NameColumn, ContentTypeRole, attachment.contentType);
    item->setToolTip(NameColumn, attachment.path);
    if (info.exists()) {
        item->setText(SizeColumn, SmtpExplain::formatSize(info.size()));
        item->setData(NameColumn, SizeRole, info.size());
    } else {
        item->setText(SizeColumn, tr("missing"));
        item->setData(NameColumn, SizeRole, qint64(0));
    }
    item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
}

void AttachmentList::addFiles(const QStringList &paths)
{
    if (m_readOnly)
        return;
    QStringList present;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        present << m_tree->topLevelItem(i)->data(NameColumn, PathRole).toString();
    bool added = false;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isFile() || present.contains(info.absoluteFilePath()))
            continue;
        Attachment a;
        a.path = info.absoluteFilePath();
        addAttachment(a);
        present << a.path;
        added = true;
    }
    if (added) {
        updateTotal();
        Q_EMIT changed();
    }
}

QList<Attachment> AttachmentList::attachments() const
{
    QList<Attachment> out;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_tree->topLevelItem(i);
        Attachment a;
        a.path = item->data(NameColumn, PathRole).toString();
        a.name = item->data(NameColumn, ShownNameRole).toString();
        a.contentType = item->data(NameColumn, ContentTypeRole).toString();
        out.append(a);
    }
    return out;
}

void AttachmentList::setAttachments(const QList<Attachment> &attachments)
{
    m_tree->clear();
    for (const Attachment &a : attachments)
        addAttachment(a);
    updateTotal();
    Q_EMIT changed();
}

void AttachmentList::clear()
{
    setAttachments({});
}

int AttachmentList::count() const
{
    return m_tree->topLevelItemCount();
}

qint64 AttachmentList::totalSize() const
{
    qint64 total = 0;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        total += m_tree->topLevelItem(i)->data(NameColumn, SizeRole).toLongLong();
    return total;
}

QString AttachmentList::problem()
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        const QFileInfo info(item->data(NameColumn, PathRole).toString());
        QString why;
        if (!info.exists())
            why = tr("file does not exist any more (%1)").arg(info.filePath());
        else if (!info.isFile())
            why = tr("not a file (%1)").arg(info.filePath());
        else if (!info.isReadable())
            why = tr("file cannot be read (%1)").arg(info.filePath());
        if (!why.isEmpty()) {
            m_tree->setCurrentItem(item);
            item->setText(SizeColumn, info.exists() ? item->text(SizeColumn) : tr("missing"));
            return tr("Attachment %1: %2").arg(item->text(NameColumn), why);
        }
    }
    return QString();
}

void AttachmentList::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_add->setEnabled(!readOnly);
    m_remove->setEnabled(!readOnly && !m_tree->selectedItems().isEmpty());
    setAcceptDrops(!readOnly);
}

void AttachmentList::chooseFiles()
{
    if (m_readOnly)
        return;
    auto *dialog = new QFileDialog(this, tr("Attach Files"));
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::filesSelected, this, &AttachmentList::addFiles);
    dialog->open();
}

void AttachmentList::removeSelected()
{
    if (m_readOnly)
        return;
    const QList<QTreeWidgetItem *> items = m_tree->selectedItems();
    if (items.isEmpty())
        return;
    qDeleteAll(items);
    updateTotal();
    Q_EMIT changed();
}

void AttachmentList::updateTotal()
{
    const int n = count();
    m_total->setText(n == 0 ? tr("No attachments")
                            : tr("%n attachments, %1 in total", nullptr, n)
                                  .arg(SmtpExplain::formatSize(totalSize())));
    m_tree->setVisible(n > 0);
}

void AttachmentList::dragEnterEvent(QDragEnterEvent *event)
{
    if (!m_readOnly && event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void AttachmentList::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    addFiles(paths);
    event->acceptProposedAction();
}

bool AttachmentList::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Delete)) {
        removeSelected();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}
