// bench-shell: the shell's own costs, with its real Main.qml and models in this process:
//  1. time from process start to a usable launcher (window exposed, appliance cards listed);
//  2. resident memory (RSS) then;
//  3. RSS with three appliances running in seamless mode (the built terminal and editor, and
//     the terminal imported once more under the name "second-terminal" through the real
//     importer) and more windows opened in them (xterms through the guest agent, one at a
//     time: the agent queues at most four Exec requests and refuses more) up to a target
//     number of host windows;
//  4. with both, the RSS of the helper processes Tessera started (descendants of this
//     process and the detached egress gateways, except QEMU, whose memory is the appliances').
// The process is set up like app/shell/main.cpp, including MemoryTuning (--untuned skips it,
// for the figures before it). Needs an X display (Xvfb) with a window manager and the built
// appliances; boots real VMs under the embedded driver in its own root, with its data folder in
// ~/.cache/tessera/bench-shell-data (the imported appliance is kept there between runs).
// Prints figures; passes or fails nothing.
//
// TESSERA_URI and TESSERA_DATA_DIR override the connection and the data folder.
// Usage: bench-shell [WINDOWS] [--untuned] [--idle-only] [--screenshot FILE.png]   (default 10)
//   --idle-only: stop after the idle figures; --screenshot: the launcher as drawn, when idle.
#include "applianceimporter.h"
#include "appliancecatalog.h"
#include "appliancelistmodel.h"
#include "appliancesession.h"
#include "breachlistmodel.h"
#include "hypervisor.h"
#include "memorytuning.h"
#include "seamlesswindowmanager.h"
#include "spiceconnection.h"
#include "agentchannel.h"
#include "storehistory.h"
#include "tesserapaths.h"

#include <QApplication>
#include <QDir>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

#include <cstdio>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(TesseraPlugin)
Q_IMPORT_QML_PLUGIN(Tessera_SeamlessPlugin)
Q_IMPORT_QML_PLUGIN(Tessera_ContractsPlugin)

namespace {

double rssMiB(const QString &pid = QStringLiteral("self"))
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// Seconds since this process started (the kernel's start time, not main()'s).
double secondsSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble(); // field 22 of stat(5)
    const double now = uptime.readAll().split(' ').value(0).toDouble();
    return now - startTicks / double(sysconf(_SC_CLK_TCK));
}

QQuickItem *findItem(QQuickItem *root, const QString &objectName)
{
    if (!root)
        return nullptr;
    if (root->objectName() == objectName)
        return root;
    for (QQuickItem *child : root->childItems()) {
        if (QQuickItem *found = findItem(child, objectName))
            return found;
    }
    return nullptr;
}

QByteArray commandLine(const QString &pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    return file.open(QIODevice::ReadOnly) ? file.readAll().replace('\0', ' ').trimmed() : QByteArray();
}

// The processes this one started, except QEMU (the appliances' memory): its descendants, and
// daemons it started detached (the egress gateways), found by this shell's runtime or data
// folder on their command line. Their total RSS, and one line per process in @p lines.
double helpersMiB(QStringList *lines)
{
    const QByteArray runtime = QFile::encodeName(TesseraPaths::runtimeDir());
    const QByteArray data = QFile::encodeName(TesseraPaths::dataDir());
    QMultiHash<QString, QString> children; // parent pid -> child pid
    QStringList pending;
    for (const QString &pid : QDir(QStringLiteral("/proc")).entryList({QStringLiteral("[0-9]*")}, QDir::Dirs)) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly) || pid == QString::number(getpid()))
            continue;
        const QByteArray line = stat.readAll();
        children.insert(QString::fromLatin1(line.mid(line.lastIndexOf(')') + 2).split(' ').value(1)), pid);
        const QByteArray command = commandLine(pid);
        if (command.contains(runtime) || command.contains(data))
            pending << pid;
    }
    pending += children.values(QString::number(getpid()));
    QSet<QString> seen;
    double total = 0;
    while (!pending.isEmpty()) {
        const QString pid = pending.takeLast();
        if (seen.contains(pid))
            continue;
        seen.insert(pid);
        pending += children.values(pid);
        const QByteArray command = commandLine(pid);
        if (command.contains("qemu-system"))
            continue;
        const double mib = rssMiB(pid);
        if (mib <= 0)
            continue;
        total += mib;
        *lines << QStringLiteral("%1 MiB  %2").arg(mib, 6, 'f', 1).arg(QString::fromLocal8Bit(command.left(90)));
    }
    return total;
}

