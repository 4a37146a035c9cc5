import QtQuick
import QtQuick.Controls
import QtTest
import Tessera

// Settings → Connections: Add refuses qemu+tcp with its reason, by keyboard (Tab, Shift+Tab, Return);
// a remote host to a closed loopback port is added, fails with what to do, and is removed.
TestCase {
    id: testCase
    name: "ConnectionSettingsView"
    when: windowShown
    width: 640
    height: 480

    Component {
        id: viewComponent
        Pane {
            width: testCase.width
            ConnectionSettingsView {
                anchors.left: parent.left
                anchors.right: parent.right
            }
        }
    }

    function findByName(item, name) {
        return findChild(item, name)
    }

    function test_addByKeyboardRefuseTcpThenRemove() {
        compare(HypervisorConnections.count, 0, "the runner gives the test empty settings")
        const pane = createTemporaryObject(viewComponent, testCase.parent) // TestCase itself is invisible
        const nameField = findByName(pane, "newConnectionName")
        const uriField = findByName(pane, "newConnectionUri")
        const problem = findByName(pane, "addConnectionProblem")
        verify(nameField.Accessible.name !== "")
        nameField.forceActiveFocus()
        keyClick(Qt.Key_L)
        keyClick(Qt.Key_A)
        keyClick(Qt.Key_B)
        compare(nameField.text, "lab")
        keyClick(Qt.Key_Tab)
        verify(uriField.activeFocus, "Tab goes from the name to the URI")
        keyClick(Qt.Key_Backtab)
        verify(nameField.activeFocus, "Shift+Tab goes back to the name")
        keyClick(Qt.Key_Return)
        verify(uriField.activeFocus, "Return goes from the name to the URI")
        uriField.text = "qemu+tcp://lab/system"
        keyClick(Qt.Key_Return)
        verify(problem.visible)
        verify(problem.text.indexOf("unencrypted") >= 0, problem.text)
        compare(HypervisorConnections.count, 0)

        // Port 9 on loopback: nothing listens, ssh fails at once (and never leaves this machine).
        uriField.text = "qemu+ssh://nobody@127.0.0.1:9/system"
        keyClick(Qt.Key_Return)
        compare(problem.text, "")
        compare(HypervisorConnections.count, 1)
        compare(nameField.text, "")
        tryVerify(() => findByName(pane, "connectionRow0") !== null)
        const row = findByName(pane, "connectionRow0")
        compare(findByName(row, "connectionName").text, "lab")
        tryVerify(() => findByName(row, "connectionError").visible, 30000)
        const error = findByName(row, "connectionError").text
        verify(error.indexOf("lab") >= 0 && error.indexOf("refused") >= 0, error)
        grabImage(pane).save(artifactDir + "/connections-failed.png")

        const remove = findByName(row, "removeButton")
        verify(remove.visible)
        mouseClick(remove)
        compare(HypervisorConnections.count, 0)
    }
}
