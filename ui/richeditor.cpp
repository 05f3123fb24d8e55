#include "richeditor.h"

#include "formattoolbar.h"
#include "richtext.h"
#include "richtextedit.h"
#include "spellchecker.h"
#include "spellhighlighter.h"

#include "mime/base64.h"

#include <QAction>
#include <QComboBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextList>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace {

// The preview shows the message's own images and nothing from elsewhere, as the editor does.
class PreviewBrowser : public QTextBrowser
{
public:
    explicit PreviewBrowser(RichTextEdit *images)
        : m_images(images)
    {
        setOpenLinks(false);
    }

protected:
    QVariant loadResource(int type, const QUrl &name) override
    {
        if (type == QTextDocument::ImageResource && name.scheme() == QLatin1String("cid")) {
            if (const InlinePart *p = m_images->image(name.path())) {
                QImage image;
                image.loadFromData(p->data);
                return image;
            }
        }
        return {};
    }

private:
    RichTextEdit *m_images;
};

} // namespace

RichEditor::RichEditor(QWidget *parent)
    : QWidget(parent)
    , m_edit(new RichTextEdit)
    , m_checker(std::make_unique<SpellChecker>())
{
    m_edit->setObjectName(QStringLiteral("messageText"));
    m_edit->setAccessibleName(tr("Message text"));
    m_edit->setTabChangesFocus(true);
    m_edit->setSpellChecker(m_checker.get());
    m_highlighter = new SpellHighlighter(m_edit->document(), m_checker.get());
    m_toolbar = new FormatToolbar(m_edit);
    m_edit->setFormatActions(m_toolbar->formatActions());

    // The message's own settings: the format toolbar has no room left for them beside the
    // transcript in a 1024-pixel-wide window.
    m_settings = new QToolBar(tr("Message Format and Spelling"));
    QToolBar *settings = m_settings;
    settings->setObjectName(QStringLiteral("messageSettingsBar"));
    settings->setIconSize(QSize(16, 16));
    settings->setToolButtonStyle(Qt::ToolButtonTextOnly);
    // No taller than its combo box, wherever it sits.
    settings->layout()->setContentsMargins(0, 0, 0, 0);
    m_plainAction = settings->addAction(tr("Plain Text"));
    m_plainAction->setObjectName(QStringLiteral("plainTextAction"));
    m_plainAction->setCheckable(true);
    m_plainAction->setToolTip(tr("Send this message as plain text (format=flowed), without "
                                 "formatting; the account sets the default"));
    connect(m_plainAction, &QAction::triggered, this, [this](bool plain) { setRich(!plain); });
    m_sourceAction = settings->addAction(tr("HTML Source"));
    m_sourceAction->setObjectName(QStringLiteral("viewSourceAction"));
    m_sourceAction->setCheckable(true);
    m_sourceAction->setToolTip(tr("Edit the HTML source, beside a preview of the HTML and of "
                                  "the plain-text part that will be sent"));
    connect(m_sourceAction, &QAction::toggled, this, &RichEditor::setSourceShown);

    m_spelling = new QComboBox;
    m_spelling->setObjectName(QStringLiteral("spellingBox"));
    m_spelling->setAccessibleName(tr("Spelling language"));
    m_spelling->setToolTip(tr("The language misspelt words are underlined in (Hunspell "
                              "dictionaries installed on this system)"));
    m_spelling->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_spelling->addItem(tr("No spelling"), QString());
    for (const QString &language : SpellChecker::availableLanguages())
        m_spelling->addItem(SpellChecker::displayName(language), language);
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    settings->addWidget(spacer);
    auto *spellingLabel = new QLabel(tr("Spelling:"));
    spellingLabel->setBuddy(m_spelling);
    settings->addWidget(spellingLabel);
    settings->addWidget(m_spelling);
    connect(m_spelling, &QComboBox::activated, this, [this](int index) {
        setSpellLanguage(m_spelling->itemData(index).toString());
        Q_EMIT changed();
    });
    m_spellNote = new QLabel;
    m_spellNote->setObjectName(QStringLiteral("spellingNote"));
    m_spellNote->setWordWrap(true);
    m_spellNote->hide();

    m_source = new QPlainTextEdit;
    m_source->setObjectName(QStringLiteral("htmlSource"));
    m_source->setAccessibleName(tr("HTML source"));
    m_source->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_source->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview = new PreviewBrowser(m_edit);
    m_preview->setObjectName(QStringLiteral("htmlPreview"));
    m_preview->setAccessibleName(tr("Preview of the HTML part"));
    m_plainPreview = new QPlainTextEdit;
    m_plainPreview->setObjectName(QStringLiteral("plainPreview"));
    m_plainPreview->setAccessibleName(tr("The plain-text part"));
    m_plainPreview->setReadOnly(true);
    m_plainPreview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_previewTabs = new QTabWidget;
    m_previewTabs->setDocumentMode(true);
    m_previewTabs->addTab(m_preview, tr("Preview"));
    m_previewTabs->addTab(m_plainPreview, tr("Plain-Text Part"));
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_source);
    split->addWidget(m_previewTabs);
    split->setChildrenCollapsible(false);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_edit);
    m_stack->addWidget(split);
    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(300);
    connect(m_previewTimer, &QTimer::timeout, this, &RichEditor::updatePreview);
    connect(m_source, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_sourceAction->isChecked())
            return;
        m_sourceEdited = true;
        m_previewTimer->start();
        Q_EMIT changed();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toolbar);
    layout->addWidget(m_spellNote);
    layout->addWidget(m_stack, 1);
    layout->addWidget(settings);
    setFocusProxy(m_edit);
    connect(m_edit, &QTextEdit::textChanged, this, &RichEditor::changed);

    setSpellLanguage(SpellChecker::languageFor(QLocale(), SpellChecker::availableLanguages()));
    if (m_checker->language().isEmpty() && m_spellNote->isHidden()) {
        m_spellNote->setText(
            SpellChecker::availableLanguages().isEmpty()
                ? tr("No spelling dictionary is installed (Hunspell, in %1): spelling is off.")
                      .arg(SpellChecker::searchPaths().join(QStringLiteral(", ")))
                : tr("No spelling dictionary for %1 is installed: spelling is off until "
                     "another language is chosen.")
                      .arg(QLocale().nativeLanguageName()));
        m_spellNote->show();
    }
}

