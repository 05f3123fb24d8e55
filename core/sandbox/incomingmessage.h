// A message's content on its way into the MailStore: the session writes it as it arrives and
// the pieces go to the store's writer thread. Destroyed before MailStore::commit() takes it,
// it leaves no file behind.
#pragma once

#include "sandbox/mailstorewriter.h"

#include <QPointer>

class IncomingMessage
{
public:
    // Bytes gathered before they are handed to the writer thread as one piece.
    static constexpr qsizetype Piece = 32 * 1024;

    IncomingMessage(MailStoreWriter *writer, MailStoreWriter::ContentPtr content);
    ~IncomingMessage();
    IncomingMessage(const IncomingMessage &) = delete;
    IncomingMessage &operator=(const IncomingMessage &) = delete;

    void write(const char *data, qsizetype size);
    void write(const QByteArray &data) { write(data.constData(), data.size()); }
    qint64 size() const { return m_size; }
    // Bytes written here and not on disk yet: a session stops reading while this is large.
    qint64 backlog() const { return m_buffer.size() + (m_content ? m_content->backlog.load() : 0); }
    // Hands over what is still gathered; the content is then the caller's to commit.
    MailStoreWriter::ContentPtr finish();

private:
    void handOver();

    QPointer<MailStoreWriter> m_writer; // gone with its store: discarded here then
    MailStoreWriter::ContentPtr m_content;
    QByteArray m_buffer;
    qint64 m_size = 0;
};
