// Manual tool: shows the guest behind a SPICE unix socket in a window, the
// way the shell will (GuestDisplay from the Tessera.Seamless QML module).
//
//   seamless-viewer SOCKET [--screenshot FILE] [--delay MS]
//
// With --screenshot it waits for a guest picture, then --delay more
// milliseconds, saves the whole screen (the X root window on xcb) and quits.
#include "spiceconnection.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QScreen>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Tessera_SeamlessPlugin)

static const char viewerQml[] = R"(
import QtQuick
import QtQuick.Window
import Tessera.Seamless

Window {
    id: window
    required property SpiceConnection connection
    width: 900; height: 600; visible: true
    color: "#202020"
    title: "seamless-viewer " + (connection.connected ? "connected" : "not connected")
    GuestDisplay {
        anchors.fill: parent
        anchors.margins: 20
        focus: true
        connection: window.connection
        onInputForwarded: ++forwarded
        property int forwarded: 0
        onForwardedChanged: if (forwarded % 10 === 1) console.log("input forwarded", forwarded)
    }
}
)";

static bool isUniform(const QImage &image)
{
    const QRgb first = image.pixel(0, 0);
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            if (image.pixel(x, y) != first)
                return false;
        }
    }
    return true;
}

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("socket"), QStringLiteral("SPICE unix socket of the guest"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Save the screen here and quit."),
                                        QStringLiteral("file"));
    const QCommandLineOption delay(QStringLiteral("delay"), QStringLiteral("Extra wait before the screenshot (ms)."),
                                   QStringLiteral("ms"), QStringLiteral("500"));
    parser.addOptions({screenshot, delay});
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(1);

    SpiceConnection connection;
    QObject::connect(&connection, &SpiceConnection::errorOccurred, &app, [](const QString &message) {
        qCritical("%s", qPrintable(message));
        QCoreApplication::exit(2);
    });

    QQmlApplicationEngine engine;
    engine.setInitialProperties({{QStringLiteral("connection"), QVariant::fromValue(&connection)}});
    engine.loadData(viewerQml);
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        const int extra = parser.value(delay).toInt();
        auto *poll = new QTimer(&app);
        QObject::connect(poll, &QTimer::timeout, &app, [poll, file, extra, window, &connection, &app] {
            const QImage frame = connection.framebuffer()->grab();
            if (frame.isNull() || isUniform(frame))
                return; // wait for something other than a blank screen
            poll->stop();
            QTimer::singleShot(extra, &app, [file, window] {
                const QPixmap shot = window->screen()->grabWindow(0);
                qInfo("saving %dx%d screen to %s", shot.width(), shot.height(), qPrintable(file));
                QCoreApplication::exit(shot.save(file) ? 0 : 3);
            });
        });
        poll->start(100);
    }

    connection.connectToUnixSocket(parser.positionalArguments().constFirst());
    return app.exec();
}
