#include "lessonconversation.h"

#include "transcriptdelegate.h"

#include <QScrollBar>
#include <QTextBlockFormat>
#include <QTextCursor>

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
}

} // namespace

LessonConversation::LessonConversation(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("lessonConversation"));
    setAccessibleName(tr("Lesson transcript"));
    setOpenLinks(false);
    // Follows the end while the person is at it; scrolled back to read an earlier
    // explanation, the view stays there until they come back down.
    QScrollBar *bar = verticalScrollBar();
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar] {
        if (m_follow)
            bar->setValue(bar->maximum());
    });
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_follow = value >= bar->maximum() - 4; });
    setUndoRedoEnabled(false);
    document()->setDocumentMargin(8);
}

void LessonConversation::appendBlock(const QString &html, qreal top, qreal bottom, qreal indent)
{
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    QTextBlockFormat format;
    format.setTopMargin(top);
    format.setBottomMargin(bottom);
    format.setLeftMargin(indent);
    if (document()->isEmpty())
        cursor.setBlockFormat(format);
    else
        cursor.insertBlock(format, QTextCharFormat());
    cursor.insertHtml(html);
}

void LessonConversation::addEntry(const TranscriptEntry &entry)
{
    // The transcript pane's colours, chosen for the palette (light and dark read alike); a
    // refusal reads as an error, as the learner should see it.
    const QString prefix = TranscriptEntry::prefix(entry.direction);
    const auto direction =
        entry.direction == TranscriptEntry::Direction::Server && entry.replyCode >= 400
            ? TranscriptEntry::Direction::Error
            : entry.direction;
    const QString colour = TranscriptDelegate::colorFor(direction, palette()).name();
    appendBlock(QStringLiteral("<span style=\"font-family: monospace; color: %1;\">"
                               "<b>%2</b>&nbsp;%3</span>")
                    .arg(colour, escaped(prefix), escaped(entry.text)),
                0, 0, 0);
}

void LessonConversation::addNote(const LessonNote &note)
{
    QString style;
    QString mark;
    switch (note.kind) {
    case LessonNote::Kind::Step:
        return; // the step card shows the instruction
    case LessonNote::Kind::LineSent:
        style = QStringLiteral("color: #1f5fa8;");
        mark = QStringLiteral("\u2192"); // what your line does
        break;
    case LessonNote::Kind::Reply:
        style = QStringLiteral("color: #2e5530;");
        mark = QStringLiteral("\u2190"); // why the server answered so
        break;
    case LessonNote::Kind::Unexpected:
        style = QStringLiteral("color: #8a4b00; font-weight: bold;");
        mark = QStringLiteral("!");
        break;
    case LessonNote::Kind::Done:
        style = QStringLiteral("color: #000000;");
        mark = QStringLiteral("\u2714");
        break;
    }
    appendBlock(QStringLiteral("<span style=\"%1\">%2&nbsp;%3</span>")
                    .arg(style, mark, note.text.toHtmlEscaped()),
                2, 6, 24);
}

void LessonConversation::addStep(const QString &progress, const QString &title)
{
    appendBlock(QStringLiteral("<span style=\"color: #555555;\"><b>%1</b> \u00b7 %2</span>")
                    .arg(progress.toHtmlEscaped(), title.toHtmlEscaped()),
                10, 2, 0);
}
