// The window's setting for the sandbox's JSON API (what `postwire sandbox --api-port` serves):
// on or off, its port, loopback only unless a token is given; shows the address and a curl line
// to copy. Kept in QSettings; the API is started again as the settings change.
#pragma once

#include <QGroupBox>

#include <memory>

class MailStore;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class SandboxApi;

class SandboxApiPanel : public QGroupBox
{
    Q_OBJECT
public:
    static constexpr int DefaultPort = 8025; // Mailpit's and smtp4dev's usual port

    explicit SandboxApiPanel(MailStore *store, QWidget *parent = nullptr);
    ~SandboxApiPanel() override;

    QCheckBox *enableBox() const { return m_enable; }
    QSpinBox *portBox() const { return m_port; }
    QCheckBox *networkBox() const { return m_network; }
    QLineEdit *tokenField() const { return m_token; }
    QLabel *statusLabel() const { return m_status; }
    QLineEdit *curlField() const { return m_curl; }
    QPushButton *copyButton() const { return m_copy; }
    // The API while it serves, else nullptr.
    SandboxApi *api() const { return m_api.get(); }
    // The base address ("http://127.0.0.1:8025") while it serves, else empty.
    QString url() const;

public Q_SLOTS:
    // Serves (again) as the controls say, or stops; said in the status line.
    void apply();

Q_SIGNALS:
    // The API started, stopped or failed: the text says which (as the status line shows).
    void statusChanged(const QString &text);

private:
    void save() const;
    void setStatus(const QString &text, bool problem);

    MailStore *m_store;
    std::unique_ptr<SandboxApi> m_api;
    QCheckBox *m_enable;
    QSpinBox *m_port;
    QCheckBox *m_network;
    QLineEdit *m_token;
    QPushButton *m_generate;
    QLabel *m_status;
    QLineEdit *m_curl;
    QPushButton *m_copy;
    bool m_loading = false;
};