void printRss(const char *what)
{
    QStringList lines;
    const double shell = rssMiB();
    const double helpers = helpersMiB(&lines);
    std::printf("bench-shell: RSS %s: shell %.1f MiB; helper processes %.1f MiB (%lld); shell + helpers %.1f MiB\n", what, shell,
                helpers, static_cast<long long>(lines.size()), shell + helpers);
    for (const QString &line : std::as_const(lines))
        std::printf("bench-shell:   helper %s\n", qPrintable(line));
    std::fflush(stdout);
    // Where the shell's memory is, by mapping (rss-breakdown beside this file).
    QProcess::execute(QStringLiteral(RSS_BREAKDOWN), {QString::number(getpid()), QStringLiteral("--top"), QStringLiteral("12")});
}

// Imports the built terminal appliance once more as "second-terminal" (hard links of its
// files beside a descriptor that references them, then the real importer), unless present.
// Its contract allows 8 windows (the terminal's allows 4), so that the two terminals and the
// editor can show the ten windows the bench measures.
bool importSecondTerminal(const QString &name)
{
    const QByteArray roomyLimit = "<MaxWindows>8</MaxWindows>";
    const ApplianceImage imported = ApplianceCatalog::findAny(name);
    if (imported.isComplete()) {
        QFile descriptor(imported.descriptor);
        if (descriptor.open(QIODevice::ReadOnly) && descriptor.readAll().contains(roomyLimit))
            return true;
        QDir(TesseraPaths::importedAppliancesDir() + QLatin1Char('/') + name).removeRecursively(); // by an older bench: again
    }
    const ApplianceImage terminal = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), QStringLiteral("terminal"));
    if (!terminal.isComplete())
        return false;
    const QString package = TesseraPaths::dataDir() + QStringLiteral("/package");
    QDir(package).removeRecursively();
    QDir().mkpath(package);
    QFile original(terminal.descriptor);
    if (!original.open(QIODevice::ReadOnly))
        return false;
    QByteArray descriptor = original.readAll();
    descriptor.replace("<MaxWindows>4</MaxWindows>", roomyLimit);
    descriptor.replace("<References/>",
                       "<References>\n"
                       "    <File ovf:id=\"system-disk\" ovf:href=\"base.qcow2\"/>\n"
                       "    <File ovf:id=\"tessera-kernel\" ovf:href=\"vmlinuz\"/>\n"
                       "    <File ovf:id=\"tessera-initrd\" ovf:href=\"initrd.img\"/>\n"
                       "  </References>\n"
                       "  <DiskSection>\n"
                       "    <Info>The system disk</Info>\n"
                       "    <Disk ovf:diskId=\"system\" ovf:fileRef=\"system-disk\" ovf:capacity=\"0\"\n"
                       "          ovf:format=\"http://www.qemu.org/qcow2\"/>\n"
                       "  </DiskSection>");
    QFile copy(package + QStringLiteral("/appliance.ovf"));
    if (!copy.open(QIODevice::WriteOnly) || copy.write(descriptor) != descriptor.size())
        return false;
    copy.close();
    const QList<QPair<QString, QString>> files{{terminal.baseDisk, QStringLiteral("base.qcow2")},
                                              {terminal.kernel, QStringLiteral("vmlinuz")},
                                              {terminal.initrd, QStringLiteral("initrd.img")}};
    for (const auto &[from, to] : files) {
        if (::link(QFile::encodeName(from).constData(), QFile::encodeName(package + QLatin1Char('/') + to).constData()) != 0
            && !QFile::copy(from, package + QLatin1Char('/') + to))
            return false;
    }
    ApplianceImporter importer(TesseraPaths::importedAppliancesDir());
    importer.setBuiltAppliancesDir(TesseraPaths::applianceImagesDir());
    const ApplianceImporter::Result result = importer.import(package + QStringLiteral("/appliance.ovf"), name);
    QDir(package).removeRecursively();
    if (!result.ok)
        std::fprintf(stderr, "bench-shell: could not import %s: %s\n", qPrintable(name), qPrintable(result.error));
    return result.ok;
}

