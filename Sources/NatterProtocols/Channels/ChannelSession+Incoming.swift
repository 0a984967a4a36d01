import Foundation
import NatterCodecs
import NatterEngine
import NatterModel

extension ChannelSession {
    /// One frame from the server. A frame the codec cannot read is reported and dropped: the seed gives a
    /// client no way to answer it. `now` dates a message the server sent without a time.
    public mutating func incoming(text: String, now: Date) -> Actions {
        var actions = Actions()
        let message: ChannelServerMessage
        do {
            message = try ChannelCodec.decodeServerMessage(text)
        } catch {
            actions.events.append(.session(.notice(.warning("channels: unreadable frame from the server: \(error)"))))
            return actions
        }
        switch message {
        case .ack(let ack):
            acknowledged(ack, into: &actions)
        case .channelList(let list):
            for entry in list.channels {
                var channel = channels[entry.channelID] ?? Channel(id: entry.channelID, name: entry.name)
                channel.name = entry.name
                update(channel)
                actions.send.append(.listSubscribers(id: register(.other("members")), channelID: entry.channelID))
                if let known = caughtUpTo[entry.channelID] {
                    actions.send.append(catchUp(entry.channelID, after: known))
                }
            }
            for gone in Set(channels.keys).subtracting(list.channels.map(\.channelID)) {
                forget(gone)
                actions.events.append(.channels(.left(gone)))
            }
            actions.events.append(.channels(.listed(list.channels.compactMap { channels[$0.channelID] })))
            if markSynchronized() { actions.events.append(.session(.synchronized)) }
        case .invitation(let invitation):
            let known = channels[invitation.channelID]
            var channel = known ?? Channel(id: invitation.channelID, name: invitation.name)
            channel.name = invitation.name
            channel.topic = invitation.attributes?["topic"]?.stringValue
            update(channel)
            actions.events.append(.channels(.listed([channel])))
            if known == nil {
                actions.send.append(.listSubscribers(id: register(.other("members")), channelID: channel.id))
                // Without a sender it is our own create or join, whose window opens by itself.
                let text = invitation.sender.map {
                    "\($0) invited you to #\(channel.name); /channels \(channel.name) opens it"
                }
                actions.events.append(.session(.notice(.info(text ?? "you are in #\(channel.name)"))))
            }
        case .channelDirectory(let directory):
            var channel = channels[directory.channelID] ?? Channel(id: directory.channelID, name: directory.channelID)
            channel.members = directory.subscribers.compactMap(member)
            update(channel)
            actions.events.append(.channels(.listed([channel])))
            actions.events += channel.members.map { .channels(.member(channel: channel.id, $0)) }
        case .memberStatus(let status):
            guard let member = member(status.member) else { break }
            if var channel = channels[status.channelID] {
                channel.members.removeAll { $0.jid == member.jid }
                channel.members.append(member)
                update(channel)
            }
            actions.events.append(.channels(.member(channel: status.channelID, member)))
        case .unsubscription(let unsubscription):
            unsubscribed(unsubscription, into: &actions)
        case .message(let message):
            received(message, now: now, into: &actions)
        case .archiveRetrieval(let header):
            guard let id = header.replyTo, var page = pages[id] else { break }
            page.expected = header.count
            pages[id] = page
            finishPageIfComplete(id, into: &actions)
        case .delivery(let delivery):
            delivered(delivery, into: &actions)
        }
        return actions
    }

    private mutating func acknowledged(_ ack: ChannelAck, into actions: inout Actions) {
        guard let id = ack.replyTo, let request = pending[id] else { return }
        // A retrieve stays pending until its page is complete; everything else is answered by its ack.
        if ack.status, case .history = request { return }
        if ack.status, case .catchUp = request { return }
        pending[id] = nil
        if ack.status, request == .other("create") || request == .other("join"), let channel = ack.id {
            actions.events.append(.channels(.entered(channel)))
        }
        guard !ack.status else { return }
        let reason = ack.reason ?? "refused"
        switch request {
        case .send(let localID):
            actions.events.append(.chat(.failed(localID: localID, reason: reason)))
        case .history(let channel, _):
            pages[id] = nil
            actions.events.append(.chat(.historyFailed(.channel(channel), reason: reason)))
        case .catchUp:
            pages[id] = nil
        case .other(let what):
            actions.events.append(.session(.notice(.error("channels: \(what) refused: \(reason)"))))
        }
    }

