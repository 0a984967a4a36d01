import Testing

@testable import NatterServer

/// The core's conference rules, pure: who hears what, who may do what, and when a conference ends.
struct ConferenceTableTests {
    let hello = ConferenceText(text: "We need to talk!", contentType: "text/plain", format: "FN=Arial; EF=B")

    private func events(_ deliveries: [ConferenceDelivery], for user: String) -> [ConferenceEvent.Kind] {
        deliveries.filter { $0.user == user }.map(\.event.kind)
    }

    @Test func startingInvitesEachInviteeWithSubjectAndFirstMessage() {
        var table = ConferenceTable()
        let (id, deliveries) = table.start(
            by: "carol", inviting: ["alice", "bob", "alice"], subject: "Plans", message: hello)
        #expect(id == 1)
        #expect(events(deliveries, for: "carol") == [.state(.connecting)])
        for invitee in ["alice", "bob"] {
            #expect(
                events(deliveries, for: invitee) == [
                    .invited(from: "carol", participants: ["carol"], subject: "Plans", message: hello),
                    .state(.incoming),
                ])
        }
        #expect(table.conferences[id]?.invited == ["alice", "bob"])
    }

    @Test func anIDChosenByTheDoorIsUsedUnlessTaken() {
        var table = ConferenceTable()
        #expect(table.start(id: 41, by: "carol", inviting: ["alice"], subject: nil, message: hello).id == 41)
        // Taken: the next free one, never a second conference under one id.
        #expect(table.start(id: 41, by: "bob", inviting: ["alice"], subject: nil, message: hello).id == 42)
        #expect(table.start(by: "bob", inviting: ["alice"], subject: nil, message: hello).id == 43)
    }

    @Test func acceptingConnectsAndIntroducesEveryone() throws {
        var table = ConferenceTable()
        let (id, _) = table.start(by: "carol", inviting: ["alice", "bob"], subject: nil, message: hello)
        let first = try table.accept(id, by: "alice")
        #expect(events(first, for: "alice") == [.state(.connected), .joined("carol")])
        #expect(events(first, for: "carol") == [.state(.connected), .joined("alice")])
        let second = try table.accept(id, by: "bob")
        #expect(events(second, for: "bob") == [.state(.connected), .joined("carol"), .joined("alice")])
        #expect(events(second, for: "carol") == [.joined("bob")])
        #expect(events(second, for: "alice") == [.joined("bob")])
        #expect(throws: ConferenceError.alreadyParticipant("bob")) { try table.accept(id, by: "bob") }
        #expect(throws: ConferenceError.notParticipant(id)) { try table.accept(id, by: "dave") }
    }

    @Test func messagesAndComposingReachOnlyTheOtherJoinedParticipants() throws {
        var table = ConferenceTable()
        let (id, _) = table.start(by: "carol", inviting: ["alice", "bob"], subject: nil, message: hello)
        _ = try table.accept(id, by: "alice")
        let said = try table.message(id, from: "alice", ConferenceText(text: "hi"))
        #expect(said.map(\.user) == ["carol"])
        #expect(throws: ConferenceError.notParticipant(id)) {
            try table.message(id, from: "bob", ConferenceText(text: "not yet"))
        }
        let typing = try table.composing(id, from: "carol", isComposing: true)
        #expect(
            typing == [
                ConferenceDelivery(
                    user: "alice", event: .init(conference: id, kind: .composing(from: "carol", isComposing: true)))
            ])
        #expect(throws: ConferenceError.unknownConference(9)) { try table.message(9, from: "alice", hello) }
    }

    @Test func onlyTheInitiatorEjects() throws {
        var table = ConferenceTable()
        let (id, _) = table.start(by: "carol", inviting: ["alice", "bob"], subject: nil, message: hello)
        _ = try table.accept(id, by: "alice")
        _ = try table.accept(id, by: "bob")
        #expect(throws: ConferenceError.notInitiator(id)) { try table.eject(id, user: "bob", by: "alice") }
        let ejected = try table.eject(id, user: "bob", by: "carol")
        #expect(events(ejected, for: "bob") == [.state(.terminated)])
        #expect(events(ejected, for: "alice") == [.left("bob")])
        #expect(table.conferences[id]?.joined == ["carol", "alice"])
    }

    @Test func theConferenceEndsWhenFewerThanTwoRemain() throws {
        var table = ConferenceTable()
        let (id, _) = table.start(by: "carol", inviting: ["alice"], subject: nil, message: hello)
        _ = try table.accept(id, by: "alice")
        let left = try table.leave(id, user: "alice")
        #expect(events(left, for: "alice") == [.state(.terminated)])
        #expect(events(left, for: "carol") == [.left("alice"), .state(.terminated)])
        #expect(table.conferences[id] == nil)
    }

    @Test func decliningTheOnlyInvitationEndsIt() throws {
        var table = ConferenceTable()
        let (id, _) = table.start(by: "carol", inviting: ["alice"], subject: nil, message: hello)
        let declined = try table.leave(id, user: "alice")
        #expect(events(declined, for: "carol") == [.left("alice"), .state(.terminated)])
        #expect(table.conferences.isEmpty)
    }

    @Test func invitingLaterCarriesTheOpeningMessageAndTheCurrentParticipants() throws {
        var table = ConferenceTable()
        let (id, _) = table.start(by: "carol", inviting: ["alice"], subject: "Plans", message: hello)
        _ = try table.accept(id, by: "alice")
        let invited = try table.invite(id, users: ["dave"], by: "alice")
        #expect(
            events(invited, for: "dave") == [
                .invited(from: "alice", participants: ["carol", "alice"], subject: "Plans", message: hello),
                .state(.incoming),
            ])
        #expect(throws: ConferenceError.alreadyParticipant("carol")) {
            try table.invite(id, users: ["carol"], by: "alice")
        }
        #expect(throws: ConferenceError.notParticipant(id)) { try table.invite(id, users: ["bob"], by: "dave") }
    }

    @Test func aUserWhoIsGoneLeavesEveryConference() throws {
        var table = ConferenceTable()
        let (first, _) = table.start(by: "carol", inviting: ["alice", "bob"], subject: nil, message: hello)
        let (second, _) = table.start(by: "alice", inviting: ["carol"], subject: nil, message: hello)
        let gone = table.leaveAll("carol")
        #expect(table.conferences[first]?.joined == [])
        #expect(table.conferences[first]?.invited == ["alice", "bob"])
        #expect(table.conferences[second] == nil)
        #expect(events(gone, for: "alice") == [.left("carol"), .state(.terminated)])
    }
}
