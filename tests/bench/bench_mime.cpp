// Figures for the MIME writer: base64 throughput on one core, the writer's memory while it
// streams a large attachment, and a whole send of 5/50/500 MB attachments through SmtpClient
// to a local sink server, next to curl sending the same already-built message to the same
// server. Peak RSS is VmHWM from /proc/self/status, reset before each size.
//
// usage: bench_mime [--sizes 5,50,500] [--skip-send]
#include "mime/base64.h"
#include "mime/message.h"
#include "mime/mimemessagesource.h"
#include "mime/mimewriter.h"
#include "smtp/capabilities.h"
#include "smtp/smtpclient.h"
#include "smtp/smtpreply.h"

#include "benchmemory.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <sys/resource.h>

#include <cstdio>
#include <memory>

namespace {

using BenchMemory::mb;
using BenchMemory::resetPeak;
using BenchMemory::statusKb;

bool makeFile(const QString &path, qint64 size)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QRandomGenerator rng(1234);
    QByteArray block(1 << 20, Qt::Uninitialized);
    for (qint64 left = size; left > 0;) {
        rng.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        const qint64 n = qMin<qint64>(left, block.size());
        if (f.write(block.constData(), n) != n)
            return false;
        left -= n;
    }
    return true;
}

Message messageWith(const QString &attachment)
{
    Message m;
    m.from = {QStringLiteral("Bench"), QStringLiteral("bench@example.org")};
    m.to = {{QString(), QStringLiteral("sink@example.net")}};
    m.subject = QStringLiteral("benchmark");
    m.text = QStringLiteral("see attachment\n");
    m.attachments = {
        {attachment, QString(), QStringLiteral("application/octet-stream"), false, {}}};
    return m;
}

Capabilities sinkCapabilities()
{
    SmtpReply reply;
    reply.code = 250;
    reply.lines = {"sink", "PIPELINING", "8BITMIME", "SMTPUTF8", "SIZE 0"};
    return Capabilities::fromEhloReply(reply);
}

void benchBase64()
{
    const qint64 size = 50 * 1024 * 1024;
    QByteArray input(size, Qt::Uninitialized);
    QRandomGenerator rng(7);
    rng.fillRange(reinterpret_cast<quint32 *>(input.data()), input.size() / 4);
    QByteArray out(Base64::encodedSize(Base64::BytesPerLine * 1024), Qt::Uninitialized);
    double best = 1e9;
    qint64 sink = 0;
    for (int round = 0; round < 5; ++round) {
        QElapsedTimer t;
        t.start();
        for (qint64 at = 0; at < size; at += Base64::BytesPerLine * 1024) {
            const qint64 n = qMin<qint64>(Base64::BytesPerLine * 1024, size - at);
            sink += Base64::encodeLines(input.constData() + at, n, out.data());
        }
        best = qMin(best, t.nsecsElapsed() / 1e9);
    }
    double bestQt = 1e9;
    for (int round = 0; round < 3; ++round) {
        QElapsedTimer t;
        t.start();
        sink += input.toBase64().size();
        bestQt = qMin(bestQt, t.nsecsElapsed() / 1e9);
    }
    std::printf("base64, 50 MB in memory, one core (best of 5)\n");
    std::printf("  Base64::encodeLines (76-column CRLF lines)  %7.0f MB/s\n", mb(size) / best);
    std::printf("  QByteArray::toBase64 (no lines, reference) %7.0f MB/s\n", mb(size) / bestQt);
    if (sink == 0)
        std::printf("?\n");
}

