import NatterCodecs
import Testing

@testable import NatterServer

@Suite("Realtime outbox: bounded per-connection queue")
struct RealtimeOutboxTests {
    @Test func keepsOrderUntilFinished() async {
        let outbox = RealtimeOutbox(domain: "natter.test", capacity: 8)
        outbox.send(.ping(id: "1"))
        outbox.push("raw")
        outbox.finish()
        var frames: [String] = []
        for await frame in outbox.frames { frames.append(frame) }
        #expect(frames == [#"{"type":"ping","id":"1"}"#, "raw"])
        #expect(!outbox.hasOverflowed)
    }

    @Test func overflowEndsTheStreamInsteadOfDroppingSilently() async {
        let outbox = RealtimeOutbox(domain: "natter.test", capacity: 2)
        for index in 0..<5 { outbox.push("\(index)") }
        var frames: [String] = []
        for await frame in outbox.frames { frames.append(frame) }
        #expect(frames == ["0", "1"])
        #expect(outbox.hasOverflowed)
    }
}
