#include "transcriptdelegate.h"

#include "transcriptmodel.h"

#include <QApplication>
#include <QPainter>

namespace {

QString formatElapsed(qint64 ms)
{
    return QStringLiteral("%1.%2 s").arg(ms / 1000).arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

QColor blend(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t,
                            a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

} // namespace

TranscriptDelegate::TranscriptDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

bool TranscriptDelegate::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor TranscriptDelegate::colorFor(TranscriptEntry::Direction direction, const QPalette &palette)
{
    // Picked for a contrast ratio of at least 4.5:1 on white (light) and on #202020 (dark).
    const bool dark = isDark(palette);
    switch (direction) {
    case TranscriptEntry::Direction::Client:
        return dark ? QColor(0x8c, 0xb8, 0xff) : QColor(0x1c, 0x4f, 0xa0);
    case TranscriptEntry::Direction::Server:
        return dark ? QColor(0x7f, 0xd6, 0x8a) : QColor(0x1d, 0x6b, 0x2a);
    case TranscriptEntry::Direction::Tls:
        return dark ? QColor(0xd3, 0xa6, 0xff) : QColor(0x7a, 0x3e, 0x9d);
    case TranscriptEntry::Direction::Info:
        return blend(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.3);
    case TranscriptEntry::Direction::Error:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
    case TranscriptEntry::Direction::Dns:
        return dark ? QColor(0xf0, 0xc0, 0x60) : QColor(0x8a, 0x55, 0x00);
    }
    return palette.color(QPalette::Text);
}

QColor TranscriptDelegate::linkColor(const QPalette &palette)
{
    // A teal apart from the prefixes' blue and green and the search's yellow.
    return isDark(palette) ? QColor(0x3f, 0xc1, 0xc9) : QColor(0x00, 0x8b, 0x8b);
}

int TranscriptDelegate::expanderWidth(const QFontMetrics &metrics)
{
    return metrics.horizontalAdvance(QStringLiteral("\u25B8 "));
}

TranscriptDelegate::Columns TranscriptDelegate::columns(const QFontMetrics &metrics)
{
    const int pad = metrics.horizontalAdvance(QLatin1Char(' '));
    Columns c;
    c.elapsed = pad + metrics.horizontalAdvance(QStringLiteral("0000.000 s"));
    c.latency = c.elapsed + 2 * pad + metrics.horizontalAdvance(QStringLiteral("+00000 ms"));
    c.prefix = c.latency + 2 * pad;
    c.text =
        c.prefix + metrics.horizontalAdvance(QStringLiteral("TLS")) + pad + expanderWidth(metrics);
    c.note = c.text + 2 * pad + metrics.horizontalAdvance(QStringLiteral("ENHANCEDSTATUSCODES  "));
    return c;
}

QSize TranscriptDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(option.fontMetrics.horizontalAdvance(QLatin1Char('x')) * 80,
                 option.fontMetrics.height() + 4);
}

void TranscriptDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // The panel only (selection, focus, hover); the text is drawn here in columns.
    opt.text.clear();
    opt.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();

    const auto kind = TranscriptModel::RowKind(index.data(TranscriptModel::KindRole).toInt());
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QRect r = option.rect;

    painter->save();
    if (kind == TranscriptModel::RowKind::Section && !selected)
        painter->fillRect(r,
                          blend(pal.color(QPalette::Base), pal.color(QPalette::Highlight), 0.18));
    else if (!selected && m_linked.contains(index.row()))
        painter->fillRect(r, blend(pal.color(QPalette::Base), linkColor(pal), 0.3));
    else if (!m_search.isEmpty() && !selected &&
             index.data(Qt::DisplayRole).toString().contains(m_search, Qt::CaseInsensitive))
        painter->fillRect(r, blend(pal.color(QPalette::Base), QColor(0xff, 0xd0, 0x40), 0.45));
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const QFontMetrics &fm = option.fontMetrics;
    const Columns c = columns(fm);
    const int x0 = r.left();
    const QColor textColor = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor dim = selected ? textColor : blend(textColor, pal.color(QPalette::Base), 0.4);
    const int baseline = r.top() + (r.height() - fm.height()) / 2 + fm.ascent();
    auto drawRight = [&](int right, const QString &s) {
        painter->drawText(x0 + right - fm.horizontalAdvance(s), baseline, s);
    };
    auto drawClipped = [&](int left, const QString &s, int right) {
        const int width = right - (x0 + left);
        if (width > 0)
            painter->drawText(x0 + left, baseline, fm.elidedText(s, Qt::ElideRight, width));
    };

