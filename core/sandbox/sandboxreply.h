// A reply the sandbox has decided on but not sent yet: what its decision classes (paths and
// parameters, AUTH) hand back to the session, which alone writes to the socket.
#pragma once

#include <QByteArray>

struct SandboxReply
{
    int code = 0;
    QByteArray enhanced; // "5.5.4"; empty when the reply has no enhanced status code
    QByteArray text;
    bool countsError = false; // counts towards the session's limit of errors

    friend bool operator==(const SandboxReply &, const SandboxReply &) = default;
};
