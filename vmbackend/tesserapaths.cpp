#include "tesserapaths.h"

#include <QCryptographicHash>
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
    const QString base = xdgRuntime.isEmpty() ? QStringLiteral("/tmp/tessera-%1").arg(getuid())
                                              : xdgRuntime + QStringLiteral("/tessera");
    // Keyed by the data folder: two shells (or a shell and a test run) with
    // different data folders must never replace each other's sockets.
    const QByteArray dataKey = QCryptographicHash::hash(QDir::cleanPath(dataDir()).toUtf8(), QCryptographicHash::Sha256)
                                   .toHex()
                                   .left(12);
    const QString dir = base + QLatin1Char('/') + QString::fromLatin1(dataKey);
    const QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
    if (QDir().mkpath(dir)) {
        QFile::setPermissions(base, ownerOnly);
        QFile::setPermissions(dir, ownerOnly);
    }
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
