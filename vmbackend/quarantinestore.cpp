#include "quarantinestore.h"

#include "readystate.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace {

constexpr qint64 MaxRecordBytes = 1024 * 1024;

} // namespace

QuarantineStore::QuarantineStore(const QString &instanceDir)
    : m_instanceDir(instanceDir)
{
}

bool QuarantineStore::validId(const QString &id)
{
    if (id.isEmpty() || id.size() > 40)
        return false;
    return std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c == QLatin1Char('-');
    });
}

QList<QuarantineRecord> QuarantineStore::list() const
{
    QList<QuarantineRecord> records;
    const QStringList names = QDir(directory()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : names) {
        QuarantineRecord record;
        if (validId(name) && read(name, &record))
            records.append(record);
    }
    std::sort(records.begin(), records.end(), [](const QuarantineRecord &a, const QuarantineRecord &b) { return a.time < b.time; });
    return records;
}

bool QuarantineStore::contains(const QString &id) const
{
    return validId(id) && QFileInfo(folder(id)).isDir() && !QFileInfo(folder(id)).isSymLink();
}

bool QuarantineStore::read(const QString &id, QuarantineRecord *record) const
{
    if (!contains(id))
        return false;
    QFile file(recordPath(id));
    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxRecordBytes)
        return false;
    return QuarantineRecord::fromJson(QJsonDocument::fromJson(file.readAll()).object(), record) && record->id == id;
}

VmError QuarantineStore::purge(const QString &id) const
{
    if (!contains(id))
        return VmError(VmError::DiskFailed, tr("There is no quarantine “%1”. List the quarantines with “tessera-ctl quarantine APPLIANCE”.").arg(id));
    const QString purging = folder(id) + QStringLiteral(".purging");
    QDir(purging).removeRecursively();
    if (::rename(QFile::encodeName(folder(id)).constData(), QFile::encodeName(purging).constData()) != 0)
        return VmError(VmError::DiskFailed, tr("Could not delete the quarantine. Check the permissions of the appliance's folder and try again."),
                       QString::fromLocal8Bit(strerror(errno)));
    ReadyState::sync(directory(), true);
    QDir(purging).removeRecursively();
    return {};
}

void QuarantineStore::removeLeftovers() const
{
    const QStringList names = QDir(directory()).entryList({QStringLiteral("*.purging")}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : names)
        QDir(directory() + QLatin1Char('/') + name).removeRecursively();
}
