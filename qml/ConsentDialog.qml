import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tessera
import Tessera.Contracts

// Shows what an appliance may do, grouped and in plain words, and asks before it runs.
// When a contract the user accepted before has widened, what is new comes first.
PlainTitleDialog {
    id: dialog

    property ApplianceSession session
    property bool reasking: false
    /// Another appliance that does the same job, offered for a side-by-side comparison (or null).
    property ApplianceSession other: null

    /// Emitted when the user agrees; @p remember is false for "launch once".
    signal consented(ApplianceSession session, bool remember, string digest)

    function ask(appliance, acceptedDescriptor) {
        session = appliance
        reasking = acceptedDescriptor !== ""
        contract.systemId = appliance.name
        contract.source = appliance.descriptorPath
        appliance.showEnforcement(contract)
        if (reasking)
            changes.load(acceptedDescriptor, appliance.descriptorPath)
        open()
    }

    modal: true
    title: session ? (reasking ? qsTr("%1 now asks for more").arg(session.title) : qsTr("Launch %1?").arg(session.title)) : ""
    width: Math.min(parent ? parent.width - 48 : 640, 640)
    height: Math.min(parent ? parent.height - 48 : 560, 560)

    ContractModel {
        id: contract
    }
    ContractDiffModel {
        id: changes
    }

    contentItem: ColumnLayout {
        spacing: 8

        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            font.bold: true
            visible: text !== ""
            text: contract.headline
        }
        Repeater {
            // The headline is the worst warning already; list the others.
            model: contract.warnings.filter(w => w !== contract.headline)
            delegate: Label {
                textFormat: Text.PlainText
                required property string modelData
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: "⚠ " + modelData
                color: "#c0392b"
            }
        }
        Label {
            textFormat: Text.PlainText
            // On another host the personal store cannot be shared: said before the grants.
            objectName: "consentHost"
            Layout.fillWidth: true
            visible: dialog.session !== null && dialog.session.remote
            wrapMode: Text.WordWrap
            text: visible ? qsTr("Runs on %1 %2.").arg(dialog.session.host).arg(dialog.session.hostTransport)
                            + (dialog.session.withheldNote !== "" ? " " + dialog.session.withheldNote : "") : ""
            color: "#2471a3"
        }
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            visible: !contract.valid && !contract.loading
            wrapMode: Text.WordWrap
            color: "#c0392b"
            text: qsTr("The contract was rejected, so this appliance cannot be launched:\n%1").arg(contract.errorString)
        }

        Label {
            textFormat: Text.PlainText
            visible: dialog.reasking && changes.count > 0
            text: qsTr("New since you last allowed it:")
            font.bold: true
        }
        Repeater {
            model: dialog.reasking ? changes : null
            delegate: Label {
                textFormat: Text.PlainText
                required property string text
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                leftPadding: 8
                text: "+ " + text
                background: Rectangle { color: "#fff3cd" }
            }
        }

        ListView {
            id: grants
            objectName: "contractGrants"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 2
            model: contract
            section.property: "group"
            section.delegate: Label {
                textFormat: Text.PlainText
                required property string section
                text: section
                font.bold: true
                topPadding: 8
            }
            delegate: RowLayout {
                required property string text
                required property string riskKey
                required property string enforcement
                required property string enforcementText
                width: ListView.view.width
                Rectangle {
                    Layout.preferredWidth: 10
                    Layout.preferredHeight: 10
                    radius: 5
                    // A withheld grant is not given: no risk to colour.
                    color: enforcement === "withheld" ? "#95a5a6" : riskKey === "critical" ? "#c0392b" : riskKey === "high" ? "#e67e22"
                         : riskKey === "medium" ? "#f1c40f" : riskKey === "low" ? "#27ae60" : "#95a5a6"
                    Accessible.name: qsTr("Risk: %1").arg(riskKey)
                }
                Label {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    text: parent.text
                }
                Label {
                    textFormat: Text.PlainText
                    // Withheld (another host cannot hold it, so it is not granted) is safe: told
                    // plainly, in blue, not in the red of a grant this connection lets through.
                    objectName: "enforcement-" + enforcement
                    text: enforcementText
                    color: enforcement === "not-enforced" ? "#c0392b" : enforcement === "withheld" ? "#2471a3" : palette.windowText
                    opacity: enforcement === "enforced" || enforcement === "monitored" ? 0.6 : 0.9
                    font.pixelSize: 11
                    wrapMode: Text.WordWrap
                    // A long status wraps in at most 40 % of the row instead of squeezing the grant.
                    Layout.maximumWidth: Math.max(120, grants.width * 0.4)
                }
            }
            ScrollBar.vertical: ScrollBar {}
        }
    }

    ContractCompareView {
        id: compareView
        // Over the whole window, not inside this dialog: two columns need the room.
        parent: Overlay.overlay
        anchors.centerIn: parent
    }

    footer: DialogButtonBox {
        PlainButton {
            objectName: "consentCompareButton"
            visible: dialog.other !== null
            text: dialog.other ? qsTr("Compare with %1").arg(dialog.other.title) : ""
            onClicked: compareView.show(dialog.session, dialog.other)
        }
        Button {
            objectName: "consentLaunchButton"
            text: qsTr("Allow and launch")
            highlighted: true
            enabled: contract.valid && contract.launchable
            onClicked: {
                dialog.consented(dialog.session, true, contract.digest)
                dialog.close()
            }
        }
        Button {
            objectName: "consentOnceButton"
            text: qsTr("Launch once")
            enabled: contract.valid && contract.launchable
            PlainToolTip {
                visible: parent.hovered
                text: qsTr("Launch now and ask again next time")
            }
            onClicked: {
                dialog.consented(dialog.session, false, contract.digest)
                dialog.close()
            }
        }
        Button {
            text: qsTr("Cancel")
            onClicked: dialog.reject()
        }
    }
}
