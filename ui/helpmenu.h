// The Help menu's own items: About Postwire, Keyboard Shortcuts, and where Postwire keeps its
// data. Each opens a non-modal dialog that deletes itself when closed.
#pragma once

#include <QCoreApplication>

class QMainWindow;
class QMenu;

class HelpMenu
{
    Q_DECLARE_TR_FUNCTIONS(HelpMenu)
public:
    // Adds the items to help (the window's "&Help" menu, object name "helpMenu").
    static void addItems(QMenu *help, QMainWindow *window);
};
