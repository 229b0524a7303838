import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A labelled multi-line field (paste from Excel) with its validation messages below it.
ColumnLayout {
    id: field
    property string label
    property string hint
    property string error
    property alias text: area.text
    signal edited(string text)
    spacing: 2

    Label { text: field.label }
    ScrollView {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: 90
        TextArea {
            id: area
            placeholderText: field.hint
            Accessible.name: field.label
            wrapMode: TextEdit.NoWrap
            background: Rectangle { border.color: "#b0bec5"; color: "white" }
            onTextChanged: field.edited(text)
        }
    }
    Label {
        Layout.fillWidth: true
        visible: field.error.length > 0
        text: field.error
        color: "#b71c1c"
        wrapMode: Text.Wrap
    }
}
