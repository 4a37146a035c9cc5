#include "quarantineinspection.h"

#include "agentchannel.h"
#include "inspectorscripts.h"
#include "libvirtconnection.h"
#include "quarantinestore.h"
#include "spiceconnection.h"
#include "storefiles.h"
#include "storejournal.h"
#include "tesserapaths.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTimer>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr int AgentTimeoutMs = 300 * 1000;  // cold boot under TCG on a loaded host
constexpr int ExecTimeoutMs = 45 * 1000;    // the agent itself kills commands after 30 s
constexpr int WaitSecondsPerExec = 20;
constexpr int MaxWaits = 45;                // 15 minutes for the comparison at most
const char SalvagedAttribute[] = "user.tessera.salvaged";

/// Reads at most @p limit bytes of the regular file @p path, never following a link.
bool readBounded(const QString &path, qint64 limit, QByteArray *content)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return false;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > limit) {
        ::close(fd);
        return false;
    }
    content->resize(qsizetype(st.st_size));
    qint64 done = 0;
    while (done < st.st_size) {
        const ssize_t n = ::read(fd, content->data() + done, size_t(st.st_size - done));
        if (n <= 0)
            break;
        done += n;
    }
    ::close(fd);
    content->truncate(qsizetype(done));
    return done == st.st_size;
}

bool validRequestPath(const QString &path)
{
    if (!path.startsWith(QLatin1Char('/')) || path.size() < 2 || QDir::cleanPath(path) != path || path.toUtf8().size() > DeltaReport::MaxPathBytes)
        return false;
    if (path.split(QLatin1Char('/')).contains(QLatin1String("..")))
        return false;
    return std::none_of(path.cbegin(), path.cend(), [](QChar c) { return !c.isPrint(); });
}

} // namespace

QuarantineInspection::QuarantineInspection(LibvirtConnection *connection, const ApplianceImage &inspectorImage,
                                           Accelerator::Kind accelerator, const QString &appliance, const QString &instanceDir,
                                           const QString &quarantineId, QObject *parent)
    : QObject(parent), m_connection(connection), m_image(inspectorImage), m_accelerator(accelerator), m_appliance(appliance),
      m_instanceDir(instanceDir), m_id(quarantineId)
{
}

QuarantineInspection::~QuarantineInspection()
{
    if (m_booted && m_phase != Idle) {
        // Throwaway: do not leave it running. The job runs even though this object is gone.
        m_connection->call<VmError>(m_connection, [job = job()](_virConnect *connection) { return job.stop(connection); },
                                    [](const VmError &) {});
    }
}

InspectorJob QuarantineInspection::job() const
{
    const QuarantineStore store(m_instanceDir);
    QuarantineRecord record;
    store.read(m_id, &record);
    InspectorJob job;
    job.spec = InspectorJob::specFor(m_image, m_accelerator);
    job.baseDisk = m_image.baseDisk;
    job.cleanDisk = record.backingImage;
    job.deltaDisk = store.deltaPath(m_id);
    job.outboxDir = store.outboxPath(m_id);
    return job;
}

QString QuarantineInspection::salvageFolder() const
{
    return TesseraPaths::personalStoreDir() + QStringLiteral("/Salvaged/") + m_appliance + QLatin1Char('-') + m_id;
}

void QuarantineInspection::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    Q_EMIT phaseChanged(phase);
}

void QuarantineInspection::fail(const QString &message)
{
    m_error = message;
    setPhase(Failed);
    Q_EMIT failed(message);
}

void QuarantineInspection::bootThen(std::function<void()> next)
{
    if (m_booted && m_spice && m_spice->agent()->isOpen()) {
        next();
        return;
    }
    if (!QuarantineStore(m_instanceDir).contains(m_id)) {
        fail(tr("There is no quarantine “%1” of %2. List the quarantines with “tessera-ctl quarantine %2”.").arg(m_id, m_appliance));
        return;
    }
    setPhase(Booting);
    m_timer.start();
    const InspectorJob inspector = job();
    // The outbox starts empty: anything in it afterwards was written by this inspector run.
    QDir(inspector.outboxDir).removeRecursively();
    m_connection->call<VmError>(this, [inspector](_virConnect *connection) { return inspector.start(connection); },
                                [this, inspector, next](const VmError &error) {
        if (error.isError()) {
            fail(error.message());
            return;
        }
        m_booted = true;
        delete m_spice;
        m_spice = new SpiceConnection(this);
        auto done = std::make_shared<bool>(false);
        auto *deadline = new QTimer(this);
        deadline->setSingleShot(true);
        const auto ready = [this, done, deadline, next] {
            if (*done || m_spice->agent()->peerSoftware().isEmpty())
                return;
            *done = true;
            deadline->deleteLater();
            m_bootMs = m_timer.elapsed();
            next();
        };
        connect(m_spice->agent(), &AgentChannel::peerSoftwareChanged, this, ready);
        connect(deadline, &QTimer::timeout, this, [this, done, deadline] {
            if (*done)
                return;
            *done = true;
            deadline->deleteLater();
            fail(tr("The inspector VM did not come up within %1 minutes. Check that the terminal appliance is built (scripts/setup) and try again.")
                     .arg(AgentTimeoutMs / 60000));
        });
        deadline->start(AgentTimeoutMs);
        m_spice->connectToUnixSocket(inspector.spec.spiceSocket);
    });
}

