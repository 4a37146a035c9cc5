#pragma once

// Layout errors in a Qt Quick window: text cut off without an ellipsis, items outside the window
// or their layout, squeezed buttons, overlapping siblings in a layout. Used by tst_shelllayout
// (offscreen, 1x and 2x, where each check is proven on a broken window) and tst_shell_e2e.
#include <QQuickItem>
#include <QQuickWindow>
#include <QStringList>

#include <climits>

namespace LayoutCheck {

inline QString describe(const QQuickItem *item)
{
    QString text = item->property("text").toString().left(60);
    return QStringLiteral("%1 \"%2\" %3").arg(QString::fromLatin1(item->metaObject()->className()), item->objectName(), text);
}

inline bool inherits(const QQuickItem *item, const char *className) { return item->inherits(className); }

inline bool isLayout(const QQuickItem *item)
{
    return inherits(item, "QQuickLinearLayout") || inherits(item, "QQuickGridLayout") || inherits(item, "QQuickRow")
           || inherits(item, "QQuickColumn") || inherits(item, "QQuickFlow");
}

// Finds layout errors below @p item. Items inside a Flickable's content are checked against
// each other but not against the window (they scroll).
inline void check(QQuickItem *item, const QRectF &windowRect, bool scrolled, QStringList *errors)
{
    if (!item->isVisible() || item->opacity() == 0 || item->width() <= 0 || item->height() <= 0)
        return;
    const QRectF inScene = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    if (!scrolled && !windowRect.adjusted(-1, -1, 1, 1).contains(inScene))
        errors->append(QStringLiteral("outside the window %1: %2").arg(describe(item)).arg(QString::fromLatin1("%1,%2 %3x%4")
                                                                                                 .arg(inScene.x()).arg(inScene.y())
                                                                                                 .arg(inScene.width()).arg(inScene.height())));
    if (inherits(item, "QQuickText") && !item->property("text").toString().isEmpty()) {
        const bool elides = item->property("elide").toInt() != Qt::ElideNone;
        const bool wraps = item->property("wrapMode").toInt() != 0;
        const double contentWidth = item->property("contentWidth").toDouble();
        const double contentHeight = item->property("contentHeight").toDouble();
        if (!elides && !wraps && contentWidth > item->width() + 1 && !item->clip())
            errors->append(QStringLiteral("text wider than its place (%1 > %2): %3").arg(contentWidth).arg(item->width()).arg(describe(item)));
        if (wraps && contentHeight > item->height() + 1 && item->property("maximumLineCount").toInt() == INT_MAX)
            errors->append(QStringLiteral("wrapped text taller than its place (%1 > %2): %3").arg(contentHeight).arg(item->height()).arg(describe(item)));
    }
    if (inherits(item, "QQuickAbstractButton") && item->width() + 0.5 < item->implicitWidth())
        errors->append(QStringLiteral("squeezed button (%1 < %2): %3").arg(item->width()).arg(item->implicitWidth()).arg(describe(item)));
    if (isLayout(item)) {
        QList<QQuickItem *> shown;
        for (QQuickItem *child : item->childItems()) {
            if (child->isVisible() && child->width() > 0 && child->height() > 0)
                shown.append(child);
        }
        const QRectF bounds(0, 0, item->width(), item->height());
        for (QQuickItem *child : shown) {
            const QRectF placed(child->position(), QSizeF(child->width(), child->height()));
            if (!bounds.adjusted(-1, -1, 1, 1).contains(placed))
                errors->append(QStringLiteral("beyond its layout (%1 in %2x%3): %4")
                                   .arg(QString::fromLatin1("%1,%2 %3x%4").arg(placed.x()).arg(placed.y()).arg(placed.width()).arg(placed.height()))
                                   .arg(bounds.width()).arg(bounds.height()).arg(describe(child)));
        }
        for (int i = 0; i < shown.size(); ++i)
            for (int j = i + 1; j < shown.size(); ++j) {
                const QRectF a(shown[i]->position(), QSizeF(shown[i]->width(), shown[i]->height()));
                const QRectF b(shown[j]->position(), QSizeF(shown[j]->width(), shown[j]->height()));
                const QRectF overlap = a.intersected(b);
                if (overlap.width() > 1 && overlap.height() > 1)
                    errors->append(QStringLiteral("overlapping in a layout: %1 and %2").arg(describe(shown[i]), describe(shown[j])));
            }
    }
    const bool flickable = inherits(item, "QQuickFlickable");
    for (QQuickItem *child : item->childItems())
        check(child, windowRect, scrolled || flickable, errors);
}

inline QStringList layoutErrors(QQuickWindow *window)
{
    QStringList errors;
    const QRectF windowRect(0, 0, window->width(), window->height());
    check(window->contentItem(), windowRect, false, &errors);
    errors.removeDuplicates();
    return errors;
}

} // namespace LayoutCheck
