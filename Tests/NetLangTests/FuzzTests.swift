import XCTest
@testable import NetLang
import NetCore

/// Thousands of seeded random mutations of valid programs: each gives an error or a
/// result — never a crash or a hang — and every error points inside its cell.
final class FuzzTests: XCTestCase {
    static let programs = [
        """
        precision 8
        tensor x = [0.1, 0.2]
        tensor t = [0.4, 0.6]
        layer hidden = dense(2 -> 2, sigmoid, bias: false, weights: [[0.30, 0.40], [0.25, 0.35]])
        layer output = dense(2 -> 2, sigmoid, bias: false, weights: [[0.45, 0.70], [0.40, 0.60]])
        loss half_sse
        forward x, t
        backward
        explain output.W[1, 1]
        step lr: 0.5
        gradcheck
        """,
        """
        tensor apple = 100; tensor apple_num = 2
        tensor price = apple * apple_num * 1.1
        backward price
        show graph price
        print "d:", grad(apple), grad(apple_num)
        """,
        """
        seed 3
        tensor X = rand(4, 2)
        tensor T = onehot([1, 2, 2, 1], 2)
        layer h = dense(2 -> 3, tanh, init: he)
        layer o = dense(3 -> 2, softmax)
        loss cross_entropy
        optimizer adam(lr: 0.01)
        forward X, T
        backward
        step
        show params
        plot loss
        plot sigmoid, relu from -5 to 5
        print accuracy(o.a, T), sum(h.z, rows)[2:3, :]
        """,
        """
        tensor a = [[1, 2], [3, 4]]
        tensor b = (a @ a.T)[1, :] ^ 2 - mean(a, cols) / 3
        tensor c = sum(b >= 2) + max(a, rows).T[1, 2]
        tensor z = log(softmax([0.3, 0.2, 0.5]))
        tensor L = cross_entropy(z, [0, 1, 0]); backward L
        show grads
        help backward
        """,
    ]

    static let fragments = ["(", ")", "[", "]", ",", ";", "\n", "@", "^", ".T", ".", ":", "-", "+", "*", "/", "=",
                            "->", "#", "\"", "x", "hidden", "W", "1e308", "0", "-1", "99999", "1e9", "sum(", "zeros(",
                            "forward", "backward", "step", "tensor", "layer", "==", "grad(", "rows", "relu", "[:, 1]",
                            "[1:2, :]", "nan", "é", "history", "sum(history, rows)", "plot ", "\u{0}", "rand(", "eye(", "onehot(", "dense(", "explain", "plot"]

    func testMutatedProgramsNeverCrashOrHang() {
        var random = SeededGenerator(seed: 20261122)
        let start = Date()
        var errors = 0, successes = 0
        for iteration in 0..<3000 {
            let base = Self.programs[random.nextInt(below: Self.programs.count)]
            var scalars = Array(base.unicodeScalars)
            for _ in 0..<(1 + random.nextInt(below: 4)) {
                mutate(&scalars, &random)
            }
            let source = String(String.UnicodeScalarView(scalars))
            let session = Session()
            let error = session.run(source) { _, _ in }
            if let error {
                errors += 1
                let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
                XCTAssertTrue(error.line >= 1 && error.line <= lines.count, "line \(error.line) outside: \(source)")
                XCTAssertGreaterThanOrEqual(error.column, 1)
            } else {
                successes += 1
            }
            // Completion and friends on the same text must not crash either.
            let cursor = random.nextInt(below: scalars.count + 1)
            _ = session.complete(source, cursor: cursor)
            _ = session.inspect(source, cursor: cursor)
            _ = session.isComplete(source)
            if Date().timeIntervalSince(start) > 45 {
                XCTFail("fuzzing took too long (stopped after \(iteration) programs)")
                break
            }
        }
        XCTAssertGreaterThan(errors, 100)
        XCTAssertGreaterThan(successes, 100)
    }

