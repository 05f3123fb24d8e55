#include "transcriptdelegate.h"

#include "transcriptmodel.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace {

QString formatElapsed(qint64 ms)
{
    //: Seconds since the connection began, with milliseconds: "0.074 s"
    return TranscriptDelegate::tr("%1.%2 s").arg(ms / 1000).arg(ms % 1000, 3, 10, QLatin1Char('0'));
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

QColor TranscriptDelegate::colorFor(TranscriptEntry::Direction direction, const QPalette &palette,
                                    const QColor &background)
{
    return readableOn(preferredColorFor(direction, palette),
                      background.isValid() ? background : palette.color(QPalette::Base));
}

QColor TranscriptDelegate::dimColor(const QPalette &palette, const QColor &background)
{
    return readableOn(blend(palette.color(QPalette::Text), background, 0.4), background);
}

QColor TranscriptDelegate::background(RowBackground kind, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    switch (kind) {
    case RowBackground::Plain:
        break;
    case RowBackground::Linked:
        return blend(base, linkColor(palette), 0.3);
    case RowBackground::SearchMatch:
        return blend(base, QColor(0xff, 0xd0, 0x40), 0.45);
    case RowBackground::Section:
        return blend(base, palette.color(QPalette::Highlight), 0.18);
    }
    return base;
}

qreal TranscriptDelegate::contrastRatio(const QColor &a, const QColor &b)
{
    auto luminance = [](const QColor &c) {
        auto channel = [](qreal v) {
            return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor TranscriptDelegate::readableOn(const QColor &color, const QColor &background)
{
    constexpr qreal AA = 4.5;
    if (contrastRatio(color, background) >= AA)
        return color;
    // Towards whichever of black and white stands out more: one of them always reaches 4.5:1.
    const QColor target =
        contrastRatio(Qt::black, background) >= contrastRatio(Qt::white, background)
            ? QColor(Qt::black)
            : QColor(Qt::white);
    for (int step = 1; step <= 20; ++step) {
        const QColor shade = blend(color, target, step / 20.0);
        if (contrastRatio(shade, background) >= AA)
            return shade;
    }
    return target;
}

QColor TranscriptDelegate::preferredColorFor(TranscriptEntry::Direction direction,
                                             const QPalette &palette)
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
    // Asked for every row painted: measuring five strings each time was a tenth of a repaint
    // of a long transcript. The last font's columns are kept (one font per pane).
    struct Cached
    {
        int pad = -1, height = -1, average = -1;
        Columns columns;
    };
    static thread_local Cached cached;
    if (cached.pad == pad && cached.height == metrics.height() &&
        cached.average == metrics.averageCharWidth())
        return cached.columns;
    Columns c;
    c.elapsed = pad + metrics.horizontalAdvance(QStringLiteral("0000.000 s"));
    c.latency = c.elapsed + 2 * pad + metrics.horizontalAdvance(QStringLiteral("+00000 ms"));
    c.prefix = c.latency + 2 * pad;
    c.text =
        c.prefix + metrics.horizontalAdvance(QStringLiteral("TLS")) + pad + expanderWidth(metrics);
    c.note = c.text + 2 * pad + metrics.horizontalAdvance(QStringLiteral("ENHANCEDSTATUSCODES  "));
    cached = {pad, metrics.height(), metrics.averageCharWidth(), c};
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
    RowBackground marked = RowBackground::Plain;
    if (kind == TranscriptModel::RowKind::Section)
        marked = RowBackground::Section;
    else if (m_linked.contains(index.row()))
        marked = RowBackground::Linked;
    else if (!m_search.isEmpty() &&
             index.data(Qt::DisplayRole).toString().contains(m_search, Qt::CaseInsensitive))
        marked = RowBackground::SearchMatch;
    const QColor rowBackground = background(marked, pal);
    if (!selected && marked != RowBackground::Plain)
        painter->fillRect(r, rowBackground);
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const QFontMetrics &fm = option.fontMetrics;
    const Columns c = columns(fm);
    const int x0 = r.left();
    const QColor textColor = selected ? pal.color(QPalette::HighlightedText)
                                      : readableOn(pal.color(QPalette::Text), rowBackground);
    const QColor dim = selected ? textColor : dimColor(pal, rowBackground);
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
    const QColor color = selected ? textColor : colorFor(direction, pal, rowBackground);
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
