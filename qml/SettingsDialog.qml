import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qt.labs.settings
import Tessera

// Where Tessera runs appliances. Stored with QSettings; connection changes apply at the next start.
PlainTitleDialog {
    id: dialog

    /// The launcher's appliances, for their colours.
    property var applianceModel

    modal: true
    title: qsTr("Settings")
    width: Math.min(parent ? parent.width - 48 : 560, 560)
    // Grows with its content (each connection, with its error, adds a row) up to the window, then scrolls.
    height: parent ? Math.min(implicitHeight, parent.height - 48) : implicitHeight
    standardButtons: Dialog.Close

    Settings {
        id: connection
        category: "connection"
        property string uri: ""
        property string accelerator: "auto"
    }

    // Read by TesseraPaths::personalStoreDir() (TESSERA_STORE_DIR overrides it).
    Settings {
        id: store
        category: "store"
        property string location: ""
    }

    contentItem: ScrollView {
        id: scroller
        objectName: "settingsScroll"
        clip: true
        contentWidth: availableWidth
        implicitHeight: grid.implicitHeight

        GridLayout {
            id: grid
            width: scroller.availableWidth
            columns: 2
            columnSpacing: 12
            rowSpacing: 8

            Label {
                textFormat: Text.PlainText
                text: qsTr("Connection")
                font.bold: true
                Layout.columnSpan: 2
            }
            Label { textFormat: Text.PlainText; text: qsTr("libvirt URI:") }
            TextField {
                id: uriField
                objectName: "uriField"
                Layout.fillWidth: true
                text: connection.uri
                placeholderText: qsTr("Default (%1)").arg(Hypervisor.uri)
                Accessible.name: qsTr("libvirt connection URI")
                onEditingFinished: connection.uri = text.trim()
            }
            Label {
                textFormat: Text.PlainText
                Layout.columnSpan: 2
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                opacity: 0.7
                text: qsTr("Leave empty for the default. Remote hosts go in the list below.")
            }
            Label { textFormat: Text.PlainText; text: qsTr("Accelerator:") }
            ComboBox {
                id: acceleratorBox
                objectName: "acceleratorBox"
                Layout.fillWidth: true
                textRole: "text"
                valueRole: "value"
                model: [
                    { value: "auto", text: qsTr("Automatic (KVM when it really works)") },
                    { value: "kvm", text: qsTr("KVM (hardware virtualisation)") },
                    { value: "tcg", text: qsTr("TCG (software emulation, slower)") }
                ]
                Accessible.name: qsTr("Accelerator")
                delegate: PlainItemDelegate {
                    required property var modelData
                    required property int index
                    width: ListView.view.width
                    text: modelData.text
                    highlighted: acceleratorBox.highlightedIndex === index
                }
                Component.onCompleted: currentIndex = Math.max(0, indexOfValue(connection.accelerator))
                onActivated: connection.accelerator = currentValue
            }
            Label {
                textFormat: Text.PlainText
                Layout.columnSpan: 2
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("In use now: %1 on %2. Changes apply when Tessera starts again.").arg(Hypervisor.acceleratorName).arg(Hypervisor.uri)
            }
            ConnectionSettingsView {
                Layout.columnSpan: 2
                Layout.fillWidth: true
                Layout.topMargin: 8
            }

            Label {
                textFormat: Text.PlainText
                text: qsTr("Personal store")
                font.bold: true
                Layout.columnSpan: 2
                Layout.topMargin: 8
            }
            Label { textFormat: Text.PlainText; text: qsTr("Store folder:") }
            TextField {
                id: storeField
                objectName: "storeField"
                Layout.fillWidth: true
                text: store.location
                placeholderText: qsTr("Default (store in Tessera's data folder)")
                Accessible.name: qsTr("Personal store folder")
                onEditingFinished: {
                    const location = text.trim()
                    if (location === "" || location.startsWith("/"))
                        store.location = location
                }
            }
            Label {
                textFormat: Text.PlainText
                Layout.columnSpan: 2
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                objectName: "storeHint"
                readonly property bool invalid: storeField.text.trim() !== "" && !storeField.text.trim().startsWith("/")
                color: invalid ? "#b00020" : palette.windowText
                opacity: invalid ? 1 : 0.7
                text: invalid ? qsTr("Enter a full path starting with /, such as /home/you/Tessera, or leave it empty for the default.")
                              : qsTr("Appliances see only the folders of this store that their contract mounts. Changes apply when Tessera starts again.")
            }
            ApplianceColorSettings {
                Layout.columnSpan: 2
                Layout.fillWidth: true
                Layout.topMargin: 8
                appliances: dialog.applianceModel
            }
        }
    }
}