    /// What a student could observe of a session.
    private func fingerprint(_ s: SessionState) -> String {
        let tensors = s.tensorNames.map { "\($0)=\(s.tensors[$0]?.value.data.map(\.bitPattern) ?? [])" }
        let layers = s.layers.map { "\($0.name):\($0.W.data.map(\.bitPattern)):\($0.b.data.map(\.bitPattern)):\($0.activation)" }
        return [tensors.joined(separator: ";"), layers.joined(separator: ";"), "\(s.settings)", "\(s.history.map(\.bitPattern))",
                s.gradients.keys.sorted().joined(separator: ","), "\(s.gradientRoot ?? "")", "\(s.random.generator)",
                "\(s.network.loss)", "\(s.optimizer.kind)", "\(s.lastInput?.data.map(\.bitPattern) ?? [])"].joined(separator: "|")
    }

    func testAFailingStatementNeverChangesTheSession() throws {
        var random = SeededGenerator(seed: 7)
        var failures = 0
        for _ in 0..<600 {
            var scalars = Array(Self.programs[random.nextInt(below: Self.programs.count)].unicodeScalars)
            for _ in 0..<(1 + random.nextInt(below: 3)) { mutate(&scalars, &random) }
            let source = String(String.UnicodeScalarView(scalars))
            guard var parser = try? Parser(source: source), let statements = try? parser.parseCell() else { continue }
            // Each statement as its own cell: when it fails, the session must be exactly as before.
            let session = Session()
            let starts = statements.map(\.location.offset) + [scalars.count]
            for k in statements.indices {
                let text = String(String.UnicodeScalarView(scalars[starts[k]..<starts[k + 1]]))
                let before = fingerprint(session.state)
                if session.run(text, emit: { _, _ in }) != nil {
                    failures += 1
                    XCTAssertEqual(fingerprint(session.state), before, "after a failing statement: \(text)")
                }
            }
        }
        XCTAssertGreaterThan(failures, 50)
    }

    func testPathologicalInputsGiveErrors() {
        let session = Session()
        let cases = [String(repeating: "(", count: 10000) + "1" + String(repeating: ")", count: 10000),
                     "tensor x = " + String(repeating: "[", count: 10000),
                     "tensor x = " + String(repeating: "-", count: 10000) + "1",
                     "tensor x = 1" + String(repeating: " + 1", count: 10000),
                     "tensor x = 1" + String(repeating: ".T", count: 10000),
                     "tensor x = zeros(1e300, 1)", "tensor x = eye(-3)", "tensor x = [1, 2][0]",
                     "tensor x = \"unterminated", String(repeating: "\n", count: 10000) + ")",
                     "layer h = dense(100000 -> 100000, relu)", "print 1e999, -1e999, 0/0",
                     "plot sum(history, rows)", "plot history"]
        for source in cases {
            var outputs = 0
            let error = session.run(source) { _, _ in outputs += 1 }
            if let error {
                XCTAssertGreaterThanOrEqual(error.line, 1)
            } else {
                XCTAssertTrue(source.hasPrefix("print"), "no error for \(source.prefix(40))")
            }
        }
        XCTAssertEqual(session.run("tensor ok = 1") { _, _ in }, nil)
    }

    private func mutate(_ s: inout [Unicode.Scalar], _ random: inout SeededGenerator) {
        let position = random.nextInt(below: s.count + 1)
        switch random.nextInt(below: 5) {
        case 0 where !s.isEmpty:   // delete a short run
            let end = min(s.count, position + 1 + random.nextInt(below: 4))
            if position < end { s.removeSubrange(position..<end) }
        case 1:                    // insert a fragment
            let fragment = Self.fragments[random.nextInt(below: Self.fragments.count)]
            s.insert(contentsOf: fragment.unicodeScalars, at: position)
        case 2 where s.count > 2:  // swap two neighbours
            let i = min(position, s.count - 2)
            s.swapAt(i, i + 1)
        case 3 where !s.isEmpty:   // duplicate a slice somewhere else
            let from = random.nextInt(below: s.count)
            let slice = Array(s[from..<min(s.count, from + 1 + random.nextInt(below: 12))])
            s.insert(contentsOf: slice, at: random.nextInt(below: s.count + 1))
        default:                   // change a digit
            if let i = s.indices.filter({ s[$0].properties.numericType != nil }).randomElement(using: &random) {
                s[i] = Unicode.Scalar(UInt8(48 + random.nextInt(below: 10)))
            }
        }
    }
}

import Foundation
