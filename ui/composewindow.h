// The main window: the compose form on one side, the live SMTP transcript on the other.
#pragma once

#include <QMainWindow>

class QLineEdit;
class QPlainTextEdit;
class QListView;

class ComposeWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit ComposeWindow(QWidget *parent = nullptr);

private:
    QLineEdit *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QLineEdit *m_cc = nullptr;
    QLineEdit *m_subject = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QListView *m_transcript = nullptr;
};
