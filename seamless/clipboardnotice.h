#pragma once

#include <QRasterWindow>
#include <QTimer>

/// A short-lived notice beside a seamless window ("Copied from Terminal"),
/// drawn by the host: a frameless tool-tip window that takes no focus and
/// hides itself after a few seconds.
class ClipboardNotice : public QRasterWindow
{
    Q_OBJECT

public:
    explicit ClipboardNotice(QWindow *parent = nullptr);

    /// How long a notice stays.
    static constexpr int ShowMs = 3000;

    /// Shows @p text just below @p hostFrame (host desktop coordinates; above
    /// it when below is off-screen), replacing any notice shown before.
    void showNotice(const QString &text, const QRect &hostFrame);
    QString text() const { return m_text; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
    QTimer m_hide;
};
