#include "inboxhtmlview.h"

#include <QImage>
#include <QTextBlock>
#include <QTextDocument>
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
    // Images are otherwise asked for only when painted: ask now, so what was refused is
    // known (and said) as soon as the message is shown.
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isImageFormat())
                document()->resource(QTextDocument::ImageResource,
                                     QUrl(format.toImageFormat().name()));
        }
    }
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
