import NetLang

/// A session file (`save`'s JSON), restored into a fresh session; then the statements that
/// read what was restored: the network, parameters, history, the last pass, one step.
enum ArchiveTarget {
    static let cellsAfterRestore = [
        "show network", "show params", "show grads", "show history", "plot loss",
        "backward", "step", "show params", "gradcheck", "explain output.W[1, 1]",
    ]

    static func run(_ bytes: [UInt8]) {
        let name = Scratch.file("session.json", bytes)
        let session = Session()
        session.baseDirectory = Scratch.directory
        for cell in ["restore \"\(name)\""] + cellsAfterRestore {
            let error = Watchdog.shared.guarding(session.interrupt) {
                session.run(cell) { output, _ in Rendering.everyForm(of: output, settings: session.settings) }
            }
            if let error {
                Rendering.error(error, settings: session.settings)
                if cell.hasPrefix("restore") { return }
            }
        }
    }
}
