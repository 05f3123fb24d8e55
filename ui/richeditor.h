// The message body: a rich-text editor with its format toolbar, spelling, a plain-text mode,
// and the HTML source beside a preview of what will be sent. It hands the window what a
// message needs (HTML, the plain alternative, the inline images) and never touches MIME.
//
// For code that puts text in (signatures, quoted replies): setPlainText()/setHtml() replace
// the body, appendPlainText()/appendHtml() add at the end, and the cursor stays where it was.
#pragma once

#include "account/draft.h"

#include <QWidget>

class FormatToolbar;
class QAction;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QTextBrowser;
class QTimer;
class QToolBar;
class RichTextEdit;
class SpellChecker;
class SpellHighlighter;

class RichEditor : public QWidget
{
    Q_OBJECT
public:
    explicit RichEditor(QWidget *parent = nullptr);
    ~RichEditor() override;

    RichTextEdit *textEdit() const { return m_edit; }
    FormatToolbar *formatToolbar() const { return m_toolbar; }
    QAction *plainTextAction() const { return m_plainAction; }
    QAction *viewSourceAction() const { return m_sourceAction; }
    QComboBox *spellingBox() const { return m_spelling; }
    // Plain Text, HTML Source and the spelling language: below the text, unless a window puts
    // them where it has room (the compose window: its status bar, as mail programs do).
    QToolBar *settingsBar() const { return m_settings; }
    QLabel *spellingNote() const { return m_spellNote; }
    SpellChecker *spellChecker() const { return m_checker.get(); }
    QPlainTextEdit *sourceEdit() const { return m_source; }
    QTextBrowser *preview() const { return m_preview; }
    QPlainTextEdit *plainPreview() const { return m_plainPreview; }

    // Rich (HTML with a plain alternative) or plain text (format=flowed) for this message.
    bool isRich() const;
    // Going to plain keeps every word, in the lines the plain alternative would have; it is
    // one step Ctrl+Z takes back.
    void setRich(bool rich);

    void setPlainText(const QString &text);
    void setHtml(const QString &html, const QList<InlinePart> &images = {});
    void appendPlainText(const QString &text);
    void appendHtml(const QString &html);
    bool isEmpty() const;

    // What is sent: the HTML (empty in plain mode), the plain text, the images it shows.
    QString html() const;
    QString plainText() const;
    QList<InlinePart> images() const;

    // The body fields of a draft and back (body, html, inline parts, spelling language).
    void writeTo(Draft *draft) const;
    void readFrom(const Draft &draft);

    // "" for no spelling; otherwise a language of SpellChecker::availableLanguages(). A
    // missing dictionary leaves spelling off with the note shown, never an error.
    void setSpellLanguage(const QString &language);
    QString spellLanguage() const;

    void setReadOnly(bool readOnly);
    // The images larger than the server takes (its SIZE), each as a sentence; none: empty.
    QStringList imagesTooLarge(qint64 sizeLimit) const;

Q_SIGNALS:
    void changed();

private:
    void setSourceShown(bool shown);
    void applySource();
    void updatePreview();

    RichTextEdit *m_edit;
    FormatToolbar *m_toolbar;
    QToolBar *m_settings;
    std::unique_ptr<SpellChecker> m_checker;
    SpellHighlighter *m_highlighter;
    QAction *m_plainAction;
    QAction *m_sourceAction;
    QComboBox *m_spelling;
    QLabel *m_spellNote;
    QStackedWidget *m_stack;
    QPlainTextEdit *m_source;
    QTabWidget *m_previewTabs;
    QTextBrowser *m_preview;
    QPlainTextEdit *m_plainPreview;
    QTimer *m_previewTimer;
    bool m_sourceEdited = false;
};
