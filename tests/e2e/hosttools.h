#pragma once

#include <QByteArray>
#include <QRect>
#include <QString>
#include <QStringList>

// Asking the host's X server about windows with the X tools (xwininfo, xprop), as a person
// would, rather than through Qt's own idea of its windows.

/// Runs @p program on the host and returns its standard output ("" if it took over 15 s).
QByteArray runHostTool(const QString &program, const QStringList &arguments);

/// The absolute geometry in the output of `xwininfo` (-99999 for a field it lacks).
QRect geometryFromXwininfo(const QString &xwininfoOutput);
