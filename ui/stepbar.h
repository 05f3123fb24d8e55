// Step mode's place under the transcript: while the client waits, the commands it is about to
// send, greyed as the transcript's next lines, with what each will do and why, and the choices:
// Send (Space), Edit and send, Insert a command before it, Stop (QUIT and end).
#pragma once

#include "smtp/smtpclient.h"

#include <QFrame>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

class StepBar : public QFrame
{
    Q_OBJECT
public:
    explicit StepBar(QWidget *parent = nullptr);

    // The client whose pauses this bar answers (not owned; outlives the bar).
    void setClient(SmtpClient *client);
    bool isWaiting() const { return m_waiting; }
    // The "Step" toggle next to Send, and whether a pipelined group stays one step (pipelining
    // is off in step mode otherwise). Their state applies to the next send.
    QAction *toggleAction() const { return m_toggle; }
    QAction *keepPipeliningAction() const { return m_keepPipelining; }

    QLabel *titleLabel() const { return m_title; }
    QLabel *pendingView() const { return m_pending; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *stopButton() const { return m_stop; }
    QComboBox *editTarget() const { return m_target; } // which command of a group is edited
    QLineEdit *editField() const { return m_edit; }
    QPushButton *editButton() const { return m_editSend; }
    QComboBox *insertField() const { return m_insert; }
    QPushButton *insertButton() const { return m_insertSend; }
    QLabel *refusalLabel() const { return m_refusal; }

public Q_SLOTS:
    void sendAsPlanned();
    void editAndSend();
    void insertFirst();
    void stopSending();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onPaused(const QList<TranscriptCommand> &next);
    void answered();
    void refuse(const QString &reason, QWidget *field);
    void showPending(const QList<TranscriptCommand> &next, const SmtpStep::Content &content);
    void fillEdit();

    SmtpClient *m_client = nullptr;
    QAction *m_toggle;
    QAction *m_keepPipelining;
    QList<TranscriptCommand> m_next;
    bool m_waiting = false;
    QLabel *m_title;
    QLabel *m_pending;
    QPushButton *m_send;
    QPushButton *m_stop;
    QLabel *m_editLabel;
    QComboBox *m_target;
    QLineEdit *m_edit;
    QPushButton *m_editSend;
    QLabel *m_insertLabel;
    QComboBox *m_insert;
    QPushButton *m_insertSend;
    QLabel *m_refusal;
};
