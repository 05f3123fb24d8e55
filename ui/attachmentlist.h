// The attachments of the message being composed: name, type and size of each file, the total,
// add (file dialog or drag and drop) and remove. Files are only referenced, never loaded.
#pragma once

#include "mime/message.h"

#include <QWidget>

class QLabel;
class QToolButton;
class QTreeWidget;

class AttachmentList : public QWidget
{
    Q_OBJECT
public:
    explicit AttachmentList(QWidget *parent = nullptr);

    QList<Attachment> attachments() const;
    void setAttachments(const QList<Attachment> &attachments);
    void addFiles(const QStringList &paths);
    void clear();
    int count() const;
    qint64 totalSize() const;
    // The first attachment whose file is gone or unreadable ("report.pdf: file does not
    // exist"), with its row selected; empty when all can be read.
    QString problem();
    void setReadOnly(bool readOnly);
    QTreeWidget *tree() const { return m_tree; }

public Q_SLOTS:
    void chooseFiles(); // a file dialog (window-modal, not a nested loop)
    void removeSelected();

Q_SIGNALS:
    void changed();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addAttachment(const Attachment &attachment);
    void updateTotal();

    QTreeWidget *m_tree;
    QLabel *m_total;
    QToolButton *m_add;
    QToolButton *m_remove;
    bool m_readOnly = false;
};
