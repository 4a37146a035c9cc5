import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Window
import Tessera
import Tessera.Seamless

// A guest's whole screen in a host window, framed in the appliance's trust colour. The frame
// and the title bar strip are drawn by the host; nothing the guest draws can cover them.
Window {
    id: window

    required property ApplianceSession session
    readonly property color trustColor: TrustColors.colorFor(session.name)
    readonly property int borderWidth: 4

    title: qsTr("[%1] %2").arg(session.windowTitle).arg(session.stateText)
    // Open at the guest's own size (scaled down only if the screen is smaller).
    readonly property size guestSize: session.display.framebuffer.size
    width: Math.min(Math.max(guestSize.width, 640), Screen.desktopAvailableWidth - 32) + 2 * borderWidth
    height: Math.min(Math.max(guestSize.height, 400), Screen.desktopAvailableHeight - 64) + 2 * borderWidth + strip.height
    color: trustColor

    Rectangle {
        id: strip
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: stripLabel.implicitHeight + 8
        color: window.trustColor
        Label {
            id: stripLabel
            textFormat: Text.PlainText
            anchors.centerIn: parent
            text: window.session.windowTitle
            color: "white"
            font.bold: true
        }
    }

    // Stopped, recovered or shut down from inside: a window that would only say "Off" goes.
    // (A failed start keeps it open: it says what failed and what to do.)
    Connections {
        target: window.session
        function onStateChanged() {
            if (window.session.state === ApplianceSession.Off && window.visible)
                window.close()
        }
    }

    GuestDisplay {
        id: display
        objectName: "guestDisplay"
        anchors { fill: parent; topMargin: strip.height; margins: window.borderWidth }
        connection: window.session.display
        focus: true
        Component.onCompleted: forceActiveFocus()
    }

    Rectangle {
        anchors.fill: display
        color: "#cc000000"
        visible: window.session.state !== ApplianceSession.Running
        ColumnLayout {
            anchors.centerIn: parent
            spacing: 12
            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                running: window.session.state === ApplianceSession.Booting
            }
            Label {
                textFormat: Text.PlainText
                Layout.alignment: Qt.AlignHCenter
                color: "white"
                font.pixelSize: 18
                text: window.session.state === ApplianceSession.Booting
                      ? qsTr("Starting %1… %n s", "", window.session.bootElapsedSeconds).arg(window.session.title)
                      : window.session.state === ApplianceSession.Failed ? window.session.errorMessage
                      : window.session.stateText
            }
        }
    }
}
