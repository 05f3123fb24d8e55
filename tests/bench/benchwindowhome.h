// For the benchmarks that start a window: offscreen unless a platform is given, and a home of
// its own, so that they never touch the person's accounts, drafts, history or sandbox, and the
// window's sandbox takes any free port. Made before the QApplication, kept until the end.
#pragma once

#include <QByteArray>
#include <QTemporaryDir>

class BenchWindowHome
{
public:
    BenchWindowHome()
    {
        if (qgetenv("QT_QPA_PLATFORM").isEmpty())
            qputenv("QT_QPA_PLATFORM", "offscreen");
        for (const char *var : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
            qputenv(var, m_home.path().toLocal8Bit());
        qputenv("POSTWIRE_SANDBOX_PORT", "0");
    }

private:
    QTemporaryDir m_home;
};
