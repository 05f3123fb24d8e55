// How long the main thread stalls while someone types into a 5,000-line message with spelling
// on: each key press is timed with the repaint it causes, and the longest is printed (aim:
// under 16 ms, one frame).
#include "richeditor.h"
#include "richtextedit.h"
#include "spellchecker.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTest>
#include <QTextStream>

#include <algorithm>

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
    const qint64 loadMs = load.elapsed();
    RichTextEdit *text = editor.textEdit();
    text->setFocus();
    QList<double> stalls;
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
            QTest::keyClick(text, ch.toLatin1());
            text->viewport()->repaint();
            stalls << t.nsecsElapsed() / 1e6;
        }
    }
    std::sort(stalls.begin(), stalls.end());
    out << "editor typing: 5000 lines, spelling "
        << (language.isEmpty() ? QStringLiteral("off (no dictionary)") : language) << "\n";
    out << "  load and first layout: " << loadMs << " ms\n";
    out << "  key presses: " << stalls.size() << "\n";
    out << "  median stall: " << QString::number(stalls.at(stalls.size() / 2), 'f', 2) << " ms\n";
    out << "  longest main-thread stall while typing: " << QString::number(stalls.last(), 'f', 2)
        << " ms (aim: under 16 ms)\n";
    return 0;
}
