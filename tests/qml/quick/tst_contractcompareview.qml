import QtQuick
import QtTest
import Tessera

// ContractCompareView's logic: show() compares the two appliances' descriptors and the view's
// rows, verdict and colours follow the comparison.
TestCase {
    id: testCase
    name: "ContractCompareView"
    when: windowShown
    width: 800
    height: 640

    Component {
        id: viewComponent
        ContractCompareView {}
    }

    function appliance(name, title) {
        return { name: name, title: title, descriptorPath: applianceDir + "/" + name + "/appliance.ovf" }
    }

    function test_showComparesBothSides() {
        const view = createTemporaryObject(viewComponent, testCase)
        verify(view)
        view.show(appliance("terminal", "Terminal"), appliance("editor", "Editor"))
        verify(view.opened || view.visible)
        compare(view.comparison.rowCount(), 5)
        const rows = findChild(view.contentItem, "compareRows")
        verify(rows)
        compare(rows.count, 5)
        compare(view.comparison.verdict, "incomparable")
        compare(view.comparison.leftName, "Terminal")
        compare(view.title, "Terminal and Editor compared")
        const verdict = findChild(view.contentItem, "compareVerdict")
        verify(verdict)
        verify(verdict.text.indexOf("Neither contract is tighter overall") === 0, verdict.text)
    }

    function test_sideColor() {
        const view = createTemporaryObject(viewComponent, testCase)
        verify(view.sideColor("left", "left") !== "transparent")
        compare(view.sideColor("left", "right"), "transparent")
        compare(view.sideColor("equal", "left"), "transparent")
        compare(view.sideColor("neither", "right"), "transparent")
    }

    function test_rejectedShowsTheError() {
        const view = createTemporaryObject(viewComponent, testCase)
        view.show(appliance("terminal", "Terminal"), { name: "x", title: "Broken", descriptorPath: "/nonexistent/appliance.ovf" })
        verify(view.comparison.errorString !== "")
        compare(view.comparison.verdict, "")
        const verdict = findChild(view.contentItem, "compareVerdict")
        compare(verdict.text, view.comparison.errorString)
    }
}
