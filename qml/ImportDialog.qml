import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Tessera
import Tessera.Contracts

// Import an appliance from an OVF descriptor or OVA archive: choose the file, read what its
// contract allows (the same grouped, plain-language list as before a launch), then import with
// progress. A rejected contract shows the parser's FILE:LINE:COLUMN message and nothing is copied.
PlainTitleDialog {
    id: dialog
    objectName: "importDialog"

    /// The import's view-model and the contract shown (for tests).
    readonly property alias importer: importer
    readonly property alias contract: contract

    /// Emitted when an appliance was imported and is now in the catalog.
    signal imported(string name)

    // Opens the dialog with the file chooser over it; a path can be typed or pasted instead.
    function choose() {
        dialog.open()
        fileDialog.open()
    }

    // A typed path: a full path (or a file: URL), "~/" for the home folder.
    function inspectTyped(text) {
        const path = text.trim()
        if (path === "")
            return
        if (!path.startsWith("/") && !path.startsWith("~/") && !path.startsWith("file:")) {
            dialog.typedPathProblem = qsTr("Enter the full path of an .ova or .ovf file, such as /home/you/Downloads/app.ova.")
            return
        }
        dialog.typedPathProblem = ""
        importer.inspect(path)
    }
    property string typedPathProblem: ""

    modal: true
    title: qsTr("Import appliance")
    width: Math.min(parent ? parent.width - 48 : 640, 640)
    height: Math.min(parent ? parent.height - 48 : 600, 600)

    FileDialog {
        id: fileDialog
        title: qsTr("Choose an appliance to import")
        nameFilters: [qsTr("Appliances (*.ova *.ovf)")]
        onAccepted: {
            dialog.typedPathProblem = ""
            importer.inspect(selectedFile.toString())
            dialog.open()
        }
    }

    ApplianceImport {
        id: importer
        objectName: "applianceImport"
        onDescriptorChanged: {
            contract.source = descriptorPath
            nameField.text = suggestedName
        }
        onFinished: ok => {
            if (ok)
                dialog.imported(importedName)
        }
    }

    ContractModel {
        id: contract
    }

    contentItem: ColumnLayout {
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            Label { textFormat: Text.PlainText; text: qsTr("Package:") }
            TextField {
                id: pathField
                objectName: "importPathField"
                Layout.fillWidth: true
                text: importer.source
                placeholderText: qsTr("Type or paste the path of an .ova or .ovf file")
                enabled: !importer.busy
                selectByMouse: true
                Accessible.name: qsTr("Path of the package to import")
                onAccepted: dialog.inspectTyped(text)
            }
            Button {
                objectName: "importBrowseButton"
                text: qsTr("Browse…")
                enabled: !importer.busy
                onClicked: fileDialog.open()
            }
        }
        Label {
            objectName: "importPathProblem"
            textFormat: Text.PlainText
            Layout.fillWidth: true
            visible: dialog.typedPathProblem !== ""
            text: dialog.typedPathProblem
            wrapMode: Text.WordWrap
            color: "#c0392b"
        }
        RowLayout {
            Layout.fillWidth: true
            Label { textFormat: Text.PlainText; text: qsTr("Name:") }
            TextField {
                id: nameField
                objectName: "importNameField"
                Layout.fillWidth: true
                enabled: !importer.busy && importer.importedName === ""
                Accessible.name: qsTr("Name of the imported appliance")
                validator: RegularExpressionValidator { regularExpression: /[a-z0-9][a-z0-9-]{0,31}/ }
            }
        }
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            font.bold: true
            visible: contract.valid
            text: contract.headline
            color: palette.windowText
        }
        Label {
            objectName: "importError"
            textFormat: Text.PlainText
            Layout.fillWidth: true
            visible: text !== ""
            wrapMode: Text.WrapAnywhere
            color: "#c0392b"
            text: importer.errorString !== ""
                  ? (importer.contractRejected ? qsTr("Not imported: the contract is rejected.\n%1").arg(importer.errorString)
                                               : qsTr("Not imported: %1").arg(importer.errorString))
                  : (importer.contractError !== ""
                     ? qsTr("The contract is rejected, so this appliance cannot be imported:\n%1").arg(importer.contractError) : "")
        }
        ListView {
            objectName: "importContractGrants"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
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
                required property string enforcementText
                width: ListView.view.width
                Rectangle {
                    Layout.preferredWidth: 10
                    Layout.preferredHeight: 10
                    radius: 5
                    color: riskKey === "critical" ? "#c0392b" : riskKey === "high" ? "#e67e22"
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
                    text: enforcementText
                    opacity: 0.6
                    font.pixelSize: 11
                }
            }
            ScrollBar.vertical: ScrollBar {}
        }
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            opacity: 0.7
            text: qsTr("Imported appliances may not have the Tessera guest agent. Without it the appliance still runs, "
                       + "in one window showing its whole desktop, but without seamless windows.")
        }
        ProgressBar {
            objectName: "importProgress"
            Layout.fillWidth: true
            visible: importer.busy || (importer.progress > 0 && importer.errorString === "")
            from: 0
            to: 100
            value: importer.progress
            indeterminate: importer.busy && importer.progress === 0
            Accessible.name: qsTr("Import progress")
        }
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            visible: importer.stage !== "" && importer.errorString === ""
            text: importer.importedName !== "" ? qsTr("Imported as “%1”.").arg(importer.importedName)
                                               : qsTr("%1 (%2%)").arg(importer.stage).arg(importer.progress)
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "importStartButton"
            text: qsTr("Import")
            highlighted: true
            visible: importer.importedName === ""
            enabled: !importer.busy && importer.contractError === "" && contract.valid && contract.launchable
                     && importer.isValidName(nameField.text)
            onClicked: importer.start(nameField.text)
        }
        Button {
            text: importer.busy ? qsTr("Stop") : qsTr("Close")
            onClicked: importer.busy ? importer.cancel() : dialog.close()
        }
    }
}
