import NatterWire

/// The `t:ServerVersionInfo` header of an EWS response. Every attribute is optional in the schema (the
/// numbers are `xs:int`, `Version` a free string), so each is optional here too.
public struct EWSServerVersionInfo: Sendable, Hashable {
    public var majorVersion: Int?
    public var minorVersion: Int?
    public var majorBuildNumber: Int?
    public var minorBuildNumber: Int?
    public var version: String?

    public init(
        majorVersion: Int? = nil,
        minorVersion: Int? = nil,
        majorBuildNumber: Int? = nil,
        minorBuildNumber: Int? = nil,
        version: String? = nil
    ) {
        self.majorVersion = majorVersion
        self.minorVersion = minorVersion
        self.majorBuildNumber = majorBuildNumber
        self.minorBuildNumber = minorBuildNumber
        self.version = version
    }

    /// Exchange 2013 RTM (15.0.516.32), the version whose schema natterd speaks; clients that gate features on
    /// the server version then enable the contact store.
    public static let exchange2013 = EWSServerVersionInfo(
        majorVersion: 15, minorVersion: 0, majorBuildNumber: 516, minorBuildNumber: 32, version: "Exchange2013")

    public var element: XMLElement {
        var element = EWSNamespace.types("ServerVersionInfo")
        let numbers = [
            ("MajorVersion", majorVersion), ("MinorVersion", minorVersion), ("MajorBuildNumber", majorBuildNumber),
            ("MinorBuildNumber", minorBuildNumber),
        ]
        for case (let name, let value?) in numbers {
            element.attributes.append(XMLAttribute(name, value: String(value)))
        }
        if let version { element.attributes.append(XMLAttribute("Version", value: version)) }
        return element
    }

    /// Reads the header block; a number that is not an `xs:int` is dropped rather than failing the response,
    /// since the version is informational.
    public init(parsing element: XMLElement) {
        func int(_ name: String) -> Int? {
            element.attribute(name).flatMap { Int32($0.trimmingXMLWhitespace()) }.map(Int.init)
        }
        self.init(
            majorVersion: int("MajorVersion"), minorVersion: int("MinorVersion"),
            majorBuildNumber: int("MajorBuildNumber"), minorBuildNumber: int("MinorBuildNumber"),
            version: element.attribute("Version"))
    }
}
