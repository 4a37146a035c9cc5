#include "seamlessiconbadge.h"

#include <QPainter>

QImage SeamlessIconBadge::compose(const QImage &icon, const QColor &trust)
{
    if (icon.isNull())
        return {};
    QImage out(Size, Size, QImage::Format_ARGB32_Premultiplied);
    out.fill(trust.rgb()); // opaque: the frame never lets anything show through
    QPainter p(&out);
    const QRect inner(Frame, Frame, Inner, Inner);
    // The guest's transparent pixels show this backdrop, never the frame colour.
    p.fillRect(inner, QColor(0xf4, 0xf4, 0xf4));
    const QSize fitted = icon.size().scaled(inner.size(), Qt::KeepAspectRatio);
    const QRect target(inner.x() + (Inner - fitted.width()) / 2, inner.y() + (Inner - fitted.height()) / 2,
                       fitted.width(), fitted.height());
    p.setRenderHint(QPainter::SmoothPixmapTransform, fitted != icon.size());
    p.setClipRect(inner);
    p.drawImage(target, icon);
    p.end();
    return out.convertToFormat(QImage::Format_ARGB32);
}
