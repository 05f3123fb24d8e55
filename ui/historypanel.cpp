#include "historypanel.h"

#include "history/attemptexport.h"
#include "historycompareview.h"
#include "transcriptmodel.h"
#include "transcriptview.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

enum Role
{
    IdRole = Qt::UserRole + 1,
    AccountRole,
    ServerRole,
    OutcomeRole,
};

// Rows whose account, server and outcome match the filters' choices (empty: any).
class HistoryFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QString account, server, outcome;
    void update() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex i = sourceModel()->index(row, 0, parent);
        return (account.isNull() || i.data(AccountRole).toString() == account) &&
               (server.isNull() || i.data(ServerRole).toString() == server) &&
               (outcome.isNull() || i.data(OutcomeRole).toString() == outcome);
    }
};

HistoryFilter *filterOf(QSortFilterProxyModel *proxy)
{
    return static_cast<HistoryFilter *>(proxy);
}

// A combo's choice, or a null string for "any".
QString choice(const QComboBox *combo)
{
    return combo->currentIndex() <= 0 ? QString() : combo->currentData().toString();
}

void refill(QComboBox *combo, const QString &any, const QList<QPair<QString, QString>> &items)
{
    const QString kept = choice(combo);
    const QSignalBlocker block(combo);
    combo->clear();
    combo->addItem(any);
    for (const auto &[label, value] : items)
        combo->addItem(label, value);
    const int i = kept.isNull() ? 0 : combo->findData(kept);
    combo->setCurrentIndex(i < 0 ? 0 : i);
}

} // namespace

