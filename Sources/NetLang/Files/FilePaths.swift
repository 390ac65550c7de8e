import FoundationEssentials
import NetCore
import NetSupport

/// Where `load`, `save` and `restore` find their files.
///
/// An absolute path is used as written. A relative path is looked up first in the
/// session's base directory — the notebook's directory, which `nb-run` sets
/// (`Session.baseDirectory`) — and then in the current directory (where Jupyter starts
/// a kernel: the notebook's own directory). `save` writes next to the notebook when
/// there is a base directory, else in the current directory.
///
///     FilePaths(base: "/course/notebooks").reading("data/iris.csv")
///     // "/course/notebooks/data/iris.csv" if it exists there, else "./data/iris.csv"
struct FilePaths {
    var base: String?

    func reading(_ path: String) -> String {
        let expanded = PathText.expandingTilde(path)
        if expanded.hasPrefix("/") { return expanded }
        if let base {
            let candidate = PathText.appending(expanded, to: base)
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return expanded
    }

    func writing(_ path: String) -> String {
        let expanded = PathText.expandingTilde(path)
        if expanded.hasPrefix("/") { return expanded }
        if let base { return PathText.appending(expanded, to: base) }
        return expanded
    }
}
