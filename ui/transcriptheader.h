// The column captions above the transcript list (time since connect, server latency, line),
// aligned with the columns TranscriptDelegate paints.
#pragma once

#include <QWidget>

class TranscriptHeader : public QWidget
{
    Q_OBJECT
public:
    explicit TranscriptHeader(QWidget *parent = nullptr);
    // The font the list uses, so the columns line up.
    void setColumnFont(const QFont &font);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QFont m_columnFont;
};
