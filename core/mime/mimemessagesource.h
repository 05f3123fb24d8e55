// A composed Message as the SMTP client's MessageSource: the encoding is chosen once the
// server's capabilities are known (8bit with 8BITMIME, UTF-8 headers with SMTPUTF8, else
// quoted-printable, RFC 2047 words and IDNA A-labels) and the bytes come from a MimeWriter.
#pragma once

#include "mime/message.h"
#include "smtp/messagesource.h"

#include <memory>

class MimeWriter;

class MimeMessageSource : public MessageSource
{
public:
    // The Message-ID (generated when the message has none) and Date are fixed here, so every
    // open() (a retry, the saved copy via message()) carries the same ones.
    explicit MimeMessageSource(const Message &message);
    ~MimeMessageSource() override;

    // Returns the writer (owned by this source; an earlier one is discarded) or nullptr with
    // *error naming the field, e.g. "To: <jürgen@example.org> has a non-ASCII local part, which
    // this server cannot take (it does not offer SMTPUTF8)". A failing read of the device
    // (an attachment gone or unreadable) returns -1 and its errorString() names the file.
    QIODevice *open(const Capabilities &capabilities, QString *error) override;
    qint64 size() const override;
    bool needs8BitMime() const override;
    bool needsSmtpUtf8() const override;

    // The message as sent, with its fixed Message-ID and Date (for saving the sent copy).
    const Message &message() const { return m_message; }
    MimeWriter *writer() const { return m_writer.get(); }

private:
    Message m_message;
    std::unique_ptr<MimeWriter> m_writer;
};
