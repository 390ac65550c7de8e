import Foundation
import XCTest

/// Runs the built `nb-run` binary as a user would, and captures what it printed.
///
///     let result = try NbRunProcess.run(["--check", "notebooks/03-backprop-by-hand.txt"])
///     XCTAssertEqual(result.status, 0)
struct NbRunProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// How the process died, if it did: a signal, or the time limit it was given.
        var death: String?
    }

    /// The package root: this file is Tests/NbRunTests/NbRunProcess.swift.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func notebook(_ name: String) -> String {
        packageRoot.appendingPathComponent("notebooks").appendingPathComponent(name).path
    }

    /// The nb-run built beside this test bundle (`swift test` builds every product first).
    static func binary() throws -> URL {
        let bundleDirectory = Bundle(for: Marker.self).bundleURL.deletingLastPathComponent()
        let candidates = [
            bundleDirectory.appendingPathComponent("nb-run"),
            packageRoot.appendingPathComponent(".build/debug/nb-run"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw NotBuilt(description: "nb-run is not built (looked in \(candidates.map(\.path))); run `swift build` first")
        }
        return found
    }

    /// Runs `product` (nb-run unless said) built beside it; with `seconds`, a process still
    /// running then is killed and its `death` says so (the fuzz corpus's deaths).
    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil,
                    product: String = "nb-run", seconds: Double? = nil) throws -> Result {
        let process = Process()
        process.executableURL = try binary().deletingLastPathComponent().appendingPathComponent(product)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        // Files, not pipes, so a long output cannot fill a pipe and stall the child.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("nbrun-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        var timedOut = false
        if let seconds {
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            timedOut = process.isRunning
            if timedOut { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        try out.close(); try err.close()
        var death: String?
        if timedOut {
            death = "timeout after \(Int(seconds ?? 0)) s"
        } else if process.terminationReason == .uncaughtSignal {
            death = "signal \(process.terminationStatus) (\(String(cString: strsignal(process.terminationStatus))))"
        }
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self), death: death)
    }

    /// A fresh temporary directory, removed by the caller's `addTeardownBlock`.
    static func temporaryDirectory(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nbrun-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    struct NotBuilt: Error, CustomStringConvertible { var description: String }
    private final class Marker {}
}
