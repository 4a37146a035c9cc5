import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tessera.Contracts

// Two appliances that do the same job, their contracts side by side per group (Network,
// Your files, Activity, Resources, Display), saying which is tighter and on what.
// show() takes anything with name, title and descriptorPath (an ApplianceSession).
PlainTitleDialog {
    id: view
    objectName: "contractCompareView"

    property var left
    property var right
    readonly property alias comparison: comparison

    function show(leftAppliance, rightAppliance) {
        left = leftAppliance
        right = rightAppliance
        comparison.compare(left.descriptorPath, left.title, left.name, right.descriptorPath, right.title, right.name)
        open()
    }

    /// Colour for a side in a row: green where that side is the tighter one.
    function sideColor(tighter, side) {
        return tighter === side ? "#e8f5e9" : "transparent"
    }

    modal: true
    title: left && right ? qsTr("%1 and %2 compared").arg(left.title).arg(right.title) : ""
    width: Math.min(parent ? parent.width - 32 : 760, 760)
    height: Math.min(parent ? parent.height - 32 : 600, 600)
    standardButtons: Dialog.Close

    ContractComparisonModel {
        id: comparison
    }

    contentItem: ColumnLayout {
        spacing: 8
        Label {
            objectName: "compareVerdict"
            textFormat: Text.PlainText
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            font.bold: true
            text: comparison.errorString !== "" ? comparison.errorString : comparison.verdictText
            color: comparison.errorString !== "" ? "#c0392b" : palette.windowText
        }
        RowLayout {
            Layout.fillWidth: true
            Label {
                textFormat: Text.PlainText
                Layout.preferredWidth: 110
                text: ""
            }
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                font.bold: true
                text: comparison.leftName
                elide: Text.ElideRight
            }
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                font.bold: true
                text: comparison.rightName
                elide: Text.ElideRight
            }
        }
        ListView {
            objectName: "compareRows"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 6
            model: comparison
            delegate: ColumnLayout {
                required property string group
                required property string leftText
                required property string rightText
                required property string tighter
                required property string tighterText
                width: ListView.view.width
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        textFormat: Text.PlainText
                        Layout.preferredWidth: 110
                        Layout.alignment: Qt.AlignTop
                        text: group
                        font.bold: true
                        wrapMode: Text.WordWrap
                    }
                    Label {
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.alignment: Qt.AlignTop
                        wrapMode: Text.WordWrap
                        text: leftText !== "" ? leftText : qsTr("Nothing declared")
                        opacity: leftText !== "" ? 1 : 0.6
                        background: Rectangle { color: view.sideColor(tighter, "left") }
                    }
                    Label {
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.alignment: Qt.AlignTop
                        wrapMode: Text.WordWrap
                        text: rightText !== "" ? rightText : qsTr("Nothing declared")
                        opacity: rightText !== "" ? 1 : 0.6
                        background: Rectangle { color: view.sideColor(tighter, "right") }
                    }
                }
                Label {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    leftPadding: 110
                    wrapMode: Text.WordWrap
                    font.italic: true
                    opacity: 0.8
                    text: tighterText
                }
            }
            ScrollBar.vertical: ScrollBar {}
        }
    }
}
