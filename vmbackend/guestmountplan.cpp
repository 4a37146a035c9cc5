#include "guestmountplan.h"

#include <QDir>

#include <algorithm>

namespace {

// $1 tag, $2 target, $3 options. `mountpoint` and `mount` are in every Debian base system.
const QString MountScript = QStringLiteral("mountpoint -q \"$2\" || { mkdir -p -- \"$2\" && mount -t 9p -o \"$3\" -- \"$1\" \"$2\"; }");

} // namespace

QString GuestMountPlan::optionsFor(const SharedFolder &folder)
{
    QString options = QStringLiteral("trans=virtio,version=9p2000.L,msize=262144,nosuid,nodev");
    if (folder.readOnly)
        options += QStringLiteral(",ro");
    return options;
}

QStringList GuestMountPlan::commandFor(const SharedFolder &folder)
{
    return {QStringLiteral("/bin/sh"), QStringLiteral("-c"), MountScript, QStringLiteral("tessera-mount"), folder.tag,
            folder.guestTarget, optionsFor(folder)};
}

QList<QStringList> GuestMountPlan::commandsFor(const QList<SharedFolder> &folders)
{
    QList<SharedFolder> valid;
    std::copy_if(folders.cbegin(), folders.cend(), std::back_inserter(valid),
                 [](const SharedFolder &folder) { return validTag(folder.tag) && validTarget(folder.guestTarget); });
    // Fewer path segments first: /root/Documents before /root/Documents/Taxes.
    std::stable_sort(valid.begin(), valid.end(), [](const SharedFolder &a, const SharedFolder &b) {
        return a.guestTarget.count(QLatin1Char('/')) < b.guestTarget.count(QLatin1Char('/'));
    });
    QList<QStringList> commands;
    for (const SharedFolder &folder : std::as_const(valid))
        commands.append(commandFor(folder));
    return commands;
}

bool GuestMountPlan::validTarget(const QString &target)
{
    if (!target.startsWith(QLatin1Char('/')) || target == QLatin1String("/") || QDir::cleanPath(target) != target)
        return false;
    if (target.split(QLatin1Char('/')).contains(QLatin1String("..")))
        return false;
    return std::none_of(target.cbegin(), target.cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
}

bool GuestMountPlan::validTag(const QString &tag)
{
    if (tag.isEmpty() || tag.toUtf8().size() > 31)
        return false;
    return std::all_of(tag.cbegin(), tag.cend(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_') || c == QLatin1Char('-');
    });
}
