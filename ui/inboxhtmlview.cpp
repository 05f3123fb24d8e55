#include "inboxhtmlview.h"

#include <QImage>
#include <QUrl>

InboxHtmlView::InboxHtmlView(QWidget *parent)
    : QTextBrowser(parent)
{
    // Links are shown, not followed: a click must not open anything either.
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setAccessibleName(tr("HTML body"));
}

void InboxHtmlView::setMessage(const QString &html, const QHash<QString, QByteArray> &inlineParts)
{
    m_inline = inlineParts;
    m_blocked = 0;
    setHtml(html);
    if (m_blocked > 0)
        Q_EMIT remoteContentBlocked(m_blocked);
}

QVariant InboxHtmlView::loadResource(int type, const QUrl &name)
{
    if (name.scheme() == QLatin1String("cid")) {
        const QByteArray data = m_inline.value(name.path());
        if (type == QTextDocument::ImageResource) {
            QImage image;
            if (image.loadFromData(data))
                return image;
        }
        return data.isEmpty() ? QVariant() : QVariant(data);
    }
    if (name.scheme() == QLatin1String("data"))
        return QTextBrowser::loadResource(type, name);
    // Everything else (http, https, ftp, file and relative names) is refused.
    ++m_blocked;
    return QVariant();
}
