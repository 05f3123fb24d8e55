// How long the main thread stalls while the compose window sends a 50 MB attachment through
// the real SmtpClient: the longest gap between ticks of a 10 ms QTimer, printed. The server
// runs in its own thread so that only the client and the UI are measured.
#include "account/accountstore.h"
#include "accountform.h"
#include "attachmentlist.h"
#include "benchwindowhome.h"
#include "composewindow.h"
#include "fakesmtpserver.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>

int main(int argc, char **argv)
{
    BenchWindowHome home;
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("PostwireBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_uistall"));
    QTextStream out(stdout);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("attachment.bin"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        QByteArray block(1 << 20, Qt::Uninitialized);
        for (int i = 0; i < 50; ++i) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()),
                                                  block.size() / 4);
            file.write(block);
        }
    }

    // The server lives in a worker thread: its share of the work must not count as a stall.
    QThread serverThread;
    FakeSmtpServer *server = nullptr;
    ComposeWindow window;
    window.show();
    QElapsedTimer clock;
    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    qint64 ticks = 0;
    QList<qint64> gaps;
    QTimer tick;
    tick.setInterval(10);
    tick.setTimerType(Qt::PreciseTimer);
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        const qint64 gap = sinceTick.restart();
        longestGap = std::max(longestGap, gap);
        gaps.append(gap);
        ++ticks;
    });

    auto startSend = [&](quint16 port) {
        // An account of its own for the benchmark's server (the window's default is the
        // built-in sandbox, with a login).
        Account sink;
        sink.name = QStringLiteral("Benchmark sink");
        sink.host = QStringLiteral("127.0.0.1");
        sink.port = port;
        sink.security = SmtpSettings::Security::None;
        window.accountForm()->selectAccountId(window.accountStore()->add(sink));
        Draft d;
        d.from = QStringLiteral("bench@example.org");
        d.to = QStringLiteral("sink@example.org");
        d.subject = QStringLiteral("50 MB");
        d.body = QStringLiteral("A large attachment follows.");
        Attachment a;
        a.path = path;
        d.attachments = {a};
        window.setDraft(d);
        clock.start();
        sinceTick.start();
        tick.start();
        window.send();
    };

    QObject::connect(&window, &ComposeWindow::sendFinished, &app, [&](const SendResult &result) {
        tick.stop();
        const qint64 ms = clock.elapsed();
        std::sort(gaps.begin(), gaps.end());
        const qint64 p99 = gaps.isEmpty() ? 0 : gaps[qsizetype(double(gaps.size() - 1) * 0.99)];
        out << "outcome: " << (result.delivered() ? "delivered" : "NOT delivered") << " ("
            << result.message << ")\n";
        out << "sent " << result.bytesSent << " bytes in " << ms << " ms ("
            << (ms > 0 ? double(result.bytesSent) / 1048576.0 / (double(ms) / 1000.0) : 0.0)
            << " MB/s)\n";
        out << "10 ms timer: " << ticks << " ticks, longest gap " << longestGap
            << " ms, 99th percentile " << p99 << " ms (issue 5 asks for at most 50 ms)\n";
        out.flush();
        serverThread.quit();
        serverThread.wait();
        app.exit(result.delivered() ? 0 : 1);
    });

    QObject::connect(&serverThread, &QThread::started, [&] {
        server = new FakeSmtpServer(QStringLiteral(R"(
            S: 220 bench ESMTP
            C~ EHLO \S+
            S: 250-bench
            S: 250-SIZE 209715200
            S: 250 8BITMIME
            C~ MAIL FROM:<bench@example\.org>.*
            S: 250 ok
            C~ RCPT TO:<sink@example\.org>.*
            S: 250 ok
            C: DATA
            S: 354 go
            D:
            S: 250 2.0.0 queued as BENCH
            C: QUIT
            S: 221 bye
            X:
        )"));
        // Deleted in its own thread once that thread's loop ends.
        QObject::connect(&serverThread, &QThread::finished, server, &QObject::deleteLater);
        if (!server->listen()) {
            QMetaObject::invokeMethod(&app, [&] { app.exit(2); });
            return;
        }
        const quint16 port = server->port();
        QMetaObject::invokeMethod(&window, [&, port] { startSend(port); });
    });
    serverThread.start();
    return app.exec();
}
