// Linked into every tst_ executable: every run of a test, by ctest or by hand (./tst_x), gets an
// empty home of its own, so neither it nor a postwire it starts (send, history, sandbox) writes
// into the user's settings, drafts or history, into a folder another test uses at once, or
// into what the next run of the same test reads.
#include <QByteArray>
#include <QDir>

#include <cstdlib>

namespace {

struct OwnHome
{
    OwnHome()
    {
        // Under ctest the test has a folder of its own (tests/CMakeLists.txt), but every run
        // of it used the same one: drafts, history and remembered addresses of one run changed
        // what the next saw (tst_mxcompose's restored subject grew by a word a run). Each run
        // gets a fresh home inside it, removed when the test ends.
        const QByteArray base = qEnvironmentVariableIsSet("POSTWIRE_TEST_HOME")
                                    ? qgetenv("POSTWIRE_TEST_HOME")
                                    : QDir::tempPath().toLocal8Bit();
        QDir().mkpath(QString::fromLocal8Bit(base));
        QByteArray path = base + "/postwire-test-XXXXXX";
        if (!mkdtemp(path.data()))
            qFatal("cannot create a home for the test in %s", base.constData());
        dir = path;
        qputenv("POSTWIRE_TEST_HOME", dir);
        qputenv("HOME", dir);
        qputenv("XDG_CONFIG_HOME", dir + "/config");
        qputenv("XDG_DATA_HOME", dir + "/data");
        qputenv("XDG_CACHE_HOME", dir + "/cache");
    }
    ~OwnHome()
    {
        if (!dir.isEmpty())
            QDir(QString::fromLocal8Bit(dir)).removeRecursively();
    }
    OwnHome(const OwnHome &) = delete;
    OwnHome &operator=(const OwnHome &) = delete;

    QByteArray dir;
};

const OwnHome ownHome;

} // namespace
