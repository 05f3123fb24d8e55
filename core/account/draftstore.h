// Where the open draft lives between sessions: one JSON file in the application's data folder
// (QStandardPaths::AppDataLocation), replaced atomically so a crash never leaves half a draft.
#pragma once

#include "account/draft.h"

#include <QCoreApplication>

#include <optional>

class DraftStore
{
    Q_DECLARE_TR_FUNCTIONS(DraftStore)

public:
    // dir empty: <AppDataLocation>/drafts.
    explicit DraftStore(const QString &dir = QString());

    QString path() const { return m_path; }
    bool save(const Draft &draft, QString *error) const;
    // No draft (and no error) when there is no file; an error naming the file when it cannot
    // be read or is not a draft.
    std::optional<Draft> load(QString *error) const;
    void remove() const;

    // A new folder for attachments extracted from an opened .eml file, kept with the drafts so
    // a restored draft still finds them.
    QString attachmentFolder() const;
    // The folder made by attachmentFolder() that holds the draft's attachments, or empty.
    QString attachmentFolderOf(const Draft &draft) const;
    // Removes a folder made by attachmentFolder() (its draft was discarded, sent or replaced);
    // any other path is left alone.
    bool removeAttachmentFolder(const QString &folder) const;
    // Removes the attachment folders neither the saved draft nor a damaged one set aside
    // refers to: what a crash, or a draft emptied by hand, left behind. Returns how many.
    int removeUnusedAttachmentFolders() const;

private:
    QString attachmentRoot() const;

    QString m_dir;
    QString m_path;
};
