#include "tesserapaths.h"

#include "runtimedirectory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

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

QString TesseraPaths::runtimeDir(QString *error)
{
    const PrivateDirectory dir = RuntimeDirectory::locate(qEnvironmentVariable("XDG_RUNTIME_DIR"), dataDir());
    if (!dir.isValid() && error)
        *error = dir.errorString();
    return dir.path();
}

bool TesseraPaths::isInRuntimeDir(const QString &path, QString *error)
{
    const QString dir = runtimeDir(error);
    if (dir.isEmpty())
        return false;
    if (QFileInfo(path).path() != dir) {
        *error = QCoreApplication::translate("TesseraPaths", "“%1” is not in Tessera's runtime folder “%2” any more. Restart Tessera.")
                     .arg(path, dir);
        return false;
    }
    return true;
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
