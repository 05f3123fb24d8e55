// Where the bytes of a message come from. The source is opened only once the server's
// capabilities are known, so a MIME writer can choose 8bit or UTF-8 forms only when the
// server takes them. The client then reads it in chunks as the socket drains.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QIODevice>
#include <QString>

class Capabilities;

class MessageSource
{
public:
    virtual ~MessageSource() = default;

    // Returns a readable device positioned at the start of the message (owned by the source),
    // or nullptr with *error set (naming the field or file) when the message cannot be sent
    // to a server with these capabilities.
    virtual QIODevice *open(const Capabilities &capabilities, QString *error) = 0;
    // Exact size in bytes of what open() produces (before dot-stuffing).
    virtual qint64 size() const = 0;
    // After open(): the message has 8-bit bytes (BODY=8BITMIME) / UTF-8 headers (SMTPUTF8).
    virtual bool needs8BitMime() const = 0;
    virtual bool needsSmtpUtf8() const = 0;
};

// A message that already exists as a file (`--eml`), sent as it is but for line endings,
// which become CRLF (files saved on Unix often have bare LF), and a Bcc header field, which is
// removed (saved copies keep it; it must not reach the other recipients).
class FileMessageSource : public MessageSource
{
    Q_DECLARE_TR_FUNCTIONS(FileMessageSource)

public:
    explicit FileMessageSource(const QString &path);
    ~FileMessageSource() override;

    QIODevice *open(const Capabilities &capabilities, QString *error) override;
    qint64 size() const override { return m_size; }
    bool needs8BitMime() const override { return m_8bit; }
    bool needsSmtpUtf8() const override { return m_utf8Headers; }

private:
    QString m_path;
    QIODevice *m_file = nullptr;
    QIODevice *m_device = nullptr;
    qint64 m_size = 0;
    bool m_8bit = false;
    bool m_utf8Headers = false;
};
