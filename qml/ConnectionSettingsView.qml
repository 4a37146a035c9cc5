import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tessera

// The libvirt connections side by side (HypervisorConnections model): each with its state and, when it
// failed, what to do; Test, Remove, and Add for a remote host. Opened only while shown.
ColumnLayout {
    id: view
    objectName: "connectionSettings"
    spacing: 6

    onVisibleChanged: if (visible) HypervisorConnections.openAll()
    Component.onCompleted: if (visible) HypervisorConnections.openAll()

    Label {
        textFormat: Text.PlainText
        text: qsTr("Connections")
        font.bold: true
    }
    Label {
        textFormat: Text.PlainText
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        opacity: 0.7
        text: qsTr("Other computers are reached over SSH with your key, without a password prompt. "
                   + "Each appliance runs where its card's “Runs on” says; a host an appliance runs on can be removed once it is stopped.")
    }

    Repeater {
        model: HypervisorConnections
        delegate: Frame {
            id: row
            required property int index
            required property string name
            required property string uri
            required property int status
            required property string statusText
            required property string errorMessage
            required property string errorDetails
            required property bool local
            /// Why Remove was refused (an appliance still runs there), or "".
            property string removeProblem: ""

            objectName: "connectionRow" + index
            Layout.fillWidth: true
            Accessible.role: Accessible.Grouping
            Accessible.name: qsTr("Connection %1: %2").arg(name).arg(statusText)

            GridLayout {
                anchors.fill: parent
                columns: 3
                columnSpacing: 8
                rowSpacing: 2

                Label {
                    objectName: "connectionName"
                    textFormat: Text.PlainText
                    text: row.name
                    font.bold: true
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "testButton"
                    text: qsTr("Test")
                    enabled: row.status !== HypervisorConnections.Connecting
                    Accessible.name: qsTr("Test connection %1").arg(row.name)
                    onClicked: HypervisorConnections.test(row.index)
                }
                Button {
                    objectName: "removeButton"
                    text: qsTr("Remove")
                    visible: !row.local
                    Accessible.name: qsTr("Remove connection %1").arg(row.name)
                    onClicked: row.removeProblem = HypervisorConnections.remove(row.index)
                }
                Label {
                    textFormat: Text.PlainText
                    text: row.uri
                    elide: Text.ElideMiddle
                    opacity: 0.7
                    font.pixelSize: 11
                    Layout.columnSpan: 3
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "connectionState"
                    textFormat: Text.PlainText
                    text: row.statusText
                    color: row.status === HypervisorConnections.Failed ? "#c0392b"
                         : row.status === HypervisorConnections.Connected ? "#1e8449" : palette.windowText
                    wrapMode: Text.WordWrap
                    Layout.columnSpan: 3
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "connectionError"
                    textFormat: Text.PlainText
                    visible: row.status === HypervisorConnections.Failed
                    text: row.errorMessage
                    wrapMode: Text.WordWrap
                    Layout.columnSpan: 3
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "removeProblem"
                    textFormat: Text.PlainText
                    visible: text !== ""
                    text: row.removeProblem
                    color: "#c0392b"
                    wrapMode: Text.WordWrap
                    Layout.columnSpan: 3
                    Layout.fillWidth: true
                    Accessible.role: Accessible.AlertMessage
                }
                Label {
                    textFormat: Text.PlainText
                    visible: row.status === HypervisorConnections.Failed && row.errorDetails !== ""
                    text: row.errorDetails
                    wrapMode: Text.WrapAnywhere
                    opacity: 0.7
                    font.pixelSize: 11
                    Layout.columnSpan: 3
                    Layout.fillWidth: true
                }
            }
        }
    }

    GridLayout {
        Layout.fillWidth: true
        columns: 3
        columnSpacing: 8

        TextField {
            id: nameField
            objectName: "newConnectionName"
            placeholderText: qsTr("Name, e.g. build-server")
            Accessible.name: qsTr("Name of the new connection")
            Layout.preferredWidth: 150
            KeyNavigation.tab: uriField
            onAccepted: uriField.forceActiveFocus()
        }
        TextField {
            id: uriField
            objectName: "newConnectionUri"
            placeholderText: qsTr("qemu+ssh://you@build-server/system")
            Accessible.name: qsTr("URI of the new connection")
            Layout.fillWidth: true
            KeyNavigation.backtab: nameField
            onAccepted: addButton.clicked()
        }
        Button {
            id: addButton
            objectName: "addConnectionButton"
            text: qsTr("Add")
            enabled: nameField.text.trim() !== "" && uriField.text.trim() !== ""
            Accessible.name: qsTr("Add connection")
            onClicked: {
                const problem = HypervisorConnections.add(nameField.text, uriField.text)
                addProblem.text = problem
                if (problem === "") {
                    nameField.text = ""
                    uriField.text = ""
                }
            }
        }
        Label {
            id: addProblem
            objectName: "addConnectionProblem"
            textFormat: Text.PlainText
            visible: text !== ""
            color: "#c0392b"
            wrapMode: Text.WordWrap
            Layout.columnSpan: 3
            Layout.fillWidth: true
        }
    }
}
