// bench-boot: cold boot to visible app, and roll back time with the VM stopped, on a real
// appliance. Prints every run and the median.
#include "appliancecatalog.h"
#include "appliancevm.h"
#include "guestdriver.h"
#include "guestframebuffer.h"
#include "libvirtconnection.h"
#include "spiceconnection.h"
#include "tesserapaths.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

#include <unistd.h>

namespace {

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    return values.size() % 2 ? values.at(mid) : (values.at(mid - 1) + values.at(mid)) / 2;
}

void print(const char *what, const char *unit, const QList<double> &runs)
{
    QStringList each;
    for (double v : runs)
        each << QString::number(v, 'f', 2);
    std::printf("%s: median %.2f %s over %lld runs [%s]\n", what, median(runs), unit, static_cast<long long>(runs.size()),
                qPrintable(each.join(QStringLiteral(", "))));
    std::fflush(stdout);
}

bool waitFor(ApplianceVm &vm, ApplianceVm::State state)
{
    QSignalSpy spy(&vm, &ApplianceVm::stateChanged);
    QDeadlineTimer deadline(120000);
    while (vm.state() != state && vm.state() != ApplianceVm::Failed && !deadline.hasExpired())
        spy.wait(1000);
    return vm.state() == state;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Boots to measure."), QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption applianceOption(QStringLiteral("appliance"), QStringLiteral("Appliance."), QStringLiteral("name"),
                                             QStringLiteral("terminal"));
    parser.addOptions({runsOption, applianceOption});
    parser.process(app);

    const ApplianceImage image = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), parser.value(applianceOption));
    if (!image.isComplete()) {
        std::fprintf(stderr, "appliance %s is not built: run scripts/setup\n", qPrintable(parser.value(applianceOption)));
        return 1;
    }
    QTemporaryDir data;
    qputenv("TESSERA_DATA_DIR", data.path().toUtf8());
    const QString uri = geteuid() == 0 ? QStringLiteral("qemu:///embed?root=") + TesseraPaths::cacheDir() + QStringLiteral("/e2e-libvirt")
                                       : QStringLiteral("qemu:///session");
    LibvirtConnection connection(uri);
    QSignalSpy opened(&connection, &LibvirtConnection::opened);
    connection.open();
    if (!opened.wait(180000)) {
        std::fprintf(stderr, "could not open %s\n", qPrintable(uri));
        return 1;
    }

    ApplianceVm vm(&connection, image, Accelerator::choose(qEnvironmentVariable("TESSERA_ACCEL")));
    {
        QSignalSpy known(&vm, &ApplianceVm::stateChanged);
        vm.refresh();
        if (!known.wait(10000))
            return 1;
    }
    if (vm.state() != ApplianceVm::Off) {
        vm.powerOff();
        if (!waitFor(vm, ApplianceVm::Off))
            return 1;
    }
    QList<double> boots;
    QList<double> rollbacks;
    for (int run = 0; run < parser.value(runsOption).toInt(); ++run) {
        QSignalSpy rolledBack(&vm, &ApplianceVm::rolledBack);
        vm.rollback();
        if (!rolledBack.wait(60000))
            return 1;
        rollbacks << rolledBack.constFirst().constFirst().toLongLong();

        SpiceConnection spice;
        GuestDriver driver(&spice);
        QElapsedTimer timer;
        timer.start();
        vm.start();
        if (!waitFor(vm, ApplianceVm::Running))
            return 1;
        spice.connectToUnixSocket(vm.spec().spiceSocket);
        // Visible app: the agent reports the session up and the xterm's pixels are on screen.
        if (!driver.waitForSessionUp(240000))
            return 1;
        QDeadlineTimer pixels(30000);
        while (driver.whiteFraction(QRect(4, 4, 300, 200)) < 0.8 && !pixels.hasExpired())
            QSignalSpy(spice.framebuffer(), &GuestFramebuffer::updated).wait(500);
        boots << timer.elapsed() / 1000.0;
        vm.stop();
        if (!waitFor(vm, ApplianceVm::Off))
            return 1;
    }
    print("cold boot to visible app (TCG)", "s", boots);
    print("roll back, VM stopped", "ms", rollbacks);
    return 0;
}
