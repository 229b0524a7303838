import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// "done / missing" marker with a text label, so the state never depends on colour alone.
RowLayout {
    property bool done: false
    property string label
    spacing: 4
    Rectangle {
        width: 10
        height: 10
        radius: 5
        color: parent.done ? "#2e7d32" : "#b0bec5"
    }
    Label {
        text: parent.label + (parent.done ? qsTr("已填") : qsTr("未填"))
        color: parent.done ? "#1b5e20" : "#78909c"
    }
}
