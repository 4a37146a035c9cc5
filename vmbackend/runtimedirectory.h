#pragma once

#include "privatedirectory.h"

#include <QCoreApplication>
#include <QString>

/**
 * Finds (or makes) the runtime folder of one data folder: where the SPICE and gateway sockets,
 * the gateways' policy and pid files and the ssh masters' control sockets live. Every Tessera
 * process of the same user and data folder (the shell, tessera-ctl, the gateways, a restarted
 * shell reattaching to running appliances) finds the same folder, and no other user can have
 * made it or anything in it:
 *
 * 1. `$XDG_RUNTIME_DIR/tessera/KEY` (KEY: a short hash of the data folder), when
 *    XDG_RUNTIME_DIR is a folder of ours with mode 0700, not a link, below folders only root or
 *    we can change (sudo may pass on another user's: then it is not used);
 * 2. else `DATA/run`, a private folder in the data folder (which must be safe the same way);
 * 3. when `DATA/run` is too long for socket paths (sockaddr_un holds 107 bytes), a
 *    `/tmp/tessera-XXXXXX` made by mkdtemp, named by the link `DATA/run/sockets`; a named folder
 *    that is gone (after a reboot) or is no longer ours is replaced by a new one.
 *
 * Each candidate is checked with PrivateDirectory at every use (owner, mode, not a link).
 */
class RuntimeDirectory
{
    Q_DECLARE_TR_FUNCTIONS(RuntimeDirectory)

public:
    /// Longest runtime folder path: leaves room for NAME.gateway and an ssh master's
    /// NAME.ssh.XXXXXXXXXXXXXXXX (appliance names have at most 32 characters) in sun_path.
    static constexpr int MaximumPathLength = 50;

    /// The runtime folder for @p dataDir, given @p xdgRuntimeDir (may be empty). Invalid, with
    /// its errorString() for people, when no safe folder can be had.
    static PrivateDirectory locate(const QString &xdgRuntimeDir, const QString &dataDir);

private:
    static PrivateDirectory underXdgRuntimeDir(const QString &xdgRuntimeDir, const QString &dataDir, QString *why);
    static PrivateDirectory namedShortFolder(const PrivateDirectory &run);
};
