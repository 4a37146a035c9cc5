#pragma once

#include <QMetaType>
#include <QStringList>

struct _virConnect;

/// What an open connection reports about its host: its name and the domains (virtual
/// machines) defined there. Read on the connection's worker thread.
class ConnectionProbe
{
public:
    QString hostname;
    QStringList domains; ///< sorted names, running or not
    QString error;       ///< libvirt's message when listing failed, else empty

    /// Lists what @p connection offers; blocking, so only inside LibvirtConnection::call().
    static ConnectionProbe run(_virConnect *connection);
};

Q_DECLARE_METATYPE(ConnectionProbe)
