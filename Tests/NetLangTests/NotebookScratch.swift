import XCTest
@testable import NetLang
import NetCore

final class NotebookScratch: XCTestCase {
    func testScratch() throws {
        let path = ProcessInfo.processInfo.environment["NB"] ?? ""
        guard !path.isEmpty, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        let session = Session()
        session.baseDirectory = (path as NSString).deletingLastPathComponent
        var cells: [String] = []
        var current: [String] = []
        var isCode = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# %%") {
                if isCode { cells.append(current.joined(separator: "\n")) }
                current = []; isCode = !line.contains("[markdown]")
            } else { current.append(String(line)) }
        }
        if isCode { cells.append(current.joined(separator: "\n")) }
        for cell in cells {
            let start = Date()
            let error = session.run(cell) { output, role in
                switch output {
                case .table(let t): print("TABLE", t.title ?? "", t.columns, t.rows.prefix(12), t.footer)
                case .tensor(let v): print("TENSOR", v.name ?? "", v.value.shapeDescription, v.value.data.prefix(16))
                case .note(let n): print("NOTE", n.text)
                case .stream(let s): print("STREAM", s)
                case .progress: break
                case .plot(let p): print("PLOT", p.kind, p.title, p.series.map(\.label))
                case .group(let g): print("GROUP", g.count)
                default: print("OTHER")
                }
            }
            print("-- cell took \(Date().timeIntervalSince(start))s")
            if let error { print("ERROR", error.formatted) }
        }
    }
}
