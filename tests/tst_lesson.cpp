// The guided lessons: every shipped lesson loads, each step accepts and refuses the lines
// its file says, a damaged file is reported, the runner explains and never dead-ends, and
// every lesson completes against the real sandbox when its examples are typed.
#include "lesson/lesson.h"
#include "lesson/lessonbook.h"
#include "lesson/lessonrunner.h"
#include "sandbox/mailstore.h"
#include "sandbox/sandboxserver.h"
#include "smtp/smtpreply.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <utility>

namespace {

const QString Password = QStringLiteral("lesson-password");

QHash<QString, QString> sandboxVariables()
{
    return {{QStringLiteral("user"), QStringLiteral("sandbox")},
            {QStringLiteral("password"), Password}};
}

Lesson builtIn(const QString &id)
{
    LessonBook book;
    book.load(LessonBook::builtInFolder(), QLocale::c());
    const Lesson *lesson = book.find(id);
    return lesson ? *lesson : Lesson();
}

int firstCode(const QStringList &codes)
{
    const QString code = codes.value(0);
    return code.endsWith(QLatin1String("xx")) ? code.left(1).toInt() * 100 + 50 : code.toInt();
}

QStringList sortedKeys(const QHash<QString, QString> &map)
{
    QStringList keys = map.keys();
    keys.sort();
    return keys;
}

QString patternOf(const std::optional<QRegularExpression> &re)
{
    return re ? re->pattern() : QString();
}

QStringList notesOf(const QSignalSpy &spy)
{
    QStringList out;
    for (const QList<QVariant> &args : spy)
        out << args.at(0).value<LessonNote>().text;
    return out;
}

// Types each step's example into a real connection to the sandbox, as a person would,
// and hands what happens to the runner.
class SandboxDriver : public QObject
{
public:
    SandboxDriver(SandboxServer *server, LessonRunner *runner)
        : m_server(server)
        , m_runner(runner)
    {
        connect(runner, &LessonRunner::connectionWanted, this, [this](const SandboxBehaviour &b) {
            QVERIFY(m_server->setBehaviour(b));
            QTimer::singleShot(0, this, &SandboxDriver::open);
        });
        connect(runner, &LessonRunner::note, this, [this] { typeSoon(); });
        connect(runner, &LessonRunner::stepChanged, this, [this] { typeSoon(); });
    }
    QStringList sent;

private:
    void open()
    {
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->abort();
            m_socket->deleteLater();
        }
        m_parser = SmtpReplyParser();
        m_socket = new QSslSocket(this);
        m_socket->setPeerVerifyMode(QSslSocket::VerifyNone);
        connect(m_socket, &QSslSocket::readyRead, this, &SandboxDriver::read);
        connect(m_socket, &QSslSocket::encrypted, this, &SandboxDriver::typeSoon);
        connect(m_socket, &QSslSocket::disconnected, this,
                [this] { m_runner->connectionEnded(QStringLiteral("closed")); });
        m_socket->connectToHost(QHostAddress::LocalHost, m_server->port());
    }
    void read()
    {
        QVERIFY(m_parser.feed(m_socket->readAll()));
        while (m_parser.hasReply()) {
            const SmtpReply reply = m_parser.takeReply();
            m_runner->replyReceived(reply.code, reply.message());
            if (reply.code == 220 &&
                m_lastLine.compare(QLatin1String("STARTTLS"), Qt::CaseInsensitive) == 0) {
                m_lastLine.clear();
                m_socket->startClientEncryption();
            }
        }
    }
    void typeSoon() { QTimer::singleShot(0, this, &SandboxDriver::type); }
    void type()
    {
        const LessonStep *step = m_runner->currentStep();
        if (!step || m_runner->state() != LessonRunner::State::Typing || !m_socket ||
            m_socket->state() != QAbstractSocket::ConnectedState ||
            (m_lastLine.isEmpty() && m_socket->mode() == QSslSocket::SslClientMode &&
             !m_socket->isEncrypted()))
            return;
        if (m_typedAt == m_runner->stepIndex() && m_typedCount == sent.size())
            return; // already typed for this step; waiting
        const QString line = m_runner->expand(step->example);
        QVERIFY2(m_runner->check(line).accepted(), qPrintable(line));
        m_socket->write(line.toUtf8() + "\r\n");
        sent << line;
        m_lastLine = line;
        m_typedAt = m_runner->stepIndex();
        m_typedCount = sent.size();
        m_runner->lineSent(line);
    }

