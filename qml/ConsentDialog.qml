import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tessera

// Shows what an appliance may do and asks before it runs.
Dialog {
    id: dialog

    property ApplianceSession session

    modal: true
    title: session ? qsTr("Launch %1?").arg(session.title) : ""
    width: Math.min(parent ? parent.width - 48 : 560, 560)
    standardButtons: Dialog.Cancel

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("This appliance asks for the following. It runs in its own virtual machine and can do nothing else.")
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "consentLaunchButton"
            text: qsTr("Allow and launch")
            highlighted: true
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
