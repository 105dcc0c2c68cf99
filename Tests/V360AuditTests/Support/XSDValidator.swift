import CLibXML2
import Foundation
import Synchronization

/// Validates XML against an XSD with libxml2 (the validator behind `xmllint --schema`).
enum XSDValidator {
    // libxml2's parser setup is global; serialise validations (Swift Testing runs tests in parallel).
    private static let lock = Mutex(())

    /// True when `xml` is well-formed and valid against the schema at `schema`; libxml2 prints
    /// the reasons to stderr otherwise.
    static func isValid(_ xml: String, schema: URL) -> Bool {
        lock.withLock { _ in validate(xml, schema: schema) }
    }

    private static func validate(_ xml: String, schema: URL) -> Bool {
        xmlInitParser()
        guard let parserContext = xmlSchemaNewParserCtxt(schema.path) else { return false }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        guard let parsed = xmlSchemaParse(parserContext) else { return false }
        defer { xmlSchemaFree(parsed) }
        guard let validContext = xmlSchemaNewValidCtxt(parsed) else { return false }
        defer { xmlSchemaFreeValidCtxt(validContext) }
        let bytes = Array(xml.utf8)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), "report.xml", "UTF-8", Int32(V360_XML_PARSE_NONET))
            }
        }
        guard let document else { return false }
        defer { xmlFreeDoc(document) }
        return xmlSchemaValidateDoc(validContext, document) == 0
    }
}
