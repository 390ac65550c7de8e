import Foundation
import JupyterKernel
import NetLang
import NetRender
import NetSupport

/// Cell text as a student types it: run in a fresh session, every output rendered to every
/// MIME type and encoded as the kernel's display_data frames, the error rendered as nb-run
/// and the kernel show it; completion, inspection and the completeness check on the same text.
enum CellTarget {
    static func run(_ bytes: [UInt8]) {
        let source = String(decoding: bytes, as: UTF8.self)
        guard !writesOutsideScratch(source) else { return }
        _ = Scratch.directory
        let session = Session()
        session.baseDirectory = Scratch.directory
        let error = Watchdog.shared.guarding(session.interrupt) {
            session.run(source) { output, _ in Rendering.everyForm(of: output, settings: session.settings) }
        }
        if let error { Rendering.error(error, settings: session.settings) }
        // The next cell still runs in the same session.
        _ = session.run("tensor fuzz_after = 1") { output, _ in Rendering.everyForm(of: output, settings: session.settings) }
        let cursor = bytes.count % (source.unicodeScalars.count + 1)
        _ = session.complete(source, cursor: cursor)
        if let output = session.inspect(source, cursor: cursor) {
            Rendering.everyForm(of: output, settings: session.settings)
        }
        _ = session.isComplete(source)
    }

    /// `save` to an absolute, home or parent path could overwrite real files, and one into
    /// `fuzz` (the scratch directory's link to the package's) the corpus: such inputs are skipped.
    static func writesOutsideScratch(_ source: String) -> Bool {
        source.contains("save") && ["\"/", "\"~", "..", "fuzz"].contains { source.contains($0) }
    }
}

/// What the kernel and nb-run do with an output or an error, minus the socket.
enum Rendering {
    static let wire = WireFormat(signer: MessageSigner(key: ""))

    static func everyForm(of output: Output, settings: RenderSettings) {
        for color in [false, true] {
            let bundle = Renderer(settings: settings, color: color).bundle(for: output)
            _ = bundle.plain.utf8.count
            if !color { _ = wire.frames(for: Message(header: ["msg_type": "display_data"], content: ["data": .object(bundle.dictionary)])) }
        }
    }

    static func error(_ error: NetError, settings: RenderSettings) {
        _ = error.formatted
        _ = Renderer(settings: settings, color: true).text(error)
        _ = Renderer(settings: settings).text(error)
    }
}
