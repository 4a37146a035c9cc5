#include "keyboardscancodes.h"

namespace {
struct Mapping
{
    quint16 evdev;
    quint16 scancode;
};

constexpr quint32 E0 = KeyboardScancodes::Extended;

// Keys past the block where evdev codes equal XT set 1 (see fromEvdev()).
// Values follow what a PC keyboard sends in set 1; E0 keys carry E0.
constexpr Mapping extendedKeys[] = {
    {85, 0x76},        // KEY_ZENKAKUHANKAKU: not identity, XT 0x76
    {89, 0x73},        // KEY_RO
    {90, 0x78},        // KEY_KATAKANA
    {91, 0x77},        // KEY_HIRAGANA
    {92, 0x79},        // KEY_HENKAN
    {93, 0x70},        // KEY_KATAKANAHIRAGANA
    {94, 0x7b},        // KEY_MUHENKAN
    {95, 0x5c},        // KEY_KPJPCOMMA
    {96, E0 | 0x1c},   // KEY_KPENTER
    {97, E0 | 0x1d},   // KEY_RIGHTCTRL
    {98, E0 | 0x35},   // KEY_KPSLASH
    {99, E0 | 0x37},   // KEY_SYSRQ (Print Screen)
    {100, E0 | 0x38},  // KEY_RIGHTALT (AltGr)
    {102, E0 | 0x47},  // KEY_HOME
    {103, E0 | 0x48},  // KEY_UP
    {104, E0 | 0x49},  // KEY_PAGEUP
    {105, E0 | 0x4b},  // KEY_LEFT
    {106, E0 | 0x4d},  // KEY_RIGHT
    {107, E0 | 0x4f},  // KEY_END
    {108, E0 | 0x50},  // KEY_DOWN
    {109, E0 | 0x51},  // KEY_PAGEDOWN
    {110, E0 | 0x52},  // KEY_INSERT
    {111, E0 | 0x53},  // KEY_DELETE
    {113, E0 | 0x20},  // KEY_MUTE
    {114, E0 | 0x2e},  // KEY_VOLUMEDOWN
    {115, E0 | 0x30},  // KEY_VOLUMEUP
    {116, E0 | 0x5e},  // KEY_POWER
    {117, 0x59},       // KEY_KPEQUAL
    {119, E0 | 0x46},  // KEY_PAUSE: QEMU expands E0 46 to the E1 sequence
    {121, 0x7e},       // KEY_KPCOMMA
    {123, E0 | 0x0d},  // KEY_HANJA
    {124, 0x7d},       // KEY_YEN
    {125, E0 | 0x5b},  // KEY_LEFTMETA
    {126, E0 | 0x5c},  // KEY_RIGHTMETA
    {127, E0 | 0x5d},  // KEY_COMPOSE (Menu)
    {128, E0 | 0x68},  // KEY_STOP
    {140, E0 | 0x21},  // KEY_CALC
    {142, E0 | 0x5f},  // KEY_SLEEP
    {143, E0 | 0x63},  // KEY_WAKEUP
    {155, E0 | 0x6c},  // KEY_MAIL
    {156, E0 | 0x66},  // KEY_BOOKMARKS
    {157, E0 | 0x6b},  // KEY_COMPUTER
    {158, E0 | 0x6a},  // KEY_BACK
    {159, E0 | 0x69},  // KEY_FORWARD
    {163, E0 | 0x19},  // KEY_NEXTSONG
    {164, E0 | 0x22},  // KEY_PLAYPAUSE
    {165, E0 | 0x10},  // KEY_PREVIOUSSONG
    {166, E0 | 0x24},  // KEY_STOPCD
    {172, E0 | 0x32},  // KEY_HOMEPAGE
    {173, E0 | 0x67},  // KEY_REFRESH
    {183, 0x5d},       // KEY_F13
    {184, 0x5e},       // KEY_F14
    {185, 0x5f},       // KEY_F15
    {217, E0 | 0x65},  // KEY_SEARCH
    {226, E0 | 0x6d},  // KEY_MEDIA
};

// Above this code evdev and set 1 part ways.
constexpr quint32 LastIdentityCode = 88; // KEY_F12
} // namespace

quint32 KeyboardScancodes::fromEvdev(quint32 evdevCode)
{
    for (const Mapping &m : extendedKeys) {
        if (m.evdev == evdevCode)
            return m.scancode;
    }
    // Linux numbered its first 88 key codes after the XT set 1 scancodes.
    if (evdevCode >= 1 && evdevCode <= LastIdentityCode)
        return evdevCode;
    return 0;
}

quint32 KeyboardScancodes::fromXKeycode(quint32 xKeycode)
{
    constexpr quint32 XOffset = 8;
    return xKeycode > XOffset ? fromEvdev(xKeycode - XOffset) : 0;
}

bool KeyboardScancodes::isValid(quint32 scancode)
{
    const quint32 code = scancode & ~Extended;
    return code >= 0x01 && code <= 0x7f;
}
