import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tessera

// One appliance in the launcher: what it is, its state, and what can be done with it.
Frame {
    id: card

    required property string name
    required property string title
    required property string job
    required property string stateText
    required property string headline
    required property ApplianceSession session

    objectName: "card-" + name
    /// Why the last move to another host was refused (set by whoever handles hostRequested), or "".
    property string hostProblem: ""

    signal launchRequested()
    signal showRequested()
    // The shell asks first and shows what comes of it (Main.qml holds one of each dialog).
    signal rollbackRequested()
    signal recoverRequested()
    signal recoveryPanelRequested()
    /// The person chose the host (a HypervisorConnections name) this appliance should run on.
    signal hostRequested(string connectionName)

    // A refused move is moot once the appliance changes state (e.g. it was stopped).
    Connections {
        target: card.session
        function onStateChanged() { card.hostProblem = "" }
    }

    Accessible.role: Accessible.ListItem
    Accessible.name: qsTr("%1, %2").arg(title).arg(stateText)

    // What it is on top; what can be done below, wrapping on a narrow (or scaled-up) window.
    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            spacing: 12

            Rectangle {
                Layout.preferredWidth: 44
                Layout.preferredHeight: 44
                radius: 8
                color: TrustColors.colorFor(card.name)
                Label {
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    text: card.title.charAt(0)
                    color: "white"
                    font.pixelSize: 22
                    font.bold: true
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    textFormat: Text.PlainText
                    text: card.title
                    font.pixelSize: 16
                    font.bold: true
                }
                Label {
                    textFormat: Text.PlainText
                    text: card.job
                    visible: text !== "" && text !== card.title
                    opacity: 0.8
                }
                Label {
                    objectName: "headlineLabel"
                    textFormat: Text.PlainText
                    text: card.session.launchable ? card.headline : qsTr("Contract rejected: %1").arg(card.session.problem)
                    visible: text !== ""
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    font.italic: true
                }
                Label {
                    objectName: "importedLabel"
                    textFormat: Text.PlainText
                    visible: card.session.imported
                    text: qsTr("Imported. Without the Tessera guest agent it runs in one window showing its whole desktop (Show), without seamless windows; it counts as running once its display shows a picture.")
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    opacity: 0.7
                    font.pixelSize: 11
                }
                RowLayout {
                    // Where it runs: only worth a control when there is more than one host.
                    objectName: "hostRow"
                    visible: HypervisorConnections.count > 1
                    spacing: 6
                    Layout.fillWidth: true
                    Label {
                        textFormat: Text.PlainText
                        text: qsTr("Runs on")
                        opacity: 0.7
                        font.pixelSize: 11
                    }
                    ComboBox {
                        id: hostChoice
                        objectName: "hostChoice"
                        model: HypervisorConnections
                        textRole: "name"
                        valueRole: "name"
                        // Follows the model; count makes it look again when hosts come and go.
                        currentIndex: HypervisorConnections.count > 0 ? HypervisorConnections.rowOfName(card.session.host) : -1
                        // Moving needs the appliance off (ApplianceVm::setHost).
                        enabled: card.session.state === ApplianceSession.Off || card.session.state === ApplianceSession.Failed
                        font.pixelSize: 11
                        implicitContentWidthPolicy: ComboBox.WidestText
                        Layout.maximumWidth: 240
                        Accessible.name: qsTr("Runs on")
                        delegate: PlainItemDelegate {
                            required property string name
                            required property int index
                            width: ListView.view.width
                            text: name
                            font: hostChoice.font
                            highlighted: hostChoice.highlightedIndex === index
                        }
                        Accessible.description: enabled ? "" : qsTr("Stop the appliance to move it to another host")
                        onActivated: index => {
                            card.hostRequested(valueAt(index))
                            currentIndex = Qt.binding(() => HypervisorConnections.count > 0
                                                      ? HypervisorConnections.rowOfName(card.session.host) : -1)
                        }
                        PlainToolTip {
                            visible: parent.hovered
                            text: parent.enabled ? qsTr("The computer this appliance runs on")
                                  : qsTr("Stop the appliance to move it to another host")
                        }
                    }
                    Label {
                        objectName: "hostTransport"
                        textFormat: Text.PlainText
                        visible: card.session.remote
                        text: card.session.hostTransport
                        opacity: 0.7
                        font.pixelSize: 11
                    }
                }
                Label {
                    objectName: "withheldNote"
                    textFormat: Text.PlainText
                    visible: text !== ""
                    text: card.session.withheldNote
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    opacity: 0.8
                    font.pixelSize: 11
                }
                Label {
                    objectName: "hostError"
                    textFormat: Text.PlainText
                    visible: text !== ""
                    text: card.session.hostError
                    color: "#c0392b"
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "hostProblem"
                    textFormat: Text.PlainText
                    visible: text !== ""
                    text: card.hostProblem
                    color: "#c0392b"
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    Accessible.role: Accessible.AlertMessage
                }
                Label {
                    objectName: "stateLabel"
                    textFormat: Text.PlainText
                    text: card.session.state === ApplianceSession.Booting
                          ? qsTr("Starting… %n s", "", card.session.bootElapsedSeconds)
                          : card.session.state === ApplianceSession.Failed ? card.session.errorMessage : card.stateText
                    color: card.session.state === ApplianceSession.Failed ? "#c0392b" : palette.windowText
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Label {
                    // What the last roll back or recovery did, until the next launch.
                    objectName: "actionNotice"
                    textFormat: Text.PlainText
                    visible: card.session.notice !== ""
                    text: card.session.notice
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Label {
                    // Where the appliance's open ports are on this computer (chosen at launch).
                    objectName: "inboundPorts"
                    visible: text !== ""
                    text: card.session.inboundPorts
                    textFormat: Text.PlainText
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    font.pixelSize: 11
                }
                Label {
                    objectName: "breachLabel"
                    textFormat: Text.PlainText
                    visible: card.session.breachCount > 0
                    text: qsTr("Broke its contract %n time(s): %1", "", card.session.breachCount).arg(card.session.lastBreach)
                    color: "#c0392b"
                    font.bold: true
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    Accessible.role: Accessible.AlertMessage
                }
                Label {
                    textFormat: Text.PlainText
                    // The guest went past a window limit or broke the agent protocol (the reason, translated, says which).
                    objectName: "windowAbuseNotice"
                    visible: card.session !== null && card.session.windowAbuse !== ""
                    text: visible ? qsTr("Window warning: %1").arg(card.session.windowAbuse) : ""
                    color: "#c0392b"
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    Accessible.role: Accessible.AlertMessage
                }
                SeamlessSwitch {
                    session: card.session
                    Layout.fillWidth: true
                }
            }

            CheckBox {
                objectName: "keepChangesBox"
                text: qsTr("Keep changes")
                checked: card.session.keepChanges
                enabled: card.session.state === ApplianceSession.Off
                onToggled: card.session.keepChanges = checked
                PlainToolTip {
                    visible: parent.hovered
                    text: parent.checked ? qsTr("Changes to this appliance's system are kept between launches until you roll back")
                          : qsTr("Every launch starts from the clean state; nothing the appliance changes in its system survives")
                }
            }

            BusyIndicator {
                running: card.session.state === ApplianceSession.Booting || card.session.state === ApplianceSession.Stopping
                         || card.session.state === ApplianceSession.RollingBack
                visible: running
                Layout.preferredHeight: 32
                Layout.preferredWidth: 32
            }
        }

        Flow {
            objectName: "cardActions"
            Layout.fillWidth: true
            // Under the text, past the icon.
            Layout.leftMargin: 56
            spacing: 8

            Button {
                objectName: "launchButton"
                text: qsTr("Launch")
                visible: card.session.state === ApplianceSession.Off || card.session.state === ApplianceSession.Failed
                enabled: card.session.launchable
                highlighted: true
                onClicked: card.launchRequested()
            }
            Button {
                objectName: "showButton"
                text: qsTr("Show")
                visible: card.session.state === ApplianceSession.Booting || card.session.state === ApplianceSession.Running
                         || card.session.state === ApplianceSession.Paused
                onClicked: card.showRequested()
            }
            Button {
                objectName: "pauseButton"
                text: qsTr("Pause")
                visible: card.session.state === ApplianceSession.Running
                onClicked: card.session.pause()
            }
            Button {
                objectName: "resumeButton"
                text: qsTr("Resume")
                visible: card.session.state === ApplianceSession.Paused
                highlighted: true
                onClicked: card.session.resume()
            }
            Button {
                objectName: "stopButton"
                text: qsTr("Stop")
                visible: card.session.state === ApplianceSession.Booting || card.session.state === ApplianceSession.Running
                         || card.session.state === ApplianceSession.Paused
                onClicked: card.session.stop()
            }
            Button {
                objectName: "rollbackButton"
                text: qsTr("Roll back…")
                visible: card.session.state === ApplianceSession.Off || card.session.state === ApplianceSession.Failed
                onClicked: card.rollbackRequested()
                PlainToolTip {
                    visible: parent.hovered
                    text: qsTr("Discard every change to this appliance's system and return to its clean state")
                }
            }
            Button {
                objectName: "recoverButton"
                text: qsTr("Recover…")
                visible: card.session.state === ApplianceSession.Off || card.session.state === ApplianceSession.Failed
                         || card.session.state === ApplianceSession.Running
                onClicked: card.recoverRequested()
                PlainToolTip {
                    visible: parent.hovered
                    text: qsTr("After an incident: switch off at once, keep the system's changes in quarantine to inspect, start clean")
                }
            }
            Button {
                objectName: "recoveryButton"
                text: qsTr("History and recovery…")
                onClicked: card.recoveryPanelRequested()
            }
        }
    }
}
