#include "servercheckdialog.h"

#include "transcriptmodel.h"
#include "transcriptview.h"

#include "smtp/explain.h"

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString keywordList(const QList<QByteArray> &keywords)
{
    QStringList out;
    for (const QByteArray &k : keywords)
        out << QString::fromLatin1(k);
    return out.isEmpty() ? ServerCheckDialog::tr("none") : out.join(QStringLiteral(", "));
}

// Colours that read on light and dark palettes alike: the badge carries its own background.
const char *badgeColour(ServerFinding::Severity severity)
{
    switch (severity) {
    case ServerFinding::Severity::Problem:
        return "#c62828";
    case ServerFinding::Severity::Warning:
        return "#b26a00";
    case ServerFinding::Severity::Info:
        break;
    }
    return "#546e7a";
}

} // namespace

ServerCheckDialog::ServerCheckDialog(const SmtpSettings &settings, const QString &title,
                                     QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_title(title)
    , m_check(new ServerCheck(this))
    , m_status(new QLabel)
    , m_stop(new QPushButton(tr("&Stop")))
    , m_report(new QTextBrowser)
    , m_transcript(new TranscriptModel(this))
    , m_transcriptView(new TranscriptView(m_transcript))
{
    setWindowTitle(tr("Check Server: %1").arg(title));
    setModal(false);
    m_status->setObjectName(QStringLiteral("checkStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stop->setAutoDefault(false);
    m_report->setObjectName(QStringLiteral("checkReport"));
    m_report->setOpenLinks(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_stop);

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_report);
    split->addWidget(m_transcriptView);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({600, 200}); // the report is what the dialog is for

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    // As large as a report wants on a big screen, within a small one.
    const QRect screen =
        (parent ? parent->screen() : QGuiApplication::primaryScreen())->availableGeometry();
    resize(qMin(980, screen.width() * 9 / 10), qMin(860, screen.height() * 9 / 10));

    connect(m_check, &ServerCheck::transcriptEntry, m_transcript, &TranscriptModel::append);
    connect(m_check, &ServerCheck::stepStarted, this, [this](const QString &label) {
        m_status->setText(tr("Checking %1: %2\u2026").arg(m_title, label));
    });
    connect(m_check, &ServerCheck::finished, this, &ServerCheckDialog::onFinished);
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (isRunning())
            stop();
        else
            start();
    });
}

ServerCheckDialog::~ServerCheckDialog() = default;

