#include "ctlcommands.h"

#include "appliancecatalog.h"
#include "appliancevm.h"
#include "connectionsettings.h"
#include "inboundportmap.h"
#include "libvirtconnection.h"
#include "pointscommand.h"
#include "tesserapaths.h"

#include <QCoreApplication>
#include <QMetaEnum>

namespace {

QString stateName(ApplianceVm::State state)
{
    return QString::fromLatin1(QMetaEnum::fromType<ApplianceVm::State>().valueToKey(state)).toLower();
}

} // namespace

CtlCommands::CtlCommands(LibvirtConnection *connection, QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent), m_connection(connection), m_out(out), m_err(err)
{
}

void CtlCommands::finish(int exitCode)
{
    m_out.flush();
    m_err.flush();
    Q_EMIT finished(exitCode);
}

void CtlCommands::run(const QString &command, const QStringList &arguments)
{
    if (command == QLatin1String("list")) {
        list();
        return;
    }
    if (command == QLatin1String("mode")) {
        setMode(arguments);
        return;
    }
    if (PointsCommand::handles(command, arguments)) {
        if (const QString usage = PointsCommand::usage(command, arguments); !usage.isEmpty()) {
            m_err << usage << Qt::endl;
            finish(2);
            return;
        }
        withAppliance(arguments.constFirst(), [this, command, arguments](ApplianceVm *vm) {
            auto *points = new PointsCommand(m_out, m_err, vm);
            connect(points, &PointsCommand::finished, this, &CtlCommands::finish);
            points->run(vm, command, arguments.mid(1));
        });
        return;
    }
    if (arguments.size() != 1) {
        m_err << tr("Usage: tessera-ctl %1 APPLIANCE").arg(command) << Qt::endl;
        finish(2);
        return;
    }
    const QString name = arguments.constFirst();
    if (command == QLatin1String("start")) {
        withAppliance(name, [this](ApplianceVm *vm) {
            if (vm->state() == ApplianceVm::Running) {
                m_out << tr("%1 is already running.").arg(vm->image().name) << Qt::endl;
                finish(0);
                return;
            }
            connect(vm, &ApplianceVm::stateChanged, this, [this, vm](ApplianceVm::State state) {
                if (state == ApplianceVm::Running) {
                    m_out << tr("%1 is running. Its SPICE display is at %2").arg(vm->image().name, vm->spec().spiceSocket) << Qt::endl;
                    // Recorded by the launch before QEMU started (the launch's own result may come after Running).
                    for (const QString &line : InboundPortMap::describe(InboundPortMap::withRecordedPorts(vm->instanceDir(), vm->inboundForwards())))
                        m_out << line << Qt::endl;
                    finish(0);
                }
            });
            vm->start();
        });
    } else if (command == QLatin1String("stop")) {
        withAppliance(name, [this](ApplianceVm *vm) {
            if (vm->state() == ApplianceVm::Off) {
                m_out << tr("%1 is already off.").arg(vm->image().name) << Qt::endl;
                finish(0);
                return;
            }
            connect(vm, &ApplianceVm::stateChanged, this, [this, vm](ApplianceVm::State state) {
                if (state == ApplianceVm::Off) {
                    m_out << tr("%1 is off.").arg(vm->image().name) << Qt::endl;
                    finish(0);
                }
            });
            vm->stop();
        });
    } else if (command == QLatin1String("rollback")) {
        withAppliance(name, [this](ApplianceVm *vm) {
            connect(vm, &ApplianceVm::rolledBack, this, [this, vm](qint64 ms) {
                m_out << tr("%1 rolled back to its clean state in %2 ms.").arg(vm->image().name).arg(ms) << Qt::endl;
                finish(0);
            });
            vm->rollback();
        });
    } else {
        m_err << tr("Unknown command “%1”. Run tessera-ctl --help for the list of commands.").arg(command) << Qt::endl;
        finish(2);
    }
}

