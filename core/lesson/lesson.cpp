#include "lesson/lesson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace {

using L = QLatin1String;

// Thrown inside the parser only: every problem becomes one sentence for the author.
struct Problem
{
    QString text;
};

QString stepName(int index, const QString &id)
{
    return id.isEmpty() ? Lesson::tr("step %1").arg(index + 1)
                        : Lesson::tr("step %1 (\"%2\")").arg(index + 1).arg(id);
}

void checkKeys(const QJsonObject &object, const QStringList &known, const QString &where)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            throw Problem{Lesson::tr("%1: unknown field \"%2\" (known: %3)")
                              .arg(where, it.key(), known.join(QLatin1String(", ")))};
    }
}

QString text(const QJsonObject &object, const QString &key, const QString &where, bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined()) {
        if (required)
            throw Problem{Lesson::tr("%1: the field \"%2\" is missing").arg(where, key)};
        return QString();
    }
    if (!value.isString())
        throw Problem{Lesson::tr("%1: \"%2\" must be a text").arg(where, key)};
    const QString s = value.toString();
    if (required && s.trimmed().isEmpty())
        throw Problem{Lesson::tr("%1: \"%2\" is empty").arg(where, key)};
    return s;
}

QStringList texts(const QJsonObject &object, const QString &key, const QString &where)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return {};
    if (!value.isArray())
        throw Problem{Lesson::tr("%1: \"%2\" must be a list of texts").arg(where, key)};
    QStringList out;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString())
            throw Problem{Lesson::tr("%1: \"%2\" must be a list of texts").arg(where, key)};
        out << item.toString();
    }
    return out;
}

QRegularExpression pattern(const QString &source, const QString &where, const QString &key)
{
    // Anchored: a pattern says what the whole line (or argument) is, not a part of it.
    QRegularExpression re(QRegularExpression::anchoredPattern(source),
                          QRegularExpression::CaseInsensitiveOption);
    if (!re.isValid())
        throw Problem{Lesson::tr("%1: \"%2\" is not a valid regular expression at offset %3: %4")
                          .arg(where, key)
                          .arg(re.patternErrorOffset())
                          .arg(re.errorString())};
    return re;
}

bool validCode(const QString &code)
{
    static const QRegularExpression exact(QStringLiteral("^[2-5][0-9][0-9]$"));
    static const QRegularExpression klass(QStringLiteral("^[2-5]xx$"));
    return exact.match(code).hasMatch() || klass.match(code).hasMatch();
}

QStringList codes(const QJsonObject &object, const QString &key, const QString &where)
{
    const QStringList list = texts(object, key, where);
    for (const QString &code : list) {
        if (!validCode(code))
            throw Problem{Lesson::tr("%1: \"%2\" has \"%3\"; a reply code is three digits "
                                     "(\"250\") or a class (\"2xx\")")
                              .arg(where, key, code)};
    }
    return list;
}

QHash<QString, QString> replyTexts(const QJsonObject &object, const QString &where)
{
    const QJsonValue value = object.value(QStringLiteral("replies"));
    if (value.isUndefined())
        return {};
    if (!value.isObject())
        throw Problem{Lesson::tr("%1: \"replies\" must map reply codes to texts").arg(where)};
    QHash<QString, QString> out;
    const QJsonObject map = value.toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it.key() != QLatin1String("default") && it.key() != QLatin1String("closed") &&
            !validCode(it.key()))
            throw Problem{Lesson::tr("%1: \"replies\" has \"%2\"; a key is a reply code "
                                     "(\"250\"), a class (\"5xx\"), \"closed\" or \"default\"")
                              .arg(where, it.key())};
        if (!it.value().isString())
            throw Problem{
                Lesson::tr("%1: \"replies\": \"%2\" must be a text").arg(where, it.key())};
        out.insert(it.key(), it.value().toString());
    }
    return out;
}

SandboxBehaviour behaviour(const QJsonObject &object, const QString &where)
{
    checkKeys(object,
              {QStringLiteral("disabledExtensions"), QStringLiteral("requireAuth"),
               QStringLiteral("requireStartTls"), QStringLiteral("rejectRecipients"),
               QStringLiteral("deferRecipients"), QStringLiteral("deferCode"),
               QStringLiteral("delayMs"), QStringLiteral("closeAfter")},
              where);
    // Every lesson starts from the sandbox's defaults, so the person's own settings never
    // change what a step shows.
    SandboxBehaviour b;
    for (const QString &ext : texts(object, QStringLiteral("disabledExtensions"), where))
        b.disabledExtensions.insert(ext.toUpper());
    b.requireAuth = object.value(QStringLiteral("requireAuth")).toBool(false);
    b.requireStartTls = object.value(QStringLiteral("requireStartTls")).toBool(false);
    b.rejectRecipients = text(object, QStringLiteral("rejectRecipients"), where, false);
    b.deferRecipients = text(object, QStringLiteral("deferRecipients"), where, false);
    b.deferCode = object.value(QStringLiteral("deferCode")).toInt(b.deferCode);
    b.delayMs = object.value(QStringLiteral("delayMs")).toInt(0);
    b.closeAfter = text(object, QStringLiteral("closeAfter"), where, false);
    const QString problem = b.validate();
    if (!problem.isEmpty())
        throw Problem{
            Lesson::tr("%1: the sandbox behaviour cannot be used: %2").arg(where, problem)};
    return b;
}

