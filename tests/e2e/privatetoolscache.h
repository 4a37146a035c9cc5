#pragma once

#include <QString>
#include <QStringList>

/// A cache folder of one test's own: the appliance images of @p sharedCache (linked, not
/// copied) and a tools disk built by scripts/build-appliances from this build's binaries
/// (@p toolsArguments, e.g. {"--agent", PATH, "--netproxy", PATH}), so a test never runs on
/// another build's guest agent. The folder is @p sharedCache/@p name; built again only when
/// the binaries changed. Returns the folder, or an empty string with @p error set.
QString makePrivateToolsCache(const QString &sharedCache, const QString &name, const QStringList &toolsArguments, QString *error);
