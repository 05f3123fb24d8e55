// About Postwire: its version, the Qt it was built with and runs on, and the licences of
// Postwire and of the libraries it ships with.
#pragma once

#include <QDialog>

class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The text shown, in HTML (also what the test reads).
    static QString aboutText();
};