void QuarantineInspection::runInGuest(const QStringList &argv, int timeoutMs, std::function<void(int, const QByteArray &)> done)
{
    AgentChannel *agent = m_spice ? m_spice->agent() : nullptr;
    const quint32 id = agent ? agent->exec(argv) : 0;
    if (id == 0) {
        fail(tr("The inspector VM's agent is not answering. Close the inspection and try again."));
        return;
    }
    auto *deadline = new QTimer(this);
    deadline->setSingleShot(true);
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(agent, &AgentChannel::execFinished, this,
                          [this, id, deadline, connection, done](quint32 requestId, int status, const QByteArray &output) {
        if (requestId != id)
            return;
        disconnect(*connection);
        deadline->deleteLater();
        done(status, output);
    });
    connect(deadline, &QTimer::timeout, this, [this, deadline, connection] {
        disconnect(*connection);
        deadline->deleteLater();
        fail(tr("The inspector VM stopped answering. Close the inspection and try again."));
    });
    deadline->start(timeoutMs);
}

void QuarantineInspection::inspect()
{
    if (m_phase == Booting || m_phase == Comparing || m_phase == Salvaging || m_phase == Stopping)
        return;
    bootThen([this] { compare(); });
}

void QuarantineInspection::compare()
{
    setPhase(Comparing);
    m_timer.restart();
    runInGuest(InspectorScripts::mount(), ExecTimeoutMs, [this](int status, const QByteArray &output) {
        if (status != 0) {
            fail(tr("The inspector could not open the quarantined disk (%1). The disk may be damaged; you can still purge the quarantine.")
                     .arg(DeltaReport::printable(output.left(300))));
            return;
        }
        runInGuest(InspectorScripts::startCompare(), ExecTimeoutMs, [this](int status, const QByteArray &output) {
            if (status != 0) {
                fail(tr("The inspector could not start comparing (%1). Close the inspection and try again.").arg(DeltaReport::printable(output.left(300))));
                return;
            }
            waitForReport(0);
        });
    });
}

void QuarantineInspection::waitForReport(int attempt)
{
    runInGuest(InspectorScripts::waitForReport(WaitSecondsPerExec), ExecTimeoutMs, [this, attempt](int status, const QByteArray &output) {
        if (status == 0) {
            readReport();
        } else if (status == 3 && attempt + 1 < MaxWaits) {
            waitForReport(attempt + 1);
        } else if (status == 3) {
            fail(tr("The comparison did not finish in time. The quarantined disk may be very large or damaged; you can still purge it."));
        } else {
            fail(tr("The comparison failed (%1). The quarantined disk may be damaged; you can still purge it.").arg(DeltaReport::printable(output.left(300))));
        }
    });
}

void QuarantineInspection::readReport()
{
    const QuarantineStore store(m_instanceDir);
    QByteArray text;
    if (!readBounded(store.outboxPath(m_id) + QLatin1Char('/') + InspectorScripts::reportName(), DeltaReport::MaxBytes, &text)) {
        fail(tr("The inspector's report is missing or too large; it was not read. Close the inspection and try again."));
        return;
    }
    QSaveFile saved(store.reportPath(m_id));
    if (saved.open(QIODevice::WriteOnly)) {
        saved.write(text);
        saved.commit();
    }
    m_report = DeltaReport::parse(text);
    if (!m_report.validHeader) {
        fail(tr("The inspector's report could not be read. Close the inspection and try again."));
        return;
    }
    setPhase(Ready);
    Q_EMIT reportReady(m_bootMs, m_timer.elapsed());
}

DeltaReport QuarantineInspection::savedReport(const QString &instanceDir, const QString &id)
{
    const QuarantineStore store(instanceDir);
    QByteArray text;
    if (!store.contains(id) || !readBounded(store.reportPath(id), DeltaReport::MaxBytes, &text))
        return {};
    return DeltaReport::parse(text);
}

