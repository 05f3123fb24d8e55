// The transcript pane at scale (issue 12, item 5), printed as figures:
// 1. live: the compose window sends one message to 5,000 recipients, pipelined, to a server on
//    loopback running in a worker thread (so that only the client and the window are measured):
//    the scripted server of the tests, as the built-in sandbox takes at most 100 recipients per
//    message and aiosmtpd does not pipeline; printed are the rate at which lines reach the pane and
//    the longest gap of the main thread (a 10 ms QTimer) while they arrive (the issue asks for at
//    most 50 ms);
// 2. at 100,000 lines: how long they take to append, the slowest repaint while scrolling
//    through them, and how long Find in Transcript takes (a match near the end, and none).
#include "account/accountstore.h"
#include "accountform.h"
#include "benchheartbeat.h"
#include "benchwindowhome.h"
#include "composewindow.h"
#include "fakesmtpserver.h"
#include "transcriptmodel.h"
#include "transcriptview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace {

constexpr int Recipients = 5000;
constexpr int Lines = 100'000;

// A dialogue as a 5,000-recipient send writes it, repeated until there are `count` lines.
QList<TranscriptEntry> syntheticLines(int count)
{
    QList<TranscriptEntry> out;
    out.reserve(count);
    for (int i = 0; out.size() < count; ++i) {
        TranscriptEntry c;
        c.elapsedMs = i;
        c.direction = TranscriptEntry::Direction::Client;
        c.text = QStringLiteral("RCPT TO:<user%1@example.org>").arg(i);
        c.command.kind = TranscriptCommand::Kind::Rcpt;
        c.command.line = c.text;
        c.command.id = i;
        c.command.group = 0;
        c.command.groupIndex = i;
        c.command.groupSize = count / 2;
        c.command.origin.source = CommandOrigin::Source::To;
        c.command.origin.address = QStringLiteral("user%1@example.org").arg(i);
        c.command.origin.recipient = i;
        out.append(c);
        TranscriptEntry s;
        s.elapsedMs = i + 1;
        s.direction = TranscriptEntry::Direction::Server;
        s.text = QStringLiteral("250 2.1.5 Ok");
        s.replyCode = 250;
        s.lastLineOfReply = true;
        s.latencyMs = 1;
        s.command = c.command;
        out.append(s);
    }
    out.resize(count);
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    BenchWindowHome home;
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("PostwireBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_transcript"));
    QTextStream out(stdout);

    // Part 2 first, in a window of its own (shown, so that it paints), then part 1.
    TranscriptModel model;
    TranscriptView view(&model);
    view.resize(1000, 700);
    view.show();
    auto measureLines = [&] {
        const QList<TranscriptEntry> lines = syntheticLines(Lines);
        model.beginSection(QStringLiteral("127.0.0.1:25"), QStringLiteral("bench"));
        QElapsedTimer clock;
        clock.start();
        // As the client emits them: one entry per signal, the view following the end.
        qint64 longestAppend = 0;
        QElapsedTimer one;
        for (const TranscriptEntry &e : lines) {
            one.start();
            model.append(e);
            longestAppend = std::max(longestAppend, one.nsecsElapsed());
        }
        const qint64 appendMs = clock.elapsed();
        clock.start();
        // The view lays its rows out once, on its next pass through the event loop.
        view.listView()->doItemsLayout();
        view.listView()->viewport()->repaint();
        const qint64 firstPaint = clock.elapsed();
        out << "100,000 lines: appended one by one in " << appendMs << " ms ("
            << (appendMs > 0 ? qint64(Lines) * 1000 / appendMs : 0) << " lines/s, slowest append "
            << double(longestAppend) / 1e6 << " ms), then laid out and painted in " << firstPaint
            << " ms\n";

        // Scrolling: a page at a time from the top to the bottom, and jumps, each repainted.
        QScrollBar *bar = view.listView()->verticalScrollBar();
        qint64 slowestFrame = 0;
        qint64 frames = 0;
        clock.start();
        QElapsedTimer frame;
        for (int v = 0; v <= bar->maximum(); v += std::max(1, bar->maximum() / 400)) {
            frame.start();
            bar->setValue(v);
            view.listView()->viewport()->repaint();
            slowestFrame = std::max(slowestFrame, frame.nsecsElapsed());
            ++frames;
        }
        const qint64 scrollMs = clock.elapsed();
        out << "scrolling through them: " << frames << " repaints in " << scrollMs
            << " ms, slowest " << double(slowestFrame) / 1e6 << " ms\n";

        // Find: typing the needle (the pane highlights matches as it is typed), then Enter.
        view.listView()->setCurrentIndex(model.index(0));
        auto timeFind = [&](const QString &needle) {
            QElapsedTimer t;
            t.start();
            view.searchField()->setText(needle);
            view.listView()->viewport()->repaint();
            const bool found = view.findNext();
            view.listView()->viewport()->repaint();
            return std::make_pair(double(t.nsecsElapsed()) / 1e6, found);
        };
        const auto [nearEnd, found] = timeFind(QStringLiteral("user%1@").arg(Lines / 2 - 3));
        const auto [none, foundNone] = timeFind(QStringLiteral("nobody@nowhere"));
        out << "Find in Transcript at 100,000 lines: a match near the end in " << nearEnd << " ms ("
            << (found ? "found" : "NOT found") << "), no match in " << none << " ms ("
            << (foundNone ? "found?!" : "none, as expected") << "); the issue asks for < 100 ms\n";
        out.flush();
        view.close();
    };

    // Part 1: the live send. The server lives in a worker thread: its share of the work must
    // not count as a stall of the window.
    QString scenario = QStringLiteral(R"(
        S: 220 bench ESMTP
        C~ EHLO \S+
        S: 250-bench
        S: 250-PIPELINING
        S: 250-SIZE 52428800
        S: 250 8BITMIME
        C~ MAIL FROM:<bench@example\.org>.*
        S: 250 2.1.0 Ok
    )");
    for (int i = 0; i < Recipients; ++i)
        scenario += QStringLiteral("C~ RCPT TO:<user%1@example\\.org>.*\nS: 250 2.1.5 Ok\n").arg(i);
    scenario += QStringLiteral(R"(
        C: DATA
        S: 354 go ahead
        D:
        S: 250 2.0.0 queued as BENCH
        C: QUIT
        S: 221 bye
        X:
    )");
    QThread serverThread;
    FakeSmtpServer *server = nullptr;
    ComposeWindow window;
    window.resize(1200, 800);
    window.show();
    BenchHeartbeat heartbeat;
    QElapsedTimer clock;
    int linesBefore = 0;
    qint64 clickMs = 0;
    qint64 clickCpuMs = 0;

    auto startSend = [&](quint16 port) {
        Account sink;
        sink.name = QStringLiteral("Benchmark sandbox");
        sink.host = QStringLiteral("127.0.0.1");
        sink.port = port;
        sink.security = SmtpSettings::Security::None;
        window.accountForm()->selectAccountId(window.accountStore()->add(sink));
        QStringList to;
        for (int i = 0; i < Recipients; ++i)
            to << QStringLiteral("user%1@example.org").arg(i);
        Draft d;
        d.from = QStringLiteral("bench@example.org");
        d.to = to.join(QStringLiteral(", "));
        d.subject = QStringLiteral("5,000 recipients");
        d.body = QStringLiteral("One message, many recipients.");
        window.setDraft(d);
        // Sent as a person sends: the window shows the addresses first (a field of 5,000 of
        // them is laid out when it is first painted), then Send is pressed.
        QTimer::singleShot(300, &window, [&] {
            linesBefore = window.transcriptModel()->rowCount();
            clock.start();
            heartbeat.start();
            const qint64 cpuBefore = BenchHeartbeat::threadCpuUs();
            window.send();
            clickMs = clock.elapsed();
            clickCpuMs = (BenchHeartbeat::threadCpuUs() - cpuBefore) / 1000;
        });
    };

    QObject::connect(&window, &ComposeWindow::sendFinished, &app, [&](const SendResult &result) {
        const qint64 ms = clock.elapsed();
        // What the window does right after (the result, history) counts too.
        QTimer::singleShot(500, &app, [&, ms, result] {
            heartbeat.stop();
            const int lines = window.transcriptModel()->rowCount() - linesBefore;
            out << "live send to " << Recipients
                << " recipients (server in a worker thread): " << lines << " transcript lines in "
                << ms << " ms (" << (ms > 0 ? qint64(lines) * 1000 / ms : 0)
                << " lines/s); outcome: " << result.message << "\n";
            out << "the click on Send (checking 5,000 addresses, building and starting the send): "
                << clickMs << " ms, " << clickCpuMs << " ms of it on the main thread's CPU\n";
            out << "during the send and 0.5 s after it, ";
            heartbeat.print(out);
            QString report;
            QMetaObject::invokeMethod(
                server, [&] { report = server->report(); }, Qt::BlockingQueuedConnection);
            if (!report.isEmpty())
                out << "the server saw: " << report.left(2000) << "\n";
            out.flush();
            serverThread.quit();
            serverThread.wait();
            app.exit(lines >= 2 * Recipients ? 0 : 1);
        });
    });

    QObject::connect(&serverThread, &QThread::started, [&] {
        server = new FakeSmtpServer(scenario);
        QObject::connect(&serverThread, &QThread::finished, server, &QObject::deleteLater);
        if (!server->listen()) {
            QMetaObject::invokeMethod(&app, [&] { app.exit(2); });
            return;
        }
        const quint16 port = server->port();
        QMetaObject::invokeMethod(&window, [&, port] { startSend(port); });
    });
    QTimer::singleShot(300, &app, [&] {
        measureLines();
        serverThread.start();
    });
    return app.exec();
}
