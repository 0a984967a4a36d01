import Foundation
import NatterEngine
import NatterModel

/// The gateways window (`/gateways`), as WeeChat's `/buffers` or fset: a fixed header naming the columns, one row
/// per service under each account, and a footer with the commands. It is drawn from the engine state alone, so
/// every `gwStatus` shows as it arrives, and the retry countdowns tick while it is on screen.
extension ScreenModel {
    /// Cells for the service, its kind and the remote user; narrower names fit, longer ones end in `…`.
    static let gatewayServiceWidth = 12
    static let gatewayKindWidth = 20
    static let gatewayUserWidth = 24
    /// Below this the kind column gives its room to the state.
    static let gatewayKindMinimumColumns = 64

    func gatewayRows(state: ClientState, ui: inout InterfaceState, width: Int, height: Int, now: Date) -> [ScreenRow] {
        ui.viewDeadline = Self.gatewayRedraw(state: state, now: now)
        let columns = GatewayColumns(state: state, width: width)
        let body = gatewayBodyRows(state: state, columns: columns, width: width, now: now)
        let framed = height >= 3
        let page = framed ? height - 2 : max(0, height)
        // Scrolled as every window is (PageUp goes back from the end); most lists fit and never scroll.
        let offset = min(ui.scrollOffset(of: .gateways), max(0, body.count - page))
        ui.scrollOffsets[.gateways] = offset == 0 ? nil : offset
        let end = body.count - offset
        let start = max(0, end - page)
        ui.chatMetrics.window = .gateways
        ui.chatMetrics.pageHeight = page
        ui.chatMetrics.scrollStep = max(1, page - 1)
        ui.chatMetrics.reachedTop = start == 0

        var shown = Array(body[start..<end])
        if start > 0, !shown.isEmpty { shown[0] = Self.gatewayMarker("↑ \(start + 1) more above (PageUp)", width) }
        if end < body.count, !shown.isEmpty {
            shown[shown.count - 1] = Self.gatewayMarker("↓ \(body.count - end + 1) more below (PageDown)", width)
        }
        let blank = ScreenRow().fitted(to: width)
        shown += Array(repeating: blank, count: max(0, page - shown.count))
        guard framed else { return shown }
        return [columns.header(width: width)] + shown + [Self.gatewayFooter(width: width)]
    }

    /// When the view's text next changes by itself: the second a countdown (`retry in 12 s`) moves on. Only while
    /// the window is on screen, so a hidden view costs no wakes.
    static func gatewayRedraw(state: ClientState, now: Date) -> Date? {
        guard state.activeWindow == .gateways else { return nil }
        let moments = state.gateways.values.joined().compactMap { service -> Date? in
            guard let next = service.nextConnect, next > now else { return nil }
            let shown = next.timeIntervalSince(now).rounded(.up)
            return next.addingTimeInterval(-(shown - 1))
        }
        return moments.min()
    }

    /// The state in words and the role that colours it: good, waiting, needs the user, or quiet. The hints name
    /// `account` when there are several, since a command typed here goes to the first one otherwise.
    static func gatewayState(
        _ status: GatewayStatus, now: Date, account: AccountID? = nil
    ) -> (
        text: String, role: StyleRole
    ) {
        let service = TextSanitizer.line(status.service)
        let suffix = account.map { " " + TextSanitizer.line($0.rawValue) } ?? ""
        let registration = service + " NAME" + suffix
        guard let state = status.state else { return ("not registered — /gateway reg \(registration)", .dim) }
        switch state {
        case "online":
            if let other = status.otherLocation {
                return ("online, also signed in elsewhere as \(TextSanitizer.line(other))", .warning)
            }
            return ("online", .presenceAvailable)
        case "start":
            return ("starting", .warning)
        case "trying_to_connect":
            guard let next = status.nextConnect else { return ("trying to connect", .warning) }
            let seconds = Int(next.timeIntervalSince(now).rounded(.up))
            return (
                seconds > 0 ? "trying to connect, retry in \(seconds) s" : "trying to connect, retrying now", .warning
            )
        case "bad_auth":
            return ("bad password — /gateway reg \(registration)", .error)
        case "disabled":
            return ("disabled by the remote server — /gateway reconnect \(service + suffix)", .error)
        case "intentionally_offline":
            return ("offline while your presence is offline", .dim)
        case "shutdown":
            return ("shut down", .dim)
        default:
            return (TextSanitizer.line(state).replacingOccurrences(of: "_", with: " "), .text)
        }
    }

    private func gatewayBodyRows(state: ClientState, columns: GatewayColumns, width: Int, now: Date) -> [ScreenRow] {
        var rows: [ScreenRow] = []
        for account in state.sortedAccounts {
            rows.append(Self.gatewayAccountRow(account, several: state.hasSeveralAccounts, width: width))
            guard let services = state.gateways[account.id] else {
                rows.append(Self.gatewayNote(Self.gatewayAbsence(account), width))
                continue
            }
            if services.isEmpty {
                rows.append(Self.gatewayNote("this server offers no gateways (natterd --gateway NAME=URL)", width))
            }
            let named = state.hasSeveralAccounts ? account.id : nil
            for service in services {
                rows.append(columns.row(service, account: named, width: width, now: now))
            }
        }
        return rows
    }

