import Foundation
import JupyterKernel

/// Bytes from a ZeroMQ peer. Lines are frames (`id`, `<IDS|MSG>`, signature, header,
/// parent_header, metadata, content, buffers…; JSON never holds a raw newline), decoded
/// without a key as the kernel does for an unsigned connection; a decoded message is
/// encoded and decoded again. The whole input is also read as one JSON header (the reader
/// on its own).
enum WireTarget {
    static let wire = WireFormat(signer: MessageSigner(key: ""))

    static func run(_ bytes: [UInt8]) {
        let frames = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Data($0) }
        if let message = try? wire.message(from: frames) {
            _ = try? wire.message(from: wire.frames(for: message))
            _ = message.jsonObject
        }
        let empty = Data("{}".utf8)
        _ = try? wire.message(from: [WireFormat.delimiter, Data(), Data(bytes), empty, empty, empty])
    }
}
