#include "connectionprobe.h"

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <cstdlib>

ConnectionProbe ConnectionProbe::run(virConnectPtr connection)
{
    ConnectionProbe probe;
    if (!connection) {
        probe.error = QStringLiteral("not connected");
        return probe;
    }
    if (char *name = virConnectGetHostname(connection)) {
        probe.hostname = QString::fromUtf8(name);
        free(name);
    }
    virDomainPtr *domains = nullptr;
    const int count = virConnectListAllDomains(connection, &domains, 0);
    if (count < 0) {
        const virError *error = virGetLastError();
        probe.error = error && error->message ? QString::fromUtf8(error->message) : QStringLiteral("listing domains failed");
        return probe;
    }
    for (int i = 0; i < count; ++i) {
        probe.domains.append(QString::fromUtf8(virDomainGetName(domains[i])));
        virDomainFree(domains[i]);
    }
    free(domains);
    probe.domains.sort();
    return probe;
}