    /// Why an account has no list: it cannot have gateways, it is not connected, or the answer is on its way.
    private static func gatewayAbsence(_ account: AccountState) -> String {
        let capable =
            account.capabilities.contains(.gateways)
            || account.protocols.contains(where: Capability.gateways.preferredProtocols.contains)
        if !capable { return "no gateways: they need the roster protocol, which this account does not use" }
        return account.isOnline ? "asking the server…" : "not listed yet: the account is not connected"
    }

    private static func gatewayAccountRow(_ account: AccountState, several: Bool, width: Int) -> ScreenRow {
        var text = several ? TextSanitizer.line(account.id.rawValue) : ""
        if let identity = account.identity { text += (text.isEmpty ? "" : " — ") + identity.bareString }
        if text.isEmpty { text = TextSanitizer.line(account.id.rawValue) }
        var row = ScreenRow([StyledRun(" " + text, .rosterHeader)])
        if !account.isOnline {
            // No countdown here: the status bar has the account's own, and this row would need its own ticks.
            let link = account.connection == .connecting ? "connecting…" : "not connected"
            row.append(" (\(link); states as last known)", .dim)
        }
        return gatewayFitted(row, width)
    }

    private static func gatewayNote(_ text: String, _ width: Int) -> ScreenRow {
        gatewayFitted(ScreenRow([StyledRun("  " + text, .dim)]), width)
    }

    private static func gatewayMarker(_ text: String, _ width: Int) -> ScreenRow {
        gatewayFitted(ScreenRow([StyledRun(text, .dim)]), width)
    }

    private static func gatewayFooter(width: Int) -> ScreenRow {
        let text = " /gateway reg SERVICE NAME · unreg SERVICE · reconnect SERVICE · /close"
        return gatewayFitted(ScreenRow([StyledRun(text, .statusBar)]), width, fill: .statusBar)
    }

    /// Exactly `width` cells; a row that does not fit ends in `…` at a whole glyph.
    static func gatewayFitted(_ row: ScreenRow, _ width: Int, fill: StyleRole? = nil) -> ScreenRow {
        guard row.width > width, width > 0 else { return row.fitted(to: width, fill: fill) }
        var cut = row.fitted(to: width - 1)
        // A wide glyph that straddled the edge left a space; the ellipsis goes after the last whole one either way.
        let role = cut.runs.last?.role ?? .text
        cut.append("…", role)
        return cut.fitted(to: width, fill: fill)
    }
}

/// The column widths of one drawing of the gateways window, from the names it shows and the room there is.
struct GatewayColumns {
    var service: Int
    var kind: Int
    var user: Int

    init(state: ClientState, width: Int) {
        let services = state.gateways.values.joined()
        func widest(_ texts: [String], title: String, cap: Int) -> Int {
            min(cap, texts.map { DisplayWidth.of(TextSanitizer.line($0)) }.reduce(DisplayWidth.of(title), max))
        }
        service = widest(services.map(\.service), title: "SERVICE", cap: ScreenModel.gatewayServiceWidth)
        kind =
            width < ScreenModel.gatewayKindMinimumColumns
            ? 0 : widest(services.map(Self.kind), title: "KIND", cap: ScreenModel.gatewayKindWidth)
        user = widest(services.compactMap(\.remoteName), title: "REMOTE USER", cap: ScreenModel.gatewayUserWidth)
        // A narrow pane keeps room for the state: the names give way first.
        let room = width - 2 - service - 2 - (kind > 0 ? kind + 2 : 0) - 2
        if room - user < 12 { user = max(4, min(user, room - 12)) }
    }

    /// `ryver`, or `ryver b.example` when the service's domain is not its name.
    static func kind(_ service: GatewayStatus) -> String {
        let kind = service.kind ?? ""
        guard let domain = service.domain, domain != service.service else { return kind }
        return kind.isEmpty ? domain : kind + " " + domain
    }

    func header(width: Int) -> ScreenRow {
        var text = "  " + cell("SERVICE", service) + "  "
        if kind > 0 { text += cell("KIND", kind) + "  " }
        text += cell("REMOTE USER", user) + "  STATE"
        return ScreenModel.gatewayFitted(ScreenRow([StyledRun(text, .titleBar)]), width, fill: .titleBar)
    }

    func row(_ status: GatewayStatus, account: AccountID?, width: Int, now: Date) -> ScreenRow {
        var row = ScreenRow()
        row.append("  " + cell(TextSanitizer.line(status.service), service) + "  ", .text)
        if kind > 0 { row.append(cell(TextSanitizer.line(Self.kind(status)), kind) + "  ", .dim) }
        row.append(cell(status.remoteName.map(TextSanitizer.line) ?? "—", user) + "  ", .otherNick)
        let (text, role) = ScreenModel.gatewayState(status, now: now, account: account)
        row.append(text, role)
        return ScreenModel.gatewayFitted(row, width)
    }

    private func cell(_ text: String, _ width: Int) -> String {
        TextLayout.truncate(text, to: width, pad: true, ellipsis: true)
    }
}
