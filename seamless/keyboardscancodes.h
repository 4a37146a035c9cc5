#pragma once

#include <QtGlobal>

/// Translates host key codes to the scancodes SPICE sends to the guest:
/// PC XT scancode set 1 make codes, where a key with an E0 prefix is its
/// second byte ORed with 0x100 (spice-glib's convention for
/// spice_inputs_channel_key_press()). 0 means "no such key".
class KeyboardScancodes
{
public:
    /// Flag marking an E0-prefixed (extended) scancode.
    static constexpr quint32 Extended = 0x100;

    /// Scancode for a Linux evdev key code (KEY_* in linux/input-event-codes.h).
    static quint32 fromEvdev(quint32 evdevCode);
    /// Scancode for an X11 key code as QKeyEvent::nativeScanCode() reports it
    /// on xcb and Wayland (evdev code + 8).
    static quint32 fromXKeycode(quint32 xKeycode);
    /// Whether @p scancode is one SpiceConnection::sendKey() accepts: a make
    /// code 0x01..0x7f, optionally with Extended.
    static bool isValid(quint32 scancode);
};
