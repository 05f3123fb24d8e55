// The outcome shown above the form: delivered (with the server's queue id), delivered to some
// (each refused recipient with the server's reply), not sent (the step and the reply), or a
// problem in the form that stopped the send before connecting.
#pragma once

#include "smtp/smtpclient.h"

#include <QFrame>

class QLabel;
class QToolButton;

class ResultPanel : public QFrame
{
    Q_OBJECT
public:
    enum class Kind
    {
        None,
        Success,
        Partial,
        Failure,
        Problem, // the form stopped the send
        Info,
    };
    Q_ENUM(Kind)

    explicit ResultPanel(QWidget *parent = nullptr);

    void showResult(const SendResult &result);
    void showMessage(Kind kind, const QString &title, const QString &text = QString());
    void dismiss();

    Kind kind() const { return m_kind; }
    QString title() const;
    QString text() const; // the details as plain text
    // Whether some lines of the details are out of view (until "Show more" is pressed).
    bool isFolded() const;
    QString shownText() const; // the details as the label shows them

private:
    void showText();

    Kind m_kind = Kind::None;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_text;
    QToolButton *m_more;
    QString m_plain;
    bool m_expanded = false;
};
