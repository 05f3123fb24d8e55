#include "sandbox/incomingmessage.h"

IncomingMessage::IncomingMessage(MailStoreWriter *writer, MailStoreWriter::ContentPtr content)
    : m_writer(writer)
    , m_content(std::move(content))
{}

IncomingMessage::~IncomingMessage()
{
    if (!m_content)
        return;
    // After the pieces already handed over, in the writer's order.
    if (m_writer)
        m_writer->enqueue({MailStoreWriter::Job::Kind::Discard, 0, {}, m_content, {}, {}, {}});
    else
        MailStoreWriter::discard(*m_content);
}

void IncomingMessage::write(const char *data, qsizetype size)
{
    m_size += size;
    m_buffer.append(data, size);
    if (m_buffer.size() >= Piece)
        handOver();
}

void IncomingMessage::handOver()
{
    if (m_buffer.isEmpty())
        return;
    m_content->backlog += m_buffer.size();
    m_writer->enqueue({MailStoreWriter::Job::Kind::Write, 0, {}, m_content, m_buffer, {}, {}});
    m_buffer = QByteArray();
}

MailStoreWriter::ContentPtr IncomingMessage::finish()
{
    handOver();
    return std::exchange(m_content, nullptr);
}
