#include "lessonconversation.h"

#include <QScrollBar>

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
    setUndoRedoEnabled(false);
    document()->setDocumentMargin(8);
}

void LessonConversation::appendBlock(const QString &html)
{
    // Follows the end only when the person was reading it, so scrolling back to read an
    // earlier explanation is not interrupted by the next reply.
    QScrollBar *bar = verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 4;
    append(html);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void LessonConversation::addEntry(const TranscriptEntry &entry)
{
    using D = TranscriptEntry::Direction;
    QString colour;
    QString prefix = TranscriptEntry::prefix(entry.direction);
    switch (entry.direction) {
    case D::Client:
        colour = QStringLiteral("#1f5fa8");
        break;
    case D::Server:
        colour = entry.replyCode >= 400 ? QStringLiteral("#b3261e") : QStringLiteral("#2e7d32");
        break;
    case D::Tls:
        colour = QStringLiteral("#6a4c93");
        break;
    case D::Info:
        colour = QStringLiteral("#666666");
        break;
    case D::Error:
        colour = QStringLiteral("#b3261e");
        break;
    }
    appendBlock(QStringLiteral("<div style=\"font-family: monospace; color: %1;\">"
                               "<b>%2</b>&nbsp;%3</div>")
                    .arg(colour, escaped(prefix), escaped(entry.text)));
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
        style = QStringLiteral("color: #000000; font-weight: bold;");
        mark = QStringLiteral("\u2714");
        break;
    }
    appendBlock(QStringLiteral("<div style=\"margin-left: 24px; %1\">%2&nbsp;%3</div>")
                    .arg(style, mark, note.text.toHtmlEscaped()));
}

void LessonConversation::addStep(const QString &progress, const QString &title)
{
    appendBlock(QStringLiteral("<p style=\"margin-top: 10px; color: #555555;\">"
                               "<b>%1</b> \u00b7 %2</p>")
                    .arg(progress.toHtmlEscaped(), title.toHtmlEscaped()));
}
