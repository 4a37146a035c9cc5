// The shell's quarantine dialog and the card with its Recover button load without QML errors
// (offscreen), and the dialog shows a saved report through its QuarantineModel.
#include "quarantinestore.h"
#include "tesserapaths.h"

#include <QGuiApplication>
#include <QJsonDocument>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickItem>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(TesseraPlugin)

class tst_QuarantineDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loads()
    {
        QTemporaryDir data;
        qputenv("TESSERA_DATA_DIR", data.path().toUtf8());
        const QString id = QStringLiteral("20260101T000000Z");
        const QuarantineStore store(TesseraPaths::instanceDir(QStringLiteral("terminal")));
        QVERIFY(QDir().mkpath(store.folder(id)));
        QuarantineRecord record;
        record.id = id;
        record.time = QDateTime::currentDateTimeUtc();
        QFile json(store.recordPath(id));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(QJsonDocument(record.toJson()).toJson());
        json.close();
        QFile report(store.reportPath(id));
        QVERIFY(report.open(QIODevice::WriteOnly));
        report.write("TESSERA-DELTA 1\nA f 0644 1 1 - - /root/notes.txt\nA f 0644 1 1 - - /etc/xdg/autostart/evil.desktop\nEND 2\n");
        report.close();

        QQmlApplicationEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        QStringList warnings;
        connect(&engine, &QQmlEngine::warnings, this, [&warnings](const QList<QQmlError> &errors) {
            for (const QQmlError &error : errors)
                warnings << error.toString();
        });
        engine.loadData(R"QML(
import QtQuick
import QtQuick.Controls
import Tessera
ApplicationWindow {
    width: 800; height: 600; visible: true
    property alias dialog: dialog
    QuarantineDialog { id: dialog; appliance: "terminal"; applianceTitle: "Terminal" }
}
)QML", QUrl(QStringLiteral("qrc:/Tessera/test.qml")));
        QCOMPARE(engine.rootObjects().size(), 1);
        QObject *dialog = engine.rootObjects().first()->property("dialog").value<QObject *>();
        QVERIFY(dialog);
        QVERIFY(QMetaObject::invokeMethod(dialog, "show", Q_ARG(QVariant, id)));
        QTRY_VERIFY(dialog->property("visible").toBool());
        QObject *model = nullptr;
        for (QObject *child : dialog->findChildren<QObject *>()) {
            if (QByteArray(child->metaObject()->className()).startsWith("QuarantineModel"))
                model = child;
        }
        QVERIFY(model);
        QCOMPARE(model->property("count").toInt(), 2);
        QCOMPARE(model->property("persistenceCount").toInt(), 1);
        QCOMPARE(model->property("quarantineId").toString(), id);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));

        // The card with its Recover button compiles too.
        QQmlComponent card(&engine);
        card.setData("import Tessera\nApplianceCard { name: \"x\"; title: \"X\"; job: \"\"; stateText: \"\"; headline: \"\"; session: null }",
                     QUrl(QStringLiteral("qrc:/Tessera/card-test.qml")));
        QVERIFY2(!card.isError(), qPrintable(card.errorString()));
    }
};

QTEST_MAIN(tst_QuarantineDialog)
#include "tst_quarantinedialog.moc"
