// bench-shell: the shell's own costs, with its real Main.qml and models in this process:
//  1. time from process start to a usable launcher (window exposed, appliance cards listed);
//  2. resident memory (RSS) then;
//  3. RSS with every built appliance running in seamless mode and more windows opened in
//     them (xterms through the guest agent) up to a target number of windows.
// Needs an X display (Xvfb) and the built appliances; boots real VMs under the embedded
// driver in its own root. Prints figures; passes or fails nothing.
//
// Usage: bench-shell [WINDOWS]   (default 10)
#include "appliancelistmodel.h"
#include "appliancesession.h"
#include "breachlistmodel.h"
#include "hypervisor.h"
#include "seamlesswindowmanager.h"
#include "spiceconnection.h"
#include "agentchannel.h"
#include "storehistory.h"
#include "tesserapaths.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(TesseraPlugin)
Q_IMPORT_QML_PLUGIN(Tessera_SeamlessPlugin)
Q_IMPORT_QML_PLUGIN(Tessera_ContractsPlugin)

namespace {

double rssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
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
    QApplication app(argc, argv);
    const int targetWindows = argc > 1 ? atoi(argv[1]) : 10;
    QTemporaryDir home;
    QCoreApplication::setOrganizationName(QStringLiteral("Tessera"));
    QCoreApplication::setApplicationName(QStringLiteral("tessera-bench"));
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("TESSERA_DATA_DIR", home.filePath(QStringLiteral("data")).toUtf8());
    if (qEnvironmentVariableIsEmpty("TESSERA_GATEWAY"))
        qputenv("TESSERA_GATEWAY", TESSERA_GATEWAY_EXE);

    ConnectionSettings settings;
    settings.uri = geteuid() == 0 ? QStringLiteral("qemu:///embed?root=") + TesseraPaths::cacheDir() + QStringLiteral("/bench-shell-libvirt")
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
    std::printf("bench-shell: RSS with the launcher idle: %.1f MiB\n", rssMiB());
    std::fflush(stdout);

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
    for (ApplianceSession *session : sessions) {
        if (!waitUntil([&] { return session->state() == ApplianceSession::Running; }, 600000)) {
            std::printf("bench-shell: %s did not come up; figures below are without it\n", qPrintable(session->name()));
            continue;
        }
    }
    auto windows = [&] {
        int total = 0;
        for (ApplianceSession *session : sessions)
            total += session->seamlessWindows() ? session->seamlessWindows()->windowCount() : 0;
        return total;
    };
    // More windows: xterms in the terminal appliance (its agent runs them in the guest's X).
    ApplianceSession *terminal = model ? model->session(QStringLiteral("terminal")) : nullptr;
    waitUntil([&] { return windows() >= int(sessions.size()); }, 120000);
    const int missing = targetWindows - windows();
    for (int i = 0; terminal && i < missing; ++i)
        terminal->display()->agent()->exec({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("DISPLAY=:0 setsid xterm >/dev/null 2>&1 &")});
    waitUntil([&] { return windows() >= targetWindows; }, 180000);
    std::printf("bench-shell: RSS with %lld appliance(s) running in seamless mode and %d host windows: %.1f MiB (goal <= 120 MB with three)\n",
                static_cast<long long>(sessions.size()), windows(), rssMiB());
    std::fflush(stdout);
    for (ApplianceSession *session : sessions)
        session->stop();
    for (ApplianceSession *session : sessions)
        waitUntil([&] { return session->state() == ApplianceSession::Off; }, 120000);
    return 0;
}
