#include "transcriptheader.h"

#include "transcriptdelegate.h"

#include <QPainter>
#include <QStyle>

TranscriptHeader::TranscriptHeader(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Transcript columns"));
    setToolTip(tr("Time since the connection started; how long the server took to answer; "
                  "who spoke (C: Postwire, S: server, TLS: encryption, --: note, !!: error)"));
}

void TranscriptHeader::setColumnFont(const QFont &font)
{
    m_columnFont = font;
    updateGeometry();
    update();
}

QSize TranscriptHeader::sizeHint() const
{
    return QSize(200, fontMetrics().height() + 4);
}

void TranscriptHeader::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setPen(palette().color(QPalette::PlaceholderText));
    const QFontMetrics fm = fontMetrics();
    const TranscriptDelegate::Columns c = TranscriptDelegate::columns(QFontMetrics(m_columnFont));
    // The list's frame shifts its rows right by the frame width.
    const int frame = style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, this);
    const int baseline = (height() - fm.height()) / 2 + fm.ascent();
    auto right = [&](int x, const QString &s) {
        p.drawText(frame + x - fm.horizontalAdvance(s), baseline, s);
    };
    right(c.elapsed, tr("Time"));
    right(c.latency, tr("Server"));
    p.drawText(frame + c.prefix, baseline, tr("Dialogue"));
}
