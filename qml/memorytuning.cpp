#include "memorytuning.h"

#include "hypervisor.h"
#include "libvirtconnection.h"
#include "uilogging.h"

#include <QGuiApplication>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QProcess>
#include <QQuickWindow>
#include <QSettings>
#include <QTimer>

#include <cstdio>

#include <malloc.h>

namespace {

// What chooseSceneGraphBackend() found and decided.
QString s_description = QStringLiteral("not chosen (Qt's default)");

// The probe's answer line: "renderer: NAME".
constexpr char RendererPrefix[] = "renderer: ";

// A start-up burst (SPICE connection, first frames) settles within this after "started".
constexpr int TrimAfterStartMs = 20000;

} // namespace

int MemoryTuning::s_probeExitCode = 0;

void MemoryTuning::limitMallocArenas()
{
    // glibc gives each thread that allocates its own arena (up to 8 per core), each keeping
    // freed memory; the shell's threads (libvirt worker and event loop, QML loader, SPICE,
    // Qt's thread pool) allocate little, so two arenas cost no measurable speed.
    mallopt(M_ARENA_MAX, 2);
    // A fixed threshold: blocks from 256 KiB up (guest screens, image buffers) get their own
    // mapping and go back to the system when freed. glibc's default raises the threshold after
    // each such free, so a guest screen replaced at a restart would stay in the heap.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
}

bool MemoryTuning::runGlProbeIfAsked(int &argc, char **argv)
{
    if (qEnvironmentVariable("TESSERA_PROBE_GL") != QLatin1String("1"))
        return false;
    QGuiApplication app(argc, argv);
    QOffscreenSurface surface;
    surface.create();
    QOpenGLContext context;
    if (!context.create() || !context.makeCurrent(&surface)) {
        std::printf("%snone\n", RendererPrefix);
        s_probeExitCode = 1;
        return true;
    }
    const auto *name = reinterpret_cast<const char *>(context.functions()->glGetString(GL_RENDERER));
    std::printf("%s%s\n", RendererPrefix, name ? name : "none");
    context.doneCurrent();
    s_probeExitCode = 0;
    return true;
}

bool MemoryTuning::isSoftwareRenderer(const QString &glRenderer)
{
    const QString name = glRenderer.toLower();
    return name.contains(QLatin1String("llvmpipe")) || name.contains(QLatin1String("softpipe"))
        || name.contains(QLatin1String("swrast")) || name.contains(QLatin1String("software rasterizer"))
        || name == QLatin1String("none");
}

namespace {

// Where the last probe's answer is kept (QSettings): the probe costs ~1 s of start-up.
const QString RendererKey = QStringLiteral("graphics/openGLRenderer");

QProcess *startProbe(QObject *parent)
{
    auto *probe = new QProcess(parent);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TESSERA_PROBE_GL"), QStringLiteral("1"));
    probe->setProcessEnvironment(environment);
    probe->setProcessChannelMode(QProcess::SeparateChannels);
    probe->start(QCoreApplication::applicationFilePath(), {});
    return probe;
}

// The renderer the probe printed, or empty.
QString probeAnswer(QProcess *probe)
{
    for (const QByteArray &line : probe->readAllStandardOutput().split('\n')) {
        if (line.startsWith(RendererPrefix))
            return QString::fromUtf8(line.mid(int(sizeof RendererPrefix) - 1)).trimmed().left(200);
    }
    return {};
}

} // namespace

void MemoryTuning::chooseSceneGraphBackend()
{
    if (!qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND") || !qEnvironmentVariableIsEmpty("QSG_RHI_BACKEND")) {
        s_description = QStringLiteral("chosen by QT_QUICK_BACKEND/QSG_RHI_BACKEND");
        return;
    }
    // Only X11 (xcb) is probed; other platforms (Wayland, offscreen) keep Qt's default.
    if (QGuiApplication::platformName() != QLatin1String("xcb"))
        return;
    QSettings settings;
    QString renderer = settings.value(RendererKey).toString();
    QString source = QStringLiteral("last probe");
    if (renderer.isEmpty()) {
        // First start: ask now, before the first window.
        QProcess *probe = startProbe(nullptr);
        const bool answered = probe->waitForFinished(15000);
        if (!answered)
            probe->kill();
        renderer = answered ? probeAnswer(probe) : QString();
        probe->waitForFinished(1000);
        delete probe;
        if (renderer.isEmpty()) {
            qCWarning(lcUi) << "the OpenGL probe gave no answer; keeping Qt Quick's OpenGL renderer";
            s_description = QStringLiteral("OpenGL (the probe gave no answer)");
            return;
        }
        settings.setValue(RendererKey, renderer);
        source = QStringLiteral("probed now");
    } else {
        // Later starts use the last answer and ask again once the launcher is up, for the next
        // start (the graphics may have changed since).
        QTimer::singleShot(10000, qApp, [] {
            QProcess *probe = startProbe(qApp);
            QObject::connect(probe, &QProcess::finished, probe, [probe](int exitCode, QProcess::ExitStatus status) {
                const QString answer = status == QProcess::NormalExit && exitCode == 0 ? probeAnswer(probe) : QString();
                if (!answer.isEmpty())
                    QSettings().setValue(RendererKey, answer);
                probe->deleteLater();
            });
        });
    }
    if (isSoftwareRenderer(renderer)) {
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
        s_description = QStringLiteral("Qt Quick software renderer (OpenGL would be %1; %2)").arg(renderer, source);
    } else {
        s_description = QStringLiteral("OpenGL on %1 (%2)").arg(renderer, source);
    }
    qCInfo(lcUi) << "scene graph:" << s_description;
}

QString MemoryTuning::sceneGraphDescription()
{
    return s_description;
}

void MemoryTuning::releaseFreeMemory()
{
    malloc_trim(0);
}

void MemoryTuning::afterStartUp(Hypervisor *hypervisor)
{
    releaseFreeMemory();
    if (!hypervisor || !hypervisor->connection())
        return;
    auto *timer = new QTimer(hypervisor);
    timer->setSingleShot(true);
    timer->setInterval(TrimAfterStartMs);
    QObject::connect(timer, &QTimer::timeout, &MemoryTuning::releaseFreeMemory);
    QObject::connect(hypervisor->connection(), &LibvirtConnection::domainEvent, timer,
                     [timer](const QString &, LibvirtConnection::DomainEvent event) {
                         if (event == LibvirtConnection::Started)
                             timer->start();
                     });
}
