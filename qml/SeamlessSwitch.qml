import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tessera

// Per-appliance choice between seamless windows and the full-desktop window
// (ApplianceSession.seamless, kept in the settings per appliance).
ColumnLayout {
    id: control
    required property ApplianceSession session
    spacing: 0

    Switch {
        objectName: "seamlessSwitch"
        padding: 0
        text: qsTr("Separate windows")
        checked: control.session.seamless
        onToggled: control.session.seamless = checked
        Accessible.description: explanation.text
    }
    Label {
        id: explanation
        textFormat: Text.PlainText
        text: control.session.seamless
              ? qsTr("Each of its windows appears on your desktop with a coloured border.")
              : qsTr("It appears as one window showing its whole screen.")
        font.pointSize: Qt.application.font.pointSize * 0.85
        opacity: 0.8
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
}
