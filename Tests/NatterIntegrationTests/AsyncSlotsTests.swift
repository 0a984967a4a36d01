import Synchronization
import Testing

@Suite struct AsyncSlotsTests {
    @Test func neverAdmitsMoreThanItsCountAndAdmitsEveryone() async {
        let slots = AsyncSlots(count: 2)
        let inside = Occupancy()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    await slots.acquire()
                    inside.state.withLock {
                        $0.now += 1
                        $0.most = max($0.most, $0.now)
                    }
                    await Task.yield()
                    inside.state.withLock {
                        $0.now -= 1
                        $0.done += 1
                    }
                    slots.release()
                }
            }
        }
        let final = inside.state.withLock { $0 }
        #expect(final.most <= 2)
        #expect(final.done == 12)
    }

    @Test func aWaiterIsAdmittedWhenASlotIsReleased() async {
        let slots = AsyncSlots(count: 1)
        await slots.acquire()
        let admitted = Occupancy()
        let waiter = Task {
            await slots.acquire()
            admitted.state.withLock { $0.done = 1 }
        }
        await Task.yield()
        #expect(admitted.state.withLock { $0.done } == 0)
        slots.release()
        await waiter.value
        #expect(admitted.state.withLock { $0.done } == 1)
    }
}

/// Who is inside the slots right now, the most at once, and how many have finished.
private final class Occupancy: Sendable {
    let state = Mutex((now: 0, most: 0, done: 0))
}
