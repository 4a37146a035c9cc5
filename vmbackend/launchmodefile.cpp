#include "launchmodefile.h"

#include "readystate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>

bool LaunchModeFile::keepsChanges(const QString &instanceDir)
{
    QFile file(path(instanceDir));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(64).trimmed() == "keep";
}

VmError LaunchModeFile::save(const QString &instanceDir, bool keepChanges)
{
    const QString message = QCoreApplication::translate("LaunchModeFile", "Could not save the appliance's launch mode. Check that your data folder is writable.");
    if (!QDir().mkpath(instanceDir))
        return VmError(VmError::DiskFailed, message, instanceDir);
    QSaveFile file(path(instanceDir));
    if (!file.open(QIODevice::WriteOnly))
        return VmError(VmError::DiskFailed, message, file.errorString());
    file.write(keepChanges ? "keep\n" : "fresh\n");
    if (!file.commit())
        return VmError(VmError::DiskFailed, message, file.errorString());
    ReadyState::sync(instanceDir, true);
    return {};
}
