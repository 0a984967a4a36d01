import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

@Suite struct CommandParserTests {
    let parser = CommandParser()

    @Test func msgResolvesBareNamesAndDisplayNames() {
        let state = Fixture.state()
        #expect(parser.parse("/msg bob", state: state) == [.dispatch(.openConversation(.direct(Fixture.bob)))])
        #expect(parser.parse("/msg Carol", state: state) == [.dispatch(.openConversation(.direct(Fixture.carol)))])
        let stranger = JID("zed@natter.test")!
        #expect(parser.parse("/msg zed", state: state) == [.dispatch(.openConversation(.direct(stranger)))])
        #expect(
            parser.parse("/msg bob  hi there", state: state) == [
                .dispatch(.openConversation(.direct(Fixture.bob))),
                .dispatch(.send(text: "hi there", to: .direct(Fixture.bob))),
            ])
    }

    @Test func joinAndPart() throws {
        var state = Fixture.state()
        #expect(parser.parse("/join lounge", state: state) == [.dispatch(.joinRoom(Fixture.lounge))])
        state.activeWindow = .conversation(.room(Fixture.lounge))
        #expect(parser.parse("/part", state: state) == [.dispatch(.leaveRoom(Fixture.lounge))])
        state.activeWindow = .console
        let notice = try Fixture.notice(in: parser.parse("/part", state: state))
        #expect(notice.level == .error)
    }

    @Test func presenceWithStatus() {
        let state = Fixture.state()
        #expect(
            parser.parse("/presence away out for lunch", state: state) == [
                .dispatch(.setPresence(.away, status: "out for lunch"))
            ])
        #expect(parser.parse("/presence dnd", state: state) == [.dispatch(.setPresence(.dnd, status: nil))])
        #expect(parser.parse("/presence sideways", state: state).count == 1)
    }

    @Test func windowCommands() {
        var state = Fixture.withChat([])
        #expect(parser.parse("/win 3", state: state) == [.dispatch(.activateNumber(3))])
        #expect(parser.parse("/close", state: state) == [.dispatch(.closeWindow(state.activeWindow))])
        #expect(parser.parse("/clear", state: state) == [.clearWindow(state.activeWindow)])
        #expect(parser.parse("/older", state: state) == [.dispatch(.loadOlderHistory(.direct(Fixture.bob)))])
        #expect(parser.parse("/quit", state: state) == [.dispatch(.quit)])
        state.activeWindow = .console
        #expect(parser.parse("/clear", state: state) == [.dispatch(.clearConsole)])
    }

    @Test func helpWritesToTheConsole() {
        let actions = parser.parse("/help", state: Fixture.state())
        #expect(actions.first == .dispatch(.activate(.console)))
        #expect(actions.count == CommandParser.helpLines.count + 1)
    }

    @Test func unknownCommandIsAnError() throws {
        let actions = parser.parse("/frobnicate", state: Fixture.state())
        let notice = try Fixture.notice(in: actions)
        #expect(notice.level == .error)
        #expect(notice.text.contains("/frobnicate"))
    }

    @Test func plainTextGoesToTheConversationOrWarnsInTheConsole() throws {
        let chat = Fixture.withChat([])
        #expect(parser.parse("hello", state: chat) == [.dispatch(.send(text: "hello", to: .direct(Fixture.bob)))])
        #expect(
            parser.parse("//etc/passwd", state: chat) == [
                .dispatch(.send(text: "/etc/passwd", to: .direct(Fixture.bob)))
            ])
        let notice = try Fixture.notice(in: parser.parse("hello", state: Fixture.state()))
        #expect(notice.text.contains("/msg"))
    }

    @Test func multiLineTextIsOneMessage() {
        let chat = Fixture.withChat([])
        #expect(parser.parse("a\nb\nc", state: chat) == [.dispatch(.send(text: "a\nb\nc", to: .direct(Fixture.bob)))])
    }
}
