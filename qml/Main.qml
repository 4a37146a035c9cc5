import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Window
import Tessera
import Tessera.Contracts

ApplicationWindow {
    id: root

    // Never larger than the screen, whatever the scale factor.
    width: Math.min(960, Screen.desktopAvailableWidth * 0.9)
    height: Math.min(640, Screen.desktopAvailableHeight * 0.9)
    minimumWidth: 640
    minimumHeight: 420
    visible: true
    title: qsTr("Tessera")

    property var guestWindows: ({})

    function openGuestWindow(session) {
        // Seamless appliances show each of their windows on the desktop instead.
        if (session.seamless)
            return
        let window = guestWindows[session.name]
        if (!window) {
            window = guestWindowComponent.createObject(null, { session: session })
            guestWindows[session.name] = window
        }
        window.show()
        window.raise()
        window.requestActivate()
    }

    function launchNow(session) {
        session.launch()
        openGuestWindow(session)
    }

    // Asks for consent on first launch, and again only when the contract has widened.
    function requestLaunch(session) {
        const accepted = ConsentStore.acceptedDescriptor(session.name)
        // Another appliance for the same job, offered for a side-by-side comparison.
        consentDialog.other = appliances.sameJobAs(session.name)
        if (accepted === "") {
            consentDialog.ask(session, "")
            return
        }
        consentCheck.session = session
        consentCheck.accepted = accepted
        consentCheck.load(accepted, session.descriptorPath)
    }

    ContractDiffModel {
        id: consentCheck
        property ApplianceSession session
        property string accepted
        onLoaded: {
            if (valid && !widened) {
                // Same or narrower: keep the narrower one as the new reference.
                ConsentStore.remember(session.name, session.descriptorPath, currentDigest)
                root.launchNow(session)
            } else {
                consentDialog.ask(session, valid ? accepted : "")
            }
        }
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            Label {
                textFormat: Text.PlainText
                text: qsTr("Appliances")
                font.pixelSize: 18
                font.bold: true
                Layout.minimumWidth: implicitWidth
            }
            Label {
                objectName: "connectionStatus"
                textFormat: Text.PlainText
                text: Hypervisor.status === Hypervisor.Connected
                      ? qsTr("%1 · %2").arg(Hypervisor.uri).arg(Hypervisor.acceleratorName)
                      : Hypervisor.status === Hypervisor.Connecting ? qsTr("Connecting to %1…").arg(Hypervisor.uri)
                                                                   : qsTr("Not connected")
                elide: Text.ElideMiddle
                horizontalAlignment: Text.AlignRight
                // The status gives way first when the window is narrow (or scaled up).
                Layout.fillWidth: true
                Layout.minimumWidth: 40
                opacity: 0.7
            }
            ToolButton {
                objectName: "breachesButton"
                visible: Breaches.count > 0
                text: qsTr("Breaches (%n)", "", Breaches.count)
                Layout.minimumWidth: implicitWidth
                Accessible.name: qsTr("Show the %n contract breach(es)", "", Breaches.count)
                palette.buttonText: "#c0392b"
                onClicked: breachesView.openFor("")
            }
            ToolButton {
                objectName: "importButton"
                text: qsTr("Import appliance…")
                Layout.minimumWidth: implicitWidth
                Accessible.name: qsTr("Import an appliance from an OVF or OVA file")
                onClicked: importDialog.choose()
            }
            ToolButton {
                objectName: "settingsButton"
                text: qsTr("Settings…")
                Layout.minimumWidth: implicitWidth
                onClicked: settingsDialog.open()
            }
            ToolButton {
                objectName: "helpButton"
                text: qsTr("Help")
                Layout.minimumWidth: implicitWidth
                onClicked: helpMenu.popup(this, 0, height)
                Menu {
                    id: helpMenu
                    MenuItem {
                        objectName: "userGuideItem"
                        text: qsTr("User guide")
                        onTriggered: helpDialog.open()
                    }
                    MenuItem {
                        objectName: "aboutItem"
                        text: qsTr("About Tessera")
                        onTriggered: aboutDialog.open()
                    }
                }
            }
        }
    }

    Shortcut {
        sequence: StandardKey.HelpContents
        onActivated: helpDialog.open()
    }

    HelpDialog {
        id: helpDialog
        anchors.centerIn: parent
    }

    AboutDialog {
        id: aboutDialog
        anchors.centerIn: parent
    }

    ApplianceListModel {
        id: appliances
        // A breach notification was clicked: its appliance's breaches, with their evidence.
        onShowRequested: session => {
            root.showShell()
            breachesView.openFor(session.name)
        }
        onSessionRecovered: (session, quarantineId) => {
            // The recovery panel shows its own when the recovery started there.
            if (recoveryPanel.opened && recoveryPanel.session === session)
                return
            quarantineDialog.appliance = session.name
            quarantineDialog.applianceTitle = session.title
            quarantineDialog.show(quarantineId)
        }
    }

    function openRecoveryPanel(session) {
        recoveryPanel.session = session
        recoveryPanel.open()
    }
    // The recovery panel's undo preview for what @p appliance changed since @p sinceIso.
    function reviewUndo(appliance, sinceIso) {
        const session = appliances.session(appliance)
        if (!session)
            return
        recoveryPanel.session = session
        recoveryPanel.showUndoSince(sinceIso)
    }
    function confirmRecover(session) {
        recoverDialog.session = session
        recoverDialog.open()
    }
    function confirmRollback(session) {
        rollbackDialog.session = session
        rollbackDialog.open()
    }

    function showShell() {
        root.show()
        root.raise()
        root.requestActivate()
    }

    // Running appliances and breaches at a glance, from the desktop's tray.
    TrayIcon {
        appliances: appliances
        onShowWindowRequested: root.showShell()
        onShowBreachesRequested: {
            root.showShell()
            breachesView.openFor("")
        }
        onShowApplianceRequested: name => root.openGuestWindow(appliances.session(name))
        onQuitRequested: Qt.quit()
    }

    // A breach raised while the shell runs, with what to do about it at once.
    Pane {
        id: breachAlert
        objectName: "breachAlert"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 12
        visible: Breaches.alertAppliance !== ""
        height: visible ? implicitHeight : 0
        padding: 12
        property bool undoing: false
        readonly property ApplianceSession session: appliances.session(Breaches.alertAppliance)
        readonly property bool ofThisRun: session !== null && session.runStarted !== undefined
                                          && session.isOfThisRun(Breaches.alertTime)
        property string undoResult: ""
        property int undoConflicts: 0
        Accessible.role: Accessible.AlertMessage
        Accessible.name: Breaches.alertSummary
        background: Rectangle {
            color: "#fdecea"
            border.color: "#c0392b"
            radius: 4
        }
        ColumnLayout {
            anchors.fill: parent
            spacing: 8
            Label {
                objectName: "breachAlertTitle"
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: qsTr("%1 broke its contract").arg(appliances.session(Breaches.alertAppliance) ? appliances.session(Breaches.alertAppliance).title : Breaches.alertAppliance)
                font.bold: true
                color: "#7b1e14"
            }
            Label {
                objectName: "breachAlertSummary"
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: Breaches.alertSummary
                wrapMode: Text.WordWrap
                color: "#3b0f0a"
            }
            // Wraps rather than overflowing on a narrow or scaled-up window.
            Flow {
                Layout.fillWidth: true
                spacing: 8
                // Only for the run the breach happened in: an appliance that is off, or was
                // launched again since, has nothing to pause or stop about it.
                Button {
                    objectName: "breachPauseButton"
                    text: qsTr("Pause it")
                    visible: breachAlert.ofThisRun && breachAlert.session.state === ApplianceSession.Running
                    onClicked: Breaches.requestAction(Breaches.alertAppliance, "pause", Breaches.alertSince)
                }
                Button {
                    objectName: "breachResumeButton"
                    text: qsTr("Resume it")
                    visible: breachAlert.ofThisRun && breachAlert.session.state === ApplianceSession.Paused
                    onClicked: Breaches.requestAction(Breaches.alertAppliance, "resume", Breaches.alertSince)
                }
                Button {
                    objectName: "breachStopButton"
                    text: qsTr("Stop it")
                    visible: breachAlert.ofThisRun && (breachAlert.session.state === ApplianceSession.Running
                                                       || breachAlert.session.state === ApplianceSession.Paused
                                                       || breachAlert.session.state === ApplianceSession.Booting)
                    onClicked: Breaches.requestAction(Breaches.alertAppliance, "stop", Breaches.alertSince)
                }
                Button {
                    objectName: "breachUndoButton"
                    text: qsTr("Undo its file changes since then")
                    enabled: !breachAlert.undoing
                    onClicked: {
                        breachAlert.undoing = true
                        breachAlert.undoResult = ""
                        breachAlert.undoConflicts = 0
                        Breaches.requestAction(Breaches.alertAppliance, "undo", Breaches.alertSince)
                    }
                }
                Button {
                    objectName: "breachRecoverButton"
                    text: qsTr("Recover…")
                    visible: appliances.session(Breaches.alertAppliance) !== null
                    onClicked: root.confirmRecover(appliances.session(Breaches.alertAppliance))
                }
                Button {
                    objectName: "breachDetailsButton"
                    text: qsTr("Details…")
                    flat: true
                    onClicked: breachesView.openFor(Breaches.alertAppliance)
                }
                Button {
                    objectName: "breachDismissButton"
                    text: qsTr("Dismiss")
                    flat: true
                    onClicked: Breaches.dismissAlert()
                }
            }
            // What the undo did; a file someone else changed later is the person's choice.
            RowLayout {
                Layout.fillWidth: true
                visible: breachAlert.undoResult !== ""
                spacing: 8
                Label {
                    objectName: "breachUndoResult"
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: breachAlert.undoResult
                    wrapMode: Text.WordWrap
                    color: "#3b0f0a"
                }
                Button {
                    objectName: "breachReviewConflictsButton"
                    visible: breachAlert.undoConflicts > 0
                    text: qsTr("Review…")
                    onClicked: root.reviewUndo(Breaches.alertAppliance, Breaches.alertSince.toISOString())
                }
            }
        }
        Connections {
            target: StoreHistory
            function onUndone(appliance, files, conflicts, error) {
                if (appliance !== Breaches.alertAppliance || !breachAlert.undoing)
                    return
                breachAlert.undoing = false
                breachAlert.undoConflicts = error === "" ? conflicts : 0
                breachAlert.undoResult = error !== "" ? error
                    : qsTr("%n file(s) restored.", "", files)
                      + (conflicts > 0 ? " " + qsTr("%n file(s) changed later by someone else kept as they are: review them to choose.", "", conflicts) : "")
            }
        }
        Connections {
            target: Breaches
            function onAlertChanged() {
                breachAlert.undoing = false
                breachAlert.undoResult = ""
                breachAlert.undoConflicts = 0
            }
        }
    }

    ListView {
        id: list
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.top: breachAlert.bottom
        anchors.margins: 12
        spacing: 8
        clip: true
        model: appliances
        focus: true
        keyNavigationEnabled: true
        visible: count > 0
        delegate: ApplianceCard {
            width: ListView.view.width
            onLaunchRequested: root.requestLaunch(session)
            onShowRequested: root.openGuestWindow(session)
            onRollbackRequested: root.confirmRollback(session)
            onRecoverRequested: root.confirmRecover(session)
            onRecoveryPanelRequested: root.openRecoveryPanel(session)
            onHostRequested: connectionName => hostProblem = appliances.setHost(name, connectionName)
        }
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 520)
        visible: list.count === 0
        spacing: 12
        BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            running: Hypervisor.status === Hypervisor.Connecting
            visible: running
        }
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: 16
            text: Hypervisor.status === Hypervisor.Connecting
                  ? qsTr("Connecting to the hypervisor. The first start checks what QEMU can do and may take a minute.")
                  : Hypervisor.status === Hypervisor.Failed ? Hypervisor.errorMessage
                  : qsTr("No appliances are built yet. Run scripts/setup to build the sample appliances.")
        }
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            visible: Hypervisor.status === Hypervisor.Failed && Hypervisor.errorDetails !== ""
            text: Hypervisor.errorDetails
            wrapMode: Text.WordWrap
            opacity: 0.7
            horizontalAlignment: Text.AlignHCenter
        }
    }

    ConsentDialog {
        id: consentDialog
        objectName: "consentDialog"
        anchors.centerIn: parent
        onConsented: (session, remember, digest) => {
            if (remember && !ConsentStore.remember(session.name, session.descriptorPath, digest))
                console.warn("could not store consent for", session.name)
            root.launchNow(session)
        }
    }

    ImportDialog {
        id: importDialog
        anchors.centerIn: parent
        onImported: appliances.reload()
    }

    SettingsDialog {
        id: settingsDialog
        objectName: "settingsDialog"
        anchors.centerIn: parent
        applianceModel: appliances
    }

    BreachesView {
        id: breachesView
        applianceModel: appliances
        onUndoReviewRequested: (appliance, sinceIso) => root.reviewUndo(appliance, sinceIso)
        onRecoverRequested: appliance => root.confirmRecover(appliances.session(appliance))
    }

    // One of each per-appliance dialog, for the appliance they are opened for.
    RecoveryPanel {
        id: recoveryPanel
        objectName: "recoveryPanel"
    }

    QuarantineDialog {
        id: quarantineDialog
        objectName: "quarantineDialog"
    }

    PlainTitleDialog {
        id: recoverDialog
        objectName: "recoverDialog"
        property ApplianceSession session
        readonly property string applianceTitle: session ? session.title : ""
        parent: Overlay.overlay
        anchors.centerIn: parent
        // Sized here: a Dialog sized by its button box loops over its implicit width.
        width: Math.min(root.width - 40, 560)
        modal: true
        title: qsTr("Recover %1?").arg(applianceTitle)
        standardButtons: Dialog.Cancel | Dialog.Ok
        Label {
            textFormat: Text.PlainText
            width: Math.min(root.width - 40, 560) - 2 * 12
            text: qsTr("%1 is switched off at once. The changes made inside its system are moved into a quarantine, where you can see what they were and salvage files. It stays off; its next launch starts clean.\nYour personal files are not touched.").arg(recoverDialog.applianceTitle)
            wrapMode: Text.WordWrap
        }
        onAccepted: session.recover()
    }

    PlainTitleDialog {
        id: rollbackDialog
        objectName: "rollbackDialog"
        property ApplianceSession session
        readonly property string applianceTitle: session ? session.title : ""
        parent: Overlay.overlay
        anchors.centerIn: parent
        // Sized here: a Dialog sized by its button box loops over its implicit width.
        width: Math.min(root.width - 40, 560)
        modal: true
        title: qsTr("Roll back %1?").arg(applianceTitle)
        standardButtons: Dialog.Cancel | Dialog.Ok
        Label {
            textFormat: Text.PlainText
            width: Math.min(root.width - 40, 560) - 2 * 12
            text: qsTr("Every change made inside %1's system since it was built is discarded.\nYour personal files are not touched.").arg(rollbackDialog.applianceTitle)
            wrapMode: Text.WordWrap
        }
        onAccepted: session.rollback()
    }

    Component {
        id: guestWindowComponent
        GuestWindow {}
    }
}
