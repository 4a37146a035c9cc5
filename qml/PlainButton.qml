import QtQuick
import QtQuick.Controls

// A Button whose label is plain text, for labels that hold a name, a path or a time. The styles
// draw a button's text with an IconLabel, which reads markup (and Qt 6.4 crashes on an <img> tag
// in it), so a label built from an appliance's or a package's string needs one of these.
Button {
    id: control

    contentItem: Label {
        text: control.text
        textFormat: Text.PlainText
        font: control.font
        color: control.palette.buttonText
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
}
