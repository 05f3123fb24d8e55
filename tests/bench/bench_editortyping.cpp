// How long the main thread stalls while someone types into a 5,000-line message with spelling
// on: each key press is timed with the repaint it causes, and the shortest, median and longest
// are printed (aim: the longest under 16 ms, one frame). Switching the spelling language, which
// checks the whole message again, is timed as the stall before the window answers again.
#include "benchheartbeat.h"
#include "richeditor.h"
#include "richtextedit.h"
#include "spellchecker.h"
#include "spellhighlighter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTest>
#include <QTextDocument>
#include <QTextStream>

#include <algorithm>
#include <ctime>

namespace {

// The thread's own CPU time: a stall longer than it was spent waiting for the CPU (a busy
// machine), not working.
double cpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

struct Stall
{
    double wall;
    double cpu;
    bool operator<(const Stall &o) const { return wall < o.wall; }
};

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen")
                                                                    : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QTextStream out(stdout);
    RichEditor editor;
    editor.resize(900, 700);
    const QStringList languages = SpellChecker::availableLanguages();
    const QString language =
        languages.contains(QStringLiteral("en_US")) ? QStringLiteral("en_US") : languages.value(0);
    editor.setSpellLanguage(language);
    QStringList lines;
    for (int i = 0; i < 5000; ++i)
        lines << QStringLiteral("Line %1: the quick brown fox jumps over the lazy dgo, and "
                                "recieves a mesage about teh server.")
                     .arg(i);
    QElapsedTimer load;
    load.start();
    editor.setPlainText(lines.join(QLatin1Char('\n')));
    editor.show();
    if (!QTest::qWaitForWindowExposed(&editor))
        return 1;
    RichTextEdit *text = editor.textEdit();
    // Qt lays a long text out in steps from its event loop; typing starts once it is done, as
    // it does for a person who opened the message a moment ago.
    text->document()->size();
    const qint64 loadMs = load.elapsed();
    text->setFocus();
    QList<Stall> stalls;
    const QString typed = QStringLiteral("Typing a sentence with a mispelt word in it. ");
    for (int round = 0; round < 6; ++round) {
        // Somewhere else in the message each round: the start, the middle, the end.
        QTextCursor c(text->document());
        c.setPosition(text->document()->characterCount() * round / 6);
        text->setTextCursor(c);
        text->ensureCursorVisible();
        for (const QChar ch : typed) {
            QElapsedTimer t;
            t.start();
            const double cpu = cpuMs();
            QTest::keyClick(text, ch.toLatin1());
            text->viewport()->repaint();
            stalls << Stall{t.nsecsElapsed() / 1e6, cpuMs() - cpu};
        }
    }
    std::sort(stalls.begin(), stalls.end());
    const auto ms = [](double v) { return QString::number(v, 'f', 2); };
    out << "editor typing: 5000 lines, spelling "
        << (language.isEmpty() ? QStringLiteral("off (no dictionary)") : language) << "\n";
    out << "  load and layout: " << loadMs << " ms\n";
    out << "  key presses: " << stalls.size() << "\n";
    out << "  stall per key press: min " << ms(stalls.first().wall) << " ms, median "
        << ms(stalls.at(stalls.size() / 2).wall) << " ms, max " << ms(stalls.last().wall)
        << " ms (aim: max under 16 ms)\n";
    out << "  the longest spent " << ms(stalls.last().cpu)
        << " ms on the CPU (the rest: waiting for a busy machine)\n";

    if (!language.isEmpty()) {
        // Spelling off and on again: every line is checked anew.
        auto *highlighter = text->document()->findChild<SpellHighlighter *>();
        BenchHeartbeat heartbeat;
        heartbeat.start();
        QElapsedTimer t;
        t.start();
        editor.setSpellLanguage(QString());
        editor.setSpellLanguage(language);
        const double answer = t.nsecsElapsed() / 1e6;
        if (!QTest::qWaitFor([highlighter] { return !highlighter->isChecking(); }, 60000))
            return 1;
        heartbeat.stop();
        out << "  spelling off and on: the window answers after " << ms(answer)
            << " ms (loading the dictionary included); the other lines are checked between "
               "events, all after "
            << t.elapsed() << " ms, the longest gap of a 10 ms timer meanwhile "
            << heartbeat.longest() << " ms (" << heartbeat.longestWork() << " ms on the CPU)\n";
    }
    return 0;
}
