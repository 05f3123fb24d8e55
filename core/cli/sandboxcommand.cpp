#include "sandboxcommand.h"

#include <QTextStream>

int runSandboxCommand(const QStringList &arguments)
{
    Q_UNUSED(arguments);
    QTextStream(stderr) << "postwire sandbox: not built yet\n";
    return 2;
}
