#pragma once

#include <QString>

/// Starts and stops the `tessera-gateway` process of one appliance. The launcher binds and
/// listens on the unix socket itself and hands the listening socket to the gateway, so the
/// socket accepts QEMU's connection as soon as start() returns: no waiting, no polling.
class GatewayProcess
{
public:
    /// The gateway executable: $TESSERA_GATEWAY, else next to the running executable, else PATH.
    static QString executable();
    /// Stops a gateway left by an earlier launch (recorded in @p pidPath), then starts a new
    /// one serving @p socketPath with the policy file @p policyPath. Detached: it lives as
    /// long as QEMU's connection. On failure returns false with a reason in @p error.
    static bool start(const QString &socketPath, const QString &policyPath, const QString &pidPath, QString *error);
    /// Stops the gateway recorded in @p pidPath, if that process is a gateway.
    static void stop(const QString &pidPath);
    /// Where the policy and the pid of the gateway serving @p socketPath are kept.
    static QString policyPathFor(const QString &socketPath) { return socketPath + QStringLiteral(".json"); }
    static QString pidPathFor(const QString &socketPath) { return socketPath + QStringLiteral(".pid"); }
};