RichEditor::~RichEditor() = default;

bool RichEditor::isRich() const
{
    return !m_plainAction->isChecked();
}

void RichEditor::setRich(bool rich)
{
    if (m_sourceAction->isChecked())
        m_sourceAction->setChecked(false);
    const bool wasRich = m_edit->acceptRichText();
    m_plainAction->setChecked(!rich);
    m_edit->setAcceptRichText(rich);
    for (QAction *a : m_toolbar->formatActions())
        a->setEnabled(rich);
    m_toolbar->headingBox()->setEnabled(rich);
    m_sourceAction->setEnabled(rich);
    if (wasRich && !rich && !m_edit->document()->isEmpty()) {
        // The words stay, in the lines the plain alternative has ("- " items, "> " quotes,
        // "text <url>" links); one edit block, so Ctrl+Z brings the formatting back.
        const QString plain = RichText::toPlain(m_edit->document());
        QTextCursor c(m_edit->document());
        c.beginEditBlock();
        c.select(QTextCursor::Document);
        c.removeSelectedText();
        if (QTextList *list = c.currentList())
            list->remove(c.block());
        c.setBlockFormat(QTextBlockFormat());
        c.setCharFormat(QTextCharFormat());
        c.insertText(plain, QTextCharFormat());
        c.endEditBlock();
    }
    m_edit->setCurrentCharFormat(rich ? m_edit->currentCharFormat() : QTextCharFormat());
    m_edit->setPlaceholderText(rich ? tr("Write your message here")
                                    : tr("Write your message here (plain text)"));
    if (wasRich != rich)
        Q_EMIT changed();
}

void RichEditor::setPlainText(const QString &text)
{
    m_edit->setImages({});
    m_edit->setPlainText(text);
}

void RichEditor::setHtml(const QString &html, const QList<InlinePart> &images)
{
    setRich(true);
    m_edit->setImages(images);
    m_edit->setHtml(html);
    RichText::markQuotes(m_edit->document());
}

void RichEditor::appendPlainText(const QString &text)
{
    QTextCursor c(m_edit->document());
    c.movePosition(QTextCursor::End);
    c.beginEditBlock();
    if (!m_edit->document()->isEmpty()) {
        c.insertBlock(QTextBlockFormat(), QTextCharFormat());
        if (QTextList *list = c.currentList())
            list->remove(c.block());
    }
    c.insertText(text, QTextCharFormat());
    c.endEditBlock();
}

