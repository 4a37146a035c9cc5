#include "seamlessgeometry.h"

#include <QtMath>

namespace SeamlessGeometry {

QRect hostFrame(const QRect &guest, const QPoint &origin, int frame)
{
    return guest.translated(origin).adjusted(-frame, -frame, frame, frame);
}

QRect guestGeometry(const QRect &host, const QPoint &origin, int frame)
{
    return host.adjusted(frame, frame, -frame, -frame).translated(-origin);
}

QRect popupFrame(const QRect &popup, const QRect &parentGuest, const QRect &parentHost, int frame)
{
    const QPoint parentContent = parentHost.topLeft() + QPoint(frame, frame);
    const QPoint offset = popup.topLeft() - parentGuest.topLeft();
    return QRect(parentContent + offset, popup.size()).adjusted(-frame, -frame, frame, frame);
}

namespace {
// Distance along one axis that moves [lo, lo+len) into [min, min+span).
int shiftInto(int lo, int len, int min, int span)
{
    if (len >= span || lo < min)
        return min - lo; // too big: keep the start (title side) visible
    const int over = lo + len - (min + span);
    return over > 0 ? -over : 0;
}

qint64 overlap(const QRect &a, const QRect &b)
{
    const QRect i = a.intersected(b);
    return i.isEmpty() ? 0 : qint64(i.width()) * i.height();
}

qint64 distance2(const QRect &a, const QRect &b)
{
    const qint64 dx = qMax(0, qMax(b.left() - a.right(), a.left() - b.right()));
    const qint64 dy = qMax(0, qMax(b.top() - a.bottom(), a.top() - b.bottom()));
    return dx * dx + dy * dy;
}
} // namespace

QRect keepOnScreen(const QRect &host, const QList<QRect> &screens)
{
    if (screens.isEmpty())
        return host;
    // The screen the window overlaps most; when it overlaps none, the nearest.
    const QRect *best = nullptr;
    qint64 bestOverlap = 0;
    for (const QRect &s : screens) {
        const qint64 o = overlap(host, s);
        if (o > bestOverlap) {
            bestOverlap = o;
            best = &s;
        }
    }
    if (!best) {
        qint64 bestDistance = -1;
        for (const QRect &s : screens) {
            const qint64 d = distance2(host, s);
            if (bestDistance < 0 || d < bestDistance) {
                bestDistance = d;
                best = &s;
            }
        }
    }
    const int dx = shiftInto(host.x(), host.width(), best->x(), best->width());
    const int dy = shiftInto(host.y(), host.height(), best->y(), best->height());
    return host.translated(dx, dy);
}

QRect localDamage(const QRect &guest, const QRect &damage)
{
    const QRect hit = guest.intersected(damage);
    return hit.isEmpty() ? QRect() : hit.translated(-guest.topLeft());
}

QPoint toGuest(const QPointF &local, const QRect &guest)
{
    if (guest.isEmpty())
        return guest.topLeft();
    const int x = qBound(0, qFloor(local.x()), guest.width() - 1);
    const int y = qBound(0, qFloor(local.y()), guest.height() - 1);
    return guest.topLeft() + QPoint(x, y);
}

} // namespace SeamlessGeometry