void CtlCommands::setMode(const QStringList &arguments)
{
    ApplianceVm::Mode mode = ApplianceVm::FreshEveryLaunch;
    if (arguments.size() == 1) {
        withAppliance(arguments.constFirst(), [this](ApplianceVm *vm) {
            m_out << ApplianceVm::modeName(vm->mode()) << Qt::endl;
            finish(0);
        });
        return;
    }
    if (arguments.size() != 2 || !ApplianceVm::modeFromName(arguments.at(1), &mode)) {
        m_err << tr("Usage: tessera-ctl mode APPLIANCE [fresh|keep]") << Qt::endl;
        finish(2);
        return;
    }
    withAppliance(arguments.constFirst(), [this, mode](ApplianceVm *vm) {
        connect(vm, &ApplianceVm::modeChanged, this, [this, vm](ApplianceVm::Mode saved) {
            m_out << (saved == ApplianceVm::KeepChanges
                          ? tr("%1 keeps its changes across launches until rolled back.")
                          : tr("%1 starts from its clean state at every launch."))
                         .arg(vm->image().name)
                  << Qt::endl;
            finish(0);
        });
        vm->setMode(mode);
    });
}

void CtlCommands::list()
{
    const QList<ApplianceImage> images = ApplianceCatalog::scanAll();
    if (images.isEmpty()) {
        m_out << tr("No appliances are built yet. Run scripts/setup to build the sample appliances.") << Qt::endl;
        finish(0);
        return;
    }
    auto *pending = new int(int(images.size()));
    for (const ApplianceImage &image : images) {
        auto *vm = new ApplianceVm(m_connection, image, Accelerator::Tcg, this);
        connect(vm, &ApplianceVm::stateChanged, this, [this, vm, pending](ApplianceVm::State state) {
            m_out << vm->image().name << '\t' << stateName(state);
            // A running appliance's inbound ports: GUEST=127.0.0.1:HOST, as its last launch chose them.
            QStringList ports;
            if (state == ApplianceVm::Running || state == ApplianceVm::Paused)
                for (const HostForward &forward : InboundPortMap::read(vm->instanceDir()))
                    ports.append(QStringLiteral("%1=127.0.0.1:%2").arg(forward.guestPort).arg(forward.hostPort));
            if (!ports.isEmpty())
                m_out << '\t' << ports.join(QLatin1Char(','));
            m_out << '\n';
            vm->deleteLater();
            if (--*pending == 0) {
                delete pending;
                finish(0);
            }
        });
        vm->refresh();
    }
}

void CtlCommands::withAppliance(const QString &name, const std::function<void(ApplianceVm *)> &action)
{
    const ApplianceImage image = ApplianceCatalog::findAny(name);
    if (!image.isComplete()) {
        m_err << tr("There is no built appliance called “%1”. Run tessera-ctl list to see the appliances.").arg(name) << Qt::endl;
        finish(1);
        return;
    }
    const ConnectionSettings settings = ConnectionSettings::resolve(m_connection->uri());
    auto *vm = new ApplianceVm(m_connection, image, settings.accelerator, this);
    if (QString problem; !vm->loadContract(ConnectionSettings::isPrivileged(settings.uri), &problem)) {
        m_err << tr("The appliance “%1” cannot be used: its contract is rejected.\n%2").arg(name, problem) << Qt::endl;
        finish(1);
        return;
    }
    connect(vm, &ApplianceVm::failed, this, [this](const VmError &error) {
        m_err << error.message() << Qt::endl;
        if (!error.details().isEmpty())
            m_err << tr("Details: %1").arg(error.details()) << Qt::endl;
        finish(1);
    });
    // Learn the current state first, so that e.g. stopping a VM that is off is answered at once.
    auto firstState = std::make_shared<QMetaObject::Connection>();
    *firstState = connect(vm, &ApplianceVm::stateChanged, this, [vm, action, firstState] {
        disconnect(*firstState);
        action(vm);
    });
    vm->refresh();
}
