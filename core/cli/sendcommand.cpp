#include "sendcommand.h"

#include <QTextStream>

int runSendCommand(const QStringList &arguments)
{
    Q_UNUSED(arguments);
    QTextStream(stderr) << "postwire send: not built yet\n";
    return 2;
}
