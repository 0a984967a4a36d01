import Foundation
import NatterCodecs
import Testing

@testable import NatterServer

/// One CWA sign-in, pure: ticket rotation, the sid gate, expiry.
struct CWASessionStateMachineTests {
    let start = Date(timeIntervalSince1970: 1_000_000)

    private func machine(rotateEvery: Int = 3) -> CWASessionStateMachine {
        CWASessionStateMachine(
            user: "alice", ticket: "t0", now: start, policy: .init(rotateEvery: rotateEvery, idleTimeout: 60))
    }

    @Test func theTicketRotatesAndTheOneBeforeStaysValidUntilTheNextRotation() {
        var session = machine()
        #expect(session.command(ticket: "t0", sid: nil, now: start, fresh: "x") == .accepted(retired: nil))
        #expect(session.command(ticket: "t0", sid: nil, now: start, fresh: "x") == .accepted(retired: nil))
        #expect(session.command(ticket: "t0", sid: nil, now: start, fresh: "t1") == .accepted(retired: nil))
        #expect(session.ticket == "t1")
        // A request sent with t0 before the client saw t1 still gets through.
        #expect(session.command(ticket: "t0", sid: nil, now: start, fresh: "x") == .accepted(retired: nil))
        #expect(session.command(ticket: "t1", sid: nil, now: start, fresh: "x") == .accepted(retired: nil))
        #expect(session.command(ticket: "t1", sid: nil, now: start, fresh: "t2") == .accepted(retired: "t0"))
        #expect(!session.holds(ticket: "t0"))
        guard case .rejected(let error) = session.command(ticket: "t0", sid: nil, now: start, fresh: "x") else {
            Issue.record("a retired ticket was accepted")
            return
        }
        #expect(error.code == "unknownTicket")
    }

    @Test func conferenceRequestsNeedTheEventSessionFirst() {
        var session = machine(rotateEvery: 100)
        let send = CWARequest.conference(.init(rid: "2", confId: "1", action: .acceptImSession))
        #expect(
            session.request(send, newSid: "s")
                == .reply(.error(CWAError(rid: "2", code: "noSession", reason: "send initiateSession first"))))
        #expect(session.request(.initiateSession(rid: "3"), newSid: "s1") == .startEventSession(rid: "3", sid: "s1"))
        #expect(
            session.request(.initiateSession(rid: "4"), newSid: "s2")
                == .reply(.requestAccepted(.init(rid: "4", sid: "s1"))))
        #expect(
            session.request(send, newSid: "s") == .conference(.init(rid: "2", confId: "1", action: .acceptImSession)))
    }

    @Test func aWrongSidIsRefused() {
        var session = machine(rotateEvery: 100)
        _ = session.request(.initiateSession(rid: "1"), newSid: "s1")
        #expect(session.command(ticket: "t0", sid: "s1", now: start, fresh: "x") == .accepted(retired: nil))
        #expect(
            session.command(ticket: "t0", sid: "nope", now: start, fresh: "x")
                == .rejected(CWAError(rid: nil, code: "unknownSession", reason: "unknown session nope")))
    }

    @Test func anIdleSessionExpiresAndActivityKeepsItAlive() {
        var session = machine(rotateEvery: 100)
        #expect(session.poll(ticket: "t0", now: start.addingTimeInterval(50)) == nil)
        #expect(!session.isExpired(now: start.addingTimeInterval(100)))
        #expect(session.isExpired(now: start.addingTimeInterval(111)))
        #expect(session.poll(ticket: "t0", now: start.addingTimeInterval(111))?.code == "unknownTicket")
    }
}
