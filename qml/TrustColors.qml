pragma Singleton
import QtQuick
import Tessera

// Each appliance's trust colour: the frame the host draws around its windows. The colour is
// the one chosen in Settings, else a default by name (TrustColorStore, shared with C++).
QtObject {
    readonly property var palette: TrustColorStore.choices

    function colorFor(name) {
        // Read revision so that bindings re-evaluate when a colour is changed in Settings.
        return TrustColorStore.revision >= 0 ? TrustColorStore.colorFor(name) : "transparent"
    }
}
