#include "abouttessera.h"

#include "libvirtconnection.h"
#include "spiceconnection.h"

#include <QCoreApplication>
#include <QVariantMap>

QString AboutTessera::version() const
{
    return QCoreApplication::applicationVersion();
}

QVariantList AboutTessera::components() const
{
    const auto component = [](const QString &name, const QString &version, const QString &licence) {
        return QVariantMap{{QStringLiteral("name"), name}, {QStringLiteral("version"), version}, {QStringLiteral("licence"), licence}};
    };
    return {
        component(QStringLiteral("Qt"), QString::fromLatin1(qVersion()), QStringLiteral("LGPL-3.0-only")),
        component(QStringLiteral("libvirt"), LibvirtConnection::libraryVersion(), QStringLiteral("LGPL-2.1-or-later")),
        component(QStringLiteral("spice-client-glib"), SpiceConnection::libraryVersion(), QStringLiteral("LGPL-2.1-or-later")),
        component(QStringLiteral("QEMU"), QString(), QStringLiteral("GPL-2.0-only")),
    };
}
