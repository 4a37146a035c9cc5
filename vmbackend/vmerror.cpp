#include "vmerror.h"

#include <libvirt/virterror.h>

QString VmError::toString() const
{
    return m_details.isEmpty() ? m_message : m_message + QStringLiteral(" (") + m_details + QLatin1Char(')');
}

VmError VmError::fromLibvirt(Kind kind, const QString &message)
{
    const virError *error = virGetLastError();
    const QString details = error && error->message ? QString::fromUtf8(error->message) : QString();
    return VmError(kind, message, details);
}
