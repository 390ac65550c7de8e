import XCTest
@testable import NetLang
import NetCore

/// Momentum and Adam through `train` and through forward/backward/step, against PyTorch:
/// the numbers come from Reference/optimizer_reference.py (torch.optim.SGD with momentum
/// and torch.optim.Adam, float64, 5 full-batch steps), printed in optimizer_reference.out.
final class OptimizerTrainingTests: XCTestCase {
    let network = """
    tensor X = [[0.5, -1.0], [1.5, 0.25], [-0.75, 2.0]]
    tensor T = [[0.0, 1.0], [1.0, 0.0], [0.5, 0.5]]
    layer hidden = dense(2 -> 3, tanh, weights: [[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]], biases: [0.01, 0.02, -0.03])
    layer output = dense(3 -> 2, sigmoid, weights: [[0.7, -0.1], [0.2, 0.3], [-0.5, 0.6]], biases: [0.05, -0.05])
    loss mse
    """

    struct Expected {
        var hiddenW: [[Double]], hiddenB: [Double], outputW: [[Double]], outputB: [Double], loss: Double
    }

    let momentum = Expected(
        hiddenW: [[0.15262017661214744, -0.20601962797654133, 0.22856449635452894], [0.41803787966974204, 0.4924895659038895, -0.6369556271025144]],
        hiddenB: [0.012858127590950568, 0.019156151782686818, -0.053198956149883986],
        outputW: [[0.7128561177566628, -0.12414611776955722], [0.1936700470380857, 0.291816339554176], [-0.4910273496029473, 0.6072333039037033]],
        outputB: [0.04583928415972151, -0.045844256955189254], loss: 0.14085907948596607)

    let adam = Expected(
        hiddenW: [[0.1499398964022695, -0.2500458504231992, 0.2499900363037979], [0.4501590767576941, 0.45033235359166324, -0.6500284612662397]],
        hiddenB: [0.05594108665824966, -0.03021181767784384, -0.08004270133304689],
        outputW: [[0.7501728653075829, -0.15006499439687546], [0.14977980814636707, 0.25353725843151675], [-0.45135823960615207, 0.6502074048163459]],
        outputB: [-0.0001740319459872207, 0.00015431736238474825], loss: 0.13813892781318607)

    let adamTuned = Expected(
        hiddenW: [[0.3464591662237262, -0.45313504604028654, 0.052156246226104014], [0.6524963591688904, 0.26642958120880816, -0.8502839666578205]],
        hiddenB: [-0.019128400878771552, -0.17260258274400714, -0.27675511445036294],
        outputW: [[0.9537631804165178, -0.35133683438179425], [-0.05347482016363273, 0.29704627131109634], [-0.4144926591510779, 0.8540255552821472]],
        outputB: [-0.20096474503774656, 0.20435759583698074], loss: 0.09250229501360001)

    func assertParameters(_ r: Recorder, _ e: Expected, file: StaticString = #filePath, line: UInt = #line) {
        func close(_ expr: String, _ expected: [[Double]]) {
            guard let t = r.value(expr) else { return XCTFail("no \(expr)", file: file, line: line) }
            XCTAssertEqual(t.rows, expected.count, expr, file: file, line: line)
            for (a, b) in zip(t.data, expected.flatMap { $0 }) {
                XCTAssertEqual(a, b, accuracy: 1e-12, expr, file: file, line: line)
            }
        }
        close("hidden.W", e.hiddenW)
        close("hidden.b", [e.hiddenB])
        close("output.W", e.outputW)
        close("output.b", [e.outputB])
        XCTAssertEqual(r.scalar("mse(sigmoid(tanh(X @ hidden.W + hidden.b) @ output.W + output.b), T)"), e.loss,
                       accuracy: 1e-12, file: file, line: line)
    }

    func testMomentumTrainMatchesPyTorch() {
        let r = Recorder()
        r.run(network + "\noptimizer momentum(lr: 0.1, beta: 0.9)\ntrain X, T, epochs: 5, shuffle: false")
        assertParameters(r, momentum)
    }

    func testAdamTrainMatchesPyTorch() {
        let r = Recorder()
        r.run(network + "\noptimizer adam(lr: 0.01)\ntrain X, T, epochs: 5")
        assertParameters(r, adam)
    }

    func testAdamWithAllSettingsMatchesPyTorch() {
        let r = Recorder()
        r.run(network + "\noptimizer adam(lr: 0.05, beta1: 0.8, beta2: 0.99, eps: 1e-6)\ntrain X, T, epochs: 5")
        assertParameters(r, adamTuned)
    }

    func testStepByStepGivesTheSameAsTrain() {
        let r = Recorder()
        r.run(network + "\noptimizer adam(lr: 0.01)")
        for _ in 1...5 { r.run("forward X, T; backward; step;") }
        assertParameters(r, adam)
    }
}
