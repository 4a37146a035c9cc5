import QtQuick
import QtQuick.Controls

// A Dialog whose title is plain text. The styles draw a Dialog's title with a Label in AutoText,
// which renders a title holding markup (an appliance's name comes from its package) as rich text
// and fetches the images it names; every dialog of the shell is one of these instead.
Dialog {
    id: control

    header: Label {
        text: control.title
        textFormat: Text.PlainText
        visible: control.title !== ""
        elide: Label.ElideRight
        font.bold: true
        padding: 6
        background: Rectangle {
            x: 1; y: 1
            width: parent.width - 2
            height: parent.height - 1
            color: control.palette.window
            radius: 2
        }
    }
}
