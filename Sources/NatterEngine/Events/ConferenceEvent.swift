import Foundation
import NatterModel

public enum ConferenceEvent: Sendable, Equatable {
    case started(id: String, subject: String, participants: [JID])
    case participant(conference: String, JID, joined: Bool)
    case ended(String)
}