    private mutating func received(_ wire: ChannelMessage, now: Date, into actions: inout Actions) {
        saw(wire)
        let sender = wire.sender.flatMap { JID($0, defaultDomain: account.domain) } ?? account
        let message = Message(
            id: wire.messageID, serverKey: wire.messageID, conversation: .channel(wire.channelID), sender: sender,
            text: wire.text, timestamp: wire.time ?? now, isOutgoing: sender.bare == account,
            delivery: .sent)
        guard let id = wire.replyTo, pages[id] != nil else {
            actions.events.append(.chat(.received(message)))
            return
        }
        pages[id]!.messages.append(message)
        finishPageIfComplete(id, into: &actions)
    }

    /// Hands a complete page of the archive to the engine; a full catch-up page asks for the next one.
    private mutating func finishPageIfComplete(_ id: String, into actions: inout Actions) {
        guard let page = pages[id], let expected = page.expected, page.messages.count >= expected,
            let request = pending[id]
        else { return }
        pages[id] = nil
        pending[id] = nil
        switch request {
        case .history(let channel, let limit):
            // Pages come newest first; the engine keeps messages oldest first.
            actions.events.append(
                .chat(.historyLoaded(.channel(channel), page.messages.reversed(), hasMore: expected >= limit)))
        case .catchUp(let channel):
            actions.events += page.messages.map { .chat(.received($0)) }
            // Ascending pages: the last is the newest, and the next page starts after it.
            if let last = page.messages.last { caughtUpTo[channel] = (last.timestamp, last.id) }
            if expected >= ChannelRetrieve.maximumCount, let known = caughtUpTo[channel] {
                actions.send.append(catchUp(channel, after: known))
            }
        case .send, .other:
            break
        }
    }

    private mutating func catchUp(
        _ channel: String, after known: (time: Date, messageID: String)
    ) -> ChannelClientMessage {
        let id = register(.catchUp(channel: channel))
        pages[id] = Page()
        return .retrieve(
            ChannelRetrieve(
                id: id, channelID: channel, time: known.time, direction: .ascending,
                count: ChannelRetrieve.maximumCount, after: known.messageID))
    }

    private mutating func unsubscribed(_ unsubscription: ChannelUnsubscription, into actions: inout Actions) {
        let who = JID(unsubscription.subscriber, defaultDomain: account.domain)?.bare
        let name = channels[unsubscription.channelID].map { "#" + $0.name } ?? unsubscription.channelID
        if who == account {
            forget(unsubscription.channelID)
            actions.events.append(.channels(.left(unsubscription.channelID)))
            let text = unsubscription.kickedBy.map { "\($0) removed you from \(name)" } ?? "you left \(name)"
            actions.events.append(.session(.notice(.info(text))))
            return
        }
        guard var channel = channels[unsubscription.channelID] else { return }
        channel.members.removeAll { $0.jid == who }
        update(channel)
        actions.events.append(.channels(.listed([channel])))
    }

    private func delivered(_ delivery: ChannelDelivery, into actions: inout Actions) {
        switch delivery.status {
        case .stored:
            actions.events.append(
                .chat(.acked(localID: delivery.messageID, serverKey: delivery.messageID, timestamp: nil)))
        case .received, .displayed, .read:
            guard let channel = delivery.channelID,
                let by = delivery.subscriber.flatMap({ JID($0, defaultDomain: account.domain) })
            else { return }
            let state: DeliveryState = delivery.status == .read ? .read : .delivered
            actions.events.append(
                .channels(.receipt(channel: channel, messageID: delivery.messageID, state: state, by: by)))
        }
    }

    private func member(_ subscriber: ChannelSubscriber) -> Member? {
        guard let jid = JID(subscriber.subscriber, defaultDomain: account.domain) else { return nil }
        return Member(
            jid: jid, role: subscriber.administrator ? .admin : .member, presence: subscriber.availability.presence)
    }
}
