#include "smtp/contentpump.h"

#include <QIODevice>

namespace {
constexpr qint64 ReadChunk = 64 * 1024;
}

ContentPump::ContentPump(QIODevice *device, bool chunking)
    : m_device(device)
    , m_chunking(chunking)
{}

ContentPump::Step ContentPump::read(qint64 room)
{
    Step step;
    while (step.wire.size() < room) {
        char buffer[ReadChunk];
        const qint64 n = m_device->read(buffer, sizeof buffer);
        if (n < 0) {
            const QString why = m_device->errorString();
            step.next = Step::Next::Failed;
            step.error = why.isEmpty() ? tr("read error") : why;
            step.wire.clear(); // the message cannot be completed: nothing more goes out
            return step;
        }
        if (n == 0) {
            step.next = !m_device->atEnd() && m_device->isSequential() ? Step::Next::WaitDevice
                                                                       : Step::Next::Done;
            return step;
        }
        const QByteArray chunk = QByteArray::fromRawData(buffer, n);
        if (!m_headerDone)
            collectHeaders(chunk, &step.headerLines);
        m_read += n;
        m_lines += chunk.count('\n');
        if (m_chunking)
            step.wire.append(buffer, n);
        else
            m_stuffer.process(buffer, n, &step.wire);
    }
    return step;
}

QByteArray ContentPump::finish()
{
    QByteArray end;
    if (!m_chunking)
        m_stuffer.finish(&end);
    return end;
}

void ContentPump::collectHeaders(const QByteArray &chunk, QStringList *lines)
{
    qsizetype pos = 0;
    while (!m_headerDone && pos < chunk.size()) {
        const qsizetype lf = chunk.indexOf('\n', pos);
        if (lf < 0) {
            if (m_headerPartial.size() < 4096)
                m_headerPartial += chunk.mid(pos, 4096 - m_headerPartial.size());
            return;
        }
        QByteArray line = m_headerPartial + chunk.mid(pos, lf - pos);
        m_headerPartial.clear();
        pos = lf + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        // The header block ends at the empty line; a line that is no header field (a
        // message without headers) or too many lines end the preview too.
        const bool continuation = line.startsWith(' ') || line.startsWith('\t');
        const qsizetype colon = line.indexOf(':');
        if (line.isEmpty() || (!continuation && (colon <= 0 || line.left(colon).contains(' '))) ||
            m_headerLines >= MaxHeaderLinesShown) {
            m_headerDone = true;
            break;
        }
        ++m_headerLines;
        m_headerText += QString::fromUtf8(line) + QLatin1Char('\n');
        lines->append(QString::fromUtf8(line));
    }
}
