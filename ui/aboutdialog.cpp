#include "aboutdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Postwire"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);
    top->addWidget(icon);
    auto *text = new QLabel(aboutText(), this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setTextFormat(Qt::RichText);
    text->setWordWrap(true);
    text->setOpenExternalLinks(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    top->addWidget(text, 1);
    layout->addLayout(top);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::HelpRole);
    aboutQt->setObjectName(QStringLiteral("aboutQtButton"));
    connect(aboutQt, &QPushButton::clicked, qApp, &QApplication::aboutQt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QString AboutDialog::aboutText()
{
    // Built with one Qt, may run on a newer one (Debian updates Qt separately): both are said.
    const QString runtimeQt = QString::fromLatin1(qVersion());
    const QString builtQt = QStringLiteral(QT_VERSION_STR);
    const QString qt = runtimeQt == builtQt
                           ? tr("Qt %1").arg(runtimeQt)
                           : tr("Qt %1 (built with Qt %2)").arg(runtimeQt, builtQt);
    return tr("<h3>Postwire %1</h3>"
              "<p>A mail composer that shows the wire: to send mail with, to learn SMTP "
              "with, and to debug mail servers with.</p>"
              "<p>Running on %2.</p>"
              "<p><b>Licences</b><br>"
              "Postwire: GNU General Public License, version 3 or later (GPL-3.0-or-later).<br>"
              "Qt: GNU Lesser General Public License, version 3 (LGPL-3.0-only).<br>"
              "QtKeychain: BSD 3-Clause License.<br>"
              "OpenSSL, through Qt Network: Apache License 2.0.</p>"
              "<p>Postwire comes with ABSOLUTELY NO WARRANTY. See "
              "<a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">the GPL</a> for "
              "details.</p>")
        .arg(QCoreApplication::applicationVersion().toHtmlEscaped(), qt.toHtmlEscaped());
}
