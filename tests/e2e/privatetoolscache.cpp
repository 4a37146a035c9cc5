#include "privatetoolscache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

QString makePrivateToolsCache(const QString &sharedCache, const QString &name, const QStringList &toolsArguments, QString *error)
{
    const QString cache = sharedCache + QLatin1Char('/') + name;
    if (!QDir().mkpath(cache)) {
        *error = QStringLiteral("cannot create %1").arg(cache);
        return {};
    }
    const QString images = cache + QStringLiteral("/appliances");
    if (!QFileInfo(images).isSymLink() && !QFile::link(sharedCache + QStringLiteral("/appliances"), images)) {
        *error = QStringLiteral("cannot link %1").arg(images);
        return {};
    }
    QProcess build;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TESSERA_CACHE_DIR"), cache);
    build.setProcessEnvironment(environment);
    build.setProcessChannelMode(QProcess::MergedChannels);
    build.start(QStringLiteral(TESSERA_SOURCE_DIR "/scripts/build-appliances"), QStringList{QStringLiteral("--tools-only")} + toolsArguments);
    // A tools disk takes seconds; minutes only on a machine loaded by other VMs.
    if (!build.waitForFinished(300000) || build.exitStatus() != QProcess::NormalExit || build.exitCode() != 0) {
        *error = QStringLiteral("scripts/build-appliances --tools-only failed: %1").arg(QString::fromLocal8Bit(build.readAll()));
        return {};
    }
    return cache;
}
