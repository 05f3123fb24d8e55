// Where the open draft lives between sessions: one JSON file in the application's data folder
// (QStandardPaths::AppDataLocation), replaced atomically so a crash never leaves half a draft.
#pragma once

#include "draft.h"

#include <optional>

class DraftStore
{
public:
    // dir empty: <AppDataLocation>/drafts.
    explicit DraftStore(const QString &dir = QString());

    QString path() const { return m_path; }
    bool save(const Draft &draft, QString *error) const;
    // No draft (and no error) when there is no file; an error naming the file when it cannot
    // be read or is not a draft.
    std::optional<Draft> load(QString *error) const;
    void remove() const;

    // A folder for attachments extracted from opened .eml files, kept with the drafts so a
    // restored draft still finds them.
    QString attachmentFolder() const;

private:
    QString m_dir;
    QString m_path;
};
