#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

QString plain(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    text.replace(QStringLiteral("&&"), QStringLiteral("&"));
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    return text;
}

QString keysOf(const QAction *action)
{
    QStringList keys;
    for (const QKeySequence &k : action->shortcuts())
        keys << k.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}

void collect(const QMenu *menu, const QString &place, QSet<const QAction *> *seen,
             QList<ShortcutsDialog::Entry> *out)
{
    for (QAction *a : menu->actions()) {
        if (a->menu()) {
            collect(a->menu(), place + QStringLiteral(" > ") + plain(a->text()), seen, out);
            continue;
        }
        if (a->isSeparator() || a->shortcuts().isEmpty() || seen->contains(a))
            continue;
        seen->insert(a);
        out->append({place, plain(a->text()), keysOf(a)});
    }
}

} // namespace

QList<ShortcutsDialog::Entry> ShortcutsDialog::entries(QWidget *window)
{
    QList<Entry> out;
    QSet<const QAction *> seen;
    if (auto *main = qobject_cast<QMainWindow *>(window)) {
        for (QAction *top : main->menuBar()->actions()) {
            if (top->menu())
                collect(top->menu(), plain(top->text()), &seen, &out);
        }
    }
    // Shortcuts of actions in no menu (a pane's own, a toolbar's) work all the same. Panes
    // that each have e.g. a Find Next on F3 are listed once: the key does the same in each.
    QSet<QString> listed;
    for (const Entry &e : std::as_const(out))
        listed.insert(e.action + QLatin1Char('\t') + e.keys);
    for (QAction *a : window->findChildren<QAction *>()) {
        if (a->shortcuts().isEmpty() || seen.contains(a) || a->text().isEmpty())
            continue;
        seen.insert(a);
        const Entry e{tr("Window"), plain(a->text()), keysOf(a)};
        if (!listed.contains(e.action + QLatin1Char('\t') + e.keys)) {
            listed.insert(e.action + QLatin1Char('\t') + e.keys);
            out.append(e);
        }
    }
    return out;
}

ShortcutsDialog::ShortcutsDialog(QWidget *window)
    : QDialog(window)
    , m_table(new QTreeWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_table->setObjectName(QStringLiteral("shortcutsTable"));
    m_table->setColumnCount(3);
    m_table->setHeaderLabels({tr("Keys"), tr("Action"), tr("Menu")});
    m_table->setRootIsDecorated(false);
    m_table->setAlternatingRowColors(true);
    for (const Entry &e : entries(window))
        m_table->addTopLevelItem(new QTreeWidgetItem({e.keys, e.action, e.place}));
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(560, 480);
}
