// The rich editor's format toolbar: bold, italic, underline, strike-through, lists,
// indentation, quotes, links, headings, text and highlight colours, each with its key; the
// buttons follow the formatting where the cursor is.
#pragma once

#include <QToolBar>

class QComboBox;
class QTextCharFormat;
class RichTextEdit;

class FormatToolbar : public QToolBar
{
    Q_OBJECT
public:
    explicit FormatToolbar(RichTextEdit *edit, QWidget *parent = nullptr);

    // The actions that change the text's formatting (disabled in plain-text mode).
    QList<QAction *> formatActions() const { return m_formatActions; }
    QComboBox *headingBox() const { return m_heading; }

    // The operations, for the actions and for tests.
    void toggleList(int style); // a QTextListFormat::Style
    void changeIndent(int delta);
    void toggleQuote();
    void setHeading(int level); // 0: a normal paragraph
    void setLink(const QString &url);

private:
    QAction *addFormat(const QString &name, const QString &text, const QKeySequence &key,
                       const QString &tip);
    void mergeFormat(const QTextCharFormat &format);
    void updateState();
    QMenu *colourMenu(bool background);
    void askLink();

    RichTextEdit *m_edit;
    QList<QAction *> m_formatActions;
    QAction *m_bold = nullptr;
    QAction *m_italic = nullptr;
    QAction *m_underline = nullptr;
    QAction *m_strike = nullptr;
    QAction *m_bullets = nullptr;
    QAction *m_numbers = nullptr;
    QAction *m_quote = nullptr;
    QComboBox *m_heading = nullptr;
};
