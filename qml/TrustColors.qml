pragma Singleton
import QtQuick

// Each appliance's trust colour: the frame the host draws around its windows.
QtObject {
    readonly property var palette: ["#2e86de", "#10ac84", "#8e44ad", "#e67e22", "#c0392b", "#16a085", "#d35400", "#2c3e50"]

    function colorFor(name) {
        let hash = 0
        for (let i = 0; i < name.length; ++i)
            hash = (hash * 31 + name.charCodeAt(i)) % 9973
        return palette[hash % palette.length]
    }
}
