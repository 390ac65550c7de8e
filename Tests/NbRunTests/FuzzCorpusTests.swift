import Foundation
import XCTest

/// The fuzzers' corpus (fuzz/README.md) replayed without the sanitizer build: every input
/// once through `nb-fuzz TARGET` (the code libFuzzer drives) and every cell through nb-run.
/// No input may kill the process. Inputs in fuzz/crashes-open/ still kill it (their
/// classes are being fixed): they are run and reported, and fail nothing.
final class FuzzCorpusTests: XCTestCase {
    static let fuzzDirectory = NbRunProcess.packageRoot.appendingPathComponent("fuzz")
    static let targets = ["cells", "csv", "archive", "wire"]

    func testEveryCorpusInputRunsThroughItsTargetWithoutADeath() throws {
        for target in Self.targets {
            let directory = Self.fuzzDirectory.appendingPathComponent("corpus/\(target)")
            let result = try NbRunProcess.run([target, directory.path], product: "nb-fuzz", seconds: 600)
            // nb-fuzz names each input on stderr before running it: the last name is the culprit.
            let culprit = result.stderr.split(separator: "\n").last { $0.hasPrefix("\(target) ") } ?? ""
            if let death = result.death {
                XCTFail("nb-fuzz \(target) died (\(death)) on \(culprit.dropFirst(target.count + 1))\n\(result.stderr.suffix(1500))")
                continue
            }
            XCTAssertEqual(result.status, 0, result.stderr.suffix(2000) + "")
            XCTAssertTrue(result.stdout.contains("no deaths"), result.stdout)
        }
    }

    func testEveryCorpusCellRunsThroughNbRunWithoutADeath() throws {
        let cells = try sandboxed(Self.files(in: Self.fuzzDirectory.appendingPathComponent("corpus/cells")))
        XCTAssertGreaterThan(cells.count, 50)
        // All at once (each file is its own notebook and session); on a death, one by one to name it.
        let all = try NbRunProcess.run(["--keep-going", "--timeout", "2", "--color", "never"] + cells.map(\.path), seconds: 900)
        if all.death == nil, [0, 1].contains(all.status) { return }
        for cell in cells {
            let one = try NbRunProcess.run(["--keep-going", "--timeout", "2", "--color", "never", cell.path], seconds: 120)
            XCTAssertEqual(one.death, nil, "nb-run died on \(cell.lastPathComponent)")
            XCTAssertTrue([0, 1].contains(one.status), "nb-run \(cell.lastPathComponent): exit \(one.status)\n\(one.stderr.suffix(1000))")
        }
    }

    /// Not a failure: the list of open crashes and whether each still kills the process.
    func testOpenCrashesAreReplayedAndReported() throws {
        var report: [String] = []
        for target in Self.targets {
            let directory = Self.fuzzDirectory.appendingPathComponent("crashes-open/\(target)")
            guard FileManager.default.fileExists(atPath: directory.path) else { continue }
            for file in try Self.files(in: directory) {
                let result = try NbRunProcess.run([target, file.path], product: "nb-fuzz", seconds: 60)
                var line = "\(target)/\(file.lastPathComponent): \(result.death ?? "survives (exit \(result.status))")"
                if target == "cells", let copy = try sandboxed([file]).first {
                    let nbRun = try NbRunProcess.run(["--timeout", "5", "--color", "never", copy.path], seconds: 60)
                    line += "; nb-run: \(nbRun.death ?? "exit \(nbRun.status)")"
                }
                report.append(line)
            }
        }
        print("fuzz/crashes-open (\(report.count) inputs; once one survives, move it to fuzz/corpus/):\n  "
              + report.joined(separator: "\n  "))
    }

    /// Copies of `cells` in a temporary directory whose `fuzz` links to the package's: a
    /// cell's `save` writes there, not into the corpus, and `fuzz/data/NAME.csv` is found.
    func sandboxed(_ cells: [URL]) throws -> [URL] {
        let directory = try NbRunProcess.temporaryDirectory(self)
        try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("fuzz"),
                                                   withDestinationURL: Self.fuzzDirectory)
        return try cells.map { cell in
            let copy = directory.appendingPathComponent(cell.lastPathComponent)
            if !FileManager.default.fileExists(atPath: copy.path) { try FileManager.default.copyItem(at: cell, to: copy) }
            return copy
        }
    }

    static func files(in directory: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { !$0.hasDirectoryPath && $0.lastPathComponent != "README.md" && !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.path < $1.path }
    }
}
