import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The title line of every page, with room for page actions on the right.
RowLayout {
    id: header
    property string title
    property string subtitle
    default property alias actions: actionRow.data
    Layout.fillWidth: true
    spacing: 12

    ColumnLayout {
        spacing: 2
        Label {
            text: header.title
            font.pointSize: 16
            font.bold: true
        }
        Label {
            visible: header.subtitle.length > 0
            text: header.subtitle
            color: "#5b6b7b"
        }
    }
    Item { Layout.fillWidth: true }
    RowLayout {
        id: actionRow
        spacing: 8
    }
}