void benchWriter(const QString &path, qint64 size)
{
    QString error;
    resetPeak();
    const qint64 before = statusKb("VmRSS:");
    QElapsedTimer t;
    t.start();
    auto writer = MimeWriter::create(messageWith(path), {}, &error);
    if (!writer) {
        std::printf("writer failed: %s\n", qPrintable(error));
        return;
    }
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    qint64 total = 0;
    for (qint64 n; (n = writer->read(buffer.data(), buffer.size())) > 0;)
        total += n;
    const double seconds = t.nsecsElapsed() / 1e9;
    const qint64 peak = statusKb("VmHWM:");
    std::printf("MimeWriter streaming a %.0f MB attachment from a cached file (read + encode)\n",
                mb(size));
    std::printf("  %.0f MB of message in %.2f s = %.0f MB/s; size announced %lld, produced %lld\n",
                mb(total), seconds, mb(total) / seconds, writer->totalSize(), total);
    std::printf("  peak RSS %.1f MB, %.1f MB above the %.1f MB before\n\n", peak / 1024.0,
                (peak - before) / 1024.0, before / 1024.0);
}

// One send per size through SmtpClient, then curl with the same message; event-driven.
class SendBench : public QObject
{
public:
    SendBench(const QString &dir, QList<int> sizes)
        : m_dir(dir)
        , m_sizes(std::move(sizes))
    {}

    void start()
    {
        m_server.setProgram(QStringLiteral(POSTWIRE_PYTHON));
        m_server.setArguments(
            {QStringLiteral(POSTWIRE_SOURCE_DIR "/tests/support/mime_sink_smtpd.py")});
        connect(&m_server, &QProcess::readyReadStandardOutput, this, [this] {
            while (m_server.canReadLine()) {
                const QByteArray line = m_server.readLine().trimmed();
                if (line.startsWith("PORT ") && m_port == 0) {
                    m_port = quint16(line.mid(5).toUInt());
                    nextSize();
                }
            }
        });
        m_server.start();
    }

private:
    void nextSize()
    {
        if (m_index == m_sizes.size()) {
            printTable();
            // Leave once the server is gone, so no process outlives the benchmark.
            connect(&m_server, &QProcess::finished, this,
                    [this] { QCoreApplication::exit(m_failed ? 1 : 0); });
            m_server.kill();
            return;
        }
        const qint64 size = qint64(m_sizes.at(m_index)) * 1024 * 1024;
        const QString attachment = m_dir + QStringLiteral("/attachment.bin");
        const QString eml = m_dir + QStringLiteral("/message.eml");
        QFile::remove(attachment);
        QFile::remove(eml);
        if (!makeFile(attachment, size)) {
            std::printf("cannot write %s\n", qPrintable(attachment));
            QCoreApplication::exit(1);
            return;
        }
        // The already-built message curl sends: the same bytes the client sends.
        {
            MimeMessageSource source(messageWith(attachment));
            QString error;
            QIODevice *device = source.open(sinkCapabilities(), &error);
            QFile out(eml);
            if (!device || !out.open(QIODevice::WriteOnly)) {
                std::printf("cannot build %s: %s\n", qPrintable(eml), qPrintable(error));
                QCoreApplication::exit(1);
                return;
            }
            QByteArray buffer(1 << 20, Qt::Uninitialized);
            for (qint64 n; (n = device->read(buffer.data(), buffer.size())) > 0;)
                out.write(buffer.constData(), n);
            m_row.messageBytes = source.size();
        }
        m_row.size = m_sizes.at(m_index);

        m_source = std::make_unique<MimeMessageSource>(messageWith(attachment));
        m_client = std::make_unique<SmtpClient>();
        connect(m_client.get(), &SmtpClient::finished, this, [this](const SendResult &r) {
            m_row.clientSeconds = m_clock.nsecsElapsed() / 1e9;
            m_row.clientPeakAboveKb = statusKb("VmHWM:") - m_rssBefore;
            m_row.clientOk = r.delivered();
            if (!r.delivered()) {
                std::printf("send failed: %s\n", qPrintable(r.message));
                m_failed = true;
            }
            QTimer::singleShot(0, this, [this] {
                m_client.reset();
                m_source.reset();
                runCurl();
            });
        });
        SmtpSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = m_port;
        settings.security = SmtpSettings::Security::None;
        resetPeak();
        m_rssBefore = statusKb("VmRSS:");
        m_row.rssBeforeKb = m_rssBefore;
        m_clock.start();
        m_client->send(settings, m_source->message().envelope(), m_source.get());
    }

