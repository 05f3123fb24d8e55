// Where attempts are kept: one JSON file per attempt in <AppDataLocation>/history, written
// atomically (complete or absent) and owner-only, bounded to the newest N (eviction is said),
// a damaged file set aside with a warning, never fatal. A value type: copies share the folder.
#pragma once

#include "history/attempt.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class HistoryStore
{
    Q_DECLARE_TR_FUNCTIONS(HistoryStore)
public:
    static constexpr int DefaultLimit = 1000;
    static constexpr int MaxLimit = 100000;

    // folder empty: <AppDataLocation>/history, beside the drafts.
    explicit HistoryStore(const QString &folder = QString());
    QString folder() const { return m_folder; }

    // How many attempts are kept; kept in the folder, so the window and the command line agree.
    int limit() const;
    bool setLimit(int limit, QString *error);

    struct Saved
    {
        bool ok = false;
        QString error;   // for people: what could not be written, and why
        int evicted = 0; // the oldest attempts removed to stay within the limit
        QString notice;  // for people: the eviction, said
    };
    // Gives the attempt an id when it has none. A failure (a full disk, a folder that cannot
    // be made) is returned, never thrown: the attempt itself is not affected.
    // encodedEntries: see Attempt::toCompactJson().
    Saved save(Attempt &attempt, const QByteArray &encodedEntries = {}) const;

    // Every readable attempt, newest first. A damaged file is moved to damaged/ and
    // *warnings names it; nothing stops the others from loading.
    QList<Attempt> list(QStringList *warnings = nullptr) const;
    // The ids, newest first, without reading the files.
    QStringList ids() const;
    // The id an argument names: the whole id or a prefix only one id starts with.
    QString resolve(const QString &idOrPrefix, QString *error) const;
    std::optional<Attempt> load(const QString &id, QString *error) const;
    bool remove(const QString &id, QString *error) const;

private:
    QString pathOf(const QString &id) const;
    bool ensureFolder(QString *error) const;
    QString setAside(const QString &path) const;
    int evict() const;

    QString m_folder;
};
