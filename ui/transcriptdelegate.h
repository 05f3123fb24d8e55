// Paints one transcript row: elapsed time, server latency, a coloured prefix and the text, in
// fixed columns, with colours chosen for the palette so light and dark themes both read well.
// Every row has the same height, which keeps long transcripts cheap to lay out.
#pragma once

#include "smtp/transcriptentry.h"

#include <QSet>
#include <QStyledItemDelegate>

class TranscriptDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // x offsets (from the row's left edge) of each column, for the delegate and the header.
    struct Columns
    {
        int elapsed = 0; // right edge of the elapsed time
        int latency = 0; // right edge of the latency
        int prefix = 0;  // left edge of the prefix
        int text = 0;    // left edge of the text (after prefix and expander)
        int note = 0;    // Detail rows: left edge of the second column
    };
    static Columns columns(const QFontMetrics &metrics);
    // The colour of a direction's prefix and text on background (default: the palette's base
    // colour), at least WCAG AA's contrast of 4.5:1 whatever the palette.
    static QColor colorFor(TranscriptEntry::Direction direction, const QPalette &palette,
                           const QColor &background = QColor());
    // The times, the latency and the notes: quieter than the text, still 4.5:1 on background.
    static QColor dimColor(const QPalette &palette, const QColor &background);
    // What a row is painted on, by what marks it.
    enum class RowBackground
    {
        Plain,
        Linked,      // linked to what is selected or hovered
        SearchMatch, // contains the text searched for
        Section,     // a section title row
    };
    static QColor background(RowBackground kind, const QPalette &palette);
    // WCAG 2's contrast ratio of two colours, from 1 to 21.
    static qreal contrastRatio(const QColor &a, const QColor &b);
    // color when it has 4.5:1 on background, else the nearest shade of it (towards black or
    // white) that has: a palette the fixed colours were not picked for still reads.
    static QColor readableOn(const QColor &color, const QColor &background);
    static bool isDark(const QPalette &palette);
    // The colour of a link between the transcript and the form, on both sides.
    static QColor linkColor(const QPalette &palette);
    // Width of the expander glyph area in front of the text.
    static int expanderWidth(const QFontMetrics &metrics);

    explicit TranscriptDelegate(QObject *parent = nullptr);

    void setSearchText(const QString &text) { m_search = text; }
    // Rows tinted as linked to what is selected or hovered (a field of the form, the command a
    // reply answers).
    void setLinkedRows(const QSet<int> &rows) { m_linked = rows; }
    const QSet<int> &linkedRows() const { return m_linked; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    // The hue each direction is known by, picked for white and for #202020.
    static QColor preferredColorFor(TranscriptEntry::Direction direction, const QPalette &palette);

    QString m_search;
    QSet<int> m_linked;
};
