// `postwire history`: the attempts kept by the window and by `postwire send`, listed, shown,
// compared step by step, exported and deleted on a terminal.
#pragma once

#include <QStringList>

// Runs the command; returns the exit code. arguments[0] is the program, arguments[1] "history".
int runHistoryCommand(const QStringList &arguments);
