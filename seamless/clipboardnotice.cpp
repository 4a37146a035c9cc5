#include "clipboardnotice.h"

#include <QFontMetrics>
#include <QGuiApplication>
#include <QPainter>
#include <QScreen>

namespace {
constexpr int Padding = 8;
constexpr int MaxTextWidth = 420;
constexpr int Gap = 4;
} // namespace

ClipboardNotice::ClipboardNotice(QWindow *parent) : QRasterWindow(parent)
{
    setFlags(Qt::ToolTip | Qt::FramelessWindowHint | Qt::WindowDoesNotAcceptFocus | Qt::WindowTransparentForInput);
    m_hide.setSingleShot(true);
    m_hide.setInterval(ShowMs);
    connect(&m_hide, &QTimer::timeout, this, &QWindow::hide);
}

void ClipboardNotice::showNotice(const QString &text, const QRect &hostFrame)
{
    m_text = text;
    const QFontMetrics metrics(QGuiApplication::font());
    const QRect bounds = metrics.boundingRect(QRect(0, 0, MaxTextWidth, 1000), Qt::TextWordWrap, text);
    // Just outside the window, below it (above when that leaves the screen): host
    // chrome, never over the guest's pixels, where a guest could draw a look-alike.
    const QSize size = bounds.size() + QSize(2 * Padding, 2 * Padding);
    QRect rect(hostFrame.bottomLeft() + QPoint(0, Gap + 1), size);
    const QScreen *screen = QGuiApplication::screenAt(hostFrame.center());
    if (screen && !screen->availableGeometry().contains(rect))
        rect.moveBottomLeft(hostFrame.topLeft() - QPoint(0, Gap + 1));
    setGeometry(rect);
    show();
    raise();
    update();
    m_hide.start();
}

void ClipboardNotice::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(QRect(QPoint(), size()), QColor(0x20, 0x20, 0x20));
    p.setPen(QColor(0xf0, 0xf0, 0xf0));
    p.drawText(QRect(QPoint(), size()).adjusted(Padding, Padding, -Padding, -Padding), Qt::TextWordWrap, m_text);
}
