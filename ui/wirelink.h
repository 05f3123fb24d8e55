// Links the compose form and the transcript both ways, from the origins the client put in each
// entry: selecting a line highlights the field, address or account setting it came from (and
// the command a reply answers, or the replies of a command); hovering a field or an address in
// it highlights its lines.
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <utility>

class AddressField;
class LinkFrame;
class QLineEdit;
class QAbstractScrollArea;
class QTimer;
class QWidget;
class TranscriptView;
class TranscriptEntry;

class WireLink : public QObject
{
    Q_OBJECT
public:
    // The widgets of the compose form a line can come from. None is owned.
    struct Form
    {
        QWidget *account = nullptr; // the account selector
        AddressField *from = nullptr;
        AddressField *to = nullptr;
        AddressField *cc = nullptr;
        AddressField *bcc = nullptr;
        AddressField *replyTo = nullptr;
        QLineEdit *subject = nullptr;
        QAbstractScrollArea *body = nullptr; // the message text
    };

    // Where a line points in the form: a widget, and an address inside it when it is an
    // address field.
    struct Target
    {
        QWidget *widget = nullptr;
        QString address;
        bool operator==(const Target &) const = default;
    };

    WireLink(TranscriptView *view, const Form &form, QObject *parent = nullptr);
    ~WireLink() override;

    // What the line at row of the transcript came from.
    Target targetFor(int row) const;
    // The rows of the latest send that came from field (from that address in it, when given):
    // the commands and the replies that answer them.
    QList<int> rowsFor(QWidget *field, const QString &address = QString()) const;
    // The rows that belong with row: a command and every line of the reply that answers it.
    QList<int> rowsOfCommand(int row) const;

    // What is highlighted now, in the form and in the transcript.
    Target highlighted() const { return m_target; }
    QList<int> linkedRows() const;

    // A teaching note for a line or a field (what people get wrong about it), or empty.
    QString noteForRow(int row) const;
    QString noteForField(QWidget *field) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onCurrentChanged();
    void hover(QWidget *field, const QString &address);
    void endHover();
    void highlight(const Target &target);
    void applyRows();
    int entryRow(int row) const;
    int lastSection() const;
    // The first and last rows of the section that holds row.
    std::pair<int, int> sectionRows(int section, int row) const;
    // The field that names address among From, To, Cc, Bcc (for an envelope address whose
    // origin is a setting, e.g. the account's envelope sender).
    QWidget *fieldOf(const TranscriptEntry &entry) const;

    QPointer<TranscriptView> m_view;
    Form m_form;
    QList<QWidget *> m_fields;
    QPointer<LinkFrame> m_frame; // owned; parented to the highlighted widget
    QTimer *m_refresh;
    Target m_target;
    // The hovered field and address, while the pointer is over one; the selection's links
    // come back when it leaves.
    QPointer<QWidget> m_hovered;
    QString m_hoveredAddress;
    // The selected address in an address field that this class made, so a person's own
    // selection there is never cleared.
    QPointer<QLineEdit> m_selectedIn;
    int m_selectedStart = -1;
    int m_selectedLength = 0;
};
