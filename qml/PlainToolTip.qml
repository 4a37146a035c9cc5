import QtQuick
import QtQuick.Controls

// A tool tip whose text is plain text: the styles' ToolTip (and so the attached ToolTip.text)
// draws it with a Text in AutoText, which renders markup and fetches the images it names. Declare
// one as a child of the control it explains: PlainToolTip { visible: parent.hovered; text: ... }.
ToolTip {
    id: control

    delay: Qt.styleHints.mousePressAndHoldInterval
    contentItem: Text {
        text: control.text
        textFormat: Text.PlainText
        font: control.font
        wrapMode: Text.Wrap
        color: control.palette.toolTipText
    }
}