HistoryPanel::HistoryPanel(const HistoryStore &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_proxy(new HistoryFilter(this))
    , m_list(new QTreeView)
    , m_account(new QComboBox)
    , m_server(new QComboBox)
    , m_outcome(new QComboBox)
    , m_compare(new QPushButton(tr("Compare")))
    , m_export(new QPushButton(tr("Export\u2026")))
    , m_copy(new QToolButton)
    , m_delete(new QPushButton(tr("Delete")))
    , m_limit(new QSpinBox)
    , m_problems(new QLabel)
    , m_details(new QStackedWidget)
    , m_placeholder(new QLabel)
    , m_transcript(new TranscriptModel(this))
    , m_transcriptView(new TranscriptView(m_transcript))
    , m_compareView(new HistoryCompareView)
{
    setObjectName(QStringLiteral("historyPanel"));
    m_model->setHorizontalHeaderLabels(
        {tr("Time"), tr("Outcome"), tr("Server"), tr("Account"), tr("Kind")});
    m_proxy->setSourceModel(m_model);
    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setModel(m_proxy);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAccessibleName(tr("Attempts"));
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);

    m_account->setObjectName(QStringLiteral("historyAccountFilter"));
    m_server->setObjectName(QStringLiteral("historyServerFilter"));
    m_outcome->setObjectName(QStringLiteral("historyOutcomeFilter"));
    m_account->setAccessibleName(tr("Filter by account"));
    m_server->setAccessibleName(tr("Filter by server"));
    m_outcome->setAccessibleName(tr("Filter by outcome"));
    for (QComboBox *combo : {m_account, m_server, m_outcome}) {
        // A long server name must not make the window wider than a laptop's screen.
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
        connect(combo, &QComboBox::currentIndexChanged, this, &HistoryPanel::applyFilters);
    }

    m_compare->setObjectName(QStringLiteral("historyCompare"));
    m_compare->setToolTip(tr("Select two attempts to compare them step by step"));
    m_export->setToolTip(tr("Save the selected attempt as text, HTML or JSON"));
    m_delete->setToolTip(tr("Delete the selected attempts from the history"));
    m_copy->setText(tr("Copy Command"));
    m_copy->setToolTip(tr("Copy the command line that repeats this attempt in a terminal"));
    m_copy->setPopupMode(QToolButton::InstantPopup);
    auto *copyMenu = new QMenu(m_copy);
    copyMenu->addAction(tr("postwire send"), this, [this] { copySelected(false); });
    copyMenu->addAction(tr("swaks"), this, [this] { copySelected(true); });
    m_copy->setMenu(copyMenu);
    connect(m_compare, &QPushButton::clicked, this, &HistoryPanel::compareSelected);
    connect(m_export, &QPushButton::clicked, this, &HistoryPanel::exportSelected);
    connect(m_delete, &QPushButton::clicked, this, &HistoryPanel::deleteSelected);

    m_limit->setRange(1, HistoryStore::MaxLimit);
    m_limit->setValue(m_store.limit());
    m_limit->setAccessibleName(tr("Attempts kept"));
    m_limit->setToolTip(tr("The oldest attempts are removed beyond this number"));
    connect(m_limit, &QSpinBox::editingFinished, this, [this] {
        if (m_limit->value() == m_store.limit())
            return;
        QString error;
        if (!m_store.setLimit(m_limit->value(), &error))
            showProblems({error});
        reload();
    });

    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setStyleSheet(QStringLiteral("color: palette(highlighted-text); background: "
                                             "#b3261e; padding: 3px;"));
    m_problems->hide();

    m_placeholder->setText(tr("Every send and test connection is kept here. Select an attempt "
                              "to read its transcript; select two and press Compare to see "
                              "what changed, step by step."));
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setMargin(12);
    m_details->addWidget(m_placeholder);
    m_details->addWidget(m_transcriptView);
    m_details->addWidget(m_compareView);

    // One row of filters and actions over the whole panel: a low dock keeps its height for
    // the list and the transcript. The combos name what they filter ("All accounts").
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_account);
    bar->addWidget(m_server);
    bar->addWidget(m_outcome);
    bar->addSpacing(12);
    bar->addWidget(m_compare);
    bar->addWidget(m_export);
    bar->addWidget(m_copy);
    bar->addWidget(m_delete);
    bar->addStretch(1);
    auto *keep = new QLabel(tr("Keep last:"));
    keep->setBuddy(m_limit);
    bar->addWidget(keep);
    bar->addWidget(m_limit);

    auto *split = new QSplitter(Qt::Horizontal);
    split->setObjectName(QStringLiteral("historySplitter"));
    split->addWidget(m_list);
    split->addWidget(m_details);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_problems);
    layout->addWidget(split, 1);

    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryPanel::onSelectionChanged);
    reload();
}

QDockWidget *HistoryPanel::makeDock(QMainWindow *window)
{
    auto *dock = new QDockWidget(tr("History"), window);
    dock->setObjectName(QStringLiteral("historyDock"));
    dock->setAccessibleName(tr("History"));
    dock->setWidget(this);
    setMinimumHeight(160);
    window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    dock->hide();
    return dock;
}

void HistoryPanel::watch(AttemptRecorder *recorder)
{
    connect(recorder, &AttemptRecorder::recorded, this,
            [this](const Attempt &attempt, const QString &notice) {
                // The attempt just saved goes on top as it is: reading every kept attempt back
                // from disk after each send stalled the window (a 5,000-recipient send's
                // attempt alone is 10,000 lines of JSON). Eviction removes the oldest.
                if (m_loadProblems.isEmpty()) {
                    m_attempts.prepend(attempt);
                    const int limit = m_store.limit();
                    if (limit > 0 && m_attempts.size() > limit)
                        m_attempts.resize(limit);
                    showRows();
                } else {
                    reload(); // a damaged entry may have been set aside since
                }
                if (!notice.isEmpty())
                    Q_EMIT this->notice(notice);
            });
    connect(recorder, &AttemptRecorder::saveFailed, this, [this](const QString &error) {
        showProblems({error});
        Q_EMIT notice(error);
    });
}

void HistoryPanel::showProblems(const QStringList &problems)
{
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
}

