#include "tesserapaths.h"

#include <QDir>
#include <QFile>
#include <QSettings>

#include <unistd.h>

namespace {

QString fromEnvOr(const char *name, const QString &fallback)
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? fallback : value;
}

QString xdgDir(const char *variable, const QString &homeRelative)
{
    return fromEnvOr(variable, QDir::homePath() + homeRelative);
}

} // namespace

QString TesseraPaths::cacheDir()
{
    return fromEnvOr("TESSERA_CACHE_DIR", xdgDir("XDG_CACHE_HOME", QStringLiteral("/.cache")) + QStringLiteral("/tessera"));
}

QString TesseraPaths::dataDir()
{
    return fromEnvOr("TESSERA_DATA_DIR", xdgDir("XDG_DATA_HOME", QStringLiteral("/.local/share")) + QStringLiteral("/tessera"));
}

QString TesseraPaths::runtimeDir()
{
    const QString xdgRuntime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    const QString dir = xdgRuntime.isEmpty() ? QStringLiteral("/tmp/tessera-%1").arg(getuid())
                                             : xdgRuntime + QStringLiteral("/tessera");
    if (QDir().mkpath(dir))
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return dir;
}

QString TesseraPaths::instanceDir(const QString &applianceName)
{
    return dataDir() + QStringLiteral("/instances/") + applianceName;
}

QString TesseraPaths::personalStoreDir()
{
    const QString configured = QSettings().value(QStringLiteral("store/location")).toString();
    return fromEnvOr("TESSERA_STORE_DIR", configured.isEmpty() ? dataDir() + QStringLiteral("/store") : configured);
}
