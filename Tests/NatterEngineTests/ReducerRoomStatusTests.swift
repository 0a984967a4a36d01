import Foundation
import NatterEngine
import NatterModel
import Testing

/// Joins, parts and presence changes as status lines in room windows, and `/who`'s lines posted into a room.
@Suite struct ReducerRoomStatusTests {
    static let channels = SourceKey(account: .default, protocolKind: .channels)
    let id = ConversationID.channel("c1")
    let carol = JID("carol@natter.test")!

    func lines(_ harness: ReducerHarness, in id: ConversationID) -> [String] {
        harness.state.roomStatus[id]?.map(\.text) ?? []
    }

    @Test func channelMembersJoinChangePresenceAndLeave() {
        var harness = ReducerHarness(online: false)
        harness.event(.session(.attached([.channels, .presence])), from: Self.channels)
        harness.event(.session(.authenticated(harness.alice)), from: Self.channels)
        let me = Member(jid: harness.alice, role: .admin, presence: .available)
        let bob = Member(jid: harness.bob, presence: .available)
        harness.event(.channels(.listed([Channel(id: "c1", name: "Ops", members: [me, bob])])), from: Self.channels)
        harness.intent(.windows(.open(id)))
        #expect(lines(harness, in: id).isEmpty, "the first member list is no news")

        harness.event(.channels(.member(channel: "c1", Member(jid: carol, presence: .available))), from: Self.channels)
        harness.event(.channels(.member(channel: "c1", Member(jid: harness.bob, presence: .away))), from: Self.channels)
        harness.event(.channels(.member(channel: "c1", Member(jid: harness.bob, presence: .away))), from: Self.channels)
        harness.event(
            .channels(.member(channel: "c1", Member(jid: harness.bob, role: .admin, presence: .away))),
            from: Self.channels)
        harness.event(
            .channels(
                .listed([Channel(id: "c1", name: "Ops", members: [me, Member(jid: carol, presence: .available)])])),
            from: Self.channels)
        #expect(
            lines(harness, in: id) == [
                "carol joined", "bob is now away", "bob is now an administrator", "bob left",
            ])
    }

    @Test func roomOccupantsAndWhoLinesGoIntoTheRoom() {
        var harness = ReducerHarness()
        let room = ConversationID.room(harness.lounge)
        harness.intent(.windows(.open(room)))
        harness.event(.rooms(.joined(harness.lounge)))
        harness.event(.rooms(.occupant(room: harness.lounge, user: harness.bob, .available)))
        harness.event(.rooms(.occupant(room: harness.lounge, user: harness.bob, .away)))
        harness.event(.rooms(.occupant(room: harness.lounge, user: harness.bob, .unavailable)))
        harness.event(.rooms(.occupant(room: harness.lounge, user: harness.alice, .available)))
        harness.intent(.windows(.note(room, .info("Lounge: 1 here: me"))))
        #expect(lines(harness, in: room) == ["bob joined", "bob left", "Lounge: 1 here: me"])
        #expect(harness.state.roomStatus[room]?.last?.timestamp == harness.now, "the reducer dates the line")
    }

    @Test func aContactsPresenceChangeIsNotedInTheRoomsTheyAreIn() {
        var harness = ReducerHarness()
        let room = ConversationID.room(harness.lounge)
        harness.intent(.windows(.open(room)))
        harness.event(.rooms(.joined(harness.lounge)))
        harness.event(.presence(.changed(harness.bob, .available, status: nil, since: nil)))
        harness.event(.rooms(.occupant(room: harness.lounge, user: harness.bob, .available)))
        harness.event(.presence(.changed(harness.bob, .away, status: "lunch", since: nil)))
        harness.event(.presence(.changed(harness.bob, .away, status: "lunch", since: nil)))
        #expect(lines(harness, in: room) == ["bob joined", "bob is now away"])
    }

    /// Joining, the server first names who is already there; that is no news. After a reconnect the rejoin
    /// starts from an empty list, so whoever left meanwhile is gone from it.
    @Test func theRollCallOfAJoinIsSilentAndAReconnectForgetsWhoLeft() {
        var harness = ReducerHarness()
        let room = ConversationID.room(harness.lounge)
        harness.intent(.rooms(.join(harness.lounge, account: .default)))
        harness.event(.rooms(.occupant(room: harness.lounge, user: harness.bob, .available)))
        harness.event(.rooms(.occupant(room: harness.lounge, user: carol, .available)))
        harness.event(.rooms(.joined(harness.lounge)))
        #expect(lines(harness, in: room).isEmpty, "nobody joined: they were there")
        #expect(harness.state.conversations[room]?.occupants == [harness.bob, carol])

        harness.event(.session(.connection(.reconnecting(attempt: 1, retryAt: harness.now, reason: "gone"))))
        let rejoin = harness.event(.session(.authenticated(harness.alice)))
        #expect(rejoin.contains(.adapter(ReducerHarness.realtime, .rooms(.join(harness.lounge)))))
        harness.event(.rooms(.occupant(room: harness.lounge, user: carol, .available)))
        harness.event(.rooms(.joined(harness.lounge)))
        #expect(harness.state.conversations[room]?.occupants == [carol], "bob left while we were away")
        harness.event(.rooms(.occupant(room: harness.lounge, user: harness.bob, .available)))
        #expect(lines(harness, in: room) == ["bob joined"])
    }
}
