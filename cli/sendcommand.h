// `postwire send`: one message from the command line, with the live transcript on stdout.
#pragma once

#include <QStringList>

// Runs the command to completion in the application's event loop; returns the exit code.
// arguments[0] is the program name, arguments[1] "send".
int runSendCommand(const QStringList &arguments);
// Whether arguments (program, "send", options...) are a valid send command line, read by the
// same parser: an empty string, or the error it would print. Nothing is sent.
QString checkSendArguments(const QStringList &arguments);
