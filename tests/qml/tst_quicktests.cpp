// Qt Quick Test runner for the shell's QML logic (tests/qml/quick/tst_*.qml), with the
// static Tessera QML modules and the appliances' descriptors (applianceDir) available.
#include <QQmlContext>
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
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->rootContext()->setContextProperty(QStringLiteral("applianceDir"), QStringLiteral(TESSERA_SOURCE_DIR "/appliances"));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(tessera_quick, Setup)
#include "tst_quicktests.moc"
