// Postwire in another language: the window's menus and the core's reply explanations in
// Russian, plurals in English and Russian, and the command line following LANG and --lang.
#include "composewindow.h"
#include "fakesmtpserver.h"
#include "i18n/translations.h"
#include "lesson/lessonbook.h"
#include "mime/messagestructure.h"
#include "smtp/explain.h"

#include <QMenuBar>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runPostwire(const QStringList &arguments, const QString &lang)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LC_ALL"));
    env.remove(QStringLiteral("LC_MESSAGES"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.insert(QStringLiteral("LANG"), lang);
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(POSTWIRE_BINARY), arguments);
    QSignalSpy finished(&process, &QProcess::finished);
    [&] { QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 30000); }();
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

bool hasCyrillic(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.unicode() >= 0x0410 && c.unicode() <= 0x044f; });
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { Translations::install(QStringLiteral("en")); }

    void availableLanguages()
    {
        const QStringList languages = Translations::available();
        QVERIFY2(languages.contains(QStringLiteral("en")), qPrintable(languages.join(u' ')));
        QVERIFY2(languages.contains(QStringLiteral("ru")), qPrintable(languages.join(u' ')));
    }

    void unknownLanguageFallsBackToEnglish()
    {
        const QString notice = Translations::install(QStringLiteral("xx"));
        QVERIFY2(notice.contains(QStringLiteral("\"xx\"")), qPrintable(notice));
        QVERIFY2(notice.contains(QStringLiteral("English")), qPrintable(notice));
        QVERIFY(!notice.contains(u'\n'));
        QCOMPARE(MessageStructure::tr("%n parts", nullptr, 1), QStringLiteral("1 part"));
        QVERIFY(Translations::install(QStringLiteral("ru")).isEmpty());
    }

    // --lang is the default locale too: the lessons (read by QLocale()) follow it.
    void lessonsFollowLang()
    {
        QVERIFY(Translations::install(QStringLiteral("ru")).isEmpty());
        QCOMPARE(QLocale().language(), QLocale::Russian);
        LessonBook russian;
        QVERIFY(russian.load());
        QVERIFY(!russian.lessons().isEmpty());
        const QString title = russian.lessons().first().title;
        QVERIFY2(std::any_of(title.cbegin(), title.cend(),
                             [](QChar c) { return c.script() == QChar::Script_Cyrillic; }),
                 qPrintable(title));
        QVERIFY(Translations::install(QStringLiteral("en")).isEmpty());
        QCOMPARE(QLocale().language(), QLocale::English);
        LessonBook english;
        QVERIFY(english.load());
        QVERIFY(english.lessons().first().title != title);
    }

    void plurals_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en 1") << "en" << 1 << "1 part";
        QTest::newRow("en 2") << "en" << 2 << "2 parts";
        QTest::newRow("ru 1") << "ru" << 1 << QStringLiteral("1 часть");
        QTest::newRow("ru 2") << "ru" << 2 << QStringLiteral("2 части");
        QTest::newRow("ru 5") << "ru" << 5 << QStringLiteral("5 частей");
        QTest::newRow("ru 21") << "ru" << 21 << QStringLiteral("21 часть");
    }

    void plurals()
    {
        QFETCH(QString, language);
        QFETCH(int, count);
        QFETCH(QString, expected);
        QVERIFY(Translations::install(language).isEmpty());
        QCOMPARE(MessageStructure::tr("%n parts", nullptr, count), expected);
    }

    // The window in Russian: its menus (the window's translation) and a reply explanation
    // (the core's) in the explanation the window shows.
    void windowInRussian()
    {
        const QString english = SmtpExplain::replyCode(550, QStringLiteral("RCPT"));
        QVERIFY(Translations::install(QStringLiteral("ru")).isEmpty());
        const QString russian = SmtpExplain::replyCode(550, QStringLiteral("RCPT"));
        QVERIFY2(russian != english && hasCyrillic(russian), qPrintable(russian));
        ComposeWindow window;
        QStringList titles;
        for (QAction *action : window.menuBar()->actions())
            titles << action->text().remove(u'&');
        QVERIFY2(titles.contains(QStringLiteral("Файл")), qPrintable(titles.join(u' ')));
        for (const QString &title : titles)
            QVERIFY2(hasCyrillic(title), qPrintable(title));
    }

    void helpFollowsLang()
    {
        const Run ru = runPostwire({QStringLiteral("--help")}, QStringLiteral("ru_RU.UTF-8"));
        QCOMPARE(ru.exitCode, 0);
        QVERIFY2(ru.out.contains(QStringLiteral("Использование")), qPrintable(ru.out));
        QVERIFY2(!ru.out.contains(QStringLiteral("A mail composer that shows the wire")),
                 qPrintable(ru.out));
        const Run send = runPostwire({QStringLiteral("send"), QStringLiteral("--help")},
                                     QStringLiteral("ru_RU.UTF-8"));
        QVERIFY2(!send.out.contains(QStringLiteral("Plain-text body.")), qPrintable(send.out));
        QVERIFY2(send.out.contains(QStringLiteral("--lang")), qPrintable(send.out));
        // --lang wins over LANG.
        const Run en =
            runPostwire({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--help")},
                        QStringLiteral("ru_RU.UTF-8"));
        QVERIFY2(en.out.contains(QStringLiteral("A mail composer that shows the wire")),
                 qPrintable(en.out));
    }

    // View > Language keeps the choice; the next start follows it, --lang still wins.
    void languageSetting()
    {
        QSettings settings(QStringLiteral("Postwire"), QStringLiteral("postwire"));
        settings.setValue(Translations::settingsKey(), QStringLiteral("ru"));
        settings.sync();
        const Run ru = runPostwire({QStringLiteral("--help")}, QStringLiteral("C.UTF-8"));
        const Run en =
            runPostwire({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--help")},
                        QStringLiteral("C.UTF-8"));
        settings.remove(Translations::settingsKey());
        settings.sync();
        QVERIFY2(ru.out.contains(QStringLiteral("Использование")), qPrintable(ru.out));
        QVERIFY2(en.out.contains(QStringLiteral("A mail composer that shows the wire")),
                 qPrintable(en.out));
    }

    void unknownLangOnTheCommandLine()
    {
        const Run run = runPostwire(
            {QStringLiteral("--lang"), QStringLiteral("xx"), QStringLiteral("--version")},
            QStringLiteral("C.UTF-8"));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("postwire")), qPrintable(run.out));
        QCOMPARE(run.err.count(u'\n'), 1);
        QVERIFY2(run.err.contains(QStringLiteral("\"xx\"")), qPrintable(run.err));
    }

    // LANG=ru_RU.UTF-8 postwire send --explain: the reply explanations are Russian.
    void sendExplainsInRussian()
    {
        FakeSmtpServer server(QStringLiteral("S: 220 fake ESMTP\n"
                                             "C: EHLO cli.example\n"
                                             "S: 250-fake\nS: 250 8BITMIME\n"
                                             "C: MAIL FROM:<ana@example.org>\n"
                                             "S: 250 2.1.0 ok\n"
                                             "C: RCPT TO:<bob@example.org>\n"
                                             "S: 550 5.1.1 no such user\n"
                                             "C: QUIT\nS: 221 bye\n"));
        QVERIFY(server.listen());
        const Run run = runPostwire(
            {QStringLiteral("send"), QStringLiteral("--server"),
             QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("--security"),
             QStringLiteral("none"), QStringLiteral("--helo"), QStringLiteral("cli.example"),
             QStringLiteral("--from"), QStringLiteral("ana@example.org"), QStringLiteral("--to"),
             QStringLiteral("bob@example.org"), QStringLiteral("--subject"), QStringLiteral("t"),
             QStringLiteral("--body"), QStringLiteral("Hello"), QStringLiteral("--explain"),
             QStringLiteral("--no-history")},
            QStringLiteral("ru_RU.UTF-8"));
        QVERIFY(Translations::install(QStringLiteral("ru")).isEmpty());
        const QString expected = SmtpExplain::enhancedDetail(1, 1);
        QVERIFY2(hasCyrillic(expected), qPrintable(expected));
        QVERIFY2(run.out.contains(expected), qPrintable(run.out + run.err));
        // The wire stays as it was.
        QVERIFY2(run.out.contains(QStringLiteral("C: RCPT TO:<bob@example.org>")),
                 qPrintable(run.out));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