void HistoryPanel::reload()
{
    m_loadProblems.clear();
    m_attempts = m_store.list(&m_loadProblems);
    showProblems(m_loadProblems);
    showRows();
}

void HistoryPanel::showRows()
{
    const QStringList selected = selectedIds();
    m_model->removeRows(0, m_model->rowCount());
    for (const Attempt &a : std::as_const(m_attempts)) {
        QList<QStandardItem *> row;
        auto *time = new QStandardItem(
            a.started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        time->setData(a.id, IdRole);
        time->setData(a.account, AccountRole);
        time->setData(a.server(), ServerRole);
        time->setData(Attempt::outcomeName(a.outcome), OutcomeRole);
        time->setToolTip(a.id);
        auto *outcome = new QStandardItem(Attempt::outcomeLabel(a.outcome));
        outcome->setToolTip(a.message);
        if (a.outcome != Attempt::Outcome::Success)
            outcome->setForeground(QColor(0xb3, 0x26, 0x1e));
        row << time << outcome << new QStandardItem(a.server()) << new QStandardItem(a.account)
            << new QStandardItem(Attempt::kindLabel(a.kind));
        m_model->appendRow(row);
    }
    fillFilters();
    applyFilters();
    selectIds(selected);
    if (!m_limit->hasFocus())
        m_limit->setValue(m_store.limit());
}

void HistoryPanel::fillFilters()
{
    QList<QPair<QString, QString>> accounts, servers, outcomes;
    QStringList seenAccounts, seenServers, seenOutcomes;
    for (const Attempt &a : std::as_const(m_attempts)) {
        if (!seenAccounts.contains(a.account)) {
            seenAccounts << a.account;
            accounts << qMakePair(a.account.isEmpty() ? tr("(command line)") : a.account,
                                  a.account);
        }
        if (!seenServers.contains(a.server())) {
            seenServers << a.server();
            servers << qMakePair(a.server(), a.server());
        }
        const QString outcome = Attempt::outcomeName(a.outcome);
        if (!seenOutcomes.contains(outcome)) {
            seenOutcomes << outcome;
            outcomes << qMakePair(Attempt::outcomeLabel(a.outcome), outcome);
        }
    }
    refill(m_account, tr("All accounts"), accounts);
    refill(m_server, tr("All servers"), servers);
    refill(m_outcome, tr("Any outcome"), outcomes);
}

void HistoryPanel::applyFilters()
{
    HistoryFilter *f = filterOf(m_proxy);
    f->account = choice(m_account);
    f->server = choice(m_server);
    f->outcome = choice(m_outcome);
    f->update();
    onSelectionChanged();
}

QStringList HistoryPanel::shownIds() const
{
    QStringList out;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        out << m_proxy->index(r, 0).data(IdRole).toString();
    return out;
}

QStringList HistoryPanel::selectedIds() const
{
    QStringList out;
    if (!m_list->selectionModel())
        return out;
    QModelIndexList rows = m_list->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &i : rows)
        out << i.data(IdRole).toString();
    return out;
}

void HistoryPanel::selectIds(const QStringList &ids)
{
    QItemSelection selection;
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex i = m_proxy->index(r, 0);
        if (ids.contains(i.data(IdRole).toString()))
            selection.select(i, m_proxy->index(r, ColumnCount - 1));
    }
    m_list->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

const Attempt *HistoryPanel::find(const QString &id) const
{
    for (const Attempt &a : m_attempts) {
        if (a.id == id)
            return &a;
    }
    return nullptr;
}

void HistoryPanel::onSelectionChanged()
{
    const QStringList ids = selectedIds();
    m_compare->setEnabled(ids.size() == 2);
    m_export->setEnabled(ids.size() == 1);
    m_copy->setEnabled(ids.size() == 1);
    m_delete->setEnabled(!ids.isEmpty());
    if (ids.size() == 1)
        openAttempt(ids.first());
    else if (ids.isEmpty())
        m_details->setCurrentWidget(m_placeholder);
}

