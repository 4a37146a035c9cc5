#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>

// A fake appliance build in @p cacheDir: a real (tiny) qcow2 base, placeholder kernel files.
inline bool makeTestAppliance(const QString &cacheDir, const QString &name)
{
    const QString dir = cacheDir + QStringLiteral("/appliances/") + name + QStringLiteral("/h1");
    if (!QDir().mkpath(dir))
        return false;
    for (const char *file : {"vmlinuz", "initrd.img", "appliance.ovf"}) {
        QFile f(dir + QLatin1Char('/') + QLatin1String(file));
        if (!f.open(QIODevice::WriteOnly))
            return false;
    }
    QFile info(dir + QStringLiteral("/build.json"));
    if (!info.open(QIODevice::WriteOnly))
        return false;
    info.write(R"({"cmdline": "root=/dev/vda rw", "hash": "h1", "build_seconds": 1.5})");
    info.close();
    if (QProcess::execute(QStringLiteral("qemu-img"), {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
                                                       QStringLiteral("qcow2"), dir + QStringLiteral("/base.qcow2"), QStringLiteral("16M")}) != 0)
        return false;
    return QFile::link(QStringLiteral("h1"), cacheDir + QStringLiteral("/appliances/") + name + QStringLiteral("/current"));
}
