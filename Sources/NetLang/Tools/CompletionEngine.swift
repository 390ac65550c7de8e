import NetCore

/// Tab completion: what may follow at the cursor, given the statement being written
/// and the names the session holds.
///
///     CompletionEngine(state: s).complete("layer h = dense(2 -> 2, sig", cursor: 27)
///     // matches ["sigmoid"], start 24, end 27
struct CompletionEngine {
    let state: SessionState

    static let activationNames = ["sigmoid", "relu", "tanh", "softmax", "identity", "step", "leaky_relu"]
    static let lossNames = ["mse", "sse", "half_sse", "cross_entropy", "bce"]
    static let optimizerNames = ["sgd", "momentum", "adam"]
    static let initNames = ["xavier", "he", "uniform", "normal", "zeros"]
    static let showSubjects = ["network", "params", "grads", "history", "graph"] + ImageStatements.subjects
    static let plotSubjects = ["loss", "decision"]

    func complete(_ code: String, cursor: Int) -> Completion {
        let scalars = Array(code.unicodeScalars)
        let cursor = max(0, min(cursor, scalars.count))
        var start = cursor
        while start > 0, Self.isWordScalar(scalars[start - 1]) { start -= 1 }
        var end = cursor
        while end < scalars.count, Self.isWordScalar(scalars[end]) { end += 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<cursor]))

        // A word that starts with a digit is a number: nothing to complete.
        if let first = word.unicodeScalars.first, first >= "0" && first <= "9" {
            return Completion(start: cursor, end: cursor, matches: [])
        }
        let candidates: [String]
        if start > 0, scalars[start - 1] == "." {
            let baseEnd = start - 1
            var baseStart = baseEnd
            while baseStart > 0, Self.isWordScalar(scalars[baseStart - 1]) { baseStart -= 1 }
            let base = String(String.UnicodeScalarView(scalars[baseStart..<baseEnd]))
            candidates = state.members(of: base)
        } else {
            let prefix = String(String.UnicodeScalarView(scalars[0..<start]))
            candidates = candidatesAfter(prefix)
        }
        var seen = Set<String>()
        let matches = candidates.filter { $0.hasPrefix(word) && seen.insert($0).inserted }
        return Completion(start: start, end: end, matches: matches.sorted { rank($0) < rank($1) })
    }

    /// Options (`lr:`) after plain words; otherwise alphabetical.
    private func rank(_ s: String) -> (Int, String) { (s.hasSuffix(":") ? 1 : 0, s) }

    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        c == "_" || (c >= "0" && c <= "9") || (c.isASCII ? (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") : c.properties.isAlphabetic)
    }

    private var valueNames: [String] { state.tensorNames + state.layerNames + state.datasetNames }
    private var expressionWords: [String] { valueNames + FunctionTable.names }

    /// Candidates for the word after `prefix` (the cell up to the word being completed).
    private func candidatesAfter(_ prefix: String) -> [String] {
        var lexer = Lexer(source: prefix)
        guard let all = try? lexer.tokenize() else { return expressionWords + StatementTable.keywords }
        var tokens = Array(all.dropLast())   // eof
        if let lastEnd = tokens.lastIndex(where: { $0.isEnd }) { tokens = Array(tokens[(lastEnd + 1)...]) }
        guard let first = tokens.first?.identifier else {
            return tokens.isEmpty ? StatementTable.keywords + expressionWords : expressionWords
        }
        let count = tokens.count
        let last = tokens.last
        switch first {
        case "loss" where count == 1: return Self.lossNames
        case "optimizer" where count == 1: return Self.optimizerNames
        case "optimizer": return insideCall(tokens) ? ["lr:", "beta:", "beta1:", "beta2:", "eps:"] + expressionWords : []
        case "style" where count == 1: return ["ascii", "unicode"]
        case "reset" where count == 1: return ["network"]
        case "help" where count == 1: return HelpCatalog.words + StatementTable.keywords
        case "show" where count == 1: return Self.showSubjects + valueNames
        case "show" where count == 2 && tokens[1].identifier == "graph": return state.tensorNames
        case "show" where count == 2 && tokens[1].identifier == "weights": return state.layerNames
        case "show" where count == 2 && tokens[1].identifier == "network": return state.layerNames   // show network hidden.W[1, 1]
        case "show" where count == 3 && tokens[1].identifier == "weights": return ["as"]
        case "show" where count == 4 && tokens[1].identifier == "weights": return ["images"]
        case "show" where last?.isSymbol(",") == true && ["image", "mistakes", "confusion"].contains(tokens[1].identifier ?? ""):
            return ImageStatements.optionWords(tokens[1].identifier ?? "") + expressionWords
        case "plot" where count == 1: return Self.plotSubjects + Self.activationNames + valueNames
        case "plot" where last?.isSymbol(",") == true: return Self.activationNames + valueNames
        case "plot" where last?.identifier != nil: return ["from", "to"]
        case "backward" where count == 1: return state.tensorNames
        case "explain" where count == 1: return state.layerNames
        case "step" where count == 1: return ["lr:"]
        case "train" where last?.isSymbol(",") == true && commasAtDepthZero(tokens) >= 2:
            return ["epochs:", "batch:", "lr:", "shuffle:"]
        case "dataset" where count == 3: return DatasetGenerator.Kind.allCases.map(\.rawValue)
        case "dataset" where insideCall(tokens): return ["n:", "noise:", "classes:"]
        case "load" where count == 3: return ["csv", "idx"]
        case "tensor" where count == 1, "layer" where count == 1: return []
        case "layer" where count == 3: return ["dense"]
        case "layer": return layerArgumentCandidates(tokens)
        default: break
        }
        if let last, last.isSymbol(","), insideCall(tokens), let call = enclosingCall(tokens),
           ["sum", "mean", "max", "min"].contains(call) {
            return ["rows", "cols"] + expressionWords
        }
        if count == 1, StatementTable.parsers[first] == nil {
            return []   // after a bare expression word only operators can follow
        }
        return expressionWords
    }

    /// Inside `dense(IN -> OUT, ACT, name: value…)`.
    private func layerArgumentCandidates(_ tokens: [Token]) -> [String] {
        guard let last = tokens.last else { return [] }
        let depthOneCommas = commasAtDepthOne(tokens)
        if last.isSymbol(":"), tokens.count >= 2, let label = tokens[tokens.count - 2].identifier {
            switch label {
            case "init": return Self.initNames
            case "bias": return ["true", "false"]
            default: return expressionWords
            }
        }
        if last.isSymbol(",") && depthOneCommas == 1 { return Self.activationNames }
        if last.isSymbol(",") && depthOneCommas >= 2 { return ["bias:", "init:", "weights:", "biases:"] }
        return []
    }

    private func commasAtDepthZero(_ tokens: [Token]) -> Int {
        var depth = 0, commas = 0
        for t in tokens {
            if t.isSymbol("(") || t.isSymbol("[") { depth += 1 }
            else if t.isSymbol(")") || t.isSymbol("]") { depth -= 1 }
            else if t.isSymbol(","), depth == 0 { commas += 1 }
        }
        return commas
    }

    private func commasAtDepthOne(_ tokens: [Token]) -> Int {
        var depth = 0, commas = 0
        for t in tokens {
            if t.isSymbol("(") || t.isSymbol("[") { depth += 1 }
            else if t.isSymbol(")") || t.isSymbol("]") { depth -= 1 }
            else if t.isSymbol(","), depth == 1 { commas += 1 }
        }
        return commas
    }

    private func insideCall(_ tokens: [Token]) -> Bool { enclosingCall(tokens) != nil }

    /// The name of the innermost open call `name(` before the cursor.
    private func enclosingCall(_ tokens: [Token]) -> String? {
        var depth = 0
        for i in stride(from: tokens.count - 1, through: 0, by: -1) {
            let t = tokens[i]
            if t.isSymbol(")") || t.isSymbol("]") { depth += 1 }
            else if t.isSymbol("[") { if depth == 0 { return nil }; depth -= 1 }
            else if t.isSymbol("(") {
                if depth == 0 { return i > 0 ? tokens[i - 1].identifier : nil }
                depth -= 1
            }
        }
        return nil
    }
}
