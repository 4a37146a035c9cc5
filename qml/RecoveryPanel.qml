import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tessera

// History and recovery of one appliance: its launch mode, its restore points as a timeline,
// recovery after an incident with its quarantines, and the personal store's history with
// "undo what it changed since…" (a preview first; each conflict is the person's choice).
PlainTitleDialog {
    id: panel

    property ApplianceSession session
    property string appliance: session ? session.name : ""
    property string applianceTitle: session ? session.title : appliance
    // Overridable for tests; follow the session otherwise.
    // Anything but off, failed or not yet known counts as running: the system disk is in use.
    property bool running: session ? session.state !== ApplianceSession.Off && session.state !== ApplianceSession.Failed
                                     && session.state !== ApplianceSession.Unknown : false
    property bool keepChanges: session ? session.keepChanges : false
    property bool recovering: false

    // Undo: the time chosen (ISO 8601 UTC), its preview and the conflicts taken from before.
    property string sinceIso: ""
    property var preview: []
    property bool previewing: false
    property bool undoing: false
    property var takeEarlier: ({})
    property string undoStatus: ""
    /// Why the last system action (a restore point, a roll back) was not done; "" after one that was.
    property string systemProblem: ""
    property var quarantineList: []

    readonly property string stopFirstText: qsTr("Stop %1 first: its system cannot change while it runs.").arg(applianceTitle)
    readonly property string keepFirstText: qsTr("Restore points are kept only in “Keep changes” mode.")
    readonly property bool canChangeSystem: !running
    readonly property int conflictCount: preview.filter(i => i.conflict).length

    function refreshQuarantines() { quarantineList = purger.quarantines(appliance) }
    // Local "yyyy-MM-dd HH:mm[:ss]" or ISO 8601 → ISO 8601 UTC; "" when it is not a time.
    function toIso(text) {
        const t = text.trim()
        let d = Date.fromLocaleString(Qt.locale(), t, "yyyy-MM-dd HH:mm:ss")
        if (isNaN(d.getTime()))
            d = Date.fromLocaleString(Qt.locale(), t, "yyyy-MM-dd HH:mm")
        if (isNaN(d.getTime()))
            d = new Date(t)
        return isNaN(d.getTime()) ? "" : d.toISOString()
    }
    function localText(date) { return Qt.formatDateTime(date, "yyyy-MM-dd HH:mm:ss") }
    function chooseSince(iso) {
        sinceIso = iso
        sinceField.text = localText(new Date(iso))
        previewUndo()
    }
    // Opens on the personal files with the undo preview for what the appliance changed since @p iso.
    function showUndoSince(iso) {
        tabs.currentIndex = 1
        open()
        chooseSince(iso)
    }
    function previewUndo() {
        preview = []
        takeEarlier = {}
        undoStatus = ""
        if (sinceIso === "") {
            undoStatus = qsTr("Enter a time as YYYY-MM-DD HH:MM.")
            return
        }
        previewing = true
        StoreHistory.previewUndo(appliance, sinceIso)
    }
    function setTakeEarlier(path, take) {
        const t = Object.assign({}, takeEarlier)
        if (take) t[path] = true; else delete t[path]
        takeEarlier = t
    }
    function applyUndo() {
        undoing = true
        StoreHistory.undoSince(appliance, sinceIso, Object.keys(takeEarlier))
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 40 : 860, 860)
    height: Math.min(parent ? parent.height - 40 : 640, 640)
    modal: true
    title: qsTr("History and recovery of %1").arg(applianceTitle)
    standardButtons: Dialog.Close
    onOpened: {
        refreshQuarantines()
        points.reload()
        history.reload()
    }

    RestorePointModel {
        id: points
        session: panel.session
    }
    StoreHistoryModel {
        id: history
        objectName: "storeHistoryModel"
        appliance: panel.appliance
        limit: 200
    }
    QuarantineModel {
        id: purger
        onPurged: panel.refreshQuarantines()
    }
    QuarantineDialog {
        id: quarantineDialog
        appliance: panel.appliance
        applianceTitle: panel.applianceTitle
        onClosed: panel.refreshQuarantines()
    }
    Connections {
        target: panel.session
        function onRecovered(quarantineId) {
            panel.recovering = false
            panel.refreshQuarantines()
            quarantineDialog.show(quarantineId)
        }
        function onFailed(message) {
            panel.recovering = false
            panel.systemProblem = message
        }
        function onRolledBack() { panel.systemProblem = "" }
    }
    Connections {
        target: points
        function onCountChanged() { panel.systemProblem = "" }
    }
    Connections {
        target: StoreHistory
        function onUndoPreviewed(appliance, sinceIso, items, error) {
            if (appliance !== panel.appliance || sinceIso !== panel.sinceIso)
                return
            panel.previewing = false
            panel.preview = items
            panel.undoStatus = error !== "" ? error
                             : items.length === 0 ? qsTr("%1 changed nothing in your personal files since then.").arg(panel.applianceTitle) : ""
        }
        function onUndone(appliance, files, conflicts, error) {
            if (appliance !== panel.appliance)
                return
            panel.undoing = false
            panel.preview = []
            panel.takeEarlier = {}
            panel.undoStatus = error !== "" ? error
                             : qsTr("%n file(s) restored.", "", files) + (conflicts > 0 ? " " + qsTr("%n file(s) kept as they are.", "", conflicts) : "")
            history.reload()
        }
    }

    // Roll back and purge ask first; the text says what is and is not touched.
    PlainTitleDialog {
        id: confirm
        property string action: ""   // "rollback", "recover", "purge"
        property string pointId: ""
        property string what: ""
        objectName: "confirmDialog"
        contentWidth: 460
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        title: action === "purge" ? qsTr("Delete this quarantine?")
             : action === "recover" ? qsTr("Recover %1?").arg(panel.applianceTitle)
             : qsTr("Roll back %1?").arg(panel.applianceTitle)
        standardButtons: Dialog.Cancel | Dialog.Ok
        Label {
            textFormat: Text.PlainText
            width: confirm.contentWidth
            wrapMode: Text.WordWrap
            text: confirm.action === "purge"
                  ? qsTr("The quarantined system changes from %1 are deleted for good. Files you salvaged stay in your personal store.").arg(confirm.what)
                  : confirm.action === "recover"
                    ? qsTr("%1 is switched off at once. The changes made inside its system are moved into a quarantine, where you can see what they were and salvage files. It stays off; its next launch starts clean.\nYour personal files are not touched.").arg(panel.applianceTitle)
                    : (panel.keepChanges ? qsTr("%1's system goes back to %2. The state it is in now is kept as a restore point, so you can come back to it.\nYour personal files are not touched.")
                                         : qsTr("%1's system goes back to %2; every change made inside it is discarded.\nYour personal files are not touched."))
                      .arg(panel.applianceTitle).arg(confirm.what)
        }
        onAccepted: {
            if (action === "purge") {
                purger.open(panel.appliance, pointId)
                purger.purge()
            } else if (action === "recover") {
                panel.recovering = true
                panel.session.recover()
            } else {
                points.rollbackTo(pointId)
            }
        }
    }
    PlainTitleDialog {
        id: renameDialog
        property string pointId: ""
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        title: qsTr("Name this restore point")
        standardButtons: Dialog.Cancel | Dialog.Ok
        TextField {
            id: renameField
            width: 320
            placeholderText: qsTr("e.g. before installing plugins")
        }
        onAccepted: points.rename(pointId, renameField.text)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        TabBar {
            id: tabs
            Layout.fillWidth: true
            TabButton { objectName: "systemTab"; text: qsTr("System") }
            TabButton { objectName: "filesTab"; text: qsTr("Personal files") }
        }

        // Two pages; not a StackLayout, whose hidden pages' layouts do not follow wrapped text
        // and rows shown later in Qt 6.4.
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            // ---- The appliance's system: mode, restore points, incident recovery.
            ScrollView {
                id: systemPage
                anchors.fill: parent
                visible: tabs.currentIndex === 0
                clip: true
                contentWidth: availableWidth
                ColumnLayout {
                    width: systemPage.availableWidth
                    spacing: 6

                    Label { textFormat: Text.PlainText; text: qsTr("Mode"); font.bold: true }
                    RadioButton {
                        objectName: "freshMode"
                        text: qsTr("Fresh every launch")
                        checked: !panel.keepChanges
                        enabled: panel.canChangeSystem && panel.session !== null
                        onToggled: if (checked && panel.session) panel.session.keepChanges = false
                    }
                    Label {
                        textFormat: Text.PlainText
                        text: qsTr("Each launch starts from the clean state; nothing the appliance changes in its system survives.")
                        wrapMode: Text.WordWrap
                        opacity: 0.85
                        Layout.fillWidth: true
                        Layout.leftMargin: 32
                    }
                    RadioButton {
                        objectName: "keepMode"
                        text: qsTr("Keep changes")
                        checked: panel.keepChanges
                        enabled: panel.canChangeSystem && panel.session !== null
                        onToggled: if (checked && panel.session) panel.session.keepChanges = true
                    }
                    Label {
                        textFormat: Text.PlainText
                        text: qsTr("The system persists between launches, with restore points to roll back to.")
                        wrapMode: Text.WordWrap
                        opacity: 0.85
                        Layout.fillWidth: true
                        Layout.leftMargin: 32
                    }
                    RowLayout {
                        visible: panel.running
                        spacing: 6
                        Layout.fillWidth: true
                        // An information mark drawn here: fonts without U+24D8 showed a box.
                        Rectangle {
                            implicitWidth: infoMark.implicitHeight
                            implicitHeight: infoMark.implicitHeight
                            radius: width / 2
                            color: palette.highlight
                            Layout.alignment: Qt.AlignTop
                            Label {
                                id: infoMark
                                textFormat: Text.PlainText
                                anchors.centerIn: parent
                                text: "i"
                                font.bold: true
                                color: palette.highlightedText
                            }
                        }
                        Label {
                            objectName: "stopFirstLabel"
                            textFormat: Text.PlainText
                            text: panel.stopFirstText
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                    }

                    Label { textFormat: Text.PlainText; text: qsTr("Restore points"); font.bold: true; Layout.topMargin: 8 }
                    RowLayout {
                        Layout.fillWidth: true
                        TextField {
                            id: pointName
                            objectName: "pointNameField"
                            Layout.fillWidth: true
                            placeholderText: qsTr("Name (optional)")
                            enabled: takeButton.enabled
                        }
                        Button {
                            id: takeButton
                            objectName: "takePointButton"
                            text: qsTr("Take a restore point now")
                            enabled: panel.canChangeSystem && panel.keepChanges
                            onClicked: {
                                panel.systemProblem = ""
                                points.take(pointName.text)
                                pointName.clear()
                            }
                        }
                    }
                    // What could not be done, and why: every action does what it says or says this.
                    Label {
                        objectName: "systemProblem"
                        textFormat: Text.PlainText
                        visible: panel.systemProblem !== ""
                        text: panel.systemProblem
                        color: "#b00020"
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Label {
                        objectName: "takeReasonLabel"
                        textFormat: Text.PlainText
                        visible: !takeButton.enabled
                        text: panel.running ? panel.stopFirstText : panel.keepFirstText
                        opacity: 0.8
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }

                    // The timeline, newest on top, the clean base at the bottom.
                    Repeater {
                        id: timeline
                        model: points
                        delegate: RowLayout {
                            id: pointRow
                            required property string pointId
                            required property date time
                            required property string reasonText
                            required property bool breachFree
                            required property bool pinned
                            required property string name
                            required property bool current
                            objectName: "point-" + pointId
                            Layout.fillWidth: true
                            spacing: 8
                            TimelineMark { current: pointRow.current }
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 0
                                Label {
                                    textFormat: Text.PlainText
                                    text: (pointRow.name !== "" ? pointRow.name : pointRow.reasonText)
                                          + (pointRow.current ? "  ◀ " + qsTr("now") : "")
                                    font.bold: pointRow.current
                                    elide: Text.ElideRight
                                    Layout.fillWidth: true
                                }
                                Label {
                                    textFormat: Text.PlainText
                                    text: Qt.formatDateTime(pointRow.time, Qt.locale().dateTimeFormat(Locale.ShortFormat))
                                          + " · " + pointRow.reasonText
                                          + " · " + (pointRow.breachFree ? "✔ " + qsTr("no breach recorded") : "⚠ " + qsTr("a breach was recorded"))
                                          + (pointRow.pinned ? " · " + qsTr("pinned") : "")
                                    opacity: 0.85
                                    wrapMode: Text.WordWrap
                                    Layout.fillWidth: true
                                }
                            }
                            ToolButton {
                                text: pointRow.pinned ? qsTr("Unpin") : qsTr("Pin")
                                onClicked: points.setPinned(pointRow.pointId, !pointRow.pinned)
                                PlainToolTip {
                                    visible: parent.hovered
                                    text: qsTr("Pinned points are never merged away")
                                }
                            }
                            ToolButton {
                                text: qsTr("Rename…")
                                onClicked: {
                                    renameDialog.pointId = pointRow.pointId
                                    renameField.text = pointRow.name
                                    renameDialog.open()
                                }
                            }
                            Button {
                                objectName: "rollbackToPoint"
                                text: qsTr("Roll back to this point…")
                                enabled: panel.canChangeSystem && panel.keepChanges && !pointRow.current
                                onClicked: {
                                    confirm.action = "rollback"
                                    confirm.pointId = pointRow.pointId
                                    confirm.what = qsTr("the restore point of %1").arg(Qt.formatDateTime(pointRow.time, Qt.locale().dateTimeFormat(Locale.ShortFormat)))
                                    confirm.open()
                                }
                            }
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 8
                        TimelineMark { current: points.currentId === ""; base: true }
                        Label {
                            textFormat: Text.PlainText
                            text: qsTr("Clean base (as built)") + (points.currentId === "" ? "  ◀ " + qsTr("now") : "")
                            font.bold: points.currentId === ""
                            Layout.fillWidth: true
                        }
                        Button {
                            objectName: "rollbackToBase"
                            text: qsTr("Roll back to the clean base…")
                            enabled: panel.canChangeSystem
                            onClicked: {
                                confirm.action = "rollback"
                                confirm.pointId = ""
                                confirm.what = qsTr("its clean base")
                                confirm.open()
                            }
                        }
                    }

                    Label { textFormat: Text.PlainText; text: qsTr("After an incident"); font.bold: true; Layout.topMargin: 8 }
                    RowLayout {
                        Button {
                            objectName: "recoverButton"
                            text: qsTr("Recover after incident…")
                            enabled: panel.session !== null && !panel.recovering
                            onClicked: {
                                confirm.action = "recover"
                                confirm.open()
                            }
                        }
                        BusyIndicator { running: panel.recovering; visible: running; Layout.preferredHeight: 28; Layout.preferredWidth: 28 }
                        Label {
                            textFormat: Text.PlainText
                            visible: panel.recovering
                            text: qsTr("Switching off and moving the system's changes into a quarantine…")
                        }
                    }
                    Label {
                        textFormat: Text.PlainText
                        text: panel.quarantineList.length === 0 ? qsTr("No quarantined systems.")
                                                                : qsTr("%n quarantined system(s):", "", panel.quarantineList.length)
                        opacity: 0.85
                    }
                    Repeater {
                        model: panel.quarantineList
                        delegate: RowLayout {
                            required property var modelData
                            Layout.fillWidth: true
                            Label {
                                textFormat: Text.PlainText
                                Layout.fillWidth: true
                                elide: Text.ElideRight
                                text: Qt.formatDateTime(modelData.time, Qt.locale().dateTimeFormat(Locale.ShortFormat))
                                      + " · " + qsTr("%1 of changes").arg(Qt.locale().formattedDataSize(modelData.deltaBytes))
                                      + (modelData.breaches > 0 ? " · ⚠ " + qsTr("%n breach(es)", "", modelData.breaches) : "")
                            }
                            Button { text: qsTr("Open…"); onClicked: quarantineDialog.show(modelData.id) }
                            Button {
                                text: qsTr("Purge…")
                                onClicked: {
                                    confirm.action = "purge"
                                    confirm.pointId = modelData.id
                                    confirm.what = Qt.formatDateTime(modelData.time, Qt.locale().dateTimeFormat(Locale.ShortFormat))
                                    confirm.open()
                                }
                            }
                        }
                    }
                }
            }

            // ---- The personal store: history, undo since…, what the history keeps.
            ColumnLayout {
                anchors.fill: parent
                visible: tabs.currentIndex === 1
                spacing: 6

                Label {
                    objectName: "retentionLabel"
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    text: (history.totalEntries === 0 ? qsTr("The history of your personal files is empty.")
                           : qsTr("The history of your personal files takes %1 for %n change(s), the oldest from %2.", "", history.totalEntries)
                             .arg(history.storageText).arg(Qt.formatDateTime(history.oldest, Qt.locale().dateTimeFormat(Locale.ShortFormat))))
                          + " " + qsTr("Changes older than %n day(s) are merged away when Tessera starts; the content a later undo needs is kept.", "", history.retentionDays)
                    opacity: 0.85
                }

                Label { textFormat: Text.PlainText; text: qsTr("What %1 changed in your personal files").arg(panel.applianceTitle); font.bold: true }
                ListView {
                    id: historyView
                    objectName: "historyView"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: 90
                    clip: true
                    model: history
                    ScrollBar.vertical: ScrollBar {}
                    Label {
                        textFormat: Text.PlainText
                        anchors.centerIn: parent
                        visible: historyView.count === 0
                        text: history.loading ? qsTr("Reading the history…") : qsTr("No changes recorded.")
                        opacity: 0.7
                    }
                    delegate: ItemDelegate {
                        id: historyRow
                        required property date time
                        required property string timeIso
                        required property string path
                        required property string operationText
                        required property string writerText
                        required property bool isUndo
                        width: historyView.width
                        contentItem: RowLayout {
                            Label { textFormat: Text.PlainText; text: Qt.formatDateTime(historyRow.time, "yyyy-MM-dd HH:mm:ss"); Layout.preferredWidth: implicitWidth }
                            Label { textFormat: Text.PlainText; text: historyRow.operationText; Layout.preferredWidth: 80 }
                            Label { textFormat: Text.PlainText; text: historyRow.path; elide: Text.ElideMiddle; Layout.fillWidth: true }
                            Label { textFormat: Text.PlainText; text: historyRow.writerText; opacity: 0.8; elide: Text.ElideRight; Layout.maximumWidth: 160 }
                        }
                        PlainToolTip {
                            visible: parent.hovered && !historyRow.isUndo
                            text: qsTr("Click to undo what %1 changed since this change").arg(panel.applianceTitle)
                        }
                        onClicked: if (!historyRow.isUndo) panel.chooseSince(historyRow.timeIso)
                    }
                }

                Label { textFormat: Text.PlainText; text: qsTr("Undo what %1 changed since…").arg(panel.applianceTitle); font.bold: true }
                RowLayout {
                    Layout.fillWidth: true
                    TextField {
                        id: sinceField
                        objectName: "sinceField"
                        Layout.preferredWidth: 200
                        placeholderText: qsTr("YYYY-MM-DD HH:MM")
                        onEditingFinished: panel.sinceIso = panel.toIso(text)
                    }
                    Button {
                        objectName: "previewButton"
                        text: qsTr("Preview")
                        enabled: !panel.previewing && !panel.undoing
                        onClicked: {
                            panel.sinceIso = panel.toIso(sinceField.text)
                            panel.previewUndo()
                        }
                    }
                    Repeater {
                        // The breaches of this appliance: "since the breach at …".
                        model: Breaches
                        delegate: PlainButton {
                            required property string appliance
                            required property date time
                            required property string kind
                            visible: appliance === panel.appliance
                            text: qsTr("Since the breach at %1").arg(Qt.formatDateTime(time, "HH:mm"))
                            onClicked: panel.chooseSince(time.toISOString())
                        }
                    }
                    Item { Layout.fillWidth: true }
                }
                Label {
                    objectName: "undoStatus"
                    textFormat: Text.PlainText
                    visible: text !== ""
                    text: panel.undoStatus
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                ListView {
                    id: previewView
                    objectName: "previewView"
                    Layout.fillWidth: true
                    Layout.preferredHeight: 190 // fixed: a height following contentHeight would recreate the rows
                    visible: panel.preview.length > 0
                    clip: true
                    model: panel.preview
                    ScrollBar.vertical: ScrollBar {}
                    delegate: ColumnLayout {
                        id: previewRow
                        required property var modelData
                        width: previewView.width
                        spacing: 0
                        Label {
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            elide: Text.ElideMiddle
                            text: (previewRow.modelData.conflict ? "⚠ " : "↶ ") + previewRow.modelData.path + " — "
                                  + (previewRow.modelData.conflict
                                     ? qsTr("conflict: changed later by %1").arg(previewRow.modelData.laterWriters)
                                     : previewRow.modelData.restores ? qsTr("gets its earlier content back")
                                                                     : qsTr("is removed (%1 created it)").arg(panel.applianceTitle))
                        }
                        RowLayout {
                            visible: previewRow.modelData.conflict
                            Layout.leftMargin: 24
                            RadioButton {
                                objectName: "keepCurrent-" + previewRow.modelData.path
                                text: qsTr("Keep the current version")
                                checked: panel.takeEarlier[previewRow.modelData.path] !== true
                                onToggled: if (checked) panel.setTakeEarlier(previewRow.modelData.path, false)
                            }
                            RadioButton {
                                objectName: "takeEarlier-" + previewRow.modelData.path
                                text: qsTr("Take the version from before (the current one is kept as a copy)")
                                checked: panel.takeEarlier[previewRow.modelData.path] === true
                                onToggled: if (checked) panel.setTakeEarlier(previewRow.modelData.path, true)
                            }
                        }
                    }
                }
                RowLayout {
                    visible: panel.preview.length > 0
                    Button {
                        objectName: "applyUndoButton"
                        highlighted: true
                        enabled: !panel.undoing
                        text: qsTr("Undo %n file(s)", "", panel.preview.length - panel.conflictCount + Object.keys(panel.takeEarlier).length)
                        onClicked: panel.applyUndo()
                    }
                    Label {
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        opacity: 0.85
                        text: qsTr("Changes by others are kept. Nothing is overwritten without a copy.")
                    }
                }
            }
        }
    }
}
