import XCTest
import NetCore
import NetLang
import NetRender

/// Every statement of the language with every number a hostile student would type, run
/// and rendered to every MIME type: each gives a result or a located error, and the
/// session answers the next statement. (A trap here kills the test process, which fails.)
final class HostileNumberSweepTests: XCTestCase {
    static let values = ["0/0", "1/0", "-1/0", "1e308", "-1e308", "0", "-1", "2^63", "0.5"]

    static let network = "layer h = dense(2 -> 3, sigmoid)\nlayer o = dense(3 -> 2, softmax)\nloss cross_entropy\n"

    /// `V` stands for the hostile number.
    static let templates = [
        "tensor a = zeros(V, 2)", "tensor a = rand(2, V)", "tensor a = eye(V)", "tensor a = linspace(0, V, 5)",
        "tensor a = linspace(0, 1, V)", "tensor a = onehot([1, V], 3)", "tensor a = onehot([1, 2], V)",
        "tensor a = reshape([1, 2, 3, 4], V, 2)", "tensor a = [1, 2, 3][V]", "tensor a = [1, 2, 3][1:V]",
        "tensor a = argmax([V, 1])", "tensor a = accuracy([[0.2, 0.8]], [V])", "tensor a = cross_entropy([[V, 1]], [1])",
        "tensor a = V ^ V", "tensor a = softmax([V, 1, 2])", "tensor a = find([V, 0])",
        "tensor a = V\ntensor b = sigmoid(a) * a ^ 2\nbackward b\nshow graph b",
        "print V, [V], [[V, 1], [2, 3]]", "seed V", "precision V", "precision 17\nprint V",
        "layer h = dense(V -> 2, relu)", "layer h = dense(2 -> 2, relu, weights: [[V, 1], [1, 1]])\nforward [[1, 2]]\nplot h",
        "layer h = dense(2 -> 4, relu)\nforward [[0, V], [1, 2]]\nplot decision",
        network + "forward [[V, 1], [1, V]], [[1, 0], [0, 1]]\nbackward\nshow params\nexplain h.W[1, 1]\ngradcheck\nstep\nplot decision",
        network + "forward [[1, 1], [0, 0]], [[V], [2]]\nplot decision",
        network + "train [[1, 1], [0, 0]], [[1], [2]], epochs: 3, lr: V\nplot loss\nshow history\nplot decision",
        network + "optimizer adam(lr: V, beta1: V, beta2: V, eps: V)\ntrain [[1, 1], [0, 0]], [[1], [2]], epochs: 2",
        network + "train [[1, 1], [0, 0]], [[1], [2]], epochs: V",
        network + "train [[1, 1], [0, 0]], [[1], [2]], batch: V",
        network + "forward [[1, 1]], [[1, 0]]\nexplain o.W[V, 1]",
        "plot sigmoid, relu from V to 5", "plot relu from -5 to V", "plot [V, 1, 2]", "plot [[V, 1], [2, 3], [4, 5]]",
        "plot [[V], [-1e308], [1e308]]",
        "dataset s = moons(noise: V)", "dataset s = spiral(n: V)", "dataset s = gaussian(classes: V)",
        "dataset s = xor(n: 20, noise: V)\nplot s.x",
    ]

    func testEveryStatementWithEveryHostileNumber() {
        var errors = 0, results = 0
        for template in Self.templates {
            for value in Self.values {
                let cell = template.replacingOccurrences(of: "V", with: value)
                let session = Session()
                let renderer = Renderer(settings: session.settings)
                var rendered = 0
                if let error = session.run(cell, emit: { output, _ in _ = renderer.bundle(for: output); rendered += 1 }) {
                    errors += 1
                    let lines = cell.split(separator: "\n", omittingEmptySubsequences: false)
                    XCTAssertTrue((1...lines.count).contains(error.line), "\(cell): error at line \(error.line)")
                    XCTAssertGreaterThanOrEqual(error.column, 1, cell)
                    XCTAssertFalse(renderer.text(error).isEmpty, cell)
                } else {
                    results += 1
                }
                var answer = ""
                XCTAssertNil(session.run("print 6 * 7", emit: { output, _ in answer += renderer.text(output) }), cell)
                // At whatever precision the cell left (`precision 0` prints 42, `precision 17` 42.000…).
                XCTAssertEqual(Double(answer.filter { $0 != "\n" }), 42, cell)
            }
        }
        // Both outcomes occur: the sweep is not all refusals (nor all successes).
        XCTAssertGreaterThan(errors, 50)
        XCTAssertGreaterThan(results, 50)
    }
}
