#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>
#include <QStringList>

#include "domainspec.h"

class SpiceConnection;

/// Drives a real guest from a test through Tessera's own SPICE code: runs commands through
/// the agent, types through the SPICE keyboard, measures the framebuffer. Every wait has a
/// deadline and returns false (with a reason in lastFailure()) instead of hanging.
class GuestDriver
{
public:
    explicit GuestDriver(SpiceConnection *connection) : m_connection(connection) {}

    struct ExecResult { bool finished = false; int status = -1; QByteArray output; };

    bool waitForSessionUp(int timeoutMs);
    ExecResult exec(const QStringList &argv, int timeoutMs = 40000);
    /// Mounts @p folders in the guest as the shell does (GuestMountPlan through the agent's Exec).
    bool mountSharedFolders(const QList<SharedFolder> &folders);
    /// Types @p text (lower-case letters, digits, space, . / > - and \n) on the guest keyboard.
    bool type(const QString &text);
    /// Fraction of pixels in @p region of the current frame that are near-white.
    double whiteFraction(const QRect &region) const;
    QString lastFailure() const { return m_lastFailure; }

private:
    SpiceConnection *m_connection;
    QString m_lastFailure;
};
