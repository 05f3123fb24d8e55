// `postwire send`'s OAuth2 options: the provider's token endpoint, the client, and a refresh
// token read from the environment, exchanged for an access token before the send.
#pragma once

#include "oauth/oauthsettings.h"

#include <QCommandLineParser>

#include <optional>

struct OAuthCliOptions
{
    OAuthSettings settings;
    QString refreshToken;
};

void addOAuthOptions(QCommandLineParser &parser);
// nullopt when no --oauth-* option is given. Throws UsageError naming the option when they
// are incomplete, or do not fit mechanism (the --auth given, upper case).
std::optional<OAuthCliOptions> parseOAuthOptions(const QCommandLineParser &parser,
                                                 const QByteArray &mechanism);
