import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import NetSupport

/// Parses XML with Foundation's XMLParser and collects what tests look at.
final class XMLProbe: NSObject, XMLParserDelegate {
    var elements: [String: Int] = [:]
    var texts: [String] = []
    var rootAttributes: [String: String] = [:]
    /// How many elements carry each `class` attribute ("px" for an image's pixels).
    var classes: [String: Int] = [:]
    private var current = ""
    private var depth = 0

    /// nil when the document is not well-formed.
    static func parse(_ xml: String) -> XMLProbe? {
        let probe = XMLProbe()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = probe
        return parser.parse() ? probe : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if depth == 0 { rootAttributes = attributes; elements["root:" + name] = 1 }
        depth += 1
        elements[name, default: 0] += 1
        if let c = attributes["class"] { classes[c, default: 0] += 1 }
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        let t = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !t.isEmpty { texts.append(t) }
        current = ""
    }
}

/// Any JSON value, decoded with JSONDecoder, which reads numbers exactly.
/// (swift-corelibs-foundation's JSONSerialization writes the shortest exact digits but
/// reads some back one unit in the last place off, so it cannot check full precision.)
enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    /// A renderer's JSON form written the way the kernel sends it (NetSupport's writer),
    /// read back exactly by Foundation's decoder (a reader independent of ours).
    static func roundTrip(_ value: NetSupport.JSONValue?) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(JSONWriter.bytes(XCTUnwrap(value))))
    }

    subscript(key: String) -> JSONValue? { if case .object(let o) = self { return o[key] } else { return nil } }
    subscript(index: Int) -> JSONValue? { if case .array(let a) = self, index < a.count { return a[index] } else { return nil } }
    var array: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
}
