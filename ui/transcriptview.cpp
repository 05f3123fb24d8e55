#include "transcriptview.h"

#include "transcriptdelegate.h"
#include "transcriptheader.h"
#include "transcriptmodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMouseEvent>
#include <QSaveFile>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

TranscriptView::TranscriptView(TranscriptModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_delegate(new TranscriptDelegate(this))
    , m_header(new TranscriptHeader)
    , m_list(new QListView)
    , m_search(new QLineEdit)
    , m_searchStatus(new QLabel)
    , m_note(new QTextBrowser)
    , m_splitter(new QSplitter(Qt::Vertical))
    , m_follow(new QTimer(this))
    , m_newBelow(new QToolButton)
    , m_hint(new QLabel)
{
    setAccessibleName(tr("Transcript pane"));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    m_list->setModel(m_model);
    m_list->setItemDelegate(m_delegate);
    m_list->setFont(fixed);
    // Uniform sizes let the view skip measuring rows: 100,000 lines lay out instantly.
    m_list->setUniformItemSizes(true);
    // Focusing the pane (Ctrl+T) puts the keyboard in the list, where Up/Down/Enter work.
    setFocusProxy(m_list);
    m_list->setLayoutMode(QListView::SinglePass);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAccessibleName(tr("SMTP transcript"));
    m_list->setAccessibleDescription(
        tr("Each line of the dialogue with the server. Right or Enter expands a line with "
           "details, Left collapses it."));
    m_list->installEventFilter(this);
    m_list->viewport()->installEventFilter(this);
    m_header->setColumnFont(fixed);

    // A blank pane on a first run says nothing; the hint says what will appear here.
    m_hint->setObjectName(QStringLiteral("transcriptHint"));
    m_hint->setText(tr("When you send, the dialogue with the server appears here, line by line: "
                       "what Postwire says (C:) and what the server answers (S:). Select a line "
                       "to read what it means."));
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setEnabled(false); // drawn greyed, as a placeholder is
    auto *hintLayout = new QVBoxLayout(m_list->viewport());
    hintLayout->addWidget(m_hint);
    const auto updateHint = [this] { m_hint->setVisible(m_model->rowCount() == 0); };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, updateHint);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, updateHint);
    connect(m_model, &QAbstractItemModel::modelReset, this, updateHint);
    updateHint();

    m_note->setAccessibleName(tr("Explanation of the selected line"));
    m_note->setOpenExternalLinks(false);
    m_note->setPlaceholderText(tr("Select a line to see what it means."));

    m_search->setPlaceholderText(tr("Search transcript (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search transcript"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);

    // Find works from anywhere in the window (one transcript per window): from the compose
    // form Ctrl+F must search, not type into the text. Copy stays the list's own, as the
    // form's fields copy their text with the same keys.
    m_find = new QAction(tr("&Find in Transcript"), this);
    m_find->setShortcut(QKeySequence::Find);
    m_find->setShortcutContext(Qt::WindowShortcut);
    connect(m_find, &QAction::triggered, this, &TranscriptView::focusSearch);
    m_findNext = new QAction(tr("Find &Next"), this);
    m_findNext->setShortcut(QKeySequence::FindNext);
    m_findNext->setShortcutContext(Qt::WindowShortcut);
    m_findNext->setToolTip(tr("Next match (F3)"));
    m_findNext->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    connect(m_findNext, &QAction::triggered, this, [this] { findNext(false); });
    m_findPrevious = new QAction(tr("Find &Previous"), this);
    m_findPrevious->setShortcut(QKeySequence::FindPrevious);
    m_findPrevious->setShortcutContext(Qt::WindowShortcut);
    m_findPrevious->setToolTip(tr("Previous match (Shift+F3)"));
    m_findPrevious->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    connect(m_findPrevious, &QAction::triggered, this, [this] { findNext(true); });
    m_copy = new QAction(tr("&Copy Lines"), this);
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetShortcut);
    connect(m_copy, &QAction::triggered, this, &TranscriptView::copySelection);
    m_list->addAction(m_copy);
    m_save = new QAction(tr("Save Transcript As\u2026"), this);
    m_save->setToolTip(tr("Save the transcript as text or HTML"));
    connect(m_save, &QAction::triggered, this, &TranscriptView::save);
    m_clear = new QAction(tr("C&lear Transcript"), this);
    m_clear->setToolTip(tr("Remove every line of the transcript"));
    connect(m_clear, &QAction::triggered, this, &TranscriptView::clear);
    addAction(m_find);
    addAction(m_findNext);
    addAction(m_findPrevious);

    auto button = [](QAction *action, const QString &accessible) {
        auto *b = new QToolButton;
        b->setDefaultAction(action);
        b->setAccessibleName(accessible);
        b->setAutoRaise(true);
        return b;
    };
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_searchStatus);
    bar->addWidget(button(m_findPrevious, tr("Previous match")));
    bar->addWidget(button(m_findNext, tr("Next match")));
    auto *copyButton = button(m_copy, tr("Copy selected lines"));
    copyButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addWidget(copyButton);
    auto *saveButton = button(m_save, tr("Save transcript"));
    saveButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addWidget(saveButton);
    auto *clearButton = button(m_clear, tr("Clear transcript"));
    clearButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addWidget(clearButton);

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->setSpacing(2);
    topLayout->addLayout(bar);
    topLayout->addWidget(m_header);
    topLayout->addWidget(m_list, 1);
    // While the person reads older lines the dialogue goes on below: said, never yanked.
    m_newBelow->setObjectName(QStringLiteral("newLinesBelow"));
    m_newBelow->setText(tr("New lines below \u2193"));
    m_newBelow->setToolTip(tr("Go to the end of the transcript"));
    m_newBelow->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_newBelow->setAutoRaise(true);
    m_newBelow->hide();
    connect(m_newBelow, &QToolButton::clicked, this, [this] {
        m_list->scrollToBottom();
        m_newBelow->hide();
    });
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value >= m_list->verticalScrollBar()->maximum() - 2)
            m_newBelow->hide();
    });
    topLayout->addWidget(m_newBelow, 0, Qt::AlignRight);
    m_splitter->addWidget(top);
    m_splitter->addWidget(m_note);
    m_splitter->setStretchFactor(0, 4);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_delegate->setSearchText(text);
        m_searchStatus->clear();
        m_list->viewport()->update();
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] { findNext(false); });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showNote(current); });
    connect(m_list, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        m_model->toggleExpanded(index.row());
        showNote(index);
    });
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            &TranscriptView::onRowsAboutToBeInserted);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TranscriptView::onRowsInserted);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_note->clear(); });

    // Rows arrive in bursts (a pipelined reply); one scroll per burst is enough.
    m_follow->setSingleShot(true);
    m_follow->setInterval(0);
    connect(m_follow, &QTimer::timeout, m_list, &QListView::scrollToBottom);
}

