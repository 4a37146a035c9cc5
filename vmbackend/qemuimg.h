#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

/// Runs QEMU's qemu-img, the one tool that creates, rebases and reads Tessera's qcow2 files.
///
/// Blocking: call it on a worker thread, never on the GUI thread. A qemu-img started here
/// dies with the thread that started it, so a shell killed with kill -9 leaves no qemu-img
/// still writing a disk that the next start's crash recovery is about to repair.
class QemuImg
{
public:
    /// Runs `qemu-img ARGUMENTS` for at most @p timeoutMs. Returns whether it ran and exited
    /// with 0; @p output gets up to @p maxOutput bytes of its standard output, and
    /// @p errorText what went wrong otherwise.
    static bool run(const QStringList &arguments, int timeoutMs, QByteArray *output = nullptr,
                    QString *errorText = nullptr, qint64 maxOutput = 256 * 1024 * 1024);
};
