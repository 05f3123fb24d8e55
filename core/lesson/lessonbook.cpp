#include "lesson/lessonbook.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

// The lessons are compiled into this static library; a linker keeps its resources only when
// something refers to them, so they are registered here, once, before the first read.
static void registerLessonResources()
{
    static const bool registered = [] {
        Q_INIT_RESOURCE(lessons);
        return true;
    }();
    Q_UNUSED(registered);
}

namespace {

// Lesson files are "<id>.json"; translations "<id>.<language>.json" ("ru", "pt_BR").
QString idOf(const QString &fileName)
{
    return fileName.section(QLatin1Char('.'), 0, 0);
}

} // namespace

QStringList LessonBook::lessonIds(const QString &folder)
{
    registerLessonResources();
    QStringList ids;
    const QStringList files =
        QDir(folder).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        if (file.count(QLatin1Char('.')) == 1)
            ids << idOf(file);
    }
    return ids;
}

std::optional<Lesson> LessonBook::readFile(const QString &path, QString *error)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Lesson %1: cannot be read: %2").arg(name, file.errorString());
        return std::nullopt;
    }
    std::optional<Lesson> lesson = Lesson::fromJson(file.readAll(), name, error);
    if (lesson)
        lesson->id = idOf(name);
    return lesson;
}

bool LessonBook::load(const QString &folder, const QLocale &locale)
{
    registerLessonResources();
    m_lessons.clear();
    m_errors.clear();
    const QDir dir(folder);
    if (!dir.exists()) {
        m_errors << tr("The lesson folder %1 does not exist").arg(folder);
        return false;
    }
    // "pt_BR" first, then "pt": the closest translation wins.
    const QString full = locale.name();
    const QStringList languages = {full, full.section(QLatin1Char('_'), 0, 0)};
    for (const QString &id : lessonIds(folder)) {
        std::optional<Lesson> lesson;
        for (const QString &language : languages) {
            const QString path =
                dir.filePath(id + QLatin1Char('.') + language + QStringLiteral(".json"));
            if (language.isEmpty() || language == QLatin1String("C") || !QFile::exists(path))
                continue;
            QString error;
            lesson = readFile(path, &error);
            if (lesson)
                break;
            m_errors << error;
        }
        if (!lesson) {
            QString error;
            lesson = readFile(dir.filePath(id + QStringLiteral(".json")), &error);
            if (!lesson) {
                m_errors << error;
                continue;
            }
        }
        m_lessons << *lesson;
    }
    if (m_lessons.isEmpty() && m_errors.isEmpty())
        m_errors << tr("The lesson folder %1 holds no lessons").arg(folder);
    return m_errors.isEmpty();
}

const Lesson *LessonBook::find(const QString &id) const
{
    for (const Lesson &lesson : m_lessons) {
        if (lesson.id == id)
            return &lesson;
    }
    return nullptr;
}
