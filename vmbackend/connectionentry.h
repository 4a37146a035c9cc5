#pragma once

#include <QString>

/// One libvirt connection the user named: "This computer" or a remote host such as
/// "build-server" = qemu+ssh://me@build-server/system.
struct ConnectionEntry
{
    QString name;
    QString uri;

    bool operator==(const ConnectionEntry &other) const { return name == other.name && uri == other.uri; }
};