    void runCurl()
    {
        m_curl = std::make_unique<QProcess>();
        connect(m_curl.get(), &QProcess::finished, this, [this](int code, QProcess::ExitStatus) {
            m_row.curlSeconds = m_clock.nsecsElapsed() / 1e9;
            m_row.curlOk = code == 0;
            if (code != 0) {
                std::printf("curl failed: %s\n", m_curl->readAllStandardError().constData());
                m_failed = true;
            }
            // Largest RSS of any finished child: curl is the only one that has finished.
            rusage usage{};
            getrusage(RUSAGE_CHILDREN, &usage);
            m_row.curlPeakKb = usage.ru_maxrss;
            m_rows.append(m_row);
            m_row = {};
            ++m_index;
            QTimer::singleShot(0, this, [this] {
                m_curl.reset();
                nextSize();
            });
        });
        m_clock.start();
        m_curl->start(QStringLiteral("curl"),
                      {QStringLiteral("-sS"), QStringLiteral("smtp://127.0.0.1:%1").arg(m_port),
                       QStringLiteral("--mail-from"), QStringLiteral("bench@example.org"),
                       QStringLiteral("--mail-rcpt"), QStringLiteral("sink@example.net"),
                       QStringLiteral("--upload-file"), m_dir + QStringLiteral("/message.eml")});
    }

    void printTable()
    {
        std::printf("send to a local sink server (loopback, DATA, no TLS), one message per size\n");
        std::printf("  attachment  message   Postwire time  Postwire peak RSS     curl time  curl "
                    "peak RSS\n");
        std::printf("                                        (above before send)             "
                    "(whole process)\n");
        for (const Row &r : m_rows) {
            std::printf("  %6d MB  %6.1f MB  %9.2f s %s  %9.1f MB        %9.2f s %s  %9.1f MB\n",
                        r.size, mb(r.messageBytes), r.clientSeconds, r.clientOk ? " " : "!",
                        r.clientPeakAboveKb / 1024.0, r.curlSeconds, r.curlOk ? " " : "!",
                        r.curlPeakKb / 1024.0);
        }
        if (!m_rows.isEmpty())
            std::printf("  (Postwire's RSS before the first send: %.1f MB)\n",
                        m_rows.first().rssBeforeKb / 1024.0);
    }

    struct Row
    {
        int size = 0;
        qint64 messageBytes = 0;
        double clientSeconds = 0;
        qint64 clientPeakAboveKb = 0;
        qint64 rssBeforeKb = 0;
        bool clientOk = false;
        double curlSeconds = 0;
        qint64 curlPeakKb = 0;
        bool curlOk = false;
    };

    QString m_dir;
    QList<int> m_sizes;
    int m_index = 0;
    QProcess m_server;
    quint16 m_port = 0;
    std::unique_ptr<MimeMessageSource> m_source;
    std::unique_ptr<SmtpClient> m_client;
    std::unique_ptr<QProcess> m_curl;
    QElapsedTimer m_clock;
    qint64 m_rssBefore = 0;
    Row m_row;
    QList<Row> m_rows;
    bool m_failed = false;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QList<int> sizes = {5, 50, 500};
    bool send = true;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--sizes") && i + 1 < args.size()) {
            sizes.clear();
            for (const QString &s : args.at(++i).split(QLatin1Char(',')))
                sizes.append(s.toInt());
        } else if (args.at(i) == QLatin1String("--skip-send")) {
            send = false;
        }
    }
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;

    benchBase64();
    std::printf("\n");
    const QString big = dir.filePath(QStringLiteral("writer.bin"));
    for (const qint64 size : {qint64(50) << 20, qint64(500) << 20}) {
        if (!makeFile(big, size))
            return 1;
        benchWriter(big, size);
    }
    QFile::remove(big);
    if (!send)
        return 0;
    SendBench bench(dir.path(), sizes);
    QTimer::singleShot(0, &bench, [&bench] { bench.start(); });
    return app.exec();
}
