// Qt Quick Test runner for the shell's QML logic (tests/qml/quick/tst_*.qml), with the
// static Tessera QML modules and the appliances' descriptors (applianceDir) available.
#include "../vmbackend/ovatestpackage.h"

#include <QDir>
#include <QQmlContext>
#include <QTemporaryDir>
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(TesseraPlugin)
Q_IMPORT_QML_PLUGIN(Tessera_ContractsPlugin)
Q_IMPORT_QML_PLUGIN(Tessera_SeamlessPlugin)

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void applicationAvailable()
    {
        // Imports land in a data folder of the test's own; no built appliances.
        qputenv("TESSERA_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
        qputenv("TESSERA_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
        // Settings (the connections list) of its own, empty at start.
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        QQmlContext *context = engine->rootContext();
        context->setContextProperty(QStringLiteral("applianceDir"), QStringLiteral(TESSERA_SOURCE_DIR "/appliances"));
        // A real OVA (raw disk from qemu-img, packed with tar) and a descriptor with a rejected contract.
        const QString pkg = m_dir.filePath(QStringLiteral("pkg"));
        QDir().mkpath(pkg);
        const bool made = OvaTestPackage::makeRawDisk(pkg + QStringLiteral("/disk.raw"), 8)
            && OvaTestPackage::write(pkg + QStringLiteral("/webterm.ovf"),
                                     OvaTestPackage::descriptor(QStringLiteral("webterm"), QStringLiteral("disk.raw"), QStringLiteral("raw")))
            && OvaTestPackage::makeOva(m_dir.filePath(QStringLiteral("webterm.ova")), pkg,
                                       {QStringLiteral("webterm.ovf"), QStringLiteral("disk.raw")})
            && OvaTestPackage::write(pkg + QStringLiteral("/bad.ovf"),
                                     OvaTestPackage::descriptor(QStringLiteral("bad"), QStringLiteral("disk.raw"), QStringLiteral("raw"), {},
                                                                QStringLiteral("70000")));
        context->setContextProperty(QStringLiteral("goodOva"), made ? m_dir.filePath(QStringLiteral("webterm.ova")) : QString());
        context->setContextProperty(QStringLiteral("badOvf"), made ? pkg + QStringLiteral("/bad.ovf") : QString());
        context->setContextProperty(QStringLiteral("importsDir"), m_dir.filePath(QStringLiteral("data/appliances")));
        context->setContextProperty(QStringLiteral("artifactDir"), QStringLiteral(TESSERA_ARTIFACT_DIR));
        QDir().mkpath(QStringLiteral(TESSERA_ARTIFACT_DIR));
    }

private:
    QTemporaryDir m_dir;
};

QUICK_TEST_MAIN_WITH_SETUP(tessera_quick, Setup)
#include "tst_quicktests.moc"
