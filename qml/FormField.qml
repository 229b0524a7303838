import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A labelled text field with its validation message right below it (red, Chinese).
ColumnLayout {
    id: field
    property string label
    property string error
    property alias text: input.text
    property alias placeholderText: input.placeholderText
    property alias echoMode: input.echoMode
    property alias input: input
    signal edited(string text)
    signal accepted()
    spacing: 2

    Label { text: field.label }
    TextField {
        id: input
        Layout.fillWidth: true
        Accessible.name: field.label
        onTextEdited: field.edited(text)
        onAccepted: field.accepted()
        // Typing into a prefilled field replaces its value (30 stays 30, never 3030). Later, so
        // that the mouse press that gave the focus does not move the cursor back afterwards.
        onActiveFocusChanged: if (activeFocus) Qt.callLater(input.selectAll)
    }
    Label {
        Layout.fillWidth: true
        visible: field.error.length > 0
        text: field.error
        color: "#b71c1c"
        wrapMode: Text.Wrap
    }
}
