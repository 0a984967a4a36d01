/// A value of `m:ResponseCodeType`.
///
/// The schema lists several hundred codes; the named constants are the ones the Unified Contact Store and its
/// callers use, each spelled as in `messages.xsd` (a test checks them against the schema). Decoding keeps any
/// code a server sends, because a real Exchange may answer with codes natter has no constant for.
public struct EWSResponseCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static let noError = Self(rawValue: "NoError")
    public static let errorAccessDenied = Self(rawValue: "ErrorAccessDenied")
    public static let errorChangeKeyRequired = Self(rawValue: "ErrorChangeKeyRequired")
    public static let errorImContactLimitReached = Self(rawValue: "ErrorImContactLimitReached")
    public static let errorImGroupDisplayNameAlreadyExists = Self(rawValue: "ErrorImGroupDisplayNameAlreadyExists")
    public static let errorImGroupLimitReached = Self(rawValue: "ErrorImGroupLimitReached")
    public static let errorInternalServerError = Self(rawValue: "ErrorInternalServerError")
    public static let errorInvalidChangeKey = Self(rawValue: "ErrorInvalidChangeKey")
    public static let errorInvalidIdEmpty = Self(rawValue: "ErrorInvalidIdEmpty")
    public static let errorInvalidIdMalformed = Self(rawValue: "ErrorInvalidIdMalformed")
    public static let errorInvalidImContactId = Self(rawValue: "ErrorInvalidImContactId")
    public static let errorInvalidImDistributionGroupSmtpAddress = Self(
        rawValue: "ErrorInvalidImDistributionGroupSmtpAddress")
    public static let errorInvalidImGroupId = Self(rawValue: "ErrorInvalidImGroupId")
    public static let errorInvalidRequest = Self(rawValue: "ErrorInvalidRequest")
    public static let errorInvalidSmtpAddress = Self(rawValue: "ErrorInvalidSmtpAddress")
    public static let errorIrresolvableConflict = Self(rawValue: "ErrorIrresolvableConflict")
    public static let errorItemNotFound = Self(rawValue: "ErrorItemNotFound")
    public static let errorSchemaValidation = Self(rawValue: "ErrorSchemaValidation")
    public static let errorStaleObject = Self(rawValue: "ErrorStaleObject")
    public static let errorUnableToRemoveImContactFromGroup = Self(rawValue: "ErrorUnableToRemoveImContactFromGroup")

    /// Every named constant, for tests and for servers that list what they may answer.
    public static let named: [EWSResponseCode] = [
        .noError, .errorAccessDenied, .errorChangeKeyRequired, .errorImContactLimitReached,
        .errorImGroupDisplayNameAlreadyExists, .errorImGroupLimitReached, .errorInternalServerError,
        .errorInvalidChangeKey, .errorInvalidIdEmpty, .errorInvalidIdMalformed, .errorInvalidImContactId,
        .errorInvalidImDistributionGroupSmtpAddress, .errorInvalidImGroupId, .errorInvalidRequest,
        .errorInvalidSmtpAddress, .errorIrresolvableConflict, .errorItemNotFound, .errorSchemaValidation,
        .errorStaleObject, .errorUnableToRemoveImContactFromGroup,
    ]
}
