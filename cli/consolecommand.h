// `postwire console`: a raw SMTP session on a terminal, the dialogue read from stdin line by
// line (a file works too), the transcript on stdout.
#pragma once

#include <QStringList>

// Runs the command to completion in the application's event loop; returns the exit code.
// arguments[0] is the program name, arguments[1] "console".
int runConsoleCommand(const QStringList &arguments);
