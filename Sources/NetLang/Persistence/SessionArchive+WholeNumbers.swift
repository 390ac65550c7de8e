import FoundationEssentials

/// Finds the field of a session file whose number cannot be read as a whole number where
/// one is expected (`"precision": 1e308`, a step count of 2.5 or 2^63).
///
/// JSONDecoder reports such a number as "The given data was not valid JSON" with no field:
/// the number is checked while the document is read, outside any coding path. So when the
/// typed decoding fails, the file is read again as plain JSON values and the fields that
/// hold whole numbers are checked by name, to give the error the other fields give:
///
///     the session file is damaged: settings.precision is 1e+308; precision is 0 to 17 digits
extension SessionArchive {
    /// Keys whose value is a whole number, keys of arrays of whole numbers, and keys of
    /// objects whose values are whole numbers (the `Int` fields of `SessionFile`).
    private static let wholeNumberKeys: Set<String> = ["version", "trainingRuns", "precision", "node",
                                                       "historyStride", "historySteps", "epochStride", "epochCount"]
    private static let wholeNumberArrayKeys: Set<String> = ["shape", "inputs", "rows", "cols"]
    private static let wholeNumberObjectKeys: Set<String> = ["steps"]

    /// The message for the first (in key order) whole-number field of `data` that holds
    /// something else, or nil when they are all fine (or the data is not JSON at all).
    static func wholeNumberProblem(in data: Data) -> String? {
        guard let tree = try? JSONDecoder().decode(JSONValue.self, from: data) else { return nil }
        return firstProblem(in: tree, path: "", key: nil, container: .none)
    }

    private enum Container { case none, wholeNumberArray, wholeNumberObject }

    private static func firstProblem(in value: JSONValue, path: String, key: String?, container: Container) -> String? {
        switch value {
        case .object(let members):
            for name in members.keys.sorted() {
                // Only the optimizer's `steps`: a data set or gradient may be named "steps".
                let inner = path == "network.optimizer" && wholeNumberObjectKeys.contains(name) ? Container.wholeNumberObject : .none
                let memberPath = container == .wholeNumberObject ? "\(path)[\"\(name)\"]" : path.isEmpty ? name : "\(path).\(name)"
                let next: Container = container == .wholeNumberObject ? .wholeNumberObject
                    : wholeNumberArrayKeys.contains(name) ? .wholeNumberArray : inner
                if let problem = firstProblem(in: members[name]!, path: memberPath, key: name, container: next) { return problem }
            }
        case .array(let items):
            let inner: Container = container == .wholeNumberArray ? .wholeNumberArray : .none
            for (i, item) in items.enumerated() {
                if let problem = firstProblem(in: item, path: "\(path)[\(i)]", key: nil, container: inner) { return problem }
            }
        case .number(let text):
            let expectsWhole = container != .none || key.map(wholeNumberKeys.contains) == true
            guard expectsWhole, Int(text) == nil else { return nil }
            let rule = key == "precision" ? "precision is 0 to 17 digits"
                : key == "trainingRuns" || path.hasPrefix("network.optimizer.steps[") ? "a count is between 0 and \(maximumCount)"
                : "a whole number is expected here"
            return "the session file is damaged: \(path) is \(text); \(rule)"
        case .other:
            return nil
        }
        return nil
    }

    /// Just enough of JSON to find numbers by path. A number keeps a readable form of its
    /// value: the integer's digits when it is whole and fits in Int64/UInt64, else Double's.
    private indirect enum JSONValue: Decodable {
        case object([String: JSONValue])
        case array([JSONValue])
        case number(String)
        case other

        init(from decoder: Decoder) throws {
            if var list = try? decoder.unkeyedContainer() {
                var items: [JSONValue] = []
                while !list.isAtEnd { items.append(try list.decode(JSONValue.self)) }
                self = .array(items)
            } else if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
                var members: [String: JSONValue] = [:]
                for key in keyed.allKeys { members[key.stringValue] = try keyed.decode(JSONValue.self, forKey: key) }
                self = .object(members)
            } else {
                let single = try decoder.singleValueContainer()
                if let n = try? single.decode(Int.self) {
                    self = .number(String(n))
                } else if let n = try? single.decode(UInt64.self) {
                    self = .number(String(n))
                } else if (try? single.decode(String.self)) != nil || (try? single.decode(Bool.self)) != nil || single.decodeNil() {
                    self = .other
                } else if let d = try? single.decode(Double.self) {
                    self = .number("\(d)")
                } else {
                    self = .number("a number too large for a Double")
                }
            }
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
