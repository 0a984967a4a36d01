import Foundation
import NatterCodecs

/// Messages, receipts and the archive.
extension ChannelsService {
    /// Stores the message (`delivery stored` at once), fans it out to the other members' connections, and
    /// reports `received` for each member a connection of whom got it. A resend of a stored message id is
    /// acknowledged again but neither stored nor delivered twice.
    func send(
        _ message: ChannelMessage, from caller: ChannelsCaller, into outcome: inout ChannelsOutcome
    ) async throws(ChannelsError) {
        guard !message.messageID.isEmpty else { throw .emptyMessageID }
        _ = try await requireMember(caller.user, of: message.channelID)
        // Milliseconds, as the wire writes them, so a time a client echoes back compares equal.
        let now = Date(timeIntervalSince1970: (core.clock.now().timeIntervalSince1970 * 1000).rounded() / 1000)
        let (stored, duplicate) = try await call {
            try await store.store(
                channelID: message.channelID, messageID: message.messageID, sender: caller.user, text: message.text,
                attributes: message.attributes, at: now)
        }
        outcome.replies.append(
            .delivery(ChannelDelivery(messageID: stored.messageID, status: .stored, channelID: stored.channelID)))
        guard !duplicate else { return }
        let members = Set(try await call { try await store.members(of: message.channelID) }.map(\.user.id))
        // The sender's other connections see what it sent too, but its own delivery is no receipt.
        let reached = await registry.send(.message(wire(stored)), toUsers: members, except: caller.connection)
        for recipient in try await call({ try await store.members(of: message.channelID) })
        where reached.contains(recipient.user.id) && recipient.user.id != caller.user.id {
            let receipt = ChannelDelivery(
                messageID: stored.messageID, status: .received, channelID: stored.channelID,
                subscriber: address(recipient.user))
            await push(.delivery(receipt), to: members.subtracting([recipient.user.id]), caller: caller, into: &outcome)
        }
    }

    /// `displayed` or `read`, passed on to the other members.
    func report(
        _ status: ChannelMessageStatus, from caller: ChannelsCaller, into outcome: inout ChannelsOutcome
    ) async throws(ChannelsError) {
        guard status.status.isReportable else { throw .invalidStatus(status.status.rawValue) }
        _ = try await requireMember(caller.user, of: status.channelID)
        guard
            try await call({ try await store.message(channelID: status.channelID, messageID: status.messageID) })
                != nil
        else { throw .unknownMessage(status.messageID) }
        let members = Set(try await call { try await store.members(of: status.channelID) }.map(\.user.id))
        let receipt = ChannelDelivery(
            messageID: status.messageID, status: status.status, channelID: status.channelID,
            subscriber: address(caller.user))
        await push(.delivery(receipt), to: members.subtracting([caller.user.id]), caller: caller, into: &outcome)
    }

    /// `archive-retrieval`, then the page of messages, each with the request's `id` as `reply-to`.
    func retrieve(
        _ request: ChannelRetrieve, from caller: ChannelsCaller, into outcome: inout ChannelsOutcome
    ) async throws(ChannelsError) {
        _ = try await requireMember(caller.user, of: request.channelID)
        var cursor: ArchivedChannelMessage?
        if let after = request.after {
            cursor = try await call { try await store.message(channelID: request.channelID, messageID: after) }
            if cursor == nil { throw .unknownMessage(after) }
        }
        let page = try await call {
            try await store.retrieve(
                channelID: request.channelID, time: request.time, direction: request.direction, count: request.count,
                after: cursor)
        }
        outcome.replies.append(
            .archiveRetrieval(
                ChannelArchiveRetrieval(
                    replyTo: request.id, channelID: request.channelID, time: request.time,
                    direction: request.direction, count: page.count)))
        outcome.replies += page.map { .message(wire($0, replyTo: request.id)) }
    }

    func wire(_ message: ArchivedChannelMessage, replyTo: String? = nil) -> ChannelMessage {
        ChannelMessage(
            channelID: message.channelID, messageID: message.messageID, text: message.text,
            attributes: message.attributes, sender: address(message.sender), time: message.time, replyTo: replyTo)
    }
}