    if (kind == TranscriptModel::RowKind::Section) {
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(textColor);
        const QFontMetrics bfm(bold);
        const QString title = index.data(TranscriptModel::TextRole).toString();
        painter->drawText(x0 + fm.horizontalAdvance(QLatin1Char(' ')), baseline,
                          bfm.elidedText(title, Qt::ElideRight, r.width()));
        painter->restore();
        return;
    }

    const auto direction =
        TranscriptEntry::Direction(index.data(TranscriptModel::DirectionRole).toInt());
    const QColor color = selected ? textColor : colorFor(direction, pal);
    const QString text = index.data(TranscriptModel::TextRole).toString();

    if (kind == TranscriptModel::RowKind::Detail) {
        const QString note = index.data(TranscriptModel::DetailNoteRole).toString();
        painter->setPen(color);
        const int textLeft = c.text + expanderWidth(fm);
        // The note keeps its column (the EHLO table lines up) unless the text is longer, as a
        // header of the message often is; then it follows the text.
        const int pad = fm.horizontalAdvance(QLatin1Char(' '));
        // A note alone (what the field above is for) stands indented under the text.
        const int noteLeft =
            note.isEmpty()   ? r.width()
            : text.isEmpty() ? textLeft + 6 * pad
                             : qMin(qMax(c.note, textLeft + fm.horizontalAdvance(text) + 2 * pad),
                                    qMax(c.note, r.width() / 2));
        drawClipped(textLeft, text, note.isEmpty() ? r.right() : x0 + noteLeft - pad);
        if (!note.isEmpty()) {
            painter->setPen(dim);
            drawClipped(noteLeft, note, r.right());
        }
        painter->restore();
        return;
    }

    painter->setPen(dim);
    drawRight(c.elapsed, formatElapsed(index.data(TranscriptModel::ElapsedRole).toLongLong()));
    const qint64 latency = index.data(TranscriptModel::LatencyRole).toLongLong();
    if (latency >= 0)
        drawRight(c.latency, tr("+%1 ms").arg(latency));

    QFont prefixFont = option.font;
    prefixFont.setBold(true);
    painter->setFont(prefixFont);
    painter->setPen(color);
    painter->drawText(x0 + c.prefix, baseline, index.data(TranscriptModel::PrefixRole).toString());
    painter->setFont(option.font);
    if (index.data(TranscriptModel::ExpandableRole).toBool()) {
        const bool expanded = index.data(TranscriptModel::ExpandedRole).toBool();
        painter->setPen(dim);
        painter->drawText(x0 + c.text - expanderWidth(fm), baseline,
                          expanded ? QStringLiteral("\u25BE") : QStringLiteral("\u25B8"));
    }
    QFont textFont = option.font;
    if (direction == TranscriptEntry::Direction::Error)
        textFont.setBold(true);
    painter->setFont(textFont);
    painter->setPen(color);
    const bool redacted = index.data(TranscriptModel::RedactedRole).toBool();
    const QString tag = redacted ? tr("  (secret hidden)") : QString();
    const int tagWidth = fm.horizontalAdvance(tag);
    const int textRight = r.right() - tagWidth;
    drawClipped(c.text, text, textRight);
    // Which command a pipelined reply answers: quiet, in a column of its own where the text
    // leaves room, so the tags of one group line up.
    if (const QString answers = index.data(TranscriptModel::AnswersRole).toString();
        !answers.isEmpty()) {
        QFont italic = option.font;
        italic.setItalic(true);
        const QFontMetrics ifm(italic);
        const int pad = fm.horizontalAdvance(QLatin1Char(' '));
        const int textEnd = c.text + fm.horizontalAdvance(text) + 2 * pad;
        const int room = textRight - x0;
        // In a narrow pane the tag moves left to fit, then loses the middle of the command
        // rather than its end: the field in brackets is what tells four replies apart.
        int left = qMax(c.note, textEnd);
        if (left + ifm.horizontalAdvance(answers) > room)
            left = textEnd; // where the equal replies of a group end, so their tags line up
        if (room - left > ifm.horizontalAdvance(QStringLiteral("\u2190 RCPT (Bcc)"))) {
            painter->setFont(italic);
            painter->setPen(dim);
            painter->drawText(x0 + left, baseline,
                              ifm.elidedText(answers, Qt::ElideMiddle, room - left));
            painter->setFont(textFont);
        }
    }
    if (redacted) {
        const int used =
            qMin(QFontMetrics(textFont).horizontalAdvance(text), textRight - x0 - c.text);
        QFont italic = option.font;
        italic.setItalic(true);
        painter->setFont(italic);
        painter->setPen(dim);
        painter->drawText(x0 + c.text + used, baseline, tag);
    }
    painter->restore();
}
