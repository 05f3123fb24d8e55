#include "richtextedit.h"

#include "richtext.h"
#include "spellchecker.h"
#include "spellhighlighter.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QBuffer>
#include <QContextMenuEvent>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QMimeDatabase>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QUuid>

#include <functional>

namespace {

// Shown at most this wide in the text and in the recipient's reader; the part keeps its
// full resolution.
constexpr int MaxShownWidth = 600;

QStringList imageFiles(const QMimeData *source)
{
    QStringList out;
    if (!source->hasUrls())
        return out;
    const QMimeDatabase db;
    for (const QUrl &url : source->urls()) {
        if (!url.isLocalFile())
            return {};
        const QString type = db.mimeTypeForFile(url.toLocalFile()).name();
        if (!type.startsWith(QLatin1String("image/")))
            return {};
        out << url.toLocalFile();
    }
    return out;
}

// QTextDocument reads a local file itself when the edit has no answer: this one asks the
// edit alone.
class MailDocument : public QTextDocument
{
public:
    MailDocument(QObject *parent, std::function<QVariant(int, const QUrl &)> load)
        : QTextDocument(parent)
        , m_load(std::move(load))
    {}

protected:
    QVariant loadResource(int type, const QUrl &name) override { return m_load(type, name); }

private:
    std::function<QVariant(int, const QUrl &)> m_load;
};

} // namespace

RichTextEdit::RichTextEdit(QWidget *parent)
    : QTextEdit(parent)
{
    setDocument(new MailDocument(
        this, [this](int type, const QUrl &name) { return loadResource(type, name); }));
}

QString RichTextEdit::insertImage(const QByteArray &data, const QString &contentType,
                                  const QString &name)
{
    const QString id =
        QUuid::createUuid().toString(QUuid::WithoutBraces) + QLatin1String("@postwire");
    m_images.insert(id, {id, contentType, name, data});
    QImage image;
    image.loadFromData(data);
    QTextImageFormat format;
    format.setName(QLatin1String("cid:") + id);
    format.setProperty(QTextFormat::ImageAltText, name);
    if (image.width() > MaxShownWidth) {
        format.setWidth(MaxShownWidth);
        format.setHeight(qRound(double(image.height()) * MaxShownWidth / image.width()));
    }
    textCursor().insertImage(format);
    return id;
}

QList<InlinePart> RichTextEdit::usedImages() const
{
    QList<InlinePart> out;
    QStringList seen;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (!f.isImageFormat())
                continue;
            const QUrl url(f.toImageFormat().name());
            const QString id = url.path();
            if (url.scheme() != QLatin1String("cid") || seen.contains(id) || !m_images.contains(id))
                continue;
            seen << id;
            out << m_images.value(id);
        }
    }
    return out;
}

void RichTextEdit::setImages(const QList<InlinePart> &images)
{
    m_images.clear();
    for (const InlinePart &p : images)
        m_images.insert(p.contentId, p);
}

const InlinePart *RichTextEdit::image(const QString &contentId) const
{
    const auto it = m_images.constFind(contentId);
    return it == m_images.constEnd() ? nullptr : &*it;
}

bool RichTextEdit::takesImages(const QMimeData *source) const
{
    return acceptRichText() && !isReadOnly() && !imageFiles(source).isEmpty();
}

bool RichTextEdit::canInsertFromMimeData(const QMimeData *source) const
{
    if (acceptRichText() && (source->hasImage() || !imageFiles(source).isEmpty()))
        return true;
    return QTextEdit::canInsertFromMimeData(source);
}

void RichTextEdit::insertFromMimeData(const QMimeData *source)
{
    if (acceptRichText()) {
        const QStringList files = imageFiles(source);
        if (!files.isEmpty()) {
            const QMimeDatabase db;
            for (const QString &path : files) {
                QFile f(path);
                if (f.open(QIODevice::ReadOnly))
                    insertImage(f.readAll(), db.mimeTypeForFile(path).name(),
                                QFileInfo(path).fileName());
            }
            return;
        }
        if (source->hasImage() && !source->hasHtml()) {
            // A screenshot or a copied picture: sent as PNG, the one format every reader shows.
            const QImage image = qvariant_cast<QImage>(source->imageData());
            QByteArray png;
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            image.save(&buffer, "PNG");
            insertImage(png, QStringLiteral("image/png"), tr("image.png"));
            return;
        }
    }
    QTextEdit::insertFromMimeData(source);
    RichText::markQuotes(document());
}

QVariant RichTextEdit::loadResource(int type, const QUrl &name)
{
    // Only the message's own parts: a pasted <img src="https://..."> is never fetched (a
    // tracking pixel would tell its sender the message was written), nor a local file read.
    if (type == QTextDocument::ImageResource && name.scheme() == QLatin1String("cid")) {
        if (const InlinePart *p = image(name.path())) {
            QImage image;
            image.loadFromData(p->data);
            return image;
        }
    }
    return {};
}

