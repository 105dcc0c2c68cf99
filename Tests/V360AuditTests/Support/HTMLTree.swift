import CLibXML2
import Foundation

/// An HTML document as libxml2's HTML parser (an independent parser, not the reporter's own
/// code) reads it: every element with its attributes, and every text node, in document order.
struct HTMLTree {
    /// One element: its name (lowercase) and its attributes' names and values.
    struct Element {
        var name: String
        var attributes: [(name: String, value: String)]
    }

    /// Every element, in document order.
    private(set) var elements: [Element] = []
    /// Every text node's decoded text, in document order.
    private(set) var texts: [String] = []

    // libxml2's parser setup is global; parse one document at a time.
    private static let lock = NSLock()

    /// Parses `html`; nil when libxml2 returns no document at all.
    init?(_ html: String) {
        Self.lock.lock()
        defer { Self.lock.unlock() }
        xmlInitParser()
        let bytes = Array(html.utf8)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), "report.html", "UTF-8", Int32(V360_HTML_PARSE_OPTIONS))
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        walk(xmlDocGetRootElement(document))
    }

    private mutating func walk(_ first: UnsafeMutablePointer<xmlNode>?) {
        var node = first
        while let current = node {
            switch current.pointee.type {
            case 1:
                var attributes: [(String, String)] = []
                var attribute = current.pointee.properties
                while let property = attribute {
                    var value = ""
                    var child = property.pointee.children
                    while let text = child {
                        value += Self.string(text.pointee.content)
                        child = text.pointee.next
                    }
                    attributes.append((Self.string(property.pointee.name), value))
                    attribute = property.pointee.next
                }
                elements.append(Element(name: Self.string(current.pointee.name).lowercased(), attributes: attributes))
                walk(current.pointee.children)
            case 3, 4:
                texts.append(Self.string(current.pointee.content))
            default:
                break
            }
            node = current.pointee.next
        }
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    private static func string(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String {
        string(UnsafePointer(pointer))
    }

    /// All text, joined (what a reader sees, markup aside).
    var text: String { texts.joined() }
}
