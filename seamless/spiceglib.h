// Internal: the one way to include spice-client-glib, from .cpp files only.
// GLib's headers use "signals" as an identifier, which Qt defines as a
// keyword macro; hide the macro while they are parsed.
#pragma once

#pragma push_macro("signals")
#undef signals
#include <spice-client.h>
#pragma pop_macro("signals")
