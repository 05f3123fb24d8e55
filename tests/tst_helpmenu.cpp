// The Help menu: About names the version and the Qt in use and the licences, Keyboard
// Shortcuts lists exactly the window's actions that have shortcuts, and the data folders
// dialog shows the folders Postwire really writes to and opens them.
#include "aboutdialog.h"
#include "composewindow.h"
#include "datafoldersdialog.h"
#include "shortcutsdialog.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QtTest>

class TestHelpMenu : public QObject
{
    Q_OBJECT

    template <typename Dialog> static Dialog *openFromMenu(ComposeWindow &w, const char *actionName)
    {
        auto *help = w.findChild<QMenu *>(QStringLiteral("helpMenu"));
        if (!help)
            return nullptr;
        auto *action = help->findChild<QAction *>(QLatin1String(actionName));
        if (!action)
            for (QAction *a : help->actions())
                if (a->objectName() == QLatin1String(actionName))
                    action = a;
        if (!action)
            return nullptr;
        action->trigger();
        return w.findChild<Dialog *>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("PostwireTest"));
        QCoreApplication::setApplicationName(QStringLiteral("postwire"));
        QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
        qputenv("POSTWIRE_SANDBOX_PORT", "0");
        QSettings().clear();
    }

    void helpMenuIsTheLastMenu()
    {
        ComposeWindow w;
        auto *help = w.findChild<QMenu *>(QStringLiteral("helpMenu"));
        QVERIFY(help);
        QCOMPARE(help->title(), QStringLiteral("&Help"));
        QCOMPARE(w.menuBar()->actions().last()->menu(), help);
    }

    void about()
    {
        ComposeWindow w;
        w.show();
        auto *dialog = openFromMenu<AboutDialog>(w, "aboutAction");
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(!dialog->isModal() || dialog->windowModality() == Qt::WindowModal);
        auto *text = dialog->findChild<QLabel *>(QStringLiteral("aboutText"));
        QVERIFY(text);
        QVERIFY(text->text().contains(QStringLiteral("Postwire 9.8.7")));
        QVERIFY(text->text().contains(QString::fromLatin1(qVersion())));
        for (const char *licence : {"GPL-3.0-or-later", "LGPL-3.0", "QtKeychain"})
            QVERIFY2(text->text().contains(QLatin1String(licence)), licence);
        QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("aboutQtButton")));
        dialog->close();
        QTRY_VERIFY(!w.findChild<AboutDialog *>()); // deletes itself
    }

    void shortcutsListTheWindowsActions()
    {
        ComposeWindow w;
        w.show();
        auto *dialog = openFromMenu<ShortcutsDialog>(w, "shortcutsAction");
        QVERIFY(dialog);
        auto *table = dialog->findChild<QTreeWidget *>(QStringLiteral("shortcutsTable"));
        QVERIFY(table);
        // Every action of the window with a shortcut is listed once, with all its keys.
        QSet<QString> expected;
        for (QAction *a : w.findChildren<QAction *>()) {
            if (a->shortcuts().isEmpty() || a->text().isEmpty())
                continue;
            expected.insert(a->shortcut().toString(QKeySequence::NativeText));
        }
        QVERIFY(expected.size() > 5);
        QSet<QString> listed;
        for (int i = 0; i < table->topLevelItemCount(); ++i)
            listed.insert(table->topLevelItem(i)->text(0).section(QStringLiteral(", "), 0, 0));
        QCOMPARE(listed, expected);
        // No row twice: panes with the same action under the same key are one row.
        QSet<QString> rows;
        for (int i = 0; i < table->topLevelItemCount(); ++i) {
            const QString row = table->topLevelItem(i)->text(0) + QLatin1Char('|') +
                                table->topLevelItem(i)->text(1);
            QVERIFY2(!rows.contains(row), qPrintable(row));
            rows.insert(row);
        }
        // Send is in the Message menu, named without its mnemonic.
        auto *send = w.findChild<QAction *>(QStringLiteral("sendAction"));
        QVERIFY(send);
        const auto found = table->findItems(send->shortcut().toString(QKeySequence::NativeText),
                                            Qt::MatchStartsWith, 0);
        QVERIFY(!found.isEmpty());
        QCOMPARE(found.first()->text(1), QStringLiteral("Send"));
        QCOMPARE(found.first()->text(2), QStringLiteral("Message"));
    }

    void shortcutsFollowAChangedShortcut()
    {
        ComposeWindow w;
        auto *send = w.findChild<QAction *>(QStringLiteral("sendAction"));
        QVERIFY(send);
        send->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+F12")));
        bool found = false;
        for (const ShortcutsDialog::Entry &e : ShortcutsDialog::entries(&w))
            found = found || (e.action == QLatin1String("Send") &&
                              e.keys == QKeySequence(QStringLiteral("Ctrl+Alt+F12"))
                                            .toString(QKeySequence::NativeText));
        QVERIFY(found);
    }

    void dataFolders()
    {
        ComposeWindow w;
        w.show();
        auto *dialog = openFromMenu<DataFoldersDialog>(w, "dataFoldersAction");
        QVERIFY(dialog);
        const QString settingsDir = QFileInfo(QSettings().fileName()).absolutePath();
        const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("folderPath0"))->text(),
                 QDir::toNativeSeparators(settingsDir));
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("folderPath1"))->text(),
                 QDir::toNativeSeparators(dataDir));
        // Open creates a folder not made yet, and asks for it to be shown.
        QDir(dataDir).removeRecursively();
        dialog->openInFileManager = false;
        QSignalSpy opened(dialog, &DataFoldersDialog::openRequested);
        dialog->findChild<QPushButton *>(QStringLiteral("openFolder1"))->click();
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().first().toString(), dataDir);
        QVERIFY(QDir(dataDir).exists());
    }
};

QTEST_MAIN(TestHelpMenu)
#include "tst_helpmenu.moc"
