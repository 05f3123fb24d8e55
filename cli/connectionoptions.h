// The options that say how to reach a server, shared by `postwire send` and `postwire probe`:
// HOST[:PORT], --security, --helo, --timeout, --ca-file. A bad value throws UsageError
// naming the option.
#pragma once

#include "cli/clisupport.h" // UsageError
#include "smtp/smtpclient.h"

#include <QCommandLineParser>
#include <QString>

namespace ConnectionOptions {

// HOST, HOST:PORT, [IPv6]:PORT or a bare IPv6 address; option names the option in errors
// ("--server", "HOST"). Without a port: defaultPort, or 465 with implicit TLS when
// defaultPort is 0.
void parseServer(const QString &value, SmtpSettings *settings, const QString &option,
                 quint16 defaultPort = 0);
// --security: none, starttls, starttls-optional, tls; empty gives fallback.
SmtpSettings::Security parseSecurity(const QString &value, SmtpSettings::Security fallback);
// --helo, --timeout and --ca-file from the parser into settings.
void parseCommon(const QCommandLineParser &parser, SmtpSettings *settings);

} // namespace ConnectionOptions
