#pragma once

#include <QByteArray>
#include <QRect>
#include <QSize>
#include <QString>

/// The limits on guest window data, in one place. Pure functions: the guest
/// is hostile, so every text and number it reports about a window passes
/// through here before the host keeps or shows it.
namespace GuestWindowSanitizer {

constexpr int MaxTitleBytes = 128;
constexpr int MaxClassBytes = 64;
constexpr int MinSize = 1;
constexpr int MaxSize = 16384;
constexpr int MaxCoordinate = 32768;
/// Override-redirect windows covering at least this share of the screen are demoted.
constexpr double MaxOverrideRedirectCoverage = 0.9;

/// UTF-8 from the guest to printable text of at most @p maxBytes bytes of
/// UTF-8: invalid sequences, control and format characters (among them the
/// bidi controls U+202A–U+202E and U+2066–U+2069), surrogates, private-use
/// and unassigned code points are removed; truncation keeps whole characters.
QString text(const QByteArray &utf8, int maxBytes);
inline QString title(const QByteArray &utf8) { return text(utf8, MaxTitleBytes); }
inline QString appClass(const QByteArray &utf8) { return text(utf8, MaxClassBytes); }

/// x and y clamped to ±MaxCoordinate, width and height to MinSize…MaxSize.
QRect geometry(qint64 x, qint64 y, qint64 width, qint64 height);

/// Whether @p rect covers at least MaxOverrideRedirectCoverage of a screen of
/// @p screen size (false when the screen size is unknown).
bool coversScreen(const QRect &rect, const QSize &screen);

} // namespace GuestWindowSanitizer
