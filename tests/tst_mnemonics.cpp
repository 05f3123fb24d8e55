// Mnemonics in every window and dialog: no '&' shown as text (a label with a mnemonic has a
// buddy), no letter used twice in one window, the menus' letters taken by nothing else
// (Alt+F opens File), and no letter twice in one menu.
#include "aboutdialog.h"
#include "accountdialog.h"
#include "certificatedialog.h"
#include "composewindow.h"
#include "credentialdialog.h"
#include "datafoldersdialog.h"
#include "shortcutsdialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QtTest>

#include <memory>

namespace {

// The letter Alt+letter reaches, or a null QChar.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text[i + 1].toLower();
    }
    return QChar();
}

struct Use
{
    QChar letter;
    QString where;
};

// Every mnemonic a person can reach in window as it is shown now, and every '&' shown as text.
QList<Use> uses(QWidget *window, QStringList *shownAmpersands)
{
    QList<Use> found;
    const auto visible = [window](QWidget *w) { return w->isVisibleTo(window); };
    const auto add = [&found](const QString &text, const QString &kind) {
        const QChar c = mnemonic(text);
        if (!c.isNull())
            found.append({c, kind + QLatin1String(" \"") + text + QLatin1Char('"')});
    };
    for (QLabel *label : window->findChildren<QLabel *>()) {
        if (!visible(label) || label->textFormat() == Qt::RichText ||
            (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text())))
            continue;
        if (mnemonic(label->text()).isNull())
            continue;
        if (label->buddy())
            add(label->text(), QStringLiteral("label"));
        else
            shownAmpersands->append(label->text());
    }
    for (QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        if (visible(button))
            add(button->text(), QStringLiteral("button"));
    }
    for (QGroupBox *box : window->findChildren<QGroupBox *>()) {
        if (visible(box))
            add(box->title(), QStringLiteral("group"));
    }
    for (QTabBar *tabs : window->findChildren<QTabBar *>()) {
        if (!visible(tabs))
            continue;
        for (int i = 0; i < tabs->count(); ++i)
            add(tabs->tabText(i), QStringLiteral("tab"));
    }
    return found;
}

} // namespace

class TestMnemonics : public QObject
{
    Q_OBJECT
private:
    // Fails naming each clash and each shown '&'.
    void check(QWidget *window, const QString &name)
    {
        QStringList shown;
        QList<Use> all = uses(window, &shown);
        QVERIFY2(shown.isEmpty(), qPrintable(name + QLatin1String(": '&' shown in ") +
                                             shown.join(QStringLiteral(", "))));
        QList<Use> menus;
        QStringList clashes;
        if (auto *main = qobject_cast<QMainWindow *>(window)) {
            for (QAction *a : main->menuBar()->actions()) {
                const QChar c = mnemonic(a->text());
                QVERIFY2(!c.isNull(), qPrintable(a->text()));
                menus.append({c, QLatin1String("menu \"") + a->text() + QLatin1Char('"')});
                QHash<QChar, QString> items;
                for (QAction *item : a->menu()->actions()) {
                    const QChar i = mnemonic(item->text());
                    if (i.isNull())
                        continue;
                    if (items.contains(i))
                        clashes << QStringLiteral("%1 menu: %2 and %3 share Alt+%4")
                                       .arg(a->text(), items.value(i), item->text(), i);
                    items.insert(i, item->text());
                }
            }
        }
        all = menus + all;
        QHash<QChar, QString> taken;
        for (const Use &u : all) {
            if (taken.contains(u.letter))
                clashes
                    << QStringLiteral("Alt+%1: %2 and %3").arg(u.letter, taken[u.letter], u.where);
            else
                taken.insert(u.letter, u.where);
        }
        QVERIFY2(clashes.isEmpty(),
                 qPrintable(name + QLatin1String(":\n") + clashes.join(QLatin1Char('\n'))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("PostwireTest"));
        QCoreApplication::setApplicationName(QStringLiteral("postwire"));
        qputenv("POSTWIRE_SANDBOX_PORT", "0");
        QSettings().clear();
    }

    void composeWindow_data()
    {
        QTest::addColumn<bool>("ccBcc");
        QTest::addColumn<int>("sandboxTab");
        QTest::newRow("as it opens") << false << 0;
        QTest::newRow("Cc and Bcc shown") << true << 0;
        QTest::newRow("the sandbox's settings") << true << 1;
    }

    void composeWindow()
    {
        QFETCH(bool, ccBcc);
        QFETCH(int, sandboxTab);
        ComposeWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setCcBccVisible(ccBcc);
        w.sandboxDock()->show();
        auto *tabs = w.sandboxDock()->findChild<QTabWidget *>(QStringLiteral("sandboxTabs"));
        QVERIFY(tabs);
        tabs->setCurrentIndex(sandboxTab);
        check(&w, QStringLiteral("compose window"));
    }

    void accountDialog()
    {
        ComposeWindow w;
        w.show();
        w.openAccounts();
        AccountDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = w.findChild<AccountDialog *>()));
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        check(dialog, QStringLiteral("accounts dialog"));
    }

    void helpDialogs()
    {
        ComposeWindow w;
        const QList<std::pair<QDialog *, QString>> dialogs{
            {new AboutDialog(&w), QStringLiteral("about dialog")},
            {new ShortcutsDialog(&w), QStringLiteral("keyboard shortcuts dialog")},
            {new DataFoldersDialog(&w), QStringLiteral("data folders dialog")},
        };
        for (const auto &[dialog, name] : dialogs) {
            dialog->open();
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            check(dialog, name);
            dialog->close();
        }
    }

    void credentialDialog()
    {
        QWidget parent;
        parent.show();
        CredentialDialog *dialog = CredentialDialog::ask(
            &parent, QStringLiteral("smtp.example.org:587"), QStringLiteral("ana"),
            QStringLiteral("535 5.7.8 no"), QStringLiteral("the keychain"));
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        check(dialog, QStringLiteral("password dialog"));
    }

    void certificateDialog()
    {
        CertificateDialog dialog(QStringLiteral("h:25"), QStringLiteral("h"), {}, {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        check(&dialog, QStringLiteral("certificate dialog"));
    }
};

QTEST_MAIN(TestMnemonics)
#include "tst_mnemonics.moc"
