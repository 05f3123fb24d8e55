// Runs tests/support/mime_oracle.py, Python's `email` package as an independent reader, over a
// message and what it should contain; returns an empty string when Python reads it back the same.
#pragma once

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

inline QString runMimeOracle(const QByteArray &bytes, const QJsonObject &expected,
                             const QString &scratchDir)
{
    const QString eml = QDir(scratchDir).filePath(QStringLiteral("oracle.eml"));
    const QString json = QDir(scratchDir).filePath(QStringLiteral("oracle.json"));
    QFile e(eml);
    if (!e.open(QIODevice::WriteOnly) || e.write(bytes) != bytes.size())
        return QStringLiteral("cannot write %1").arg(eml);
    e.close();
    QFile j(json);
    if (!j.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1").arg(json);
    j.write(QJsonDocument(expected).toJson());
    j.close();

    QProcess python;
    QSignalSpy finished(&python, &QProcess::finished);
    python.start(QStringLiteral(POSTWIRE_PYTHON),
                 {QStringLiteral(POSTWIRE_SOURCE_DIR "/tests/support/mime_oracle.py"), eml, json});
    // A 50 MB message takes Python a few seconds to parse and hash.
    [&] { QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 180000); }();
    if (finished.size() != 1)
        return QStringLiteral("the oracle did not finish");
    if (python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0)
        return QString();
    // Keep the message that failed for a look (the scratch folder goes with the test).
    const QString kept =
        QDir::temp().filePath(QStringLiteral("postwire-oracle-failed-%1.eml")
                                  .arg(QString::fromLatin1(QTest::currentDataTag())
                                           .replace(QLatin1Char(' '), QLatin1Char('_'))));
    QFile::remove(kept);
    QFile::copy(eml, kept);
    return QString::fromUtf8(python.readAllStandardError() + python.readAllStandardOutput()) +
           QStringLiteral("\n(message kept as %1)").arg(kept);
}
