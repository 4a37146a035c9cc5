import QtQuick
import QtQuick.Controls
import QtTest
import Tessera

// ImportDialog's logic on real packages (made by the runner with qemu-img and tar): a rejected
// contract is shown with the parser's position and cannot be imported; a good OVA shows its
// contract, imports off the GUI thread with progress, and reports the new appliance.
TestCase {
    id: testCase
    name: "ImportDialog"
    when: windowShown
    width: 800
    height: 700

    Component {
        id: dialogComponent
        ImportDialog {
            anchors.centerIn: parent
        }
    }

    SignalSpy {
        id: importedSpy
        signalName: "imported"
    }

    function test_rejectedContractIsShownAndNotImportable() {
        verify(badOvf !== "", "the runner could not make the test package")
        const dialog = createTemporaryObject(dialogComponent, testCase)
        dialog.importer.inspect(badOvf)
        dialog.open()
        tryCompare(dialog.importer, "busy", false, 10000)
        tryVerify(() => !dialog.contract.loading && dialog.contract.source !== "", 10000)
        verify(!dialog.contract.valid)
        const error = findChild(dialog.contentItem, "importError")
        verify(error.visible)
        // The file is named as the user knows it, not by the dialog's private copy.
        verify(error.text.indexOf(badOvf + ":") >= 0, error.text)
        verify(/bad\.ovf:\d+:\d+: .*70000/.test(error.text.replace(/\n/g, " ")), error.text)
        verify(!findChild(dialog.footer, "importStartButton").enabled)
        // Even when asked directly, nothing is imported.
        dialog.importer.start("bad")
        tryCompare(dialog.importer, "busy", false, 10000)
        verify(dialog.importer.contractRejected)
        compare(dialog.importer.importedName, "")
        grabImage(dialog.contentItem).save(artifactDir + "/import-dialog-rejected.png")
    }

    // The package's path can be typed (or pasted) instead of chosen; a relative one is explained.
    function test_typedPath() {
        verify(goodOva !== "", "the runner could not make the test package")
        const dialog = createTemporaryObject(dialogComponent, testCase)
        dialog.open()
        const field = findChild(dialog.contentItem, "importPathField")
        verify(field)
        field.text = "Downloads/app.ova"
        field.accepted()
        const problem = findChild(dialog.contentItem, "importPathProblem")
        verify(problem.visible)
        verify(problem.text.indexOf("full path") >= 0, problem.text)
        field.text = goodOva
        field.accepted()
        verify(!problem.visible)
        tryCompare(dialog.importer, "busy", false, 10000)
        tryVerify(() => dialog.contract.valid, 10000)
        compare(dialog.importer.source, goodOva)
        compare(findChild(dialog.contentItem, "importNameField").text, "webterm")
    }

    function test_importsAnOva() {
        verify(goodOva !== "", "the runner could not make the test package")
        const dialog = createTemporaryObject(dialogComponent, testCase)
        importedSpy.target = dialog
        importedSpy.clear()
        dialog.importer.inspect(goodOva)
        dialog.open()
        tryCompare(dialog.importer, "busy", false, 10000)
        tryVerify(() => dialog.contract.valid, 10000)
        compare(findChild(dialog.contentItem, "importNameField").text, "webterm")
        const start = findChild(dialog.footer, "importStartButton")
        tryVerify(() => start.enabled, 5000)
        grabImage(dialog.contentItem).save(artifactDir + "/import-dialog-contract.png")
        start.clicked()
        verify(dialog.importer.busy)
        importedSpy.wait(60000)
        compare(importedSpy.signalArguments[0][0], "webterm")
        compare(dialog.importer.progress, 100)
        compare(dialog.importer.errorString, "")
        verify(!start.visible)
        grabImage(dialog.contentItem).save(artifactDir + "/import-dialog-done.png")

        // A second import under the same name is refused, with the reason.
        dialog.importer.start("webterm")
        tryCompare(dialog.importer, "busy", false, 10000)
        verify(dialog.importer.errorString.indexOf("already an appliance called") >= 0, dialog.importer.errorString)
    }
}