QRegularExpression verbPattern(const QString &verb)
{
    // "MAIL FROM:" matches "mail from:<a>" and "MAIL FROM: <a>" (the article's form):
    // words by any spacing, a colon followed by optional spaces, else a space or the end.
    QString trimmed = verb.trimmed();
    const bool colon = trimmed.endsWith(QLatin1Char(':'));
    if (colon)
        trimmed.chop(1);
    QStringList words;
    for (const QString &word : trimmed.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        words << QRegularExpression::escape(word);
    const QString source = QStringLiteral("^\\s*") + words.join(QStringLiteral("\\s+")) +
                           (colon ? QStringLiteral(":\\s*") : QStringLiteral("(?:\\s+|$)"));
    return QRegularExpression(source, QRegularExpression::CaseInsensitiveOption);
}

LessonStep step(const QJsonObject &object, int index)
{
    LessonStep s;
    s.id = object.value(QStringLiteral("id")).toString();
    const QString where = stepName(index, s.id);
    checkKeys(object,
              {QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("wait"),
               QStringLiteral("title"), QStringLiteral("instruction"), QStringLiteral("example"),
               QStringLiteral("verb"), QStringLiteral("argument"), QStringLiteral("text"),
               QStringLiteral("mistakes"), QStringLiteral("hint"), QStringLiteral("explain"),
               QStringLiteral("advanceOn"), QStringLiteral("continueOn"), QStringLiteral("replies"),
               QStringLiteral("behaviour"), QStringLiteral("accepts"), QStringLiteral("refuses")},
              where);
    const QString kind = object.value(QStringLiteral("kind")).toString(QStringLiteral("command"));
    if (kind == L("connect"))
        s.kind = LessonStep::Kind::Connect;
    else if (kind == L("command"))
        s.kind = LessonStep::Kind::Command;
    else if (kind == L("content"))
        s.kind = LessonStep::Kind::Content;
    else
        throw Problem{Lesson::tr("%1: \"kind\" is \"%2\"; it must be connect, command or content")
                          .arg(where, kind)};

    const QString defaultWait =
        s.kind == LessonStep::Kind::Content ? QStringLiteral("none") : QStringLiteral("reply");
    const QString wait = object.value(QStringLiteral("wait")).toString(defaultWait);
    if (wait == L("reply"))
        s.wait = LessonStep::Wait::Reply;
    else if (wait == L("sent"))
        s.wait = LessonStep::Wait::Sent;
    else if (wait == L("none"))
        s.wait = LessonStep::Wait::None;
    else if (wait == L("close"))
        s.wait = LessonStep::Wait::Close;
    else
        throw Problem{Lesson::tr("%1: \"wait\" is \"%2\"; it must be reply, sent, none or close")
                          .arg(where, wait)};
    if (s.kind == LessonStep::Kind::Connect && s.wait != LessonStep::Wait::Reply)
        throw Problem{Lesson::tr("%1: a connect step waits for the greeting (\"wait\": \"reply\")")
                          .arg(where)};

    s.title = text(object, QStringLiteral("title"), where, true);
    s.instruction = text(object, QStringLiteral("instruction"), where, true);
    s.example = text(object, QStringLiteral("example"), where, false);
    s.hint = text(object, QStringLiteral("hint"), where, false);
    s.explain = text(object, QStringLiteral("explain"), where, false);
    s.replies = replyTexts(object, where);
    s.continueOn = codes(object, QStringLiteral("continueOn"), where);
    s.advanceOn = codes(object, QStringLiteral("advanceOn"), where);
    s.acceptedExamples = texts(object, QStringLiteral("accepts"), where);
    s.refusedExamples = texts(object, QStringLiteral("refuses"), where);

    if (s.kind == LessonStep::Kind::Connect) {
        if (object.contains(QStringLiteral("verb")) || object.contains(QStringLiteral("text")))
            throw Problem{Lesson::tr("%1: a connect step has nothing to type (no \"verb\" or "
                                     "\"text\")")
                              .arg(where)};
        const QJsonValue b = object.value(QStringLiteral("behaviour"));
        if (!b.isUndefined() && !b.isObject())
            throw Problem{Lesson::tr("%1: \"behaviour\" must be an object").arg(where)};
        s.behaviour = behaviour(b.toObject(), where);
        if (s.advanceOn.isEmpty())
            s.advanceOn << QStringLiteral("220");
        return s;
    }
    if (object.contains(QStringLiteral("behaviour")))
        throw Problem{
            Lesson::tr("%1: only a connect step sets the sandbox's \"behaviour\"").arg(where)};
    if (s.example.isEmpty())
        throw Problem{Lesson::tr("%1: the field \"example\" is missing").arg(where)};

    if (s.kind == LessonStep::Kind::Command) {
        s.verb = text(object, QStringLiteral("verb"), where, true);
        s.verbPattern = verbPattern(s.verb);
        if (object.contains(QStringLiteral("argument")))
            s.argument = pattern(text(object, QStringLiteral("argument"), where, true), where,
                                 QStringLiteral("argument"));
        if (object.contains(QStringLiteral("text")))
            throw Problem{
                Lesson::tr("%1: a command step has a \"verb\", not a \"text\"").arg(where)};
        if (s.wait == LessonStep::Wait::Reply && s.advanceOn.isEmpty())
            throw Problem{
                Lesson::tr("%1: \"advanceOn\" is missing: which replies end the step?").arg(where)};
    } else {
        s.text = pattern(text(object, QStringLiteral("text"), where, true), where,
                         QStringLiteral("text"));
        if (object.contains(QStringLiteral("verb")))
            throw Problem{
                Lesson::tr("%1: a content step has a \"text\", not a \"verb\"").arg(where)};
    }

    const QJsonValue mistakes = object.value(QStringLiteral("mistakes"));
    if (!mistakes.isUndefined() && !mistakes.isArray())
        throw Problem{Lesson::tr("%1: \"mistakes\" must be a list").arg(where)};
    const QJsonArray list = mistakes.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString at = Lesson::tr("%1, mistake %2").arg(where).arg(i + 1);
        if (!list.at(i).isObject())
            throw Problem{Lesson::tr("%1: must be an object with \"match\" and \"hint\"").arg(at)};
        const QJsonObject m = list.at(i).toObject();
        checkKeys(m, {QStringLiteral("match"), QStringLiteral("hint")}, at);
        s.mistakes << LessonMistake{
            pattern(text(m, QStringLiteral("match"), at, true), at, QStringLiteral("match")),
            text(m, QStringLiteral("hint"), at, true)};
    }
    return s;
}

} // namespace

