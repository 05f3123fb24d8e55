// The sandbox inbox at scale: fills a store with N messages of about 1 KB through the store's
// own API (MailStore::beginMessage/commit: the writer thread and its group commit, as the SMTP
// sessions use it), then prints the disk it takes, how long the window's inbox panel takes to
// open on it (from the index, and when the index must be rebuilt), the resident memory after
// opening, and the time to sort by each column and search by sender, recipient, subject and
// date. Usage: bench_inbox [N=50000]
#include "benchmemory.h"
#include "inboxmodel.h"
#include "inboxpanel.h"
#include "sandbox/mailindex.h"
#include "sandbox/mailstore.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <functional>
#include <memory>
#include <sys/stat.h>
#include <time.h>

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QByteArray message(int i)
{
    QByteArray m = "From: Sender " + QByteArray::number(i % 997) + " <sender" +
                   QByteArray::number(i % 997) + "@example.org>\r\nTo: rcpt" +
                   QByteArray::number(i % 503) + "@example.net\r\nSubject: Message number " +
                   QByteArray::number(i) + " about topic " + QByteArray::number(i % 61) +
                   "\r\nMessage-ID: <" + QByteArray::number(i) + "@bench.example>\r\n\r\n";
    while (m.size() < 1022)
        m += "The quick brown fox jumps over the lazy dog. ";
    m.truncate(1022);
    return m + "\r\n";
}

struct Disk
{
    qint64 files = 0;
    qint64 bytes = 0;     // apparent sizes
    qint64 allocated = 0; // blocks on disk
};

Disk diskOf(const QString &folder)
{
    Disk d;
    const QStringList names = QDir(folder).entryList(QDir::Files | QDir::Hidden);
    for (const QString &name : names) {
        struct stat st;
        if (::stat(QFile::encodeName(folder + QLatin1Char('/') + name).constData(), &st) != 0)
            continue;
        ++d.files;
        d.bytes += st.st_size;
        d.allocated += qint64(st.st_blocks) * 512;
    }
    return d;
}

// Commits count messages in batches (each batch is a few group flushes), then calls done.
void fill(MailStore *store, int count, std::function<void()> done)
{
    constexpr int Batch = 400;
    auto next = std::make_shared<int>(0);
    auto pending = std::make_shared<int>(0);
    auto step = std::make_shared<std::function<void()>>();
    *step = [=] {
        if (*next >= count) {
            done();
            return;
        }
        const int end = qMin(count, *next + Batch);
        for (; *next < end; ++*next) {
            QString error;
            MailStore::IncomingFile file = store->beginMessage(&error);
            if (!file) {
                out() << "cannot store: " << error << Qt::endl;
                QCoreApplication::exit(1);
                return;
            }
            file->write(message(*next));
            StoredMessage meta;
            meta.mailFrom = QStringLiteral("bounce%1@example.org").arg(*next % 101);
            meta.rcptTo = {QStringLiteral("rcpt%1@example.net").arg(*next % 503),
                           QStringLiteral("bcc%1@example.net").arg(*next % 7)};
            meta.helo = QStringLiteral("bench.example");
            meta.peer = QStringLiteral("127.0.0.1:40000");
            meta.transferCommand = QStringLiteral("DATA");
            ++*pending;
            store->commit(meta, std::move(file), store,
                          [=](const StoredMessage &, const QString &error) {
                              if (!error.isEmpty())
                                  out() << "commit failed: " << error << Qt::endl;
                              if (--*pending == 0)
                                  QTimer::singleShot(0, store, *step);
                          });
        }
    };
    (*step)();
}

double mbOf(qint64 kb)
{
    return double(kb) / 1024.0;
}

