import QtQuick
import QtQuick.Layouts

// One mark of the restore-point timeline: a line through a dot, the dot filled and ringed
// for the state the system is on now (the text beside it says "now" too: not colour alone).
Item {
    property bool current: false
    property bool base: false

    Layout.preferredWidth: 22
    Layout.fillHeight: true
    implicitHeight: 36

    Rectangle {
        x: parent.width / 2 - 1
        width: 2
        y: 0
        height: parent.base ? parent.height / 2 : parent.height
        color: palette.mid
    }
    Rectangle {
        anchors.centerIn: parent
        width: parent.current ? 16 : 12
        height: width
        radius: width / 2
        color: parent.current ? palette.highlight : palette.base
        border.width: 2
        border.color: parent.current ? palette.highlightedText : palette.mid
    }
}
