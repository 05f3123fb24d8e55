// `postwire send`: one message from the command line, with the live transcript on stdout.
#pragma once

#include <QStringList>

// Runs the command to completion in the application's event loop; returns the exit code.
// arguments[0] is the program name, arguments[1] "send".
int runSendCommand(const QStringList &arguments);
