#pragma once

#include <QMetaType>
#include <QString>

/// A failure the user can act on: a kind for code, a translated message that says what
/// happened and what to do, and the raw details (libvirt's or QEMU's text) for a "Details" view.
class VmError
{
public:
    enum Kind {
        None,
        ConnectionFailed,   ///< could not open the libvirt connection
        ImageMissing,       ///< the appliance has not been built, or its files are gone
        DiskFailed,         ///< creating or replacing the system overlay failed
        DefineFailed,       ///< libvirt refused the domain definition
        StartFailed,
        StopFailed,
        NotStopped,         ///< an operation needs the appliance switched off
        Timeout,
    };

    VmError() = default;
    VmError(Kind kind, const QString &message, const QString &details = {})
        : m_kind(kind), m_message(message), m_details(details) {}

    Kind kind() const { return m_kind; }
    bool isError() const { return m_kind != None; }
    QString message() const { return m_message; }
    QString details() const { return m_details; }
    /// Message and details on one line, for logs and the command line.
    QString toString() const;

    /// The error libvirt recorded for the calling thread (call on the thread that failed).
    static VmError fromLibvirt(Kind kind, const QString &message);

private:
    Kind m_kind = None;
    QString m_message;
    QString m_details;
};

Q_DECLARE_METATYPE(VmError)
