// `postwire probe`: the server check on the command line, a readable report or one JSON
// document (fields documented in the README).
#pragma once

#include <QStringList>

// Runs the check to completion in the application's event loop; returns the exit code.
// arguments[0] is the program name, arguments[1] "probe".
int runProbeCommand(const QStringList &arguments);
