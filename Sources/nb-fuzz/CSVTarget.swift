import NetCore
import NetLang

/// A CSV file. The first byte picks the label column (none, by name, by position, out of
/// range); the rest is the file. It goes through `CSVLoader.parse` directly, then through a
/// `load` statement (which reads the file, names the data set and shows its preview) and
/// a few statements that use the data.
enum CSVTarget {
    static let labels: [(CSVLoader.LabelColumn?, String)] = [
        (nil, ""), (.name("label"), ", label: \"label\""), (.name("y"), ", label: \"y\""),
        (.index(1), ", label: 1"), (.index(2), ", label: 2"), (.index(0), ", label: 0"),
        (.index(-1), ", label: -1"), (.index(Int.max), ", label: 9223372036854775807"),
    ]

    static func run(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let (label, argument) = labels[Int(selector) % labels.count]
        let file = Array(bytes.dropFirst())
        _ = try? CSVLoader.parse(String(decoding: file, as: UTF8.self), label: label)

        let name = Scratch.file("input.csv", file)
        let session = Session()
        session.baseDirectory = Scratch.directory
        for cell in ["load d = csv(\"\(name)\"\(argument))", "show d.x", "print mean(d.y), max(d.x), min(d.x)",
                     "tensor p = onehot(d.y, 3)"] {
            let error = Watchdog.shared.guarding(session.interrupt) {
                session.run(cell) { output, _ in Rendering.everyForm(of: output, settings: session.settings) }
            }
            if let error { Rendering.error(error, settings: session.settings) }
        }
    }
}
