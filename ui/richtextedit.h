// The text box of the rich editor: takes pasted and dropped images in as cid: parts held in
// memory, never fetches a remote image, draws quote bars, offers spelling suggestions in its
// context menu, and lets its format keys (Ctrl+B, Ctrl+I, ...) win over the window's while it
// has the focus.
#pragma once

#include "mime/message.h"

#include <QHash>
#include <QKeySequence>
#include <QTextEdit>

class QMenu;
class SpellChecker;

class RichTextEdit : public QTextEdit
{
    Q_OBJECT
public:
    explicit RichTextEdit(QWidget *parent = nullptr);

    void setSpellChecker(SpellChecker *checker) { m_checker = checker; }
    // The keys of these actions reach them while the text has the focus (rich mode only).
    void setFormatActions(const QList<QAction *> &actions) { m_formatActions = actions; }

    // An image into the text at the cursor, as an inline part; returns its content id.
    QString insertImage(const QByteArray &data, const QString &contentType, const QString &name);
    // The images the text still shows, in the order they appear.
    QList<InlinePart> usedImages() const;
    void setImages(const QList<InlinePart> &images);
    const InlinePart *image(const QString &contentId) const;
    // Whether dropping this would put an image into the text (rather than attach a file).
    bool takesImages(const QMimeData *source) const;

    // Underlines misspelt words again (another language, a word added): those on screen at
    // once, the rest between events.
    void recheckSpelling();
    // The spelling menu for the word at a point: suggestions first, then the usual entries.
    QMenu *createSpellingMenu(const QPoint &pos);

    // Public: what pasting and dropping do, for code that has the data in hand.
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

protected:
    QVariant loadResource(int type, const QUrl &name) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    QAction *formatActionFor(const QKeyEvent *event) const;

    SpellChecker *m_checker = nullptr;
    QList<QAction *> m_formatActions;
    QHash<QString, InlinePart> m_images; // by content id
};
