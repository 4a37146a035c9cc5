#include "connectionsettings.h"

#include "tesserapaths.h"

#include <QDir>
#include <QSaveFile>
#include <QSettings>
#include <QUrlQuery>
#include <QUrl>

#include <unistd.h>

namespace {

QString firstNonEmpty(std::initializer_list<QString> candidates)
{
    for (const QString &candidate : candidates) {
        if (!candidate.isEmpty())
            return candidate;
    }
    return {};
}

} // namespace

ConnectionSettings ConnectionSettings::resolve(const QString &uriOverride, const QString &accelOverride)
{
    const QSettings settings;
    ConnectionSettings resolved;
    resolved.uri = firstNonEmpty({uriOverride, qEnvironmentVariable("TESSERA_URI"),
                                  settings.value(QStringLiteral("connection/uri")).toString(), defaultUri()});
    resolved.accelerator = Accelerator::choose(firstNonEmpty(
        {accelOverride, qEnvironmentVariable("TESSERA_ACCEL"), settings.value(QStringLiteral("connection/accelerator")).toString()}));
    return resolved;
}

QString ConnectionSettings::defaultUri()
{
    if (geteuid() != 0)
        return QStringLiteral("qemu:///session");
    // As root qemu:///session would mean the system daemon, which may not run.
    return QStringLiteral("qemu:///embed?root=") + TesseraPaths::embeddedLibvirtRoot();
}

bool ConnectionSettings::isEmbedded(const QString &uri)
{
    return uri.startsWith(QLatin1String("qemu:///embed"));
}

bool ConnectionSettings::prepareEmbeddedRoot(const QString &uri)
{
    const QString root = QUrlQuery(QUrl(uri)).queryItemValue(QStringLiteral("root"), QUrl::FullyDecoded);
    if (root.isEmpty())
        return false;
    const QString confPath = root + QStringLiteral("/etc/qemu.conf");
    if (QFile::exists(confPath))
        return true;
    if (!QDir().mkpath(root + QStringLiteral("/etc")))
        return false;
    QSaveFile conf(confPath);
    if (!conf.open(QIODevice::WriteOnly))
        return false;
    // No virtlogd daemon in embedded mode. As root, QEMU would otherwise run as
    // libvirt-qemu, which cannot reach images under root's home.
    conf.write("stdio_handler = \"file\"\n");
    conf.write("remember_owner = 0\n");
    if (geteuid() == 0)
        conf.write("user = \"root\"\ngroup = \"root\"\n");
    return conf.commit();
}

bool ConnectionSettings::isPrivileged(const QString &uri)
{
    const QUrl url(uri);
    return url.scheme().startsWith(QLatin1String("qemu")) && url.path() == QLatin1String("/system");
}