QMenu *RichTextEdit::createSpellingMenu(const QPoint &pos)
{
    QMenu *menu = createStandardContextMenu(pos);
    if (!m_checker || !m_checker->isActive() || isReadOnly())
        return menu;
    QTextCursor cursor = cursorForPosition(pos);
    const QTextBlock block = cursor.block();
    const int at = cursor.position() - block.position();
    for (const auto &[start, length] : SpellHighlighter::words(block.text())) {
        if (at < start || at > start + length)
            continue;
        const QString word = block.text().mid(start, length);
        if (m_checker->isCorrect(word))
            break;
        QAction *first = menu->actions().value(0);
        const QStringList suggestions = m_checker->suggestions(word).mid(0, 8);
        QList<QAction *> added;
        for (const QString &s : suggestions) {
            auto *a = new QAction(s, menu);
            QFont bold = a->font();
            bold.setBold(true);
            a->setFont(bold);
            connect(a, &QAction::triggered, this, [this, block, start = start, length = length, s] {
                QTextCursor c(document());
                c.setPosition(block.position() + start);
                c.setPosition(block.position() + start + length, QTextCursor::KeepAnchor);
                c.insertText(s);
            });
            added << a;
        }
        if (suggestions.isEmpty()) {
            auto *none = new QAction(tr("No suggestions"), menu);
            none->setEnabled(false);
            added << none;
        }
        auto *add = new QAction(tr("Add \"%1\" for This Session").arg(word), menu);
        add->setObjectName(QStringLiteral("addWordAction"));
        connect(add, &QAction::triggered, this, [this, word] {
            m_checker->addWord(word);
            recheckSpelling();
        });
        added << add;
        menu->insertActions(first, added);
        menu->insertSeparator(first);
        break;
    }
    return menu;
}

void RichTextEdit::recheckSpelling()
{
    if (auto *h = document()->findChild<SpellHighlighter *>())
        h->recheck(cursorForPosition(QPoint(0, 0)).block(),
                   cursorForPosition(QPoint(0, viewport()->height())).block());
}

void RichTextEdit::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createSpellingMenu(event->pos());
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

QAction *RichTextEdit::formatActionFor(const QKeyEvent *event) const
{
    if (!acceptRichText() || isReadOnly())
        return nullptr;
    const QKeySequence key(event->keyCombination());
    for (QAction *a : m_formatActions) {
        if (a->isEnabled() && a->shortcuts().contains(key))
            return a;
    }
    return nullptr;
}

bool RichTextEdit::event(QEvent *event)
{
    // Taking the override makes the key a key press here instead of a window shortcut: Ctrl+I
    // is italic while writing, and the window's Ctrl+I (sandbox inbox) everywhere else.
    if (event->type() == QEvent::ShortcutOverride &&
        formatActionFor(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QTextEdit::event(event);
}

void RichTextEdit::keyPressEvent(QKeyEvent *event)
{
    if (QAction *a = formatActionFor(event)) {
        a->trigger();
        event->accept();
        return;
    }
    QTextEdit::keyPressEvent(event);
}

void RichTextEdit::paintEvent(QPaintEvent *event)
{
    // The blocks on screen, found from the top of the viewport down: never a walk over every
    // block of a long message (that made each key press slow).
    QList<QTextBlock> visible;
    const int dx = -horizontalScrollBar()->value();
    const int dy = -verticalScrollBar()->value();
    QAbstractTextDocumentLayout *layout = document()->documentLayout();
    for (QTextBlock block = cursorForPosition(QPoint(0, 0)).block(); block.isValid();
         block = block.next()) {
        if (layout->blockBoundingRect(block).top() + dy > viewport()->height())
            break;
        // Qt shapes the text of a block again for every paint unless the block keeps its
        // glyphs; those on screen keep them, so a key press repaints without reshaping.
        block.layout()->setCacheEnabled(true);
        visible << block;
    }
    QTextEdit::paintEvent(event);
    // A bar to the left of each quote level, as readers show a quoted reply.
    QPainter painter(viewport());
    painter.setPen(QPen(palette().color(QPalette::Mid), 2));
    for (const QTextBlock &block : std::as_const(visible)) {
        const int level = RichText::quoteLevel(block);
        const QRectF r = layout->blockBoundingRect(block).translated(dx, dy);
        for (int i = 0; i < level; ++i) {
            const qreal x = document()->documentMargin() + i * RichText::QuoteIndent + 8;
            painter.drawLine(QPointF(x + dx, r.top()), QPointF(x + dx, r.bottom()));
        }
    }
}
