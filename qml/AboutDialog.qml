import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tessera

// Help → About Tessera: its version and licence, and what it runs with.
PlainTitleDialog {
    id: dialog
    objectName: "aboutDialog"
    title: qsTr("About Tessera")
    modal: true
    standardButtons: Dialog.Close
    width: Math.min(520, parent ? parent.width - 40 : 520)

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            textFormat: Text.PlainText
            text: qsTr("Tessera %1").arg(AboutTessera.version)
            font.pixelSize: 18
            font.bold: true
        }
        Label {
            textFormat: Text.PlainText
            text: qsTr("Runs each program you do not fully trust in its own appliance virtual machine, held to a contract you see before it starts.")
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "aboutLicence"
            textFormat: Text.PlainText
            text: qsTr("Tessera is free software: you may share and change it under the GNU General Public License, version 3 or later (%1). It comes with no warranty.")
                  .arg(AboutTessera.licence)
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            text: qsTr("Runs with")
            font.bold: true
            Layout.topMargin: 6
        }
        Repeater {
            model: AboutTessera.components
            delegate: Label {
                required property var modelData
                textFormat: Text.PlainText
                text: modelData.version !== "" ? qsTr("%1 %2 — %3").arg(modelData.name).arg(modelData.version).arg(modelData.licence)
                                               : qsTr("%1 — %2").arg(modelData.name).arg(modelData.licence)
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
        }
        Label {
            textFormat: Text.PlainText
            text: qsTr("The full licence texts are in /usr/share/common-licenses on Debian.")
            wrapMode: Text.WordWrap
            opacity: 0.8
            Layout.fillWidth: true
        }
    }
}
