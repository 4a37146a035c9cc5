#pragma once

#include <QColor>
#include <QImage>

/// The host window icon of a seamless window: the guest's icon drawn inside a
/// frame in the appliance's trust colour, so no guest can show Tessera's own
/// icon or another appliance's in the taskbar or the window switcher.
class SeamlessIconBadge
{
public:
    static constexpr int Size = 64;  ///< side of the composed icon
    static constexpr int Frame = 8;  ///< trust-colour frame around the guest's icon
    static constexpr int Inner = Size - 2 * Frame; ///< the guest's area (48 px)

    /// The composed icon: a Size × Size image, the outer Frame pixels in
    /// @p trust, the guest's @p icon scaled to fit Inner × Inner (a 48 px
    /// icon is drawn 1:1) and centred on a light backdrop. A null @p icon
    /// gives a null image (the window keeps the application's icon).
    static QImage compose(const QImage &icon, const QColor &trust);
};
