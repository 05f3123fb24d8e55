#include "formattoolbar.h"

#include "richtext.h"
#include "richtextedit.h"

#include <QComboBox>
#include <QInputDialog>
#include <QMenu>
#include <QPainter>
#include <QTextBlock>
#include <QTextList>
#include <QToolButton>

namespace {

QIcon swatch(const QColor &colour)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setPen(Qt::gray);
    p.setBrush(colour.isValid() ? QBrush(colour) : QBrush(Qt::NoBrush));
    p.drawRect(1, 1, 13, 13);
    if (!colour.isValid())
        p.drawLine(2, 13, 13, 2);
    return QIcon(pixmap);
}

} // namespace

FormatToolbar::FormatToolbar(RichTextEdit *edit, QWidget *parent)
    : QToolBar(tr("Format"), parent)
    , m_edit(edit)
{
    setObjectName(QStringLiteral("formatToolBar"));
    setIconSize(QSize(16, 16));
    setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_heading = new QComboBox;
    m_heading->setObjectName(QStringLiteral("headingBox"));
    m_heading->setAccessibleName(tr("Paragraph style"));
    m_heading->setToolTip(tr("Paragraph or heading (Ctrl+0 to Ctrl+3)"));
    m_heading->addItems({tr("Paragraph"), tr("Heading 1"), tr("Heading 2"), tr("Heading 3")});
    connect(m_heading, &QComboBox::activated, this, &FormatToolbar::setHeading);
    addWidget(m_heading);
    for (int level = 0; level <= 3; ++level) {
        auto *a = new QAction(this);
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + level)));
        a->setShortcutContext(Qt::WidgetShortcut);
        connect(a, &QAction::triggered, this, [this, level] { setHeading(level); });
        m_formatActions << a;
    }

    m_bold = addFormat(QStringLiteral("boldAction"), tr("B"), QKeySequence::Bold, tr("Bold"));
    m_italic =
        addFormat(QStringLiteral("italicAction"), tr("I"), QKeySequence::Italic, tr("Italic"));
    m_underline = addFormat(QStringLiteral("underlineAction"), tr("U"), QKeySequence::Underline,
                            tr("Underline"));
    m_strike = addFormat(QStringLiteral("strikeAction"), tr("S"),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X), tr("Strike-through"));
    for (QAction *a : {m_bold, m_italic, m_underline, m_strike})
        a->setCheckable(true);
    QFont f = font();
    f.setBold(true);
    m_bold->setFont(f);
    f = font();
    f.setItalic(true);
    m_italic->setFont(f);
    f = font();
    f.setUnderline(true);
    m_underline->setFont(f);
    f = font();
    f.setStrikeOut(true);
    m_strike->setFont(f);
    connect(m_bold, &QAction::triggered, this, [this](bool on) {
        QTextCharFormat c;
        c.setFontWeight(on ? QFont::Bold : QFont::Normal);
        mergeFormat(c);
    });
    connect(m_italic, &QAction::triggered, this, [this](bool on) {
        QTextCharFormat c;
        c.setFontItalic(on);
        mergeFormat(c);
    });
    connect(m_underline, &QAction::triggered, this, [this](bool on) {
        QTextCharFormat c;
        c.setFontUnderline(on);
        mergeFormat(c);
    });
    connect(m_strike, &QAction::triggered, this, [this](bool on) {
        QTextCharFormat c;
        c.setFontStrikeOut(on);
        mergeFormat(c);
    });
    addSeparator();

    auto *textColour = addFormat(QStringLiteral("textColorAction"), tr("A"), {}, tr("Text colour"));
    textColour->setMenu(colourMenu(false));
    auto *highlight =
        addFormat(QStringLiteral("highlightAction"), tr("H"), {}, tr("Highlight colour"));
    highlight->setMenu(colourMenu(true));
    for (QAction *a : {textColour, highlight}) {
        if (auto *button = qobject_cast<QToolButton *>(widgetForAction(a)))
            button->setPopupMode(QToolButton::InstantPopup);
    }
    addSeparator();

    m_bullets = addFormat(QStringLiteral("bulletListAction"), tr("\u2022"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_8), tr("Bulleted list"));
    m_numbers = addFormat(QStringLiteral("numberedListAction"), tr("1."),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_7), tr("Numbered list"));
    m_bullets->setCheckable(true);
    m_numbers->setCheckable(true);
    connect(m_bullets, &QAction::triggered, this,
            [this] { toggleList(QTextListFormat::ListDisc); });
    connect(m_numbers, &QAction::triggered, this,
            [this] { toggleList(QTextListFormat::ListDecimal); });
    auto *outdent = addFormat(QStringLiteral("outdentAction"), tr("\u21e4"),
                              QKeySequence(Qt::CTRL | Qt::Key_BracketLeft), tr("Less indent"));
    auto *indent = addFormat(QStringLiteral("indentAction"), tr("\u21e5"),
                             QKeySequence(Qt::CTRL | Qt::Key_BracketRight), tr("More indent"));
    connect(outdent, &QAction::triggered, this, [this] { changeIndent(-1); });
    connect(indent, &QAction::triggered, this, [this] { changeIndent(1); });
    m_quote = addFormat(QStringLiteral("quoteAction"), tr("\u275d"),
                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_9), tr("Quote block"));
    m_quote->setCheckable(true);
    connect(m_quote, &QAction::triggered, this, &FormatToolbar::toggleQuote);
    auto *link = addFormat(QStringLiteral("linkAction"), tr("Link"), QKeySequence(tr("Ctrl+K")),
                           tr("Link the selected text to an address"));
    connect(link, &QAction::triggered, this, &FormatToolbar::askLink);
    auto *clear = addFormat(QStringLiteral("clearFormatAction"), tr("Clear"),
                            QKeySequence(Qt::CTRL | Qt::Key_Space), tr("Clear formatting"));
    connect(clear, &QAction::triggered, this, [this] {
        QTextCursor c = m_edit->textCursor();
        c.setCharFormat(QTextCharFormat());
        m_edit->setCurrentCharFormat(QTextCharFormat());
    });

    // The rarely used ones wait in a menu, so the toolbar fits beside the transcript in a
    // 1024-pixel-wide window in every language; their keys work all the same.
    auto *more = new QMenu(this);
    m_strike->setText(tr("Strike-through"));
    clear->setText(tr("Clear Formatting"));
    for (QAction *a : {m_strike, clear}) {
        removeAction(a);
        more->addAction(a);
    }
    auto *moreButton = new QToolButton;
    moreButton->setObjectName(QStringLiteral("moreFormatButton"));
    moreButton->setText(tr("\u22ef"));
    moreButton->setToolTip(tr("More formatting: strike-through, clear formatting"));
    moreButton->setAccessibleName(tr("More formatting"));
    moreButton->setMenu(more);
    moreButton->setPopupMode(QToolButton::InstantPopup);
    moreButton->setAutoRaise(true);
    connect(m_strike, &QAction::changed, moreButton,
            [moreButton, this] { moreButton->setEnabled(m_strike->isEnabled()); });
    addWidget(moreButton);

    connect(m_edit, &QTextEdit::currentCharFormatChanged, this, &FormatToolbar::updateState);
    connect(m_edit, &QTextEdit::cursorPositionChanged, this, &FormatToolbar::updateState);
}

