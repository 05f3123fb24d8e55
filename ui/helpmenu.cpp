#include "helpmenu.h"

#include "aboutdialog.h"
#include "datafoldersdialog.h"
#include "shortcutsdialog.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>

namespace {

template <typename Dialog>
QAction *addDialogItem(QMenu *help, QMainWindow *window, const QString &text, const char *name)
{
    QAction *action = help->addAction(text);
    action->setObjectName(QLatin1String(name));
    QObject::connect(action, &QAction::triggered, window, [window] {
        auto *dialog = new Dialog(window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    return action;
}

} // namespace

void HelpMenu::addItems(QMenu *help, QMainWindow *window)
{
    addDialogItem<ShortcutsDialog>(help, window, tr("&Keyboard Shortcuts"), "shortcutsAction");
    addDialogItem<DataFoldersDialog>(help, window, tr("Where Postwire Keeps Its &Data"),
                                     "dataFoldersAction");
    help->addSeparator();
    addDialogItem<AboutDialog>(help, window, tr("&About Postwire"), "aboutAction")
        ->setMenuRole(QAction::AboutRole);
}