void TranscriptView::onRowsAboutToBeInserted()
{
    const QScrollBar *bar = m_list->verticalScrollBar();
    // A scroll to the end still pending (rows of a burst, a new section) counts as at the end.
    m_atBottom = m_follow->isActive() || bar->value() >= bar->maximum() - 2;
}

void TranscriptView::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    Q_UNUSED(parent)
    bool newSection = false;
    for (int row = first; row <= last && !newSection; ++row)
        newSection = m_model->kind(row) == TranscriptModel::RowKind::Section;
    if (newSection) {
        // A new send is what the person wants to watch, wherever they were reading; a line of
        // an earlier attempt stays explained no longer.
        m_list->selectionModel()->clear();
        m_note->clear();
        m_newBelow->hide();
        m_atBottom = true;
    }
    // Within a send, follow the dialogue only when the reader is at the end.
    if (m_atBottom) {
        if (!m_follow->isActive())
            m_follow->start();
    } else {
        m_newBelow->show();
    }
}

void TranscriptView::showNote(const QModelIndex &index)
{
    if (!index.isValid()) {
        m_note->clear();
        return;
    }
    const int row = index.row();
    QString html =
        QStringLiteral("<p><b><tt>%1</tt></b></p><p>%2</p>")
            .arg(m_model->rowText(row).toHtmlEscaped(), m_model->explanation(row).toHtmlEscaped());
    const QList<TranscriptModel::Extension> exts = m_model->extensions(row);
    if (!exts.isEmpty()) {
        html += QStringLiteral("<p>") + tr("The server's extensions:") +
                QStringLiteral("</p><table cellspacing=\"0\" cellpadding=\"2\">");
        for (const TranscriptModel::Extension &e : exts) {
            html += QStringLiteral("<tr><td><tt><b>%1</b> %2</tt></td><td>%3</td></tr>")
                        .arg(e.keyword.toHtmlEscaped(), e.parameters.toHtmlEscaped(),
                             e.meaning.toHtmlEscaped());
        }
        html += QStringLiteral("</table>");
    }
    if (m_noteExtra) {
        if (const QString extra = m_noteExtra(row); !extra.isEmpty())
            html += QStringLiteral("<p><i>") + extra.toHtmlEscaped() + QStringLiteral("</i></p>");
    }
    const QString details = index.data(TranscriptModel::DetailsRole).toString();
    if (!details.isEmpty())
        html += QStringLiteral("<pre>") + details.toHtmlEscaped() + QStringLiteral("</pre>");
    if (m_model->isExpandable(row))
        html += QStringLiteral("<p><i>") +
                tr("Press Enter or double-click the line to expand or collapse it.") +
                QStringLiteral("</i></p>");
    m_note->setHtml(html);
}

