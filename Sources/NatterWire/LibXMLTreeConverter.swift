import CLibXML2

/// Copies a libxml2 node tree into ``XMLElement`` values so no libxml2 memory outlives a parse.
struct LibXMLTreeConverter {
    let maximumDepth: Int

    func element(from node: xmlNodePtr, depth: Int) throws -> XMLElement {
        guard depth <= maximumDepth else { throw XMLError.tooDeep(limit: maximumDepth) }
        var element = XMLElement(name: string(node.pointee.name))
        if let namespace = node.pointee.ns {
            element.namespace = optionalString(namespace.pointee.href)
            element.prefix = optionalString(namespace.pointee.prefix)
        }
        var declaration = node.pointee.nsDef
        while let current = declaration {
            element.namespaceDeclarations.append(
                XMLNamespaceDeclaration(
                    prefix: optionalString(current.pointee.prefix), uri: string(current.pointee.href)))
            declaration = current.pointee.next
        }
        var attribute = node.pointee.properties
        while let current = attribute {
            var value = ""
            var valueNode = current.pointee.children
            while let text = valueNode {
                value += string(text.pointee.content)
                valueNode = text.pointee.next
            }
            element.attributes.append(
                XMLAttribute(
                    string(current.pointee.name),
                    namespace: current.pointee.ns.flatMap { optionalString($0.pointee.href) },
                    prefix: current.pointee.ns.flatMap { optionalString($0.pointee.prefix) },
                    value: value))
            attribute = current.pointee.next
        }
        element.children = try children(of: node, depth: depth)
        return element
    }

    private func children(of node: xmlNodePtr, depth: Int) throws -> [XMLNode] {
        var result: [XMLNode] = []
        var pendingText = ""
        var hasElements = false
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                flush(&pendingText, into: &result)
                hasElements = true
                result.append(.element(try element(from: current, depth: depth + 1)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                pendingText += string(current.pointee.content)
            default:
                // Comments and processing instructions carry no protocol meaning.
                break
            }
            child = current.pointee.next
        }
        flush(&pendingText, into: &result)
        guard hasElements else { return result }
        // Indentation between elements is layout, not data; text in leaf elements is kept verbatim.
        return result.filter { node in
            guard case .text(let text) = node else { return true }
            return !text.allSatisfy(\.isWhitespace)
        }
    }

    private func flush(_ text: inout String, into nodes: inout [XMLNode]) {
        guard !text.isEmpty else { return }
        nodes.append(.text(text))
        text = ""
    }

    private func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private func optionalString(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
