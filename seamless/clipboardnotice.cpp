#include "clipboardnotice.h"

#include <QFontMetrics>
#include <QGuiApplication>
#include <QPainter>

namespace {
constexpr int Padding = 8;
constexpr int MaxTextWidth = 420;
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
    // Inside the window's border, where the person just pressed the chord.
    setGeometry(QRect(hostFrame.topLeft() + QPoint(12, 12), bounds.size() + QSize(2 * Padding, 2 * Padding)));
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
