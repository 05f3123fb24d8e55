// Saves a Message as an .eml file: the bytes that would be sent (7bit/quoted-printable and
// RFC 2047, which every reader takes), plus the Bcc header, marked as present only in the
// saved copy. Large attachments are written a chunk per event-loop turn, so the UI stays live.
#pragma once

#include <QObject>
#include <QString>

#include <memory>

class Message;
class MimeWriter;
class QSaveFile;

class EmlWriter : public QObject
{
    Q_OBJECT
public:
    explicit EmlWriter(QObject *parent = nullptr);
    ~EmlWriter() override;

    // Writes the whole file now (blocking for as long as the attachments take to encode).
    // Returns false with *error naming the field, attachment or file on failure; the target
    // is replaced only on success.
    static bool save(const Message &message, const QString &path, QString *error);

    // Starts writing in the background of the event loop; finished() always follows once
    // (also when start() fails at once). Returns false when a save is already running.
    bool start(const Message &message, const QString &path);
    void cancel();
    bool isRunning() const { return m_writer != nullptr; }

Q_SIGNALS:
    void progress(qint64 bytesWritten, qint64 bytesTotal);
    // error is empty on success.
    void finished(const QString &path, const QString &error);

private:
    void writeChunk();
    void finish(const QString &error);

    std::unique_ptr<MimeWriter> m_writer;
    std::unique_ptr<QSaveFile> m_file;
    QString m_path;
};
