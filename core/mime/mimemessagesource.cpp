#include "mime/mimemessagesource.h"

#include "mime/mimewriter.h"
#include "smtp/capabilities.h"

MimeMessageSource::MimeMessageSource(const Message &message)
    : m_message(message)
{
    if (m_message.messageId.isEmpty())
        m_message.messageId = m_message.generateMessageId();
    if (!m_message.date.isValid())
        m_message.date = QDateTime::currentDateTime();
}

MimeMessageSource::~MimeMessageSource() = default;

QIODevice *MimeMessageSource::open(const Capabilities &capabilities, QString *error)
{
    m_writer.reset();
    MimeWriter::Options options;
    options.eightBit = capabilities.eightBitMime();
    // SMTPUTF8 offered is not a reason to use it: a message that does not need it would
    // bounce at the first relay further on that lacks it (RFC 6531 forbids downgrading).
    options.utf8Headers = capabilities.smtpUtf8() && m_message.needsUtf8Addresses();
    m_writer = MimeWriter::create(m_message, options, error);
    return m_writer.get();
}

qint64 MimeMessageSource::size() const
{
    return m_writer ? m_writer->totalSize() : 0;
}

bool MimeMessageSource::needs8BitMime() const
{
    return m_writer && m_writer->has8BitContent();
}

bool MimeMessageSource::needsSmtpUtf8() const
{
    return m_writer && m_writer->hasUtf8Headers();
}
