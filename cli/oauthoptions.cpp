#include "cli/oauthoptions.h"

#include "cli/clisupport.h"

namespace {

QString environmentValue(const QCommandLineParser &parser, const QString &option)
{
    const QString var = parser.value(option);
    const QString value = qEnvironmentVariable(var.toLocal8Bit().constData()).trimmed();
    if (var.isEmpty() || value.isEmpty())
        throw UsageError{QStringLiteral("--%1: the environment variable \"%2\" is not set or empty")
                             .arg(option, var)};
    return value;
}

} // namespace

void addOAuthOptions(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption(
        QStringLiteral("oauth-token-url"),
        QStringLiteral("With --auth XOAUTH2 or OAUTHBEARER: get the access token from this OAuth2 "
                       "token endpoint with a refresh token (https, or http to this machine)."),
        QStringLiteral("URL")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("oauth-client-id"),
                           QStringLiteral("The OAuth2 client ID registered with the provider."),
                           QStringLiteral("ID")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("oauth-client-secret-env"),
        QStringLiteral("Read the OAuth2 client secret, where the provider requires one, from this "
                       "environment variable."),
        QStringLiteral("VAR")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("oauth-refresh-token-env"),
        QStringLiteral("Read the OAuth2 refresh token from this environment variable; a refused "
                       "one ends with exit status 7 and the provider's error."),
        QStringLiteral("VAR")));
}

std::optional<OAuthCliOptions> parseOAuthOptions(const QCommandLineParser &parser,
                                                 const QByteArray &mechanism)
{
    const QStringList names{QStringLiteral("oauth-token-url"), QStringLiteral("oauth-client-id"),
                            QStringLiteral("oauth-client-secret-env"),
                            QStringLiteral("oauth-refresh-token-env")};
    QString given;
    for (const QString &name : names) {
        if (parser.isSet(name)) {
            given = name;
            break;
        }
    }
    if (given.isEmpty())
        return std::nullopt;
    if (mechanism != "XOAUTH2" && mechanism != "OAUTHBEARER")
        throw UsageError{
            QStringLiteral("--%1: only with --auth XOAUTH2 or --auth OAUTHBEARER").arg(given)};
    for (const char *name : {"password-env", "password-file"}) {
        if (parser.isSet(QLatin1String(name)))
            throw UsageError{QStringLiteral("--%1: not with --oauth-refresh-token-env, which "
                                            "gets the access token from the provider")
                                 .arg(QLatin1String(name))};
    }
    for (int i : {0, 1, 3}) {
        if (!parser.isSet(names[i]))
            throw UsageError{QStringLiteral("--%1: missing; OAuth2 needs --oauth-token-url, "
                                            "--oauth-client-id and --oauth-refresh-token-env")
                                 .arg(names[i])};
    }
    OAuthCliOptions o;
    o.settings.tokenUrl = QUrl(parser.value(names[0]).trimmed(), QUrl::StrictMode);
    o.settings.clientId = parser.value(names[1]).trimmed();
    if (const QString p =
            OAuthSettings::checkUrl(o.settings.tokenUrl, QStringLiteral("--oauth-token-url"));
        !p.isEmpty())
        throw UsageError{p};
    if (o.settings.clientId.isEmpty())
        throw UsageError{QStringLiteral("--oauth-client-id: empty")};
    if (parser.isSet(names[2]))
        o.settings.clientSecret = environmentValue(parser, names[2]);
    o.refreshToken = environmentValue(parser, names[3]);
    return o;
}
