import QtQuick
import QtQuick.Controls
import QtTest
import Tessera

// The recovery panel's logic on real parts (see tst_recoverypanel.cpp): which actions are
// offered in which state and why not, and that each conflict choice leads to the right undo.
Item {
    id: window
    width: 900
    height: 700

    Component {
        id: spyComponent
        SignalSpy {}
    }

    RecoveryPanel {
        id: panel
        session: fixture.session
    }

    Component {
        id: cardComponent
        ApplianceCard {
            width: window.width
            name: "sample"; title: "Sample"; job: "Samples"; stateText: "Off"; headline: "May write to Documents"
            session: fixture.session
        }
    }

    TestCase {
        name: "RecoveryPanel"
        when: windowShown

        function item(name) {
            const found = findChild(panel.contentItem, name)
            verify(found !== null, "no item " + name)
            return found
        }

        function initTestCase() {
            compare(fixture.problem, "")
            panel.open()
            tryCompare(panel, "opened", true)
        }

        function test_1_systemActionsFollowTheState() {
            // Off, keeping changes: everything is offered; the two points and the quarantine are listed.
            tryVerify(() => findChild(panel.contentItem, "point-2") !== null, 10000)
            verify(item("point-1") !== null)
            verify(item("takePointButton").enabled)
            verify(item("rollbackToBase").enabled)
            verify(!item("stopFirstLabel").visible)
            verify(!item("takeReasonLabel").visible)
            compare(panel.quarantineList.length, 1)
            verify(fixture.screenshot("recovery-system"))

            // Running: the system cannot change; the reason is said in words.
            panel.running = true
            verify(!item("takePointButton").enabled)
            verify(!item("rollbackToBase").enabled)
            verify(!item("freshMode").enabled)
            verify(item("stopFirstLabel").visible)
            compare(item("takeReasonLabel").text, panel.stopFirstText)
            verify(item("takeReasonLabel").visible)
            verify(item("recoverButton").enabled) // recovery is for a running appliance too

            // Off, fresh mode: no points to take, but the clean base is always there.
            panel.running = false
            panel.keepChanges = false
            verify(!item("takePointButton").enabled)
            compare(item("takeReasonLabel").text, panel.keepFirstText)
            verify(item("rollbackToBase").enabled)
            panel.keepChanges = Qt.binding(() => panel.session.keepChanges)
            verify(item("takePointButton").enabled)
        }

        function test_2_historyAndRetention() {
            const history = findChild(panel, "storeHistoryModel")
            verify(history !== null)
            tryVerify(() => history.count === 4, 10000) // sample's four writes; the host's are not its
            compare(history.totalEntries, 9)
            verify(history.storageBytes > 0)
            verify(item("retentionLabel").text.indexOf(String(history.retentionDays)) >= 0)
        }

        function findVisible(name) {
            let found = null
            tryVerify(() => { found = findChild(panel.contentItem, name); return found !== null && found.visible && found.width > 0 },
                      5000, "no visible " + name)
            return found
        }

        function test_3_conflictsAreThePersonsChoice() {
            mouseClick(item("filesTab"))
            panel.chooseSince(fixture.since) // as a click on a history row does
            tryCompare(panel, "previewing", false, 10000)
            compare(panel.preview.length, 4)
            compare(panel.conflictCount, 2)
            compare(Object.keys(panel.takeEarlier).length, 0)

            // budget.txt: take the version from before (the host's fix is kept as a copy);
            // notes.txt: keep the current version.
            verify(findVisible("keepCurrent-Documents/budget.txt").checked)
            waitForRendering(panel.contentItem)
            mouseClick(findVisible("takeEarlier-Documents/budget.txt"))
            verify(findVisible("takeEarlier-Documents/budget.txt").checked)
            verify(findVisible("keepCurrent-Documents/notes.txt").checked)
            compare(Object.keys(panel.takeEarlier), ["Documents/budget.txt"])
            verify(item("applyUndoButton").text.indexOf("3") >= 0) // letter, ransom, budget
            verify(fixture.screenshot("recovery-files"))

            mouseClick(item("applyUndoButton"))
            tryCompare(panel, "undoing", false, 10000)
            compare(fixture.read("Documents/letter.txt"), "dear bank")
            compare(fixture.read("Documents/ransom.txt"), "<missing>")
            compare(fixture.read("Documents/budget.txt"), "100")
            compare(fixture.read("Documents/notes.txt"), "todo, fixed by hand")
            const copies = fixture.files("Documents").filter(f => f.startsWith("budget (kept "))
            compare(copies.length, 1)
            verify(copies[0].endsWith(").txt"))
            compare(fixture.read("Documents/" + copies[0]), "0, fixed by hand")
            verify(panel.undoStatus.indexOf("3") >= 0)

            // Undone: only the conflict kept as it was is left to undo.
            panel.previewUndo()
            tryCompare(panel, "previewing", false, 10000)
            compare(panel.preview.length, 1)
            compare(panel.preview[0].path, "Documents/notes.txt")
            verify(panel.preview[0].conflict)
        }

        function test_4_theCardAsksForThePanel() {
            panel.close()
            tryCompare(panel, "visible", false)
            const card = createTemporaryObject(cardComponent, window)
            verify(card !== null)
            const button = findChild(card, "recoveryButton")
            verify(button !== null && button.visible)
            waitForRendering(card)
            verify(fixture.screenshot("card"))
            // The shell (Main.qml) holds the one panel and opens it for the card's appliance.
            const asked = createTemporaryObject(spyComponent, window, { target: card, signalName: "recoveryPanelRequested" })
            mouseClick(button)
            compare(asked.count, 1)
        }

        function test_5_showUndoSinceOpensThePreview() {
            const iso = new Date(Date.now() - 3600 * 1000).toISOString()
            panel.showUndoSince(iso)
            tryCompare(panel, "opened", true)
            compare(findChild(panel, "filesTab").checked, true)
            compare(panel.sinceIso, iso)
            tryCompare(panel, "previewing", false, 10000)
            panel.close()
        }

        function test_6_theCardShowsWindowAbuse() {
            const card = createTemporaryObject(cardComponent, window)
            verify(card !== null)
            const notice = findChild(card, "windowAbuseNotice")
            verify(notice !== null)
            verify(!notice.visible)
            // What SeamlessWindowManager reports when a guest goes past a window limit.
            fixture.session.seamlessWindows.abuseDetected("The appliance opened more than 256 windows.")
            tryCompare(notice, "visible", true)
            verify(notice.text.indexOf("more than 256 windows") >= 0, notice.text)
            waitForRendering(card)
            verify(fixture.screenshot("card-window-abuse"))
        }
    }
}
