import Foundation
import NatterEngine
import Testing

@testable import NatterTUI

@Suite struct TimestampFormatTests {
    let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
    /// 2024-01-02 09:05:07 UTC.
    let morning = Date(timeIntervalSince1970: 1_704_186_307)

    @Test func patternsFormatTheClock() {
        #expect(TimestampFormat.standard.string(from: morning, calendar: utc) == "09:05")
        #expect(TimestampFormat("HH:mm:ss").string(from: morning, calendar: utc) == "09:05:07")
        #expect(TimestampFormat("h:mm a").string(from: morning, calendar: utc) == "9:05 AM")
        #expect(TimestampFormat("[H'h'mm]").string(from: morning, calendar: utc) == "[9h05]")
        let evening = morning.addingTimeInterval(12 * 3600)
        #expect(TimestampFormat("hh:mm a").string(from: evening, calendar: utc) == "09:05 PM")
    }

    @Test func chatLinesUseTheConfiguredFormat() {
        let state = Fixture.withChat([Fixture.message("hi alice")])
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        model.timestampFormat = TimestampFormat("HH:mm:ss")
        var ui = InterfaceState(rows: 24, columns: 80)
        let screen = model.render(state: state, ui: &ui, now: Fixture.noon).snapshot()
        #expect(screen.contains { $0.contains("10:30:00 <Bob> hi alice") })
    }
}