double cpuMs()
{
    timespec ts;
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Wall time, and the CPU time the process used meanwhile: on a loaded machine (the project's
// is shared) the wall time grows with the load, the CPU time says what the work costs.
template <typename F> QString msOf(F &&f)
{
    QElapsedTimer t;
    const double cpu = cpuMs();
    t.start();
    f();
    return QStringLiteral("%1 ms (%2 ms CPU)")
        .arg(double(t.nsecsElapsed()) / 1e6, 0, 'f', 1)
        .arg(cpuMs() - cpu, 0, 'f', 1);
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen")
                                                                    : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 50000;
    QTemporaryDir dir(QDir::currentPath() + QStringLiteral("/bench_inbox-XXXXXX"));
    const QString folder = dir.filePath(QStringLiteral("inbox"));
    out() << "bench_inbox: " << count << " messages of 1 KB in " << folder
          << " (written through MailStore::beginMessage/commit)" << Qt::endl;

    QElapsedTimer total;
    total.start();
    auto *store = new MailStore(folder);
    store->setSizeCap(0);
    fill(store, count, [&] {
        const double seconds = double(total.elapsed()) / 1000.0;
        out() << QStringLiteral("stored %1 messages in %2 s (%3 group flushes)")
                     .arg(store->count())
                     .arg(seconds, 0, 'f', 1)
                     .arg(store->flushCount())
              << Qt::endl;
        const qint64 messageBytes = store->totalSize();
        delete store;
        const Disk disk = diskOf(folder);
        out() << QStringLiteral("disk: %1 files, %2 MB apparent, %3 MB allocated for %4 MB of "
                                "messages: %5x")
                     .arg(disk.files)
                     .arg(BenchMemory::mb(disk.bytes), 0, 'f', 1)
                     .arg(BenchMemory::mb(disk.allocated), 0, 'f', 1)
                     .arg(BenchMemory::mb(messageBytes), 0, 'f', 1)
                     .arg(double(disk.allocated) / double(messageBytes), 0, 'f', 2)
              << Qt::endl;

        const qint64 rssBefore = BenchMemory::statusKb("VmRSS:");
        MailStore *reopened = nullptr;
        InboxPanel *panel = nullptr;
        const QString openMs = msOf([&] {
            reopened = new MailStore(folder);
            panel = new InboxPanel(reopened);
            panel->resize(1200, 800);
            panel->show();
        });
        const qint64 rssAfter = BenchMemory::statusKb("VmRSS:");
        out() << QStringLiteral("open the inbox panel from the index: %1 for %2 rows (index "
                                "%3)")
                     .arg(openMs)
                     .arg(panel->model()->rowCount())
                     .arg(reopened->indexState() == MailStore::IndexState::Read ? "read"
                                                                                : "rebuilt")
              << Qt::endl;
        out() << QStringLiteral("resident memory: %1 MB before opening, %2 MB with the store and "
                                "the inbox panel open")
                     .arg(mbOf(rssBefore), 0, 'f', 0)
                     .arg(mbOf(rssAfter), 0, 'f', 0)
              << Qt::endl;

        InboxModel *model = panel->model();
        const QList<QPair<const char *, int>> columns{{"From", InboxModel::FromColumn},
                                                      {"To", InboxModel::ToColumn},
                                                      {"Subject", InboxModel::SubjectColumn},
                                                      {"MAIL FROM", InboxModel::EnvelopeFromColumn},
                                                      {"RCPT TO", InboxModel::EnvelopeToColumn},
                                                      {"Received", InboxModel::ReceivedColumn}};
        for (const auto &[name, column] : columns) {
            const int sortColumn = column; // clang 14 cannot capture a structured binding
            const QString ms = msOf([&] { model->sort(sortColumn, Qt::AscendingOrder); });
            out() << QStringLiteral("sort by %1: %2").arg(QLatin1String(name)).arg(ms) << Qt::endl;
        }
        model->sort(InboxModel::ReceivedColumn, Qt::DescendingOrder);
        const QDate today = QDate::currentDate();
        const QList<QPair<const char *, QString>> searches{
            {"sender (header)", QStringLiteral("sender42@")},
            {"recipient (header)", QStringLiteral("rcpt17@example.net")},
            {"recipient (envelope only)", QStringLiteral("bcc3@")},
            {"subject", QStringLiteral("number 4242 ")},
            {"date", today.toString(Qt::ISODate)},
            {"nothing matches", QStringLiteral("no-such-text")}};
        for (const auto &[name, text] : searches) {
            const QString filter = text; // clang 14 cannot capture a structured binding
            const QString ms = msOf([&] { model->setFilterText(filter); });
            out() << QStringLiteral("search %1 \"%2\": %3, %4 rows")
                         .arg(QLatin1String(name), text)
                         .arg(ms)
                         .arg(model->rowCount())
                  << Qt::endl;
        }
        model->setFilterText(QString());
        delete panel;
        delete reopened;

        QFile::remove(MailIndex::path(folder));
        const QString rebuildMs = msOf([&] { MailStore rebuilt(folder); });
        out() << QStringLiteral("open with the index missing (rebuilt from every message): %1")
                     .arg(rebuildMs)
              << Qt::endl;
        const qint64 rssStoreBefore = BenchMemory::statusKb("VmRSS:");
        const QString storeMs = msOf([&] { reopened = new MailStore(folder); });
        out() << QStringLiteral("store alone (headless sandbox): opens in %1, resident %2 MB "
                                "(%3 MB before)")
                     .arg(storeMs)
                     .arg(mbOf(BenchMemory::statusKb("VmRSS:")), 0, 'f', 0)
                     .arg(mbOf(rssStoreBefore), 0, 'f', 0)
              << Qt::endl;
        delete reopened;
        QCoreApplication::quit();
    });
    return app.exec();
}
