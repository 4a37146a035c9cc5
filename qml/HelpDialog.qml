import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tessera

// The user guide shipped with Tessera (F1, or Help → User guide).
PlainTitleDialog {
    id: dialog
    objectName: "helpDialog"
    title: qsTr("Tessera user guide")
    modal: true
    standardButtons: Dialog.Close
    width: Math.min(720, parent ? parent.width - 40 : 720)
    height: Math.min(640, parent ? parent.height - 40 : 640)

    ScrollView {
        id: scroll
        anchors.fill: parent
        clip: true
        contentWidth: availableWidth

        Text {
            objectName: "userGuideText"
            width: scroll.availableWidth
            // Tessera's own text, written in Markdown; nothing in it comes from an appliance.
            textFormat: Text.MarkdownText
            text: UserGuide.markdown
            wrapMode: Text.WordWrap
            color: dialog.palette.windowText
            onLinkActivated: link => Qt.openUrlExternally(link)
        }
    }
}
