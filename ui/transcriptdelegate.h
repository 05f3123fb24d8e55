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
    // The colour of a direction's prefix and text on a palette's base colour.
    static QColor colorFor(TranscriptEntry::Direction direction, const QPalette &palette);
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
    QString m_search;
    QSet<int> m_linked;
};
