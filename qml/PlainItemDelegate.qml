import QtQuick
import QtQuick.Controls

// An ItemDelegate (a ComboBox's or a list's row) whose text is plain text: the styles' IconLabel
// reads markup, and Qt 6.4 crashes on an <img> tag in it. Every ComboBox of the shell uses these.
ItemDelegate {
    id: control

    contentItem: Label {
        text: control.text
        textFormat: Text.PlainText
        font: control.font
        color: control.highlighted ? control.palette.highlightedText : control.palette.text
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
}
