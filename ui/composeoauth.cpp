// ComposeWindow's sends with an OAuth 2 account: a fresh access token before SMTP starts (renewed
// with the refresh token, or from a new sign-in in the browser when the provider refuses it),
// each step a line in the transcript without the token, and the message kept when there is
// no token to send it with.
#include "composewindow.h"

#include "oauthaccess.h"
#include "resultpanel.h"
#include "transcriptmodel.h"

#include <QLocale>

void ComposeWindow::createOAuth()
{
    m_oauth = new OAuthAccess(m_credentials, this);
    connect(m_oauth, &OAuthAccess::authorizationUrlReady, this,
            [this](const QUrl &url) { OAuthAccess::openBrowser(url, this); });
    connect(m_oauth, &OAuthAccess::renewed, this,
            [this](const QUrl &tokenUrl, const QDateTime &expiresAt) {
                if (!m_oauthMessage)
                    return;
                oauthNote(false,
                          expiresAt.isValid()
                              ? tr("OAuth 2: access token renewed at %1 (expires %2)")
                                    .arg(tokenUrl.toString(),
                                         QLocale().toString(expiresAt.toLocalTime().time(),
                                                            QLocale::ShortFormat))
                              : tr("OAuth 2: access token renewed at %1").arg(tokenUrl.toString()));
            });
    connect(m_oauth, &OAuthAccess::signInNeeded, this, [this](const QString &why) {
        if (!m_oauthMessage)
            return;
        oauthNote(true, tr("OAuth 2: %1").arg(why));
        const QString text = tr("Sign in with the provider in your browser to send the message; "
                                "it goes out as soon as you have.");
        m_result->showMessage(ResultPanel::Kind::Info, tr("Sign-in needed"),
                              tr("%1\n%2").arg(why, text));
        setStatus(text);
    });
    connect(m_oauth, &OAuthAccess::storeFailed, this, &ComposeWindow::setStatus);
    connect(m_submission, &Submission::finished, this, [this](const SendResult &result) {
        const Account &account = m_submission->account();
        if (result.error != SendResult::Error::Authentication || !account.usesOAuth())
            return;
        // Refused before it expired (revoked, or for another scope): the next send renews it.
        m_oauth->expire(account.id);
        oauthNote(false, tr("OAuth 2: the server refused the access token; the next send gets "
                            "a new one from %1")
                             .arg(account.oauthTokenUrl));
    });
    connect(m_oauth, &OAuthAccess::ready, this, [this](const QString &accessToken) {
        if (!m_oauthMessage)
            return;
        const Message message = *std::exchange(m_oauthMessage, std::nullopt);
        // The SASL exchange takes it from the session's secrets; never stored as a password.
        m_secrets.remember(m_oauthAccount.id, accessToken);
        m_result->dismiss();
        startSubmission(m_oauthAccount, message);
    });
    connect(m_oauth, &OAuthAccess::failed, this,
            [this](OAuthSession::Error error, const QString &message) {
                if (!m_oauthMessage)
                    return;
                m_oauthMessage.reset();
                setSending(false);
                const QString label = OAuthSession::errorLabel(error);
                oauthNote(true, tr("OAuth 2: %1: %2").arg(label, message));
                m_result->showMessage(
                    ResultPanel::Kind::Failure, tr("Not sent: %1").arg(label),
                    tr("%1\nThe message is kept; send it again when you are ready.").arg(message));
                setStatus(tr("Not sent: %1").arg(label));
            });
}

void ComposeWindow::sendWithOAuth(const Account &account, const Message &message)
{
    m_oauthAccount = account;
    m_oauthMessage = message;
    m_sendingDraft = draft();
    setSending(true);
    setStatus(tr("Getting an OAuth 2 access token\u2026"));
    m_oauth->fresh(account);
}

void ComposeWindow::oauthNote(bool error, const QString &text)
{
    TranscriptEntry entry;
    entry.direction = error ? TranscriptEntry::Direction::Error : TranscriptEntry::Direction::Info;
    entry.text = text;
    m_transcript->append(entry);
}
