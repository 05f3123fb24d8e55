// Where Postwire keeps its data: the settings file's folder and the data folder (drafts,
// the sandbox, the history), each shown with a button that opens it in the file manager.
#pragma once

#include <QDialog>

class DataFoldersDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DataFoldersDialog(QWidget *parent = nullptr);

    struct Folder
    {
        QString what; // what is kept there, for people
        QString path;
    };
    static QList<Folder> folders();

Q_SIGNALS:
    // Emitted instead of opening the file manager when a test set openInFileManager to false.
    void openRequested(const QString &path);

public:
    bool openInFileManager = true;
};
