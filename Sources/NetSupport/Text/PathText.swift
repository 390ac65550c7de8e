import FoundationEssentials

/// File paths as text, the way `NSString`'s path methods treat them (the messages and
/// the files found must not change with the library), without Foundation: it costs the
/// kernel 2.7 MB of idle memory, and FoundationEssentials keeps these methods internal.
///
///     PathText.lastComponent("data//train-images-idx3-ubyte/")   // "train-images-idx3-ubyte"
///     PathText.deletingLastComponent("/course/run.json")          // "/course"
///     PathText.appending("data/iris.csv", to: "/course")           // "/course/data/iris.csv"
///     PathText.expandingTilde("~/runs/a.json")                     // "/home/ana/runs/a.json"
public enum PathText {
    /// The last component: repeated slashes count as one, a trailing slash is ignored.
    public static func lastComponent(_ path: String) -> String {
        let fixed = fixingSlashes(path)
        if fixed.utf16.count <= 1 { return fixed }
        return String(fixed[startOfLastComponent(fixed)...])
    }

    /// The path without its last component: "" for a single relative component, "/" for
    /// a single absolute one.
    public static func deletingLastComponent(_ path: String) -> String {
        let fixed = fixingSlashes(path)
        if fixed == "/" || fixed.isEmpty { return fixed }
        let start = startOfLastComponent(fixed)
        if start == fixed.startIndex { return "" }
        if start == fixed.index(after: fixed.startIndex) { return "/" }
        return String(fixed[..<fixed.index(before: start)])
    }

    /// `component` after `base`, with one slash between them (none added when `base`
    /// ends in one); either side empty gives the other.
    public static func appending(_ component: String, to base: String) -> String {
        if component.isEmpty { return base }
        if base.isEmpty { return component }
        return base.hasSuffix("/") ? base + component : base + "/" + component
    }

    /// The user's home directory: `$HOME` when it is set, as the shell, Python's
    /// `os.path.expanduser` and Jupyter read it; else the user database's.
    public static var homeDirectory: String {
        ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.path
    }

    /// "~" or "~/…" with `homeDirectory`, "~name/…" with that user's; a path without the
    /// tilde unchanged, one with an unknown user only without a trailing slash.
    public static func expandingTilde(_ path: String) -> String {
        guard path.hasPrefix("~") else { return path }
        let endOfUser = path.firstIndex(of: "/") ?? path.endIndex
        let user = String(path[path.index(after: path.startIndex)..<endOfUser])
        let home = user.isEmpty ? homeDirectory : FileManager.default.homeDirectory(forUser: user)?.path
        guard let home else { return strippingTrailingSlash(path) }
        return strippingTrailingSlash(home + path[endOfUser...])
    }

    /// Runs of slashes as one, and no trailing slash ("/" alone stays "/").
    static func fixingSlashes(_ path: String) -> String {
        if path == "/" { return path }
        var result = ""
        var afterSlash = false
        for c in path {
            if c == "/" && afterSlash { continue }
            afterSlash = c == "/"
            result.append(c)
        }
        if result.hasSuffix("/") { result.removeLast() }
        return result
    }

    static func strippingTrailingSlash(_ path: String) -> String {
        path.utf16.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// Where the last component of a path (without a trailing slash) begins.
    static func startOfLastComponent(_ path: String) -> String.Index {
        path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
    }
}
