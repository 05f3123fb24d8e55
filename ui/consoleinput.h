// The console's line editor: Up/Down walk through the lines sent, Tab completes an SMTP verb,
// an extension the server advertised, an AUTH mechanism or a MAIL/RCPT parameter.
#pragma once

#include <QLineEdit>
#include <QStringList>

class Capabilities;

class ConsoleInput : public QLineEdit
{
    Q_OBJECT
public:
    explicit ConsoleInput(QWidget *parent = nullptr);

    // What Tab offers from now on: the verbs, and what this EHLO reply advertised.
    void setCapabilities(const Capabilities &capabilities);
    // A line that went out: the newest in the history.
    void remember(const QString &line);
    QStringList history() const { return m_history; }
    // The words Tab would offer for the text before the cursor (for tests and the hint).
    QStringList candidates() const;
    void complete();

Q_SIGNALS:
    // Tab found several words: they are shown to the person.
    void choices(const QStringList &words);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    // The candidates, and where in the text the word they replace starts.
    QStringList candidates(qsizetype *start) const;

    QStringList m_verbs;
    QStringList m_mechanisms;
    QStringList m_parameters; // MAIL/RCPT parameters of the advertised extensions
    QStringList m_history;
    int m_historyIndex = -1; // -1: the line being typed, not one from the history
    QString m_typing;        // that line, kept while walking the history
};
