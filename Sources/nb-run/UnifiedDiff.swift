/// A unified diff (as `diff -u` prints it) of two texts, line by line, built on the
/// standard library's `CollectionDifference`.
///
///     UnifiedDiff.make(old: "a\nb\n", new: "a\nc\n", oldName: "expected", newName: "actual")
///     // --- expected
///     // +++ actual
///     // @@ -1,2 +1,2 @@
///     //  a
///     // -b
///     // +c
enum UnifiedDiff {
    static func make(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String? {
        let a = splitLines(old), b = splitLines(new)
        let difference = b.difference(from: a)
        if difference.isEmpty { return nil }

        // Walk both sides together: removed lines of `a`, inserted lines of `b`, the rest shared.
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        enum Line { case same(Int), minus(Int), plus(Int) }
        var script: [Line] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) { script.append(.minus(i)); i += 1 }
            else if j < b.count, inserted.contains(j) { script.append(.plus(j)); j += 1 }
            else { script.append(.same(i)); i += 1; j += 1 }
        }

        // Group changes that are close together into hunks with `context` lines around them.
        let changed = script.indices.filter { if case .same = script[$0] { return false } else { return true } }
        var hunks: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(script.count - 1, index + context)
            if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                hunks.append(range)
            }
        }

        // How many lines of each side come before each script line: hunk headers need them.
        var oldBefore = [0], newBefore = [0]
        var oldSeen = 0, newSeen = 0
        for line in script {
            switch line {
            case .same: oldSeen += 1; newSeen += 1
            case .minus: oldSeen += 1
            case .plus: newSeen += 1
            }
            oldBefore.append(oldSeen); newBefore.append(newSeen)
        }

        var out = "--- \(oldName)\n+++ \(newName)\n"
        for hunk in hunks {
            var body = ""
            for line in script[hunk] {
                switch line {
                case .same(let x): body += " \(a[x])\n"
                case .minus(let x): body += "-\(a[x])\n"
                case .plus(let y): body += "+\(b[y])\n"
                }
            }
            let oldCount = oldBefore[hunk.upperBound + 1] - oldBefore[hunk.lowerBound]
            let newCount = newBefore[hunk.upperBound + 1] - newBefore[hunk.lowerBound]
            // diff -u numbers lines from 1; an empty side names the line before it.
            let oldFrom = oldBefore[hunk.lowerBound] + (oldCount == 0 ? 0 : 1)
            let newFrom = newBefore[hunk.lowerBound] + (newCount == 0 ? 0 : 1)
            out += "@@ -\(oldFrom),\(oldCount) +\(newFrom),\(newCount) @@\n" + body
        }
        return out
    }

    private static func splitLines(_ text: String) -> [String] {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
