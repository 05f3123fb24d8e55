// "Check server": runs a ServerCheck for an account's server and shows the report (findings
// first, then the greeting, extensions side by side, TLS and the chain, the steps) beside the
// live dialogue. Non-modal; Stop cancels, closing cancels too.
#pragma once

#include "smtp/servercheck.h"

#include <QDialog>

#include <functional>

class QLabel;
class QPushButton;
class QTextBrowser;
class TranscriptModel;
class TranscriptView;

class ServerCheckDialog : public QDialog
{
    Q_OBJECT
public:
    // title: what is checked, for people ("Work (smtp.example.org:587)").
    ServerCheckDialog(const SmtpSettings &settings, const QString &title,
                      QWidget *parent = nullptr);
    ~ServerCheckDialog() override;

    // Opens a dialog that deletes itself when closed, and starts the check; prepare runs
    // before the check starts (to follow its first line into the history).
    static ServerCheckDialog *open(QWidget *parent, const SmtpSettings &settings,
                                   const QString &title,
                                   const std::function<void(ServerCheck *)> &prepare = {});

    void start();
    void stop();
    bool isRunning() const;
    const ServerReport &report() const { return m_check->report(); }
    ServerCheck *check() const { return m_check; }

    QTextBrowser *reportView() const { return m_report; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *stopButton() const { return m_stop; }
    TranscriptModel *transcript() const { return m_transcript; }

    // The report as the dialog shows it.
    static QString reportHtml(const ServerReport &report);

Q_SIGNALS:
    void finished(const ServerReport &report);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void onFinished(const ServerReport &report);

    SmtpSettings m_settings;
    QString m_title;
    ServerCheck *m_check;
    QLabel *m_status;
    QPushButton *m_stop;
    QTextBrowser *m_report;
    TranscriptModel *m_transcript;
    TranscriptView *m_transcriptView;
};