ServerCheckDialog *ServerCheckDialog::open(QWidget *parent, const SmtpSettings &settings,
                                           const QString &title,
                                           const std::function<void(ServerCheck *)> &prepare)
{
    auto *dialog = new ServerCheckDialog(settings, title, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (prepare)
        prepare(dialog->m_check);
    dialog->show();
    dialog->start();
    return dialog;
}

bool ServerCheckDialog::isRunning() const
{
    return m_check->isRunning();
}

void ServerCheckDialog::start()
{
    if (isRunning())
        return;
    m_transcript->beginSection(QStringLiteral("%1:%2").arg(m_settings.host).arg(m_settings.port),
                               m_title);
    m_report->setHtml(tr("<p>Checking %1\u2026 The report appears here when the check ends.</p>")
                          .arg(esc(m_title)));
    m_status->setText(tr("Checking %1\u2026").arg(m_title));
    m_stop->setText(tr("&Stop"));
    m_check->start(m_settings);
}

void ServerCheckDialog::stop()
{
    m_check->cancel();
}

void ServerCheckDialog::closeEvent(QCloseEvent *event)
{
    if (isRunning())
        stop();
    QDialog::closeEvent(event);
}

void ServerCheckDialog::onFinished(const ServerReport &report)
{
    int problems = 0;
    int warnings = 0;
    for (const ServerFinding &f : report.findings) {
        problems += f.severity == ServerFinding::Severity::Problem;
        warnings += f.severity == ServerFinding::Severity::Warning;
    }
    const QString counts = tr("%n problems", nullptr, problems) + QStringLiteral(", ") +
                           tr("%n warnings", nullptr, warnings);
    m_status->setText(report.completed ? tr("\u2714 Checked %1: %2.").arg(m_title, counts)
                                       : tr("\u2718 The check of %1 stopped %2: %3")
                                             .arg(m_title, report.stoppedLabel, report.message));
    m_stop->setText(tr("Check &Again"));
    m_report->setHtml(reportHtml(report));
    Q_EMIT finished(report);
}

QString ServerCheckDialog::reportHtml(const ServerReport &r)
{
    QString h;
    h += QStringLiteral("<h3>%1</h3>").arg(tr("Findings"));
    if (r.findings.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(tr("Nothing to remark."));
    h += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"4\">");
    for (const ServerFinding &f : r.findings) {
        h += QStringLiteral("<tr><td valign=\"top\"><span style=\"background:%1;color:white;"
                            "font-weight:bold\">&nbsp;%2&nbsp;</span></td><td>%3")
                 .arg(QLatin1String(badgeColour(f.severity)),
                      esc(ServerFinding::severityLabel(f.severity).toUpper()), esc(f.text));
        if (!f.reference.isEmpty())
            h += QStringLiteral("<br><small>%1</small>").arg(esc(f.reference));
        h += QStringLiteral("</td></tr>");
    }
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h3>%1</h3>").arg(tr("Greeting"));
    if (r.greetingCode == 0)
        h += QStringLiteral("<p>%1</p>").arg(tr("No greeting received."));
    else
        h += QStringLiteral("<p><code>%1</code><br>%2</p>")
                 .arg(esc(r.greetingLines.join(QLatin1Char('\n')))
                          .replace(QLatin1Char('\n'), QStringLiteral("<br>")),
                      tr("after %1 ms").arg(r.greetingMs));

    h += QStringLiteral("<h3>%1</h3>").arg(tr("Extensions"));
    const QList<ServerExtensionRow> rows = r.extensionRows();
    if (rows.isEmpty()) {
        h += QStringLiteral("<p>%1</p>").arg(tr("None learnt."));
    } else {
        // The meaning names its RFC already.
        h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr><th>%1"
                            "</th><th>%2</th><th>%3</th></tr>")
                 .arg(tr("Before TLS"), tr("After TLS"), tr("Meaning"));
        for (const ServerExtensionRow &row : rows) {
            const auto cell = [&row](bool present, const QByteArray &params) {
                if (!present)
                    return QStringLiteral("\u2014");
                QString text = QString::fromLatin1(row.keyword);
                if (!params.isEmpty())
                    text += QLatin1Char(' ') + QString::fromUtf8(params);
                return esc(text);
            };
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                     .arg(cell(row.before, row.parametersBefore),
                          cell(row.after, row.parametersAfter), esc(row.meaning));
        }
        h += QStringLiteral("</table>");
    }
    h += QStringLiteral("<p>");
    if (!r.addedByTls().isEmpty())
        h += esc(tr("TLS added: %1").arg(keywordList(r.addedByTls()))) + QStringLiteral("<br>");
    if (!r.removedByTls().isEmpty())
        h += esc(tr("TLS removed: %1").arg(keywordList(r.removedByTls()))) + QStringLiteral("<br>");
    h += esc(tr("AUTH before TLS: %1").arg(keywordList(r.beforeTls.authMechanisms()))) +
         QStringLiteral("<br>");
    h += esc(tr("AUTH after TLS: %1").arg(keywordList(r.afterTls.authMechanisms()))) +
         QStringLiteral("<br>");
    const Capabilities &caps = r.effective();
    h += esc(tr("Largest message (SIZE): %1")
                 .arg(!caps.size()           ? tr("not announced")
                      : caps.sizeLimit() > 0 ? SmtpExplain::formatSize(caps.sizeLimit())
                                             : tr("no fixed limit")));
    h += QStringLiteral("</p>");

    h += QStringLiteral("<h3>%1</h3>").arg(tr("TLS"));
    if (!r.tlsActive) {
        h += QStringLiteral("<p>%1</p>")
                 .arg(r.startTlsOffered ? tr("Offered but not established.") : tr("Not used."));
    } else {
        h += QStringLiteral("<p>%1<br><b>%2</b></p>")
                 .arg(esc(tr("%1, cipher %2 (%n bits)", nullptr, r.cipherBits)
                              .arg(r.tlsProtocol, r.cipher)),
                      esc(r.certificateVerified
                              ? tr("The certificate verifies for %1.").arg(r.host)
                              : tr("The certificate does NOT verify for %1.").arg(r.host)));
        if (!r.certificateProblems.isEmpty()) {
            h += QStringLiteral("<ul>");
            for (const QString &p : r.certificateProblems)
                h += QStringLiteral("<li>%1</li>").arg(esc(p));
            h += QStringLiteral("</ul>");
        }
        for (qsizetype i = 0; i < r.chain.size(); ++i) {
            const ServerCertificateInfo &c = r.chain[i];
            h += QStringLiteral("<p><b>%1</b><br>")
                     .arg(i == 0 ? tr("Server certificate") : tr("Chain certificate %1").arg(i));
            const auto row = [&h](const QString &label, const QString &value) {
                h += QStringLiteral("%1: %2<br>").arg(esc(label), esc(value));
            };
            row(tr("Subject"), c.subject);
            row(tr("Issuer"), c.selfSigned ? tr("%1 (self-signed)").arg(c.issuer) : c.issuer);
            if (!c.subjectAltNames.isEmpty())
                row(tr("Names"), c.subjectAltNames.join(QStringLiteral(", ")));
            row(tr("Valid"),
                tr("%1 to %2 (%n days left)", nullptr, int(c.daysLeft))
                    .arg(c.notBefore.toString(Qt::ISODate), c.notAfter.toString(Qt::ISODate)));
            row(tr("Key"), tr("%1, %2 bits").arg(c.keyType).arg(c.keyBits));
            row(tr("SHA-256"), c.sha256);
            h += QStringLiteral("</p>");
        }
    }

    h += QStringLiteral("<h3>%1</h3><table cellpadding=\"2\">").arg(tr("Steps"));
    for (const ServerCheckStep &s : r.steps) {
        h += QStringLiteral("<tr><td align=\"right\">%1</td><td>%2</td><td align=\"right\">%3"
                            "</td></tr>")
                 .arg(tr("%1 ms").arg(s.startMs), esc(s.label), tr("%1 ms").arg(s.durationMs));
    }
    h += QStringLiteral("</table>");
    if (!r.completed)
        h += QStringLiteral("<p><b>%1</b></p>")
                 .arg(esc(tr("Stopped %1: %2").arg(r.stoppedLabel, r.message)));
    return h;
}
