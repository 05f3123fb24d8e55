// The arguments of MAIL FROM and RCPT TO: the path (RFC 5321 section 4.1.2) and the ESMTP
// parameters, checked against what the sandbox advertises. One parser serves both commands.
#pragma once

#include "sandbox/sandboxreply.h"

#include <QString>
#include <QStringList>

struct SandboxBehaviour;

class SandboxPathParser
{
public:
    enum class Command
    {
        Mail,
        Rcpt
    };
    struct Result
    {
        SandboxReply error; // code 0: the arguments are good
        QString address;    // without <>; empty for the null reverse-path
        // As recorded with the message: MAIL's as "KEY=value" with the key upper-cased,
        // RCPT's as the client wrote them.
        QStringList parameters;
        bool smtpUtf8 = false; // MAIL asked for SMTPUTF8
        bool ok() const { return error.code == 0; }
    };

    // args is everything after the verb: "FROM:<a@b.example> SIZE=10". For RCPT,
    // transactionUtf8 says whether MAIL asked for SMTPUTF8 (non-ASCII addresses need it).
    static Result parse(Command command, const QByteArray &args, const SandboxBehaviour &behaviour,
                        bool transactionUtf8 = false);
};
