import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tessera

// Settings → Appliance colours: one row per appliance with the colours on offer. A colour too
// close to another appliance's is refused, and the row says why.
ColumnLayout {
    id: section
    objectName: "applianceColorSettings"

    /// The launcher's ApplianceListModel.
    property var appliances
    /// Per appliance name, the last refusal (shown under its row).
    property var refusals: ({})

    /// Every appliance's name -> title.
    function titles() {
        const map = {}
        if (!appliances)
            return map
        for (let row = 0; row < appliances.count; ++row) {
            const index = appliances.index(row, 0)
            map[appliances.data(index, 257)] = appliances.data(index, 258) // NameRole, TitleRole
        }
        return map
    }

    /// Chooses @p color for @p name; returns "" or the reason it was refused.
    function choose(name, color) {
        const problem = TrustColorStore.setColor(name, color, titles())
        const copy = Object.assign({}, refusals)
        copy[name] = problem
        refusals = copy
        return problem
    }

    spacing: 6

    Label {
        textFormat: Text.PlainText
        text: qsTr("Appliance colours")
        font.bold: true
    }
    Label {
        textFormat: Text.PlainText
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        opacity: 0.7
        text: qsTr("Each appliance's windows are framed in its colour. Colours that are hard to tell apart are refused.")
    }
    Repeater {
        model: section.appliances
        delegate: ColumnLayout {
            required property string name
            required property string title
            Layout.fillWidth: true
            spacing: 2
            RowLayout {
                spacing: 4
                Rectangle {
                    width: 16
                    height: 16
                    radius: 3
                    color: TrustColors.colorFor(name)
                    Accessible.name: qsTr("Current colour of %1").arg(title)
                }
                Label {
                    textFormat: Text.PlainText
                    text: title
                    Layout.preferredWidth: 110
                    elide: Text.ElideRight
                }
                Repeater {
                    model: TrustColorStore.choices
                    delegate: AbstractButton {
                        required property string modelData
                        objectName: "colorChoice_" + name + "_" + modelData.substring(1)
                        implicitWidth: 20
                        implicitHeight: 20
                        Accessible.name: qsTr("Use %1 for %2").arg(modelData).arg(title)
                        background: Rectangle {
                            radius: 3
                            color: modelData
                            border.width: Qt.colorEqual(TrustColors.colorFor(name), modelData) ? 3 : 0
                            border.color: palette.windowText
                        }
                        onClicked: section.choose(name, modelData)
                    }
                }
                ToolButton {
                    text: qsTr("Default")
                    visible: TrustColorStore.revision >= 0 && TrustColorStore.isChosen(name)
                    onClicked: TrustColorStore.reset(name)
                }
            }
            Label {
                objectName: "colorRefusal_" + name
                textFormat: Text.PlainText
                Layout.fillWidth: true
                visible: text !== ""
                wrapMode: Text.WordWrap
                color: "#b00020"
                text: section.refusals[name] || ""
            }
        }
    }
}
