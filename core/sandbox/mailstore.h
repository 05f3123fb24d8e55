// The sandbox's inbox on disk: one .eml per message, byte for byte as received, plus a JSON
// sidecar with the envelope and the session transcript. A message appears only once both
// files are complete, so a client that vanishes mid-DATA leaves nothing behind.
#pragma once

#include "sandbox/storedmessage.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class QSaveFile;

class MailStore : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultSizeCap = 200LL * 1024 * 1024;

    // Creates the folder when needed and reads what earlier runs stored there.
    explicit MailStore(const QString &folder, QObject *parent = nullptr);

    static QString defaultFolder();
    QString folder() const { return m_folder; }
    // The oldest messages are deleted once the .eml files together exceed this many bytes;
    // the newest message is always kept.
    void setSizeCap(qint64 bytes);
    qint64 sizeCap() const { return m_sizeCap; }

    QList<StoredMessage> messages() const { return m_messages; } // newest first
    int count() const { return int(m_messages.size()); }
    qint64 totalSize() const;
    bool contains(const QString &id) const { return indexOf(id) >= 0; }
    StoredMessage message(const QString &id) const;
    QString emlPath(const QString &id) const;
    // The .eml as stored; empty when the id is unknown or the file is unreadable.
    QByteArray content(const QString &id) const;

    // Stores a complete message; meta.id, size and received are filled in when empty.
    // Returns the id, or an empty string with *error set.
    QString add(StoredMessage meta, const QByteArray &content, QString *error);
    // A message that arrives in pieces is written to this file as it comes, so no one holds
    // it in memory. The file is in the store's folder (no copy across file systems at the
    // end) and is not a message until add() takes it; destroying it uncommitted removes it.
    // Null with *error set when the folder cannot be written.
    std::unique_ptr<QSaveFile> beginMessage(QString *error);
    // Like add() above with the content written to a file from beginMessage(); meta.size is
    // the file's size. The file is committed (or discarded on failure) either way.
    QString add(StoredMessage meta, QSaveFile *content, QString *error);
    // Replaces the transcript kept with a message (the session goes on after the message).
    bool updateTranscript(const QString &id, const QList<TranscriptEntry> &transcript);
    bool remove(const QString &id);
    void removeAll();
    // Reads the folder again (another process may share it).
    void reload();
    QString lastError() const { return m_lastError; }
    // A new message id: sorts after every id made before it by this process.
    static QString createId();

Q_SIGNALS:
    void messageAdded(const StoredMessage &message);
    void messageRemoved(const QString &id);
    void messageUpdated(const StoredMessage &message); // e.g. its session's transcript grew
    void reloaded();

private:
    qsizetype indexOf(const QString &id) const;
    bool writeSidecar(const StoredMessage &message, QString *error);
    QString incomingPath() const;
    void enforceCap();
    void removeFiles(const QString &id);

    QString m_folder;
    qint64 m_sizeCap = DefaultSizeCap;
    QList<StoredMessage> m_messages;
    QString m_lastError;
};