bool waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(50); // events run meanwhile; the condition is checked again
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    if (MemoryTuning::runGlProbeIfAsked(argc, argv))
        return MemoryTuning::probeExitCode();
    int targetWindows = 10;
    bool tuned = true;
    bool idleOnly = false;
    QString screenshot;
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--untuned") == 0)
            tuned = false;
        else if (qstrcmp(argv[i], "--idle-only") == 0)
            idleOnly = true;
        else if (qstrcmp(argv[i], "--screenshot") == 0 && i + 1 < argc)
            screenshot = QString::fromLocal8Bit(argv[++i]);
        else
            targetWindows = atoi(argv[i]);
    }
    // As in app/shell/main.cpp.
    if (tuned)
        MemoryTuning::limitMallocArenas();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Tessera"));
    QCoreApplication::setApplicationName(QStringLiteral("tessera-bench"));
    // A data folder of its own (TESSERA_DATA_DIR when set), emptied but for the imported
    // appliance (kept: the import copies 1 GB) and the settings (the kept OpenGL probe answer:
    // start-up is then measured as on every start but the first).
    const QString data = qEnvironmentVariableIsEmpty("TESSERA_DATA_DIR") ? TesseraPaths::cacheDir() + QStringLiteral("/bench-shell-data")
                                                                         : qEnvironmentVariable("TESSERA_DATA_DIR");
    for (const QString &entry : QDir(data).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        if (entry != QLatin1String("appliances") && entry != QLatin1String("config"))
            QFileInfo(data + QLatin1Char('/') + entry).isDir() ? QDir(data + QLatin1Char('/') + entry).removeRecursively()
                                                              : QFile::remove(data + QLatin1Char('/') + entry);
    }
    QDir().mkpath(data);
    qputenv("XDG_CONFIG_HOME", (data + QStringLiteral("/config")).toUtf8());
    qputenv("TESSERA_DATA_DIR", data.toUtf8());
    if (qEnvironmentVariableIsEmpty("TESSERA_GATEWAY"))
        qputenv("TESSERA_GATEWAY", TESSERA_GATEWAY_EXE);
    const QString secondName = QStringLiteral("second-terminal");
    if (!importSecondTerminal(secondName))
        std::printf("bench-shell: no third appliance (%s); figures below are with the built ones only\n", qPrintable(secondName));
    if (tuned)
        MemoryTuning::chooseSceneGraphBackend();
    std::printf("bench-shell: %s; scene graph: %s\n", tuned ? "memory tuning as in the shell" : "untuned (--untuned)",
                qPrintable(MemoryTuning::sceneGraphDescription()));

    ConnectionSettings settings;
    settings.uri = !qEnvironmentVariableIsEmpty("TESSERA_URI") ? qEnvironmentVariable("TESSERA_URI")
                   : geteuid() == 0 ? QStringLiteral("qemu:///embed?root=") + TesseraPaths::cacheDir() + QStringLiteral("/bench-shell-libvirt")
                                  : QStringLiteral("qemu:///session");
    Hypervisor hypervisor(settings);
    Hypervisor::setInstance(&hypervisor);
    hypervisor.open();
    BreachListModel::instance()->load(TesseraPaths::logsDir());
    StoreHistory storeHistory(TesseraPaths::storeJournalDir(), TesseraPaths::personalStoreDir());
    QQmlApplicationEngine engine;
    engine.load(QUrl(QStringLiteral("qrc:/Tessera/Main.qml")));
    auto *window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window) {
        std::fprintf(stderr, "bench-shell: Main.qml did not load\n");
        return 1;
    }
    QQuickItem *card = nullptr;
    // The first open of a new embedded root probes QEMU for ~45 s; later starts are the figure.
    if (!QTest::qWaitForWindowExposed(window) || !waitUntil([&] { return (card = findItem(window->contentItem(), QStringLiteral("card-terminal"))); }, 240000)) {
        std::fprintf(stderr, "bench-shell: no launcher with the terminal appliance\n");
        return 1;
    }
    std::printf("bench-shell: process start to usable launcher (window shown, appliances listed): %.2f s\n", secondsSinceProcessStart());
    if (tuned)
        MemoryTuning::afterStartUp(&hypervisor);
    // Let the launcher settle (and the trim run) before reading.
    QTest::qWait(2000);
    printRss("with the launcher idle");
    if (!screenshot.isEmpty() && !window->grabWindow().save(screenshot))
        std::fprintf(stderr, "bench-shell: could not save %s\n", qPrintable(screenshot));
    if (idleOnly)
        return 0;

    auto *model = qobject_cast<ApplianceListModel *>(card->property("session").value<ApplianceSession *>()->parent());
    QList<ApplianceSession *> sessions;
    for (int row = 0; model && row < model->rowCount(); ++row) {
        auto *session = model->data(model->index(row, 0), ApplianceListModel::SessionRole).value<ApplianceSession *>();
        if (session && session->launchable())
            sessions << session;
    }
    for (ApplianceSession *session : sessions) {
        session->setSeamless(true);
        session->launch();
    }
    QList<ApplianceSession *> running;
    for (ApplianceSession *session : sessions) {
        if (!waitUntil([&] { return session->state() == ApplianceSession::Running; }, 600000)) {
            std::printf("bench-shell: %s did not come up; figures below are without it\n", qPrintable(session->name()));
            continue;
        }
        running << session;
    }
    auto windows = [&] {
        int total = 0;
        for (ApplianceSession *session : sessions)
            total += session->seamlessWindows() ? session->seamlessWindows()->windowCount() : 0;
        return total;
    };
    // Each running appliance shows its own first window.
    waitUntil([&] { return windows() >= int(running.size()); }, 180000);
    std::printf("bench-shell: %lld appliance(s) running, %d host windows after boot\n", static_cast<long long>(running.size()), windows());
    // More windows: xterms in the terminals, one at a time and in turn, each waited for with a deadline.
    QList<ApplianceSession *> terminals;
    for (ApplianceSession *session : std::as_const(running)) {
        if (session->name() == QLatin1String("terminal") || session->name() == secondName)
            terminals << session;
    }
    QElapsedTimer opening;
    opening.start();
    for (int attempt = 0; !terminals.isEmpty() && windows() < targetWindows && attempt < 2 * targetWindows; ++attempt) {
        ApplianceSession *terminal = terminals.at(attempt % terminals.size());
        const SeamlessWindowManager *shown = terminal->seamlessWindows();
        if (shown->maxWindows() > 0 && shown->windowCount() >= shown->maxWindows())
            continue; // its contract allows no more
        AgentChannel *agent = terminal->display()->agent();
        QSignalSpy finished(agent, &AgentChannel::execFinished);
        const int before = windows();
        const quint32 id = agent->exec({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("DISPLAY=:0 setsid xterm >/dev/null 2>&1 &")});
        if (id == 0 || !waitUntil([&] { return !finished.isEmpty(); }, 60000)) {
            std::printf("bench-shell: %s's agent did not run xterm\n", qPrintable(terminal->name()));
            continue;
        }
        if (!waitUntil([&] { return windows() > before; }, 120000))
            std::printf("bench-shell: no new window from %s within 120 s\n", qPrintable(terminal->name()));
    }
    std::printf("bench-shell: %d of %d host windows open, the xterms took %.0f s\n", windows(), targetWindows, opening.elapsed() / 1000.0);
    QTest::qWait(5000); // the last window's first paints
    // The guest screens the SPICE client keeps in this process (one per appliance).
    for (ApplianceSession *session : std::as_const(running)) {
        const QSize size = session->display()->framebuffer()->size();
        std::printf("bench-shell: %s's guest screen: %dx%d (%.1f MiB)\n", qPrintable(session->name()), size.width(), size.height(),
                    size.width() * size.height() * 4 / 1048576.0);
    }
    printRss(qPrintable(QStringLiteral("with %1 appliance(s) running in seamless mode and %2 host windows (goal <= 120 MB with three and ten)")
                            .arg(running.size()).arg(windows())));
    for (ApplianceSession *session : sessions)
        session->stop();
    for (ApplianceSession *session : sessions)
        waitUntil([&] { return session->state() == ApplianceSession::Off; }, 120000);
    return 0;
}
