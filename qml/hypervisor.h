#pragma once

#include "connectionsettings.h"
#include "vmerror.h"

#include <QObject>
#include <QQmlEngine>

class LibvirtConnection;

/// The shell's one libvirt connection and the accelerator in use, for QML to show.
class Hypervisor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString uri READ uri CONSTANT)
    Q_PROPERTY(QString acceleratorName READ acceleratorName CONSTANT)
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY statusChanged)
    Q_PROPERTY(QString errorDetails READ errorDetails NOTIFY statusChanged)
public:
    enum Status { Connecting, Connected, Failed };
    Q_ENUM(Status)

    explicit Hypervisor(const ConnectionSettings &settings, QObject *parent = nullptr);

    /// Registers @p instance as the object QML's singleton returns; C++ keeps ownership.
    static void setInstance(Hypervisor *instance);
    static Hypervisor *instance();
    static Hypervisor *create(QQmlEngine *, QJSEngine *);

    QString uri() const { return m_settings.uri; }
    QString acceleratorName() const { return Accelerator::displayName(m_settings.accelerator); }
    Accelerator::Kind accelerator() const { return m_settings.accelerator; }
    Status status() const { return m_status; }
    QString errorMessage() const { return m_error.message(); }
    QString errorDetails() const { return m_error.details(); }
    LibvirtConnection *connection() const { return m_connection; }

    /// Opens the connection (asynchronously).
    void open();

Q_SIGNALS:
    void statusChanged();

private:
    ConnectionSettings m_settings;
    LibvirtConnection *m_connection;
    Status m_status = Connecting;
    VmError m_error;
};
