// Shows a received HTML body without fetching anything from the network: remote images and
// style sheets are refused (and counted), so opening a mail never tells its sender anything.
// Images the message itself carries (cid: links) are shown.
#pragma once

#include <QHash>
#include <QTextBrowser>

class InboxHtmlView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit InboxHtmlView(QWidget *parent = nullptr);

    // content-id (without <>) -> bytes of the part, for cid: URLs.
    void setMessage(const QString &html, const QHash<QString, QByteArray> &inlineParts);
    int blockedCount() const { return m_blocked; }
    QVariant loadResource(int type, const QUrl &name) override;

Q_SIGNALS:
    void remoteContentBlocked(int count);

private:
    QHash<QString, QByteArray> m_inline;
    int m_blocked = 0;
};