void TranscriptView::setLinkedRows(const QList<int> &rows)
{
    const QSet<int> set(rows.begin(), rows.end());
    if (set == m_delegate->linkedRows())
        return;
    m_delegate->setLinkedRows(set);
    m_list->viewport()->update();
}

QList<int> TranscriptView::linkedRows() const
{
    QList<int> rows(m_delegate->linkedRows().begin(), m_delegate->linkedRows().end());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void TranscriptView::showNoteText(const QString &title, const QString &text)
{
    m_note->setHtml(QStringLiteral("<p><b>%1</b></p><p>%2</p>")
                        .arg(title.toHtmlEscaped(), text.toHtmlEscaped()));
}

void TranscriptView::showSelectedNote()
{
    showNote(m_list->currentIndex());
}

bool TranscriptView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const QModelIndex current = m_list->currentIndex();
        const int row = current.row();
        if (current.isValid() && m_model->isExpandable(row)) {
            bool handled = true;
            switch (key->key()) {
            case Qt::Key_Right:
            case Qt::Key_Plus:
                m_model->setExpanded(row, true);
                break;
            case Qt::Key_Left:
            case Qt::Key_Minus:
                m_model->setExpanded(row, false);
                break;
            case Qt::Key_Return:
            case Qt::Key_Enter:
            case Qt::Key_Space:
                m_model->toggleExpanded(row);
                break;
            default:
                handled = false;
            }
            if (handled) {
                showNote(current);
                return true;
            }
        }
    } else if (watched == m_list->viewport() && event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        const QModelIndex index = m_list->indexAt(mouse->position().toPoint());
        if (index.isValid() && m_model->isExpandable(index.row())) {
            const QFontMetrics fm(m_list->font());
            const int textLeft = TranscriptDelegate::columns(fm).text;
            const int x = mouse->position().toPoint().x();
            if (x >= textLeft - TranscriptDelegate::expanderWidth(fm) - 2 && x < textLeft) {
                m_model->toggleExpanded(index.row());
                showNote(index);
            }
        }
    } else if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            m_search->clear();
            m_list->setFocus();
            return true;
        }
        if (key->key() == Qt::Key_Down) {
            m_list->setFocus();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool TranscriptView::findNext(bool backwards)
{
    const QString needle = m_search->text();
    if (needle.isEmpty())
        return false;
    const int from = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
    const int row = m_model->find(needle, from, backwards);
    if (row < 0) {
        m_searchStatus->setText(tr("not found"));
        return false;
    }
    m_searchStatus->clear();
    const QModelIndex index = m_model->index(row);
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

QString TranscriptView::selectedText() const
{
    QList<int> rows;
    const QModelIndexList selected = m_list->selectionModel()->selectedRows();
    rows.reserve(selected.size());
    for (const QModelIndex &i : selected)
        rows.append(i.row());
    if (rows.isEmpty())
        return QString();
    std::sort(rows.begin(), rows.end());
    return m_model->toPlainText(rows);
}

void TranscriptView::copySelection()
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void TranscriptView::addFooter(QWidget *footer)
{
    // Under the list and its "New lines below", where the dialogue's next line would appear.
    if (auto *box = qobject_cast<QVBoxLayout *>(m_list->parentWidget()->layout()))
        box->addWidget(footer);
}

bool TranscriptView::saveTo(const QString &path, QString *error) const
{
    const bool html = path.endsWith(QLatin1String(".html"), Qt::CaseInsensitive) ||
                      path.endsWith(QLatin1String(".htm"), Qt::CaseInsensitive);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot save the transcript to %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write((html ? m_model->toHtml() : m_model->toPlainText()).toUtf8());
    if (!file.commit()) {
        *error = tr("Cannot save the transcript to %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void TranscriptView::save()
{
    auto *dialog =
        new QFileDialog(this, tr("Save Transcript"), QString(), tr("Text (*.txt);;HTML (*.html)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("txt"));
    dialog->selectFile(QStringLiteral("transcript.txt"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog](const QString &filter) {
        dialog->setDefaultSuffix(filter.contains(QLatin1String("html")) ? QStringLiteral("html")
                                                                        : QStringLiteral("txt"));
    });
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error;
        if (saveTo(path, &error))
            Q_EMIT saved(path);
        else
            Q_EMIT saveFailed(error);
    });
    dialog->open();
}

void TranscriptView::clear()
{
    m_model->clear();
}

void TranscriptView::setPlaceholderText(const QString &text)
{
    m_hint->setText(text);
}

void TranscriptView::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}
