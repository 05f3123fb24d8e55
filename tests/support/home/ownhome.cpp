// Linked into every tst_ executable: run by hand (./tst_x) rather than by ctest, a test still
// gets a home of its own, so neither it nor a postwire it starts (send, history, sandbox) writes
// into the user's settings, drafts or history, or into a folder another test uses at once.
#include <QByteArray>
#include <QDir>

#include <cstdlib>

namespace {

struct OwnHome
{
    OwnHome()
    {
        if (qEnvironmentVariableIsSet("POSTWIRE_TEST_HOME"))
            return; // ctest gave this test its own (tests/CMakeLists.txt)
        QByteArray path = QDir::tempPath().toLocal8Bit() + "/postwire-test-XXXXXX";
        if (!mkdtemp(path.data()))
            qFatal("cannot create a home for the test in %s", qPrintable(QDir::tempPath()));
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
