// tessera: the desktop shell. Thin: settings, the hypervisor connection, then QML.
#include "applianceimporter.h"
#include "appliancelistmodel.h"
#include "appliancesession.h"
#include "breachlistmodel.h"
#include "breachnotifier.h"
#include "connectionlistmodel.h"
#include "connectionsettings.h"
#include "hypervisor.h"
#include "memorytuning.h"
#include "storehistory.h"
#include "tesserapaths.h"
#include "translations.h"

#include <QCommandLineParser>
#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QTranslator>

Q_IMPORT_QML_PLUGIN(TesseraPlugin)
Q_IMPORT_QML_PLUGIN(Tessera_SeamlessPlugin)
Q_IMPORT_QML_PLUGIN(Tessera_ContractsPlugin)

int main(int argc, char *argv[])
{
    // The short-lived child that tells which OpenGL renderer this system gives (see MemoryTuning).
    if (MemoryTuning::runGlProbeIfAsked(argc, argv))
        return MemoryTuning::probeExitCode();
    // Before any thread: memory settings measured in bench/README.md ("Shell memory").
    MemoryTuning::limitMallocArenas();
    // No MIT-SHM for the windows' backing stores: under a hostile guest's burst of windows Qt 6.4's
    // X connection broke on it and the shell exited (docs/seamless.md); without it partial updates
    // are as fast and a whole 1024x768 screen costs about 1-3 ms (bench-seamless).
    if (!qEnvironmentVariableIsSet("QT_XCB_NO_MITSHM"))
        qputenv("QT_XCB_NO_MITSHM", "1");
    // Debug output only on request (QT_LOGGING_RULES="tessera.*.debug=true").
    QLoggingCategory::setFilterRules(QStringLiteral("tessera.*.debug=false"));
    // QApplication rather than QGuiApplication: the tray icon's menu is a widget.
    QApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("Tessera"));
    QGuiApplication::setApplicationName(QStringLiteral("tessera"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Tessera"));
    QGuiApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.tessera.Tessera"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qt"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    installTesseraTranslation(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "A desktop of isolated appliances."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption uriOption(QStringLiteral("uri"), QCoreApplication::translate("main", "libvirt connection URI."),
                                       QStringLiteral("uri"));
    const QCommandLineOption accelOption(QStringLiteral("accel"),
                                         QCoreApplication::translate("main", "Accelerator: auto, tcg or kvm."), QStringLiteral("kind"));
    parser.addOption(uriOption);
    parser.addOption(accelOption);
    parser.process(app);

    // Qt Quick's software renderer where OpenGL would only be llvmpipe: half the shell's memory.
    MemoryTuning::chooseSceneGraphBackend();
    if (QQuickStyle::name().isEmpty())
        QQuickStyle::setStyle(QStringLiteral("Fusion"));

    // An import killed half-way leaves DATA/appliances/NAME.importing: gone at the next start.
    ApplianceImporter::removeInterrupted(TesseraPaths::importedAppliancesDir());

    Hypervisor hypervisor(ConnectionSettings::resolve(parser.value(uriOption), parser.value(accelOption)));
    Hypervisor::setInstance(&hypervisor);
    hypervisor.open();
    // The other hosts (Settings, "Connections"): opened only when the Settings page shows them.
    ConnectionListModel connections(&hypervisor);
    ConnectionListModel::setInstance(&connections);

    BreachListModel::instance()->load(TesseraPaths::logsDir());
    StoreHistory storeHistory(TesseraPaths::storeJournalDir(), TesseraPaths::personalStoreDir());
    // Breaches as desktop notifications; their buttons act through the Breaches model.
    BreachNotifier notifier;
    QObject::connect(BreachListModel::instance(), &BreachListModel::breachAdded, &notifier, &BreachNotifier::notify);
    QObject::connect(&notifier, &BreachNotifier::actionRequested, BreachListModel::instance(), &BreachListModel::requestAction);
    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
                     Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/Tessera/Main.qml")));
    // Notifications name an appliance as the launcher does.
    if (!engine.rootObjects().isEmpty()) {
        if (QPointer<ApplianceListModel> appliances = engine.rootObjects().constFirst()->findChild<ApplianceListModel *>()) {
            notifier.setTitleLookup([appliances](const QString &name) {
                const ApplianceSession *session = appliances ? appliances->session(name) : nullptr;
                return session ? session->title() : QString();
            });
        }
    }
    // Start-up's transient allocations go back to the system, and again after each appliance starts.
    MemoryTuning::afterStartUp(&hypervisor);
    return app.exec();
}
