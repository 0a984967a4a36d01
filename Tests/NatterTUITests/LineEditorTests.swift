import Testing

@testable import NatterTUI

@Suite struct LineEditorTests {
    func editor(_ text: String) -> LineEditor {
        var editor = LineEditor()
        editor.setText(text)
        return editor
    }

    @Test func cursorMovesByCluster() {
        var line = editor("a👨‍👩‍👧‍👦e\u{301}")
        #expect(line.cursor == 3)
        _ = line.handle(.left)
        _ = line.handle(.backspace)
        #expect(line.string == "ae\u{301}")
        _ = line.handle(.control("a"))
        _ = line.handle(.control("d"))
        #expect(line.string == "e\u{301}")
    }

    @Test func killAndYank() {
        var line = editor("hello big world")
        _ = line.handle(.control("w"))
        #expect(line.string == "hello big ")
        _ = line.handle(.control("a"))
        _ = line.handle(.control("y"))
        #expect(line.string == "worldhello big ")
        _ = line.handle(.control("k"))
        #expect(line.string == "world")
        _ = line.handle(.control("u"))
        #expect(line.string == "")
        _ = line.handle(.control("y"))
        #expect(line.string == "world")
    }

    @Test func wordMotion() {
        var line = editor("one two three")
        _ = line.handle(.alt("b"))
        #expect(line.cursor == 8)
        _ = line.handle(.alt("b"))
        #expect(line.cursor == 4)
        _ = line.handle(.alt("f"))
        #expect(line.cursor == 7)
        _ = line.handle(.control("e"))
        #expect(line.cursor == 13)
    }

    @Test func typedCombiningMarkJoinsThePreviousCluster() {
        var line = LineEditor()
        _ = line.handle(.character("e"))
        _ = line.handle(.character("\u{301}"))
        #expect(line.text.count == 1)
        #expect(line.cursor == 1)
    }

    @Test func enterSubmitsAndRemembersHistory() {
        var line = editor("first")
        #expect(line.handle(.enter) == .submit("first"))
        #expect(line.isEmpty)
        _ = line.handle(.character("x"))
        _ = line.handle(.up)
        #expect(line.string == "first")
        _ = line.handle(.down)
        #expect(line.string == "x")
    }

    @Test func pasteIsInsertedAsOneMultiLineEdit() {
        var line = editor("say: ")
        _ = line.handle(.paste("a\nb\nc"))
        #expect(line.lineCount == 3)
        #expect(line.handle(.enter) == .submit("say: a\nb\nc"))
    }

    @Test func windowKeysAreNotTheEditors() {
        var line = LineEditor()
        #expect(line.handle(.pageUp) == .ignored)
        #expect(line.handle(.control("n")) == .ignored)
    }

    @Test func horizontalScrollKeepsTheCursorVisibleByDisplayWidth() {
        var line = editor(String(repeating: "中", count: 30))
        let view = line.view(width: 20)
        #expect(view.cursorColumn <= 19)
        #expect(DisplayWidth.of(view.text) <= 20)
        #expect(view.text.hasSuffix("中"))
        _ = line.handle(.home)
        let start = line.view(width: 20)
        #expect(start.cursorColumn == 0)
        #expect(DisplayWidth.of(start.text) <= 20)
    }

    @Test func multiLineInputShowsReturnSymbols() {
        var line = editor("a\nb")
        #expect(line.view(width: 20).text == "a⏎b")
    }
}