bool LessonStep::codeIn(int code, const QStringList &codes)
{
    const QString exact = QString::number(code);
    const QString klass = QString::number(code / 100) + QStringLiteral("xx");
    return codes.contains(exact) || codes.contains(klass);
}

QString LessonStep::explanationFor(const QHash<QString, QString> &map, int code)
{
    const QString exact = QString::number(code);
    if (map.contains(exact))
        return map.value(exact);
    const QString klass = QString::number(code / 100) + QStringLiteral("xx");
    if (map.contains(klass))
        return map.value(klass);
    return map.value(QStringLiteral("default"));
}

std::optional<Lesson> Lesson::fromJson(const QByteArray &json, const QString &fileName,
                                       QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    try {
        if (parseError.error != QJsonParseError::NoError)
            throw Problem{tr("not valid JSON at offset %1: %2")
                              .arg(parseError.offset)
                              .arg(parseError.errorString())};
        if (!doc.isObject())
            throw Problem{tr("the file must hold one JSON object")};
        const QJsonObject root = doc.object();
        const QString top = tr("the lesson");
        checkKeys(root,
                  {QStringLiteral("title"), QStringLiteral("summary"), QStringLiteral("conclusion"),
                   QStringLiteral("showMessage"), QStringLiteral("replies"),
                   QStringLiteral("steps")},
                  top);
        Lesson lesson;
        lesson.fileName = fileName;
        lesson.title = text(root, QStringLiteral("title"), top, true);
        lesson.summary = text(root, QStringLiteral("summary"), top, true);
        lesson.conclusion = text(root, QStringLiteral("conclusion"), top, true);
        lesson.showMessage = root.value(QStringLiteral("showMessage")).toBool(false);
        lesson.replies = replyTexts(root, top);
        const QJsonValue steps = root.value(QStringLiteral("steps"));
        if (!steps.isArray() || steps.toArray().isEmpty())
            throw Problem{tr("the lesson has no \"steps\" (a list of at least one step)")};
        const QJsonArray array = steps.toArray();
        QSet<QString> ids;
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isObject())
                throw Problem{tr("%1: must be an object").arg(stepName(int(i), QString()))};
            LessonStep s = step(array.at(i).toObject(), int(i));
            if (!s.id.isEmpty() && ids.contains(s.id))
                throw Problem{
                    tr("%1: the id is used by an earlier step too").arg(stepName(int(i), s.id))};
            ids.insert(s.id);
            lesson.steps << s;
        }
        if (lesson.steps.first().kind != LessonStep::Kind::Connect)
            throw Problem{tr("the first step must connect (\"kind\": \"connect\")")};
        return lesson;
    } catch (const Problem &problem) {
        if (error)
            *error = tr("Lesson %1: %2").arg(fileName, problem.text);
        return std::nullopt;
    }
}
