#include "hypervisor.h"

#include "libvirtconnection.h"

namespace {
Hypervisor *s_instance = nullptr;
}

Hypervisor::Hypervisor(const ConnectionSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings), m_connection(new LibvirtConnection(settings.uri, this))
{
    connect(m_connection, &LibvirtConnection::opened, this, [this] {
        m_status = Connected;
        Q_EMIT statusChanged();
    });
    connect(m_connection, &LibvirtConnection::openFailed, this, [this](const VmError &error) {
        m_status = Failed;
        m_error = error;
        Q_EMIT statusChanged();
    });
}

void Hypervisor::setInstance(Hypervisor *instance)
{
    s_instance = instance;
}

Hypervisor *Hypervisor::instance()
{
    return s_instance;
}

Hypervisor *Hypervisor::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void Hypervisor::open()
{
    m_connection->open();
}
