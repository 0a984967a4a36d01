/// Anything that can appear inside an ``XMLElement`` built with ``XMLContentBuilder``.
public protocol XMLContentConvertible {
    var xmlNodes: [XMLNode] { get }
}

extension XMLElement: XMLContentConvertible {
    public var xmlNodes: [XMLNode] { [.element(self)] }
}

extension XMLNode: XMLContentConvertible {
    public var xmlNodes: [XMLNode] { [self] }
}

extension String: XMLContentConvertible {
    public var xmlNodes: [XMLNode] { isEmpty ? [] : [.text(self)] }
}

extension Array: XMLContentConvertible where Element: XMLContentConvertible {
    public var xmlNodes: [XMLNode] { flatMap(\.xmlNodes) }
}

extension Optional: XMLContentConvertible where Wrapped: XMLContentConvertible {
    public var xmlNodes: [XMLNode] { self?.xmlNodes ?? [] }
}

/// Builds element content declaratively, with `if`, `for` and optionals:
///
/// ```swift
/// XMLElement("IMSendMessageRequest", namespace: "urn:zimbraIM") {
///     XMLElement("message", attributes: ["thread": thread]) {
///         XMLElement("body", text: body)
///         if typing { XMLElement("typing") }
///     }
/// }
/// ```
@resultBuilder
public enum XMLContentBuilder {
    public static func buildExpression(_ expression: some XMLContentConvertible) -> [XMLNode] {
        expression.xmlNodes
    }

    public static func buildBlock(_ components: [XMLNode]...) -> [XMLNode] {
        components.flatMap { $0 }
    }

    public static func buildOptional(_ component: [XMLNode]?) -> [XMLNode] {
        component ?? []
    }

    public static func buildEither(first component: [XMLNode]) -> [XMLNode] {
        component
    }

    public static func buildEither(second component: [XMLNode]) -> [XMLNode] {
        component
    }

    public static func buildArray(_ components: [[XMLNode]]) -> [XMLNode] {
        components.flatMap { $0 }
    }

    public static func buildLimitedAvailability(_ component: [XMLNode]) -> [XMLNode] {
        component
    }
}
