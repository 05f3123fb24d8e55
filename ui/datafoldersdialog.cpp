#include "datafoldersdialog.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

QList<DataFoldersDialog::Folder> DataFoldersDialog::folders()
{
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return {
        {tr("Accounts and settings"), QFileInfo(QSettings().fileName()).absolutePath()},
        {tr("Drafts, the sandbox's messages and certificate, the history of attempts"), data},
    };
}

DataFoldersDialog::DataFoldersDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Where Postwire Keeps Its Data"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Passwords are kept in the desktop keychain, never in these "
                                "folders."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *grid = new QGridLayout;
    int row = 0;
    for (const Folder &f : folders()) {
        auto *what = new QLabel(f.what, this);
        what->setWordWrap(true);
        auto *path = new QLabel(QDir::toNativeSeparators(f.path), this);
        path->setTextInteractionFlags(Qt::TextSelectableByMouse);
        path->setObjectName(QStringLiteral("folderPath%1").arg(row));
        auto *open = new QPushButton(tr("Open"), this);
        open->setObjectName(QStringLiteral("openFolder%1").arg(row));
        open->setToolTip(tr("Open %1 in the file manager").arg(f.path));
        const QString folderPath = f.path;
        connect(open, &QPushButton::clicked, this, [this, folderPath] {
            // A folder not created yet (nothing saved so far) is created, so it can be shown.
            QDir().mkpath(folderPath);
            Q_EMIT openRequested(folderPath);
            if (openInFileManager)
                QDesktopServices::openUrl(QUrl::fromLocalFile(folderPath));
        });
        grid->addWidget(what, row * 2, 0, 1, 2);
        grid->addWidget(path, row * 2 + 1, 0);
        grid->addWidget(open, row * 2 + 1, 1);
        ++row;
    }
    layout->addLayout(grid);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}
