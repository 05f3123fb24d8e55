// A message source that keeps a copy of the bytes it gives the client, up to a limit, so the
// message can be shown as it was sent (its MIME structure, its headers) once the send is over.
#pragma once

#include "smtp/messagesource.h"

#include <QByteArray>

#include <memory>

class RecordingMessageSource : public MessageSource
{
public:
    // inner is not owned and must outlive this source. A message longer than limit is not
    // kept at all (recorded() is then empty and truncated() true).
    explicit RecordingMessageSource(MessageSource *inner, qint64 limit = 32 * 1024 * 1024);
    ~RecordingMessageSource() override;

    QIODevice *open(const Capabilities &capabilities, QString *error) override;
    qint64 size() const override { return m_inner->size(); }
    bool needs8BitMime() const override { return m_inner->needs8BitMime(); }
    bool needsSmtpUtf8() const override { return m_inner->needsSmtpUtf8(); }

    // The bytes read so far since the last open(), before dot-stuffing.
    const QByteArray &recorded() const { return m_recorded; }
    bool truncated() const { return m_truncated; }

private:
    class Tee;
    MessageSource *m_inner;
    qint64 m_limit;
    std::unique_ptr<Tee> m_tee;
    QByteArray m_recorded;
    bool m_truncated = false;
};
