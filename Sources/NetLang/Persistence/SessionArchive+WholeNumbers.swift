import NetSupport

/// Finds the field of a session file whose number cannot be read as a whole number where
/// one is expected (`"precision": 1e308`, a step count of 2.5 or 2^63).
///
/// The decoder reports such a number as a number that does not fit an Int, which says
/// nothing of the rule; so when the typed decoding fails, the file's JSON values are
/// searched and the fields that hold whole numbers are checked by name:
///
///     the session file is damaged: settings.precision is 1e+308; precision is 0 to 17 digits
extension SessionArchive {
    /// Keys whose value is a whole number, keys of arrays of whole numbers, and keys of
    /// objects whose values are whole numbers (the `Int` fields of `SessionFile`).
    private static let wholeNumberKeys: Set<String> = ["version", "trainingRuns", "precision", "node",
                                                       "historyStride", "historySteps", "epochStride", "epochCount"]
    private static let wholeNumberArrayKeys: Set<String> = ["shape", "inputs", "rows", "cols", "validationSteps"]
    private static let wholeNumberObjectKeys: Set<String> = ["steps"]

    /// The message for the first (in key order) whole-number field of `tree` that holds
    /// something else, or nil when they are all fine.
    static func wholeNumberProblem(in tree: JSONValue) -> String? {
        firstProblem(in: tree, path: "", key: nil, container: .none)
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
        case .integer, .number:
            let expectsWhole = container != .none || key.map(wholeNumberKeys.contains) == true
            guard expectsWhole, value.int == nil else { return nil }
            // A whole number beyond Int (2^63) with its digits, as it was written.
            let text = value.double.map { x in UInt64(exactly: x).map(String.init) ?? "\(x)" } ?? ""
            let rule = key == "precision" ? "precision is 0 to 17 digits"
                : key == "trainingRuns" || path.hasPrefix("network.optimizer.steps[") ? "a count is between 0 and \(maximumCount)"
                : "a whole number is expected here"
            return "the session file is damaged: \(path) is \(text); \(rule)"
        case .string, .bool, .null:
            return nil
        }
        return nil
    }
}