    SandboxServer *m_server;
    LessonRunner *m_runner;
    QSslSocket *m_socket = nullptr;
    SmtpReplyParser m_parser;
    QString m_lastLine;
    int m_typedAt = -1;
    qsizetype m_typedCount = -1;
};

} // namespace

class TestLesson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtInLessonsLoad()
    {
        LessonBook book;
        QVERIFY2(book.load(LessonBook::builtInFolder(), QLocale::c()),
                 qPrintable(book.errors().join(QLatin1Char('\n'))));
        QStringList ids;
        for (const Lesson &lesson : book.lessons())
            ids << lesson.id;
        QCOMPARE(ids, QStringList({QStringLiteral("1-first-dialogue"),
                                   QStringLiteral("2-ehlo-extensions"),
                                   QStringLiteral("3-starttls-auth"),
                                   QStringLiteral("4-when-things-go-wrong")}));
        QVERIFY(book.lessons().first().showMessage);
        QCOMPARE(book.lessons().first().steps.size(), 8);
    }

    void stepExamples_data()
    {
        QTest::addColumn<QString>("lesson");
        QTest::addColumn<int>("step");
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("accepted");
        LessonBook book;
        book.load(LessonBook::builtInFolder(), QLocale::c());
        LessonRunner runner;
        runner.setVariables(sandboxVariables());
        int rows = 0;
        for (const Lesson &lesson : book.lessons()) {
            for (int i = 0; i < lesson.steps.size(); ++i) {
                const LessonStep &step = lesson.steps.at(i);
                if (step.kind == LessonStep::Kind::Connect)
                    continue;
                const QByteArray tag = (lesson.id + QLatin1Char('/') + step.id).toUtf8();
                QTest::newRow(QByteArray(tag + " example").constData())
                    << lesson.id << i << runner.expand(step.example) << true;
                for (const QString &line : step.acceptedExamples)
                    QTest::newRow(QByteArray(tag + " accepts " + line.toUtf8()).constData())
                        << lesson.id << i << runner.expand(line) << true;
                for (const QString &line : step.refusedExamples)
                    QTest::newRow(QByteArray(tag + " refuses " + line.toUtf8()).constData())
                        << lesson.id << i << runner.expand(line) << false;
                rows += int(step.refusedExamples.size());
            }
        }
        QVERIFY(rows > 40);
    }
    void stepExamples()
    {
        QFETCH(QString, lesson);
        QFETCH(int, step);
        QFETCH(QString, line);
        QFETCH(bool, accepted);
        const Lesson l = builtIn(lesson);
        LessonRunner runner;
        runner.setVariables(sandboxVariables());
        const LessonCheck check = runner.checkLine(l.steps.at(step), line);
        QCOMPARE(check.accepted(), accepted);
        if (!accepted) {
            // Never a dead end: what is wrong, and a line that would work.
            QVERIFY(!check.explanation.isEmpty());
            QVERIFY(check.hint.contains(runner.expand(l.steps.at(step).example)));
            QVERIFY(!check.explanation.contains(QLatin1Char('{'))); // placeholders filled
        }
    }

    void mistakesAreNamed_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("says");
        QTest::newRow("HELLO") << 1 << "HELLO learner.example"
                               << "HELO, not HELLO";
        QTest::newRow("HELO alone") << 1 << "HELO"
                                    << "needs a name";
        QTest::newRow("no brackets") << 2 << "MAIL FROM: learner@example.org"
                                     << "angle brackets";
        QTest::newRow("no colon") << 2 << "MAIL FROM <learner@example.org>"
                                  << "colon";
        QTest::newRow("RCPT first") << 2 << "RCPT TO:<friend@example.net>"
                                    << "First the sender";
        QTest::newRow("DATA with text") << 4 << "DATA Hi!"
                                        << "stands alone";
        QTest::newRow("dot too early") << 5 << "."
                                       << "at least one line";
        QTest::newRow("QUIT inside data") << 6 << "QUIT"
                                          << "still inside the message";
        QTest::newRow("unknown verb") << 7 << "EXIT"
                                      << "QUIT";
        QTest::newRow("other verb") << 3 << "NOOP"
                                    << "your line starts with \"NOOP\"";
    }
    void mistakesAreNamed()
    {
        QFETCH(int, step);
        QFETCH(QString, line);
        QFETCH(QString, says);
        const Lesson lesson = builtIn(QStringLiteral("1-first-dialogue"));
        LessonRunner runner;
        const LessonCheck check = runner.checkLine(lesson.steps.at(step), line);
        QCOMPARE(check.verdict, LessonCheck::Verdict::Refused);
        QVERIFY2(check.explanation.contains(says), qPrintable(check.explanation));
    }

    void damagedFileIsReported_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        const QByteArray head =
            "{\"title\": \"T\", \"summary\": \"S\", \"conclusion\": \"C\", \"steps\": ["
            "{\"kind\": \"connect\", \"title\": \"G\", \"instruction\": \"wait\"}";
        QTest::newRow("not JSON") << QByteArray("{\"title\": ") << "not valid JSON at offset";
        QTest::newRow("array") << QByteArray("[]") << "one JSON object";
        QTest::newRow("no steps")
            << QByteArray("{\"title\": \"T\", \"summary\": \"S\", \"conclusion\": \"C\"}")
            << "no \"steps\"";
        QTest::newRow("no title")
            << QByteArray("{\"summary\": \"S\", \"conclusion\": \"C\", \"steps\": []}")
            << "\"title\" is missing";
        QTest::newRow("unknown field") << head + "], \"colour\": 1}"
                                       << "unknown field \"colour\"";
        QTest::newRow("first step types")
            << QByteArray(
                   "{\"title\": \"T\", \"summary\": \"S\", \"conclusion\": \"C\", \"steps\": ["
                   "{\"title\": \"H\", \"instruction\": \"i\", \"example\": \"HELO x\", \"verb\": "
                   "\"HELO\", \"advanceOn\": [\"250\"]}]}")
            << "first step must connect";
        QTest::newRow("bad regex")
            << head + ", {\"id\": \"helo\", \"title\": \"H\", \"instruction\": \"i\", \"example\": "
                      "\"HELO x\","
                      " \"verb\": \"HELO\", \"argument\": \"(\", \"advanceOn\": [\"250\"]}]}"
            << "step 2 (\"helo\"): \"argument\" is not a valid regular expression";
        QTest::newRow("bad code") << head + ", {\"id\": \"helo\", \"title\": \"H\", "
                                            "\"instruction\": \"i\", \"example\": \"HELO x\","
                                            " \"verb\": \"HELO\", \"advanceOn\": [\"25O\"]}]}"
                                  << "\"advanceOn\" has \"25O\"";
        QTest::newRow("no advanceOn") << head + ", {\"id\": \"helo\", \"title\": \"H\", "
                                                "\"instruction\": \"i\", \"example\": \"HELO x\","
                                                " \"verb\": \"HELO\"}]}"
                                      << "\"advanceOn\" is missing";
        QTest::newRow("no instruction")
            << head + ", {\"id\": \"helo\", \"title\": \"H\", \"example\": \"HELO x\", \"verb\": "
                      "\"HELO\","
                      " \"advanceOn\": [\"250\"]}]}"
            << "step 2 (\"helo\"): the field \"instruction\" is missing";
        QTest::newRow("bad kind")
            << head + ", {\"kind\": \"dance\", \"title\": \"H\", \"instruction\": \"i\"}]}"
            << "\"kind\" is \"dance\"";
        QTest::newRow("bad behaviour")
            << QByteArray(
                   "{\"title\": \"T\", \"summary\": \"S\", \"conclusion\": \"C\", \"steps\": ["
                   "{\"kind\": \"connect\", \"title\": \"G\", \"instruction\": \"w\", "
                   "\"behaviour\": "
                   "{\"closeAfter\": \"LUNCH\"}}]}")
            << "sandbox behaviour cannot be used: Close after";
        QTest::newRow("text not a string") << head + ", {\"title\": 5, \"instruction\": \"i\"}]}"
                                           << "\"title\" must be a text";
        QTest::newRow("duplicate id")
            << head + ", {\"id\": \"a\", \"title\": \"H\", \"instruction\": \"i\", \"example\": "
                      "\"NOOP\","
                      " \"verb\": \"NOOP\", \"advanceOn\": [\"250\"]}, {\"id\": \"a\", \"title\": "
                      "\"H\","
                      " \"instruction\": \"i\", \"example\": \"NOOP\", \"verb\": \"NOOP\", "
                      "\"advanceOn\": [\"250\"]}]}"
            << "step 3 (\"a\"): the id is used by an earlier step too";
    }
    void damagedFileIsReported()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QString message;
        QVERIFY(!Lesson::fromJson(json, QStringLiteral("broken.json"), &message));
        QVERIFY2(message.startsWith(QLatin1String("Lesson broken.json: ")), qPrintable(message));
        QVERIFY2(message.contains(error), qPrintable(message));
    }

    void damagedFileInFolderLeavesTheOthers()
    {
        QTemporaryDir dir;
        QVERIFY(QFile::copy(QStringLiteral(":/lessons/1-first-dialogue.json"),
                            dir.filePath(QStringLiteral("1-first.json"))));
        QFile broken(dir.filePath(QStringLiteral("2-broken.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"title\": \"half a file");
        broken.close();
        // A damaged translation falls back to the original.
        QFile ru(dir.filePath(QStringLiteral("1-first.ru.json")));
        QVERIFY(ru.open(QIODevice::WriteOnly));
        ru.write("not json");
        ru.close();
        LessonBook book;
        QVERIFY(!book.load(dir.path(), QLocale(QLocale::Russian, QLocale::Russia)));
        QCOMPARE(book.lessons().size(), 1);
        QCOMPARE(book.lessons().first().id, QStringLiteral("1-first"));
        QCOMPARE(book.errors().size(), 2);
        QVERIFY(book.errors().join(QLatin1Char('\n')).contains(QLatin1String("2-broken.json")));
        QVERIFY(book.errors().join(QLatin1Char('\n')).contains(QLatin1String("1-first.ru.json")));
        QVERIFY(!LessonBook().load(dir.filePath(QStringLiteral("missing"))));
    }

    void translatedCopyIsPreferred()
    {
        QTemporaryDir dir;
        QFile original(QStringLiteral(":/lessons/1-first-dialogue.json"));
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray json = original.readAll();
        QByteArray translated = json;
        translated.replace("\"1. The first dialogue\"", "\"1. Первый диалог\"");
        for (const auto &[name, bytes] :
             {std::pair{"1-x.json", json}, std::pair{"1-x.ru.json", translated}}) {
            QFile f(dir.filePath(QLatin1String(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        LessonBook book;
        QVERIFY(book.load(dir.path(), QLocale(QLocale::Russian, QLocale::Russia)));
        QCOMPARE(book.lessons().size(), 1);
        QCOMPARE(book.lessons().first().title, QStringLiteral("1. Первый диалог"));
        QVERIFY(book.load(dir.path(), QLocale(QLocale::German, QLocale::Germany)));
        QCOMPARE(book.lessons().first().title, QStringLiteral("1. The first dialogue"));
    }

    // Each built-in translation is the original lesson in other words: it loads, and every
    // step checks the same lines, waits for the same replies and sets up the same sandbox;
    // only what a person reads differs. One row per lesson and per language any lesson has,
    // so a lesson left untranslated fails too.
    void translationsMatchTheOriginal_data()
    {
        QTest::addColumn<QString>("lesson");
        QTest::addColumn<QString>("language");
        const QDir dir(LessonBook::builtInFolder());
        QSet<QString> languages;
        for (const QString &file : dir.entryList({QStringLiteral("*.*.json")}, QDir::Files))
            languages.insert(file.section(QLatin1Char('.'), 1, -2));
        QVERIFY(languages.contains(QStringLiteral("ru")));
        for (const QString &id : LessonBook::lessonIds(dir.path())) {
            for (const QString &language : std::as_const(languages))
                QTest::newRow(qPrintable(id + QLatin1Char('.') + language)) << id << language;
        }
    }
    void translationsMatchTheOriginal()
    {
        QFETCH(QString, lesson);
        QFETCH(QString, language);
        const QDir dir(LessonBook::builtInFolder());
        QString error;
        const std::optional<Lesson> original =
            LessonBook::readFile(dir.filePath(lesson + QStringLiteral(".json")), &error);
        QVERIFY2(original, qPrintable(error));
        const std::optional<Lesson> translated = LessonBook::readFile(
            dir.filePath(lesson + QLatin1Char('.') + language + QStringLiteral(".json")), &error);
        QVERIFY2(translated, qPrintable(error));
        QCOMPARE(translated->id, original->id);
        QCOMPARE(translated->showMessage, original->showMessage);
        QCOMPARE(sortedKeys(translated->replies), sortedKeys(original->replies));
        QVERIFY(translated->title != original->title);
        QVERIFY(translated->summary != original->summary);
        QVERIFY(translated->conclusion != original->conclusion);
        QCOMPARE(translated->steps.size(), original->steps.size());
        for (qsizetype i = 0; i < original->steps.size(); ++i) {
            const LessonStep &o = original->steps.at(i);
            const LessonStep &t = translated->steps.at(i);
            const QByteArray where = o.id.toUtf8();
            QCOMPARE(t.id, o.id);
            QVERIFY2(t.kind == o.kind && t.wait == o.wait, where.constData());
            QCOMPARE(t.verb, o.verb);
            QCOMPARE(t.example, o.example);
            QCOMPARE(patternOf(t.argument), patternOf(o.argument));
            QCOMPARE(patternOf(t.text), patternOf(o.text));
            QCOMPARE(t.advanceOn, o.advanceOn);
            QCOMPARE(t.continueOn, o.continueOn);
            QVERIFY2(t.behaviour == o.behaviour, where.constData());
            QCOMPARE(t.acceptedExamples, o.acceptedExamples);
            QCOMPARE(t.refusedExamples, o.refusedExamples);
            QCOMPARE(sortedKeys(t.replies), sortedKeys(o.replies));
            QCOMPARE(t.mistakes.size(), o.mistakes.size());
            for (qsizetype m = 0; m < o.mistakes.size(); ++m)
                QCOMPARE(t.mistakes.at(m).match.pattern(), o.mistakes.at(m).match.pattern());
            // Translated, not copied; and every {variable} the original fills in is still there.
            QVERIFY2(t.title != o.title && t.instruction != o.instruction, where.constData());
            const QString originalText = o.instruction + o.hint + o.explain +
                                         QStringList(o.replies.values()).join(QString());
            static const QRegularExpression variable(QStringLiteral("\\{\\w+\\}"));
            for (const QRegularExpressionMatch &match : variable.globalMatch(originalText)) {
                const QString translatedText = t.instruction + t.hint + t.explain +
                                               QStringList(t.replies.values()).join(QString());
                QVERIFY2(translatedText.contains(match.captured()),
                         qPrintable(o.id + QLatin1String(": ") + match.captured()));
            }
        }
    }

    // The runner alone, with replies as the sandbox gives them: explanations, a wrong line,
    // a line sent anyway, a line typed before its reply, and the end.
    void firstDialogueScripted()
    {
        LessonRunner runner;
        QSignalSpy wanted(&runner, &LessonRunner::connectionWanted);
        QSignalSpy notes(&runner, &LessonRunner::note);
        QSignalSpy finished(&runner, &LessonRunner::finished);
        runner.start(builtIn(QStringLiteral("1-first-dialogue")));
        QCOMPARE(wanted.count(), 1);
        QCOMPARE(runner.state(), LessonRunner::State::Connecting);
        QCOMPARE(runner.check(QStringLiteral("HELO x")).verdict, LessonCheck::Verdict::Closed);

        runner.replyReceived(220, QStringLiteral("localhost ESMTP Postwire sandbox ready"));
        QCOMPARE(runner.stepIndex(), 1);
        QVERIFY(notesOf(notes).join(QLatin1Char('\n')).contains(QLatin1String("service ready")));

        const LessonCheck wrong = runner.check(QStringLiteral("HELLO learner.example"));
        QCOMPARE(wrong.verdict, LessonCheck::Verdict::Refused);
        QVERIFY(wrong.hint.contains(QLatin1String("HELO learner.example")));

        runner.lineSent(QStringLiteral("HELO learner.example"));
        QCOMPARE(runner.state(), LessonRunner::State::AwaitingReply);
        QCOMPARE(runner.check(QStringLiteral("MAIL FROM:<a@b.example>")).verdict,
                 LessonCheck::Verdict::Early);
        runner.replyReceived(250, QStringLiteral("localhost greets learner.example"));
        QCOMPARE(runner.stepIndex(), 2);

        // Sent anyway: the server's 503 is explained, and the step still waits.
        notes.clear();
        runner.lineSent(QStringLiteral("RCPT TO:<friend@example.net>"));
        runner.replyReceived(503, QStringLiteral("5.5.1 Need MAIL command before RCPT"));
        QCOMPARE(runner.stepIndex(), 2);
        QCOMPARE(runner.state(), LessonRunner::State::Typing);
        QVERIFY(notesOf(notes).join(QLatin1Char('\n')).contains(QLatin1String("bad sequence")));

        // An accepted line with a reply the step does not lead to: explained, retry.
        notes.clear();
        runner.lineSent(QStringLiteral("MAIL FROM: <learner@example.org>"));
        runner.replyReceived(451, QStringLiteral("4.3.0 try later"));
        QCOMPARE(runner.stepIndex(), 2);
        QCOMPARE(notes.last().at(0).value<LessonNote>().kind, LessonNote::Kind::Unexpected);
        runner.lineSent(QStringLiteral("MAIL FROM: <learner@example.org>"));
        runner.replyReceived(250, QStringLiteral("2.1.0 Ok"));
        QCOMPARE(runner.stepIndex(), 3);

        runner.lineSent(QStringLiteral("RCPT TO: <friend@example.net>"));
        runner.replyReceived(250, QStringLiteral("2.1.5 Ok"));
        runner.lineSent(QStringLiteral("DATA"));
        runner.replyReceived(354, QStringLiteral("End data with <CR><LF>.<CR><LF>"));
        QCOMPARE(runner.stepIndex(), 5);
        runner.lineSent(QStringLiteral("Hi!"));
        QCOMPARE(runner.stepIndex(), 6);
        // Another line of text, sent anyway at the dot step: no reply comes, nothing waits.
        runner.lineSent(QStringLiteral("How are you?"));
        QCOMPARE(runner.state(), LessonRunner::State::Typing);
        runner.lineSent(QStringLiteral("."));
        runner.replyReceived(250, QStringLiteral("2.0.0 Ok: queued as 20261130-0001"));
        QCOMPARE(runner.queueId(), QStringLiteral("20261130-0001"));
        runner.lineSent(QStringLiteral("QUIT"));
        runner.replyReceived(221, QStringLiteral("2.0.0 localhost Bye"));
        QCOMPARE(finished.count(), 1);
        QVERIFY(runner.isFinished());
        runner.connectionEnded(QString()); // the close after 221 changes nothing
        QCOMPARE(wanted.count(), 1);
        QCOMPARE(notes.last().at(0).value<LessonNote>().kind, LessonNote::Kind::Done);
    }

    // AUTH's 334: the person types the answer, or the console answers for an AUTH typed
    // alone; either way the step ends on the 235.
    void authContinues_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QList<int>>("codes");
        QTest::addColumn<QStringList>("answers"); // typed after each 334
        QTest::newRow("PLAIN with the response")
            << "AUTH PLAIN AHNhbmRib3gAcHc=" << QList<int>{235} << QStringList();
        QTest::newRow("PLAIN, response typed") << "AUTH PLAIN" << QList<int>{334, 235}
                                               << QStringList{QStringLiteral("AHNhbmRib3gAcHc=")};
        QTest::newRow("LOGIN, typed")
            << "AUTH LOGIN" << QList<int>{334, 334, 235}
            << QStringList{QStringLiteral("c2FuZGJveA=="), QStringLiteral("cHc=")};
        QTest::newRow("LOGIN, the console answers")
            << "AUTH LOGIN" << QList<int>{334, 334, 235} << QStringList();
    }
    void authContinues()
    {
        QFETCH(QString, line);
        QFETCH(QList<int>, codes);
        QFETCH(QStringList, answers);
        const Lesson lesson = builtIn(QStringLiteral("3-starttls-auth"));
        int auth = 0;
        while (lesson.steps.at(auth).id != QLatin1String("auth"))
            ++auth;
        LessonRunner runner;
        runner.setVariables(sandboxVariables());
        QSignalSpy notes(&runner, &LessonRunner::note);
        runner.start(lesson);
        runner.replyReceived(220, QStringLiteral("ready"));
        // Straight to the AUTH step, each earlier step's line answered as it expects.
        while (runner.stepIndex() < auth) {
            const LessonStep &step = *runner.currentStep();
            runner.lineSent(runner.expand(step.example));
            runner.replyReceived(firstCode(step.advanceOn), QStringLiteral("ok"));
        }
        QVERIFY(runner.check(line).accepted());
        runner.lineSent(line);
        for (const int code : codes) {
            QCOMPARE(runner.stepIndex(), auth);
            runner.replyReceived(code, QStringLiteral("VXNlcm5hbWU6"));
            if (code == 334 && !answers.isEmpty()) {
                QVERIFY(runner.check(answers.first()).accepted()); // never checked as a command
                runner.lineSent(answers.takeFirst());
            }
        }
        QCOMPARE(runner.stepIndex(), auth + 1);
        for (const QList<QVariant> &args : notes)
            QVERIFY2(args.at(0).value<LessonNote>().kind != LessonNote::Kind::Unexpected,
                     qPrintable(args.at(0).value<LessonNote>().text));
    }

    void droppedConnectionGoesBackToConnect()
    {
        LessonRunner runner;
        QSignalSpy wanted(&runner, &LessonRunner::connectionWanted);
        runner.start(builtIn(QStringLiteral("1-first-dialogue")));
        runner.replyReceived(220, QStringLiteral("ready"));
        runner.lineSent(QStringLiteral("HELO x"));
        runner.replyReceived(250, QStringLiteral("hi"));
        runner.lineSent(QStringLiteral("QUIT")); // sent anyway
        runner.replyReceived(221, QStringLiteral("Bye"));
        QCOMPARE(runner.stepIndex(), 2);
        runner.connectionEnded(QStringLiteral("the server closed the connection"));
        QCOMPARE(runner.stepIndex(), 0);
        QCOMPARE(runner.state(), LessonRunner::State::Connecting);
        QCOMPARE(wanted.count(), 2);
        // A connection that fails before its greeting waits for Reconnect, no loop.
        runner.connectionEnded(QStringLiteral("refused"));
        QCOMPARE(wanted.count(), 2);
        runner.reconnect();
        QCOMPARE(wanted.count(), 3);
    }

    // Every lesson runs to its end on replies of the codes its steps advance on.
    void everyLessonCompletesScripted_data()
    {
        QTest::addColumn<QString>("lesson");
        for (const QString &id : LessonBook::lessonIds(LessonBook::builtInFolder()))
            QTest::newRow(id.toUtf8()) << id;
    }
    void everyLessonCompletesScripted()
    {
        QFETCH(QString, lesson);
        const Lesson l = builtIn(lesson);
        LessonRunner runner;
        runner.setVariables(sandboxVariables());
        QSignalSpy finished(&runner, &LessonRunner::finished);
        runner.start(l);
        QList<int> owed; // replies to lines of steps that did not wait
        for (int guard = 0; guard < 100 && !runner.isFinished(); ++guard) {
            const LessonStep &step = *runner.currentStep();
            if (step.kind == LessonStep::Kind::Connect) {
                runner.replyReceived(firstCode(step.advanceOn), QStringLiteral("ready"));
                continue;
            }
            const QString line = runner.expand(step.example);
            QVERIFY2(runner.check(line).accepted(),
                     qPrintable(step.id + QLatin1String(": ") + line));
            runner.lineSent(line);
            switch (step.wait) {
            case LessonStep::Wait::Reply:
                for (const int code : std::exchange(owed, {}))
                    runner.replyReceived(code, QStringLiteral("owed"));
                runner.replyReceived(firstCode(step.advanceOn), QStringLiteral("reply"));
                break;
            case LessonStep::Wait::Sent:
                owed << 250;
                break;
            case LessonStep::Wait::Close:
                runner.connectionEnded(QStringLiteral("closed"));
                break;
            case LessonStep::Wait::None:
                break;
            }
        }
        QCOMPARE(finished.count(), 1);
    }

    // Every lesson against the real sandbox, typing each step's example: the replies the
    // lesson files expect are the ones the sandbox gives.
    void everyLessonCompletesAgainstTheSandbox_data() { everyLessonCompletesScripted_data(); }
    void everyLessonCompletesAgainstTheSandbox()
    {
        QFETCH(QString, lesson);
        QTemporaryDir dir;
        MailStore store(dir.filePath(QStringLiteral("inbox")));
        SandboxServer server;
        server.setStore(&store);
        server.setCredentials({QStringLiteral("sandbox"), Password});
        QFile cert(QStringLiteral(POSTWIRE_TEST_CERTS "/server.pem"));
        QFile key(QStringLiteral(POSTWIRE_TEST_CERTS "/server.key"));
        QVERIFY(cert.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly));
        server.setCertificate(QSslCertificate(&cert), QSslKey(&key, QSsl::Ec));
        QSignalSpy started(&server, &SandboxServer::started);
        server.start();
        QTRY_COMPARE(started.count(), 1);

        const Lesson l = builtIn(lesson);
        LessonRunner runner;
        runner.setVariables(sandboxVariables());
        QSignalSpy notes(&runner, &LessonRunner::note);
        SandboxDriver driver(&server, &runner);
        runner.start(l);
        QTRY_VERIFY2_WITH_TIMEOUT(runner.isFinished(), qPrintable(notesOf(notes).join(u'\n')),
                                  30000);
        for (const QList<QVariant> &args : notes) {
            const LessonNote note = args.at(0).value<LessonNote>();
            QVERIFY2(note.kind != LessonNote::Kind::Unexpected, qPrintable(note.text));
        }
        if (l.showMessage) {
            QVERIFY(!runner.queueId().isEmpty());
            QTRY_VERIFY(store.contains(runner.queueId()));
        }
    }
};

QTEST_GUILESS_MAIN(TestLesson)
#include "tst_lesson.moc"
