#pragma once

#include <QList>
#include <QPoint>
#include <QPointF>
#include <QRect>

/// Where a guest window goes on the host, and which part of a damaged guest
/// rectangle lands in it. Pure functions, so the mapping is tested as a table.
///
/// A host window is the guest window's content (one guest pixel per logical
/// host pixel; Qt scales by devicePixelRatio) inside a host-drawn frame of
/// @c frame pixels on every side.
namespace SeamlessGeometry {

/// Width of the host-drawn trust border, in logical pixels.
constexpr int FrameWidth = 3;

/// Host frame rectangle for @p guest (guest pixels) with the appliance's
/// guest origin at @p origin on the host desktop.
QRect hostFrame(const QRect &guest, const QPoint &origin, int frame = FrameWidth);

/// Guest geometry that a host frame at @p host asks for (inverse of hostFrame()).
QRect guestGeometry(const QRect &host, const QPoint &origin, int frame = FrameWidth);

/// A popup (menu, tooltip, transient) placed relative to its parent: the host
/// frame of @p popup when its parent @p parentGuest is shown with its host
/// frame at @p parentHost. Keeps the offset the guest chose.
QRect popupFrame(const QRect &popup, const QRect &parentGuest, const QRect &parentHost, int frame = FrameWidth);

/// @p host moved the least distance so that it lies on one of @p screens
/// (available geometries): the screen it overlaps most, else the nearest.
/// A frame larger than the screen keeps its top-left corner on it.
/// Unchanged when @p screens is empty.
QRect keepOnScreen(const QRect &host, const QList<QRect> &screens);

/// The part of guest rectangle @p damage inside guest window @p guest, in
/// the window's content coordinates (0,0 = the window's top-left guest pixel);
/// empty when the damage misses the window.
QRect localDamage(const QRect &guest, const QRect &damage);

/// Guest pixel under content position @p local of window @p guest, clamped
/// to the window.
QPoint toGuest(const QPointF &local, const QRect &guest);

} // namespace SeamlessGeometry