void QuarantineInspection::salvage(const QStringList &guestPaths)
{
    if (m_phase != Ready) {
        fail(tr("Inspect the quarantine before salvaging files from it."));
        return;
    }
    setPhase(Salvaging);
    QDir(QuarantineStore(m_instanceDir).outboxPath(m_id) + QStringLiteral("/salvage")).removeRecursively();
    salvageNext(guestPaths, 0, {}, {}, {});
}

void QuarantineInspection::salvageNext(QStringList paths, int slot, QStringList done, QStringList refused, QStringList reasons)
{
    if (paths.isEmpty()) {
        setPhase(Ready);
        Q_EMIT salvaged(done, refused, reasons);
        return;
    }
    const QString path = paths.takeFirst();
    if (!validRequestPath(path)) {
        salvageNext(paths, slot + 1, done, refused << path, reasons << tr("not a plain absolute path"));
        return;
    }
    runInGuest(InspectorScripts::salvage(path.toUtf8(), slot), ExecTimeoutMs,
               [this, path, paths, slot, done, refused, reasons](int status, const QByteArray &) mutable {
        QString reason;
        if (status == 0) {
            const QString staged = QuarantineStore(m_instanceDir).outboxPath(m_id) + QStringLiteral("/salvage/") + QString::number(slot);
            const QString stored = storeFile(path, staged, &reason);
            QFile::remove(staged);
            if (!stored.isEmpty())
                done << stored;
        } else if (status == 2) {
            reason = tr("not a regular file in the quarantined system");
        } else if (status == 3) {
            reason = tr("larger than %1 MiB").arg(InspectorScripts::MaxSalvageBytes / (1024 * 1024));
        } else {
            reason = tr("could not be read");
        }
        if (!reason.isEmpty()) {
            refused << path;
            reasons << reason;
        }
        salvageNext(paths, slot + 1, done, refused, reasons);
    });
}

QString QuarantineInspection::storeFile(const QString &guestPath, const QString &staged, QString *reason) const
{
    QByteArray content;
    if (!readBounded(staged, InspectorScripts::MaxSalvageBytes, &content)) {
        *reason = tr("the inspector's copy was missing or too large");
        return {};
    }
    // Through StoreFiles, as every write Tessera makes into the store: no link followed on the
    // way, recorded in the store's history as Tessera's and never blamed on an appliance.
    QDir().mkpath(TesseraPaths::personalStoreDir());
    const StoreFiles store(TesseraPaths::personalStoreDir());
    const QString folder = QStringLiteral("Salvaged/") + m_appliance + QLatin1Char('-') + m_id;
    const QString relative = folder + guestPath;
    StoreFiles::WriteOptions options;
    options.actor = StoreJournal::tesseraActor(QStringLiteral("salvage"));
    // Marked where it came from: an extended attribute on the file, a README in the folder.
    options.attributeName = SalvagedAttribute;
    options.attributeValue = QStringLiteral("appliance=%1; quarantine=%2; path=%3").arg(m_appliance, m_id, guestPath).toUtf8();
    QBuffer buffer(&content);
    buffer.open(QIODevice::ReadOnly);
    QString error;
    if (store.root().isEmpty() || !store.write(relative, &buffer, options, &error)) {
        *reason = tr("could not be written to the personal store (%1)").arg(error);
        return {};
    }
    QByteArray readme = tr("These files were salvaged from a quarantined system of the appliance “%1” (quarantine %2).\n"
                           "That system was taken out of service after an incident: treat these files as untrusted. "
                           "Open them only with an appliance, not on this computer directly.\n")
                            .arg(m_appliance, m_id).toUtf8();
    QBuffer readmeBuffer(&readme);
    readmeBuffer.open(QIODevice::ReadOnly);
    StoreFiles::WriteOptions readmeOptions;
    readmeOptions.actor = options.actor;
    store.write(folder + QStringLiteral("/README.txt"), &readmeBuffer, readmeOptions, &error);
    return salvageFolder() + guestPath;
}

void QuarantineInspection::shutDown()
{
    setPhase(Stopping);
    if (m_spice) {
        m_spice->disconnectFromGuest();
        m_spice->deleteLater();
        m_spice = nullptr;
    }
    m_connection->call<VmError>(this, [inspector = job()](_virConnect *connection) { return inspector.stop(connection); },
                                [this](const VmError &error) {
        m_booted = false;
        if (error.isError()) {
            fail(error.message());
            return;
        }
        setPhase(Idle);
        Q_EMIT stopped();
    });
}