void RichEditor::appendHtml(const QString &html)
{
    QTextCursor c(m_edit->document());
    c.movePosition(QTextCursor::End);
    c.beginEditBlock();
    if (!m_edit->document()->isEmpty())
        c.insertBlock(QTextBlockFormat(), QTextCharFormat());
    c.insertHtml(html);
    c.endEditBlock();
    RichText::markQuotes(m_edit->document());
}

bool RichEditor::isEmpty() const
{
    if (m_sourceAction->isChecked() && m_sourceEdited)
        return m_source->toPlainText().trimmed().isEmpty();
    return m_edit->document()->isEmpty();
}

QString RichEditor::html() const
{
    if (!isRich() || isEmpty())
        return {};
    if (m_sourceAction->isChecked() && m_sourceEdited)
        return m_source->toPlainText();
    return RichText::toHtml(m_edit->document());
}

QString RichEditor::plainText() const
{
    if (!isRich())
        return m_edit->toPlainText();
    if (m_sourceAction->isChecked() && m_sourceEdited)
        return RichText::plainFromHtml(m_source->toPlainText());
    return RichText::toPlain(m_edit->document());
}

QList<InlinePart> RichEditor::images() const
{
    return isRich() ? m_edit->usedImages() : QList<InlinePart>();
}

void RichEditor::writeTo(Draft *draft) const
{
    draft->html = isRich();
    draft->body = isRich() ? html() : plainText();
    draft->inlineParts = images();
    draft->spellLanguage = spellLanguage();
}

void RichEditor::readFrom(const Draft &draft)
{
    if (draft.html) {
        setHtml(draft.body, draft.inlineParts);
    } else {
        setPlainText(draft.body);
        setRich(false);
    }
    if (!draft.spellLanguage.isEmpty() && draft.spellLanguage != spellLanguage())
        setSpellLanguage(draft.spellLanguage);
}

void RichEditor::setSpellLanguage(const QString &language)
{
    QString note;
    if (language.isEmpty())
        m_checker->unload();
    else if (!m_checker->load(language, &note))
        m_checker->unload();
    m_spellNote->setText(note);
    m_spellNote->setVisible(!note.isEmpty());
    const int index = m_spelling->findData(m_checker->language());
    m_spelling->setCurrentIndex(qMax(0, index));
    m_edit->recheckSpelling();
}

QString RichEditor::spellLanguage() const
{
    return m_checker->language();
}

void RichEditor::setReadOnly(bool readOnly)
{
    m_edit->setReadOnly(readOnly);
    m_source->setReadOnly(readOnly);
    m_toolbar->setEnabled(!readOnly);
    m_settings->setEnabled(!readOnly);
}

QStringList RichEditor::imagesTooLarge(qint64 sizeLimit) const
{
    QStringList out;
    if (sizeLimit <= 0)
        return out;
    const QLocale locale;
    for (const InlinePart &p : images()) {
        const qint64 encoded = Base64::encodedSize(p.data.size());
        if (encoded <= sizeLimit)
            continue;
        out << tr("The image %1 in the text is %2 once encoded for mail, more than the %3 "
                  "the server takes (SIZE): make it smaller or leave it out.")
                   .arg(p.name.isEmpty() ? p.contentId : p.name, locale.formattedDataSize(encoded),
                        locale.formattedDataSize(sizeLimit));
    }
    return out;
}

void RichEditor::setSourceShown(bool shown)
{
    if (shown) {
        m_sourceEdited = false;
        m_source->setPlainText(RichText::toHtml(m_edit->document()));
        m_sourceEdited = false;
        updatePreview();
        m_stack->setCurrentIndex(1);
        m_source->setFocus();
    } else {
        applySource();
        m_stack->setCurrentIndex(0);
    }
    for (QAction *a : m_toolbar->formatActions())
        a->setEnabled(!shown && isRich());
}

void RichEditor::applySource()
{
    if (!m_sourceEdited)
        return;
    m_sourceEdited = false;
    m_edit->setHtml(m_source->toPlainText());
    RichText::markQuotes(m_edit->document());
}

void RichEditor::updatePreview()
{
    const QString html = m_source->toPlainText();
    m_preview->setHtml(html);
    m_plainPreview->setPlainText(RichText::plainFromHtml(html));
}
