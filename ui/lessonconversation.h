// The lesson's transcript: the lines on the wire as the console sent and received them, each
// followed by the lesson's explanation of it, so the dialogue reads as a worked example.
#pragma once

#include "lesson/lessonrunner.h"
#include "smtp/transcriptentry.h"

#include <QTextBrowser>

class LessonConversation : public QTextBrowser
{
    Q_OBJECT
public:
    explicit LessonConversation(QWidget *parent = nullptr);

    void addEntry(const TranscriptEntry &entry);
    void addNote(const LessonNote &note);
    // A divider naming the step that begins.
    void addStep(const QString &progress, const QString &title);
    // The whole conversation as plain text (for the tests and for copying).
    QString plainText() const { return toPlainText(); }

private:
    void appendBlock(const QString &html, qreal top, qreal bottom, qreal indent);

    bool m_follow = true;
};