void HistoryPanel::openAttempt(const QString &id)
{
    const Attempt *a = find(id);
    if (!a)
        return;
    m_transcript->clear();
    m_transcript->beginSection(a->server(), a->account, a->started.toLocalTime());
    m_transcript->appendEntries(a->entries);
    m_details->setCurrentWidget(m_transcriptView);
    m_transcriptView->listView()->scrollToTop(); // read from the greeting, not the end
}

void HistoryPanel::compareAttempts(const QString &left, const QString &right)
{
    const Attempt *a = find(left), *b = find(right);
    if (!a || !b)
        return;
    m_compareView->compare(*a, *b);
    m_details->setCurrentWidget(m_compareView);
}

void HistoryPanel::compareSelected()
{
    const QStringList ids = selectedIds();
    if (ids.size() != 2)
        return;
    // Listed newest first: the older one is A, so "+1500 ms" means B got slower.
    compareAttempts(ids.at(1), ids.at(0));
}

bool HistoryPanel::exportTo(const QString &id, const QString &path, QString *error) const
{
    const Attempt *a = find(id);
    if (!a) {
        *error = tr("The attempt %1 is no longer in the history.").arg(id);
        return false;
    }
    QSaveFile file(path);
    const QByteArray bytes = AttemptExport::exported(*a, AttemptExport::formatForFile(path));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = tr("Cannot save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void HistoryPanel::exportSelected()
{
    const QStringList ids = selectedIds();
    if (ids.size() != 1)
        return;
    const QString id = ids.first();
    auto *dialog =
        new QFileDialog(this, tr("Export Attempt"),
                        QDir::home().filePath(QStringLiteral("postwire-%1.html").arg(id)));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    const QStringList filters = {tr("HTML, explanations visible (*.html)"),
                                 tr("Text, explanations inline (*.txt)"),
                                 tr("JSON, one object per event (*.json)")};
    dialog->setNameFilters(filters);
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog](const QString &filter) {
        const qsizetype dot = filter.lastIndexOf(QStringLiteral("*."));
        dialog->setDefaultSuffix(filter.mid(dot + 2).chopped(1));
    });
    dialog->setDefaultSuffix(QStringLiteral("html"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, id](const QString &path) {
        QString error;
        if (exportTo(id, path, &error))
            Q_EMIT notice(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
        else
            showProblems({error});
    });
    dialog->open();
}

QString HistoryPanel::copyCommand(const QString &id, bool swaks) const
{
    const Attempt *a = find(id);
    if (!a)
        return QString();
    const QString line =
        swaks ? AttemptExport::swaksCommand(*a) : AttemptExport::postwireCommand(*a);
    QApplication::clipboard()->setText(line);
    return line;
}

void HistoryPanel::copySelected(bool swaks)
{
    const QStringList ids = selectedIds();
    if (ids.size() != 1)
        return;
    const QString line = copyCommand(ids.first(), swaks);
    Q_EMIT notice(!find(ids.first())->user.isEmpty()
                      ? tr("Copied: %1 (set %2 to the password first)")
                            .arg(line, AttemptExport::passwordVariable())
                      : tr("Copied: %1").arg(line));
}

bool HistoryPanel::deleteAttempts(const QStringList &ids, QString *error)
{
    bool ok = true;
    QStringList problems;
    for (const QString &id : ids) {
        QString why;
        if (!m_store.remove(id, &why)) {
            ok = false;
            problems << why;
        }
    }
    *error = problems.join(QLatin1Char('\n'));
    reload();
    return ok;
}

void HistoryPanel::deleteSelected()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Delete Attempts"),
                        tr("Delete %n attempts from the history?", nullptr, int(ids.size())),
                        QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *remove = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, remove, ids] {
        if (box->clickedButton() != remove)
            return;
        QString error;
        if (!deleteAttempts(ids, &error))
            showProblems({error});
    });
    box->open();
}
