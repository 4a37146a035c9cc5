import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tessera

// What a quarantined system changed, read in the inspector VM: persistence spots first,
// files to salvage into the personal store, and purge (after a confirmation).
PlainTitleDialog {
    id: dialog

    property string appliance
    property string applianceTitle

    function show(quarantineId) {
        quarantine.open(dialog.appliance, quarantineId)
        selected = []
        open()
        if (quarantine.count === 0)
            quarantine.inspect()
    }
    property var selected: []

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 40 : 720, 720)
    height: Math.min(parent ? parent.height - 40 : 560, 560)
    modal: true
    title: qsTr("Quarantined system of %1").arg(dialog.applianceTitle)
    standardButtons: Dialog.Close
    onClosed: quarantine.closeInspector()

    QuarantineModel {
        id: quarantine
        onSalvaged: (stored, refused) => {
            status.text = qsTr("%n file(s) salvaged into %1.", "", stored.length).arg(quarantine.salvageFolder)
                    + (refused.length > 0 ? " " + qsTr("Not salvaged: %1").arg(refused.join(", ")) : "")
            dialog.selected = []
        }
        onPurged: dialog.close()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: quarantine.loading ? qsTr("Reading the quarantined system in a separate inspector VM…")
                                     : qsTr("%n change(s); %1 in places where programs start themselves (listed first).", "", quarantine.count)
                                       .arg(quarantine.persistenceCount)
        }
        BusyIndicator {
            running: quarantine.loading
            visible: running
        }
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            visible: quarantine.errorMessage.length > 0
            text: quarantine.errorMessage
            color: "#b00020"
            wrapMode: Text.WordWrap
        }
        Label {
            id: status
            textFormat: Text.PlainText
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            visible: text.length > 0
        }
        ListView {
            id: changes
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: quarantine
            delegate: RowLayout {
                id: row
                required property string path
                required property string change
                required property string persistence
                required property string persistenceText
                required property bool salvageable
                width: changes.width
                CheckBox {
                    enabled: row.salvageable
                    checked: dialog.selected.indexOf(row.path) >= 0
                    onToggled: {
                        const list = dialog.selected.filter(p => p !== row.path)
                        if (checked)
                            list.push(row.path)
                        dialog.selected = list
                    }
                    Accessible.name: qsTr("Salvage %1").arg(row.path)
                }
                Label {
                    textFormat: Text.PlainText
                    text: row.change === "added" ? qsTr("added") : row.change === "removed" ? qsTr("removed") : qsTr("modified")
                    Layout.preferredWidth: 80
                }
                Label {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: row.path
                    elide: Text.ElideMiddle
                    font.bold: row.persistence.length > 0
                    PlainToolTip {
                        visible: row.persistence.length > 0 && pathHover.hovered
                        text: row.persistenceText
                    }
                    HoverHandler { id: pathHover }
                }
                Label {
                    textFormat: Text.PlainText
                    visible: row.persistence.length > 0
                    text: qsTr("starts itself")
                    color: "#b00020"
                }
            }
        }
        RowLayout {
            Button {
                text: qsTr("Inspect again")
                enabled: !quarantine.loading
                onClicked: quarantine.inspect()
            }
            Button {
                text: qsTr("Salvage selected")
                enabled: !quarantine.loading && dialog.selected.length > 0
                onClicked: quarantine.salvage(dialog.selected)
                PlainToolTip {
                    visible: parent.hovered
                    text: qsTr("Copy the selected files into your personal store, folder Salvaged, marked as coming from a quarantined system")
                }
            }
            Item { Layout.fillWidth: true }
            Button {
                text: qsTr("Purge…")
                onClicked: purgeDialog.open()
            }
        }
    }

    PlainTitleDialog {
        id: purgeDialog
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        title: qsTr("Delete this quarantine?")
        standardButtons: Dialog.Cancel | Dialog.Ok
        // A fixed width: a wrapped label's width would otherwise depend on the dialog's, and back.
        width: 480
        contentItem: Label {
            textFormat: Text.PlainText
            text: qsTr("The quarantined system of %1 is deleted for good. Files you salvaged stay in your personal store.").arg(dialog.applianceTitle)
            wrapMode: Text.WordWrap
        }
        onAccepted: quarantine.purge()
    }
}
