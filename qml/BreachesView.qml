import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tessera

// Every breach the shell knows of, newest first, with its evidence and what can be done
// about it: pause or stop the appliance, review and undo what it changed in the personal
// files since the breach began, or recover its system.
PlainTitleDialog {
    id: view

    // ApplianceListModel: titles, states and colours of the appliances named in breaches.
    property var applianceModel
    // "" lists every appliance's breaches.
    property string filterAppliance: ""

    signal undoReviewRequested(string appliance, string sinceIso)
    signal recoverRequested(string appliance)

    function openFor(appliance) {
        filterAppliance = appliance
        open()
    }
    function sessionOf(appliance) { return applianceModel ? applianceModel.session(appliance) : null }
    function titleOf(appliance) {
        const session = sessionOf(appliance)
        return session ? session.title : appliance
    }
    // The appliance's state when a breach detected at @p time is of its current run, else Unknown.
    function stateOfRun(appliance, time) {
        const session = sessionOf(appliance)
        // (runStarted read here so that the binding follows a new run)
        return session !== null && session.runStarted !== undefined && session.isOfThisRun(time) ? session.state : ApplianceSession.Unknown
    }

    objectName: "breachesView"
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 40 : 860, 860)
    height: Math.min(parent ? parent.height - 40 : 640, 640)
    modal: true
    title: qsTr("Contract breaches")
    standardButtons: Dialog.Close

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Label {
                textFormat: Text.PlainText
                text: qsTr("Show")
                Layout.minimumWidth: implicitWidth
            }
            ComboBox {
                id: filter
                objectName: "breachFilter"
                Layout.fillWidth: true
                Layout.maximumWidth: 360
                Accessible.name: qsTr("Show the breaches of")
                // Every appliance, then each appliance that has a breach listed.
                model: [""].concat(Breaches.appliances)
                displayText: view.filterAppliance === "" ? qsTr("All appliances") : view.titleOf(view.filterAppliance)
                delegate: PlainItemDelegate {
                    required property string modelData
                    required property int index
                    width: ListView.view.width
                    highlighted: filter.highlightedIndex === index
                    text: modelData === "" ? qsTr("All appliances") : view.titleOf(modelData)
                    onClicked: view.filterAppliance = modelData
                }
            }
        }

        Label {
            objectName: "breachesEmpty"
            textFormat: Text.PlainText
            Layout.fillWidth: true
            Layout.topMargin: 24
            visible: list.count === 0 || (view.filterAppliance !== "" && Breaches.countFor(view.filterAppliance) === 0)
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: view.filterAppliance === "" ? qsTr("No appliance has broken its contract.")
                                              : qsTr("%1 has not broken its contract.").arg(view.titleOf(view.filterAppliance))
            opacity: 0.7
        }

        ListView {
            id: list
            objectName: "breachesList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 8
            model: Breaches
            keyNavigationEnabled: true
            ScrollBar.vertical: ScrollBar {}

            delegate: Frame {
                id: row
                required property int index
                required property string appliance
                required property date time
                required property string summary
                required property var evidence
                required property string sinceIso
                property bool expanded: false

                objectName: "breach-" + index
                width: ListView.view.width - 12
                // Filtered rows take no room.
                visible: view.filterAppliance === "" || view.filterAppliance === appliance
                height: visible ? implicitHeight : 0
                Accessible.role: Accessible.ListItem
                Accessible.name: qsTr("%1, %2: %3").arg(view.titleOf(appliance)).arg(time.toLocaleString(Qt.locale(), Locale.ShortFormat)).arg(summary)

                RowLayout {
                    anchors.fill: parent
                    spacing: 10
                    Rectangle {
                        Layout.fillHeight: true
                        Layout.preferredWidth: 6
                        radius: 3
                        color: TrustColors.colorFor(row.appliance)
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 4
                        Label {
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            text: qsTr("%1 · %2").arg(view.titleOf(row.appliance)).arg(row.time.toLocaleString(Qt.locale(), Locale.ShortFormat))
                            font.bold: true
                            elide: Text.ElideRight
                        }
                        Label {
                            objectName: "breachSummary"
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            text: row.summary
                            wrapMode: Text.WordWrap
                        }
                        Button {
                            objectName: "evidenceToggle"
                            visible: row.evidence.length > 0
                            flat: true
                            text: row.expanded ? qsTr("Hide the evidence") : qsTr("Show the evidence (%n item(s))", "", row.evidence.length)
                            onClicked: row.expanded = !row.expanded
                        }
                        Repeater {
                            model: row.expanded ? row.evidence : []
                            delegate: Label {
                                textFormat: Text.PlainText
                                required property string modelData
                                objectName: "evidenceLine"
                                Layout.fillWidth: true
                                Layout.leftMargin: 12
                                text: "• " + modelData
                                wrapMode: Text.WrapAnywhere
                                font.family: "monospace"
                                opacity: 0.85
                            }
                        }
                        Flow {
                            Layout.fillWidth: true
                            spacing: 8
                            // Only for a breach of the appliance's current run.
                            Button {
                                objectName: "breachRowPause"
                                text: qsTr("Pause it")
                                visible: view.stateOfRun(row.appliance, row.time) === ApplianceSession.Running
                                onClicked: Breaches.requestAction(row.appliance, "pause", new Date(row.sinceIso))
                            }
                            Button {
                                objectName: "breachRowResume"
                                text: qsTr("Resume it")
                                visible: view.stateOfRun(row.appliance, row.time) === ApplianceSession.Paused
                                onClicked: Breaches.requestAction(row.appliance, "resume", new Date(row.sinceIso))
                            }
                            Button {
                                objectName: "breachRowStop"
                                text: qsTr("Stop it")
                                visible: [ApplianceSession.Running, ApplianceSession.Paused, ApplianceSession.Booting]
                                         .indexOf(view.stateOfRun(row.appliance, row.time)) >= 0
                                onClicked: Breaches.requestAction(row.appliance, "stop", new Date(row.sinceIso))
                            }
                            Button {
                                objectName: "breachRowReviewUndo"
                                text: qsTr("Review file changes since then…")
                                visible: view.sessionOf(row.appliance) !== null
                                onClicked: view.undoReviewRequested(row.appliance, row.sinceIso)
                            }
                            Button {
                                objectName: "breachRowRecover"
                                text: qsTr("Recover…")
                                visible: view.sessionOf(row.appliance) !== null
                                onClicked: view.recoverRequested(row.appliance)
                            }
                        }
                    }
                }
            }
        }
    }
}
