// `postwire sandbox`: the built-in SMTP server alone, printing its side of each session.
#pragma once

#include <QStringList>

// Runs the server in the application's event loop until interrupted; returns the exit code.
// arguments[0] is the program name, arguments[1] "sandbox".
int runSandboxCommand(const QStringList &arguments);
