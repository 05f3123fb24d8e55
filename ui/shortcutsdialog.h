// Keyboard shortcuts of a window, read from its actions (menus first, in menu order, then
// any other action with a shortcut), so the list cannot drift from what the keys do.
#pragma once

#include <QDialog>

class QAction;
class QTreeWidget;

class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    // window: the window whose actions are listed (the dialog's parent).
    explicit ShortcutsDialog(QWidget *window);

    struct Entry
    {
        QString place;  // "File", "Message", ... or "Window" for actions in no menu
        QString action; // the action's text without '&' and the trailing ellipsis
        QString keys;   // every shortcut, as the platform shows it, comma-separated
    };
    static QList<Entry> entries(QWidget *window);

private:
    QTreeWidget *m_table;
};