QAction *FormatToolbar::addFormat(const QString &name, const QString &text, const QKeySequence &key,
                                  const QString &tip)
{
    auto *a = addAction(text);
    a->setObjectName(name);
    if (!key.isEmpty()) {
        a->setShortcut(key);
        // Reached through the text (RichTextEdit takes its keys), never as a window shortcut.
        a->setShortcutContext(Qt::WidgetShortcut);
        a->setToolTip(tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    } else {
        a->setToolTip(tip);
    }
    a->setStatusTip(tip);
    // The button reads the tip aloud; its text is a symbol.
    a->setIconText(text);
    m_formatActions << a;
    return a;
}

void FormatToolbar::mergeFormat(const QTextCharFormat &format)
{
    // Without a selection it is the format of what is typed next.
    m_edit->mergeCurrentCharFormat(format);
}

QMenu *FormatToolbar::colourMenu(bool background)
{
    auto *menu = new QMenu(this);
    const QList<QPair<QString, QColor>> colours = {
        {background ? tr("No highlight") : tr("Automatic"), QColor()},
        {tr("Black"), QColor(0x00, 0x00, 0x00)},
        {tr("Red"), background ? QColor(0xff, 0xcc, 0xcc) : QColor(0xc0, 0x1c, 0x28)},
        {tr("Orange"), background ? QColor(0xff, 0xe0, 0xb2) : QColor(0xc6, 0x46, 0x00)},
        {tr("Yellow"), background ? QColor(0xff, 0xf3, 0x80) : QColor(0x98, 0x6a, 0x00)},
        {tr("Green"), background ? QColor(0xc8, 0xf0, 0xc8) : QColor(0x26, 0xa2, 0x69)},
        {tr("Blue"), background ? QColor(0xc6, 0xdc, 0xff) : QColor(0x1c, 0x71, 0xd8)},
        {tr("Purple"), background ? QColor(0xe8, 0xd0, 0xf8) : QColor(0x81, 0x3d, 0x9c)},
    };
    for (const auto &[name, colour] : colours) {
        if (background && name == tr("Black"))
            continue;
        QAction *a = menu->addAction(swatch(colour), name);
        a->setData(colour);
        connect(a, &QAction::triggered, this, [this, background, colour = colour] {
            QTextCursor c = m_edit->textCursor();
            QTextCharFormat f;
            const auto property =
                background ? QTextFormat::BackgroundBrush : QTextFormat::ForegroundBrush;
            if (colour.isValid()) {
                f.setProperty(property, QBrush(colour));
                c.mergeCharFormat(f);
                m_edit->mergeCurrentCharFormat(f);
            } else {
                // Merging cannot remove a property: clear it fragment by fragment.
                QTextCharFormat current = c.charFormat();
                current.clearProperty(property);
                c.setCharFormat(current);
                QTextCharFormat typing = m_edit->currentCharFormat();
                typing.clearProperty(property);
                m_edit->setCurrentCharFormat(typing);
            }
        });
    }
    return menu;
}

void FormatToolbar::toggleList(int style)
{
    QTextCursor c = m_edit->textCursor();
    c.beginEditBlock();
    QTextList *list = c.currentList();
    if (list && list->format().style() == style) {
        // Off: the items become paragraphs again.
        const QTextBlock first = m_edit->document()->findBlock(c.selectionStart());
        const QTextBlock last = m_edit->document()->findBlock(c.selectionEnd());
        for (QTextBlock b = first; b.isValid(); b = b.next()) {
            if (QTextList *l = b.textList())
                l->remove(b);
            QTextCursor bc(b);
            QTextBlockFormat bf = b.blockFormat();
            bf.setIndent(0);
            bc.setBlockFormat(bf);
            if (b == last)
                break;
        }
    } else if (list) {
        QTextListFormat f = list->format();
        f.setStyle(QTextListFormat::Style(style));
        list->setFormat(f);
    } else {
        QTextListFormat f;
        f.setStyle(QTextListFormat::Style(style));
        f.setIndent(1);
        c.createList(f);
    }
    c.endEditBlock();
    updateState();
}

void FormatToolbar::changeIndent(int delta)
{
    QTextCursor c = m_edit->textCursor();
    c.beginEditBlock();
    if (QTextList *list = c.currentList()) {
        QTextListFormat f = list->format();
        const int indent = f.indent() + delta;
        if (indent <= 0) {
            list->remove(c.block());
            QTextBlockFormat bf = c.blockFormat();
            bf.setIndent(0);
            c.setBlockFormat(bf);
        } else {
            // A nested list of its own, as every editor makes one.
            f.setIndent(indent);
            c.createList(f);
        }
    } else {
        QTextBlockFormat bf = c.blockFormat();
        bf.setIndent(qMax(0, bf.indent() + delta));
        c.setBlockFormat(bf);
    }
    c.endEditBlock();
}

void FormatToolbar::toggleQuote()
{
    QTextCursor c = m_edit->textCursor();
    const int level = RichText::quoteLevel(c.block()) > 0 ? 0 : 1;
    QTextBlockFormat bf;
    bf.setProperty(QTextFormat::BlockQuoteLevel, level);
    bf.setLeftMargin(level * RichText::QuoteIndent);
    c.mergeBlockFormat(bf);
    m_edit->viewport()->update();
    updateState();
}

void FormatToolbar::setHeading(int level)
{
    QTextCursor c = m_edit->textCursor();
    c.beginEditBlock();
    QTextBlockFormat bf;
    bf.setHeadingLevel(level);
    c.mergeBlockFormat(bf);
    // As Qt's HTML importer sizes <h1>..<h3>: +3..+1 steps, bold.
    QTextCharFormat cf;
    cf.setProperty(QTextFormat::FontSizeAdjustment, level > 0 ? 4 - level : 0);
    cf.setFontWeight(level > 0 ? QFont::Bold : QFont::Normal);
    QTextCursor whole = c;
    whole.select(QTextCursor::BlockUnderCursor);
    whole.mergeCharFormat(cf);
    m_edit->mergeCurrentCharFormat(cf);
    c.endEditBlock();
    m_heading->setCurrentIndex(level);
}

void FormatToolbar::setLink(const QString &url)
{
    QTextCursor c = m_edit->textCursor();
    QTextCharFormat f;
    f.setAnchor(!url.isEmpty());
    f.setAnchorHref(url);
    f.setFontUnderline(!url.isEmpty());
    f.setForeground(url.isEmpty() ? palette().text() : palette().link());
    if (!c.hasSelection()) {
        // No text chosen: the address itself becomes the linked text.
        if (url.isEmpty())
            return;
        c.insertText(url, f);
        c.insertText(QStringLiteral(" "), QTextCharFormat());
        return;
    }
    c.mergeCharFormat(f);
}

void FormatToolbar::askLink()
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("linkDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Link"));
    dialog->setLabelText(tr("Address (https://... or mailto:...); empty removes the link:"));
    dialog->setTextValue(m_edit->textCursor().charFormat().anchorHref());
    const QTextCursor at = m_edit->textCursor();
    connect(dialog, &QInputDialog::textValueSelected, this, [this, at](const QString &text) {
        m_edit->setTextCursor(at);
        QString url = text.trimmed();
        if (!url.isEmpty() && !url.contains(QLatin1Char(':')))
            url.prepend(url.contains(QLatin1Char('@')) ? QLatin1String("mailto:")
                                                       : QLatin1String("https://"));
        setLink(url);
    });
    dialog->open();
}

void FormatToolbar::updateState()
{
    const QTextCharFormat f = m_edit->currentCharFormat();
    m_bold->setChecked(f.fontWeight() >= QFont::Bold);
    m_italic->setChecked(f.fontItalic());
    m_underline->setChecked(f.fontUnderline() && !f.isAnchor());
    m_strike->setChecked(f.fontStrikeOut());
    const QTextCursor c = m_edit->textCursor();
    const QTextList *list = c.currentList();
    const int style = list ? list->format().style() : 0;
    m_bullets->setChecked(list && style == QTextListFormat::ListDisc);
    m_numbers->setChecked(list && style == QTextListFormat::ListDecimal);
    m_quote->setChecked(RichText::quoteLevel(c.block()) > 0);
    m_heading->setCurrentIndex(qBound(0, c.blockFormat().headingLevel(), 3));
}
