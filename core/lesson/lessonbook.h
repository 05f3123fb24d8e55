// The course: every lesson file in a folder (the built-in ones in :/lessons), in the
// person's language when a translated copy exists ("1-first-dialogue.ru.json").
#pragma once

#include "lesson/lesson.h"

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

class LessonBook
{
    Q_DECLARE_TR_FUNCTIONS(LessonBook)
public:
    static QString builtInFolder() { return QStringLiteral(":/lessons"); }

    // Reads every lesson in folder, ordered by file name. A file that cannot be read or
    // is damaged is left out and said in errors(); the others still load. A damaged
    // translation falls back to the original lesson, with its error said too.
    bool load(const QString &folder = builtInFolder(), const QLocale &locale = QLocale());

    const QList<Lesson> &lessons() const { return m_lessons; }
    const QStringList &errors() const { return m_errors; }
    // The lesson with that id, or nullptr.
    const Lesson *find(const QString &id) const;

    // The files of one lesson id: the original and its translations, for the tests.
    static QStringList lessonIds(const QString &folder);
    static std::optional<Lesson> readFile(const QString &path, QString *error);

private:
    QList<Lesson> m_lessons;
    QStringList m_errors;
};
