// Figures for reading mail through MimeParser: EmlParser::parseFile on .eml files with one
// large attachment (base64, and unencoded 8bit), and ParsedMail::parse (the inbox view, which
// holds every part decoded in memory by design). Peak RSS is VmHWM over the RSS before the
// step, from /proc/self/status; the mapped file's pages count in it as they are read.
//
// usage: bench_mimeparser [--sizes 5,50,200]
#include "benchmemory.h"
#include "mime/emlparser.h"
#include "sandbox/parsedmail.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

namespace {

using namespace BenchMemory;

// A message with a short text and one attachment of size random bytes; base64 in 76-column
// lines, or as it is (8bit, with CRLF lines so it stays a valid message).
bool writeEml(const QString &path, qint64 size, bool base64)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write("From: Bench <bench@example.org>\r\nTo: sink@example.net\r\nSubject: benchmark\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
            "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nsee attachment\r\n"
            "--b\r\nContent-Type: application/octet-stream\r\n"
            "Content-Disposition: attachment; filename=\"data.bin\"\r\n");
    f.write(base64 ? "Content-Transfer-Encoding: base64\r\n\r\n"
                   : "Content-Transfer-Encoding: 8bit\r\n\r\n");
    QRandomGenerator rng(1234);
    QByteArray block(57 * 16384, Qt::Uninitialized);
    for (qint64 left = size; left > 0;) {
        rng.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        const qint64 n = qMin<qint64>(left, block.size());
        QByteArray out;
        if (base64) {
            const QByteArray flat = block.first(n).toBase64();
            out.reserve(flat.size() + flat.size() / 38);
            for (qsizetype i = 0; i < flat.size(); i += 76)
                out += flat.mid(i, 76) + "\r\n";
        } else {
            // Printable bytes only, so no line ever looks like the boundary.
            out = block.first(n);
            for (char &c : out)
                c = char('A' + (static_cast<unsigned char>(c) % 26));
            for (qsizetype i = 998; i < out.size(); i += 1000) {
                out[i - 1] = '\r';
                out[i] = '\n';
            }
        }
        if (f.write(out) != out.size())
            return false;
        left -= n;
    }
    f.write("\r\n--b--\r\n");
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser options;
    const QCommandLineOption sizesOption(QStringLiteral("sizes"),
                                         QStringLiteral("Attachment sizes in MB, comma-separated."),
                                         QStringLiteral("list"), QStringLiteral("5,50,200"));
    options.addOption(sizesOption);
    options.addHelpOption();
    options.process(app);
    QList<int> sizes;
    for (const QString &s : options.value(sizesOption).split(QLatin1Char(','))) {
        if (s.toInt() > 0)
            sizes.append(s.toInt());
    }
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot create a temporary folder\n");
        return 1;
    }
    std::printf("%-28s %8s %10s %10s %14s\n", "step", "MB", "ms", "MB/s", "peak RSS +MB");
    for (const int size : sizes) {
        for (const bool base64 : {true, false}) {
            const QString eml = dir.filePath(QStringLiteral("m.eml"));
            const QString out = dir.filePath(QStringLiteral("out"));
            QDir(out).removeRecursively();
            QDir().mkpath(out);
            if (!writeEml(eml, qint64(size) << 20, base64)) {
                std::fprintf(stderr, "cannot write %s\n", qPrintable(eml));
                return 1;
            }
            const qint64 fileSize = QFileInfo(eml).size();

            resetPeak();
            qint64 before = statusKb("VmRSS:");
            QElapsedTimer timer;
            timer.start();
            QString error;
            if (!EmlParser::parseFile(eml, out, &error)) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                return 1;
            }
            qint64 ms = qMax<qint64>(1, timer.elapsed());
            std::printf("%-28s %8d %10lld %10.0f %14.1f\n",
                        base64 ? "EmlParser::parseFile base64" : "EmlParser::parseFile 8bit", size,
                        ms, mb(fileSize) * 1000.0 / double(ms),
                        double(statusKb("VmHWM:") - before) / 1024.0);

            QFile file(eml);
            if (!file.open(QIODevice::ReadOnly))
                return 1;
            const QByteArray raw = file.readAll();
            resetPeak();
            before = statusKb("VmRSS:");
            timer.restart();
            const ParsedMail mail = ParsedMail::parse(raw);
            ms = qMax<qint64>(1, timer.elapsed());
            if (mail.parts.size() != 1)
                return 1;
            std::printf("%-28s %8d %10lld %10.0f %14.1f\n",
                        base64 ? "ParsedMail::parse base64" : "ParsedMail::parse 8bit", size, ms,
                        mb(fileSize) * 1000.0 / double(ms),
                        double(statusKb("VmHWM:") - before) / 1024.0);
        }
    }
    return 0;
}
