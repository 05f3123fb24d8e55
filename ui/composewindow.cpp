#include "composewindow.h"

#include <QFormLayout>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QVBoxLayout>

ComposeWindow::ComposeWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Postwire"));
    auto *form = new QWidget;
    auto *fields = new QFormLayout;
    fields->addRow(tr("&From:"), m_from = new QLineEdit);
    fields->addRow(tr("&To:"), m_to = new QLineEdit);
    fields->addRow(tr("&Cc:"), m_cc = new QLineEdit);
    fields->addRow(tr("&Subject:"), m_subject = new QLineEdit);
    auto *column = new QVBoxLayout(form);
    column->addLayout(fields);
    column->addWidget(m_body = new QPlainTextEdit);
    m_body->setPlaceholderText(tr("Write your message here"));

    auto *splitter = new QSplitter;
    splitter->addWidget(form);
    splitter->addWidget(m_transcript = new QListView);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);
    resize(1100, 700);
}
