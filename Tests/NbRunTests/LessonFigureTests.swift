import XCTest

/// Each lesson notebook, run by nb-run, prints the figures its lesson prints. The
/// expected numbers come from the lessons (and /work/shared/seeds/README.md), or are
/// computed here by hand-written arithmetic — never copied from NetBook's own output.
final class LessonFigureTests: XCTestCase {
    private func run(_ name: String) throws -> String {
        let result = try NbRunProcess.run(["--color", "never", NbRunProcess.notebook(name)])
        XCTAssertEqual(result.status, 0, "\(name) failed:\n\(result.stderr)\n\(result.stdout)")
        return result.stdout
    }

    /// Lesson 002: the 2-3-1 sigmoid network on X = [[1,2],[3,4],[5,6]] with R's runif weights.
    func testForwardPropagationMatchesLesson002() throws {
        let out = try run("01-forward-propagation.txt")
        // One sample, one path: z_21, a_21, z_31, ŷ.
        for figure in ["1.3583", "0.7955", "0.4847", "0.6188"] { XCTAssertTrue(out.contains(figure), figure) }
        // One sample, all paths: z_2 = 2.3452 0.6593 1.5647, z_3 = 1.3771, ŷ = 0.7985.
        XCTAssertTrue(out.contains("2.3452  0.6593  1.5647"))
        XCTAssertTrue(out.contains("z_3 (1×1) = 1.3771"))
        XCTAssertTrue(out.contains("y_hat (1×1) = 0.7985"))
        // The batch: the first row of z_2, then z_3 and ŷ for the three samples.
        XCTAssertTrue(out.contains("2.1296  1.9669  0.8199"))
        for row in ["0.5904  0.6435", "0.6900  0.6660", "0.7205  0.6727"] { XCTAssertTrue(out.contains(row), row) }
    }

    /// Lesson 003: apples and oranges with tax.
    func testComputationalGraphMatchesLesson003() throws {
        let out = try run("02-computational-graph.txt")
        for line in ["price: 715.0", "dApple: 2.2", "dApple_num: 110.0", "dOrange: 3.3", "dOrange_num: 165.0", "dTax: 650.0"] {
            XCTAssertTrue(out.contains(line), line)
        }
        XCTAssertTrue(out.contains("graph of price"), "show graph prints the graph")
        // The drawing, as the lesson's figure: under the arrow from each input, the gradient
        // it carries back (the first drawing, before backward, has none).
        let lines = out.components(separatedBy: "\n")
        for (input, gradient) in [("apple ", "2.2"), ("apple_num ", "110.0"), ("orange ", "3.3"), ("orange_num ", "165.0"), ("tax ", "650.0")] {
            let arrows = lines.indices.filter { lines[$0].hasPrefix(input) && lines[$0].contains("--") }
            XCTAssertEqual(arrows.count, 2, "\(input)drawn before and after backward")
            XCTAssertTrue(arrows.last.map { lines[$0 + 1].trimmingCharacters(in: .whitespaces).hasPrefix("<- \(gradient) ") || lines[$0 + 1].hasSuffix("<- \(gradient)") } ?? false, input)
        }
    }

    /// Lesson 000: total error 0.02397190 before the update, 0.023236338872291772 after one step at lr 0.5.
    func testBackpropByHandMatchesLesson000() throws {
        let out = try run("03-backprop-by-hand.txt")
        XCTAssertTrue(out.contains("half_sse  0.02397190"))
        XCTAssertTrue(out.contains("half_sse  0.02323634"))
        // ∂E/∂W5 by the chain rule, computed here from the lesson's numbers.
        let h1 = 1 / (1 + exp(-(0.3 * 0.1 + 0.25 * 0.2)))
        let h2 = 1 / (1 + exp(-(0.4 * 0.1 + 0.35 * 0.2)))
        let o1 = 1 / (1 + exp(-(0.45 * h1 + 0.4 * h2)))
        let dW5 = (o1 - 0.4) * o1 * (1 - o1) * h1
        XCTAssertTrue(out.contains("∂E/∂W5"))
        XCTAssertTrue(out.contains(String(format: "%.8f", dW5)), "∂E/∂W5 = \(dW5)")
        for weight in 1...8 { XCTAssertTrue(out.contains("∂E/∂W\(weight) ="), "explain W\(weight)") }
    }

    /// Lessons 001/003: Softmax-with-Loss backward for y = [0.3, 0.2, 0.5], t = [0, 1, 0] is y − t.
    func testSoftmaxWithLossBackwardIsYMinusT() throws {
        let out = try run("04-layers-and-softmax.txt")
        XCTAssertTrue(out.contains("dEce/d(scores) (1×3)\n  0.3000  -0.8000  0.5000"))
        XCTAssertTrue(out.contains("dE/d(out.z) (1×3)\n  0.3000  -0.8000  0.5000"))
        // ReLU passes dout only where x > 0: x = [[1, -0.5], [-2, 3]], dout = [[1, 2], [3, 4]].
        XCTAssertTrue(out.contains("dL/dx (2×2)\n  1.0000  0.0000\n  0.0000  4.0000"))
        XCTAssertFalse(out.contains("fail"), "gradcheck passes")
    }

    /// Lesson 004: MSE 16.3197, stable softmax, and gradient descent lowering the loss.
    func testActivationsAndLossMatchLesson004() throws {
        let out = try run("05-activations-and-loss.txt")
        XCTAssertEqual(((1.5 - 3.45) * (1.5 - 3.45) + (0.3 - 5.67) * (0.3 - 5.67)) / 2, 16.3197, accuracy: 1e-12)
        XCTAssertTrue(out.contains("E (1×1) = 16.3197"))
        // softmax([1010, 1000, 990]) = [1, e^-10, e^-20] / (1 + e^-10 + e^-20), finite, shown
        // with 10 digits in one number format: scientific, as numpy shows values that span
        // more than a factor 1000.
        let denominator = 1 + exp(-10.0) + exp(-20.0)
        XCTAssertTrue(out.contains(String(format: "stable (1×3)\n  %.10e  %.10e  %.10e\n", 1 / denominator,
                                          exp(-10.0) / denominator, exp(-20.0) / denominator)))
        // One weight, x = 1, t = 3.45, w = 0.53, lr 0.1: w ← w − 0.1·2(w − 3.45).
        var w = 0.53
        var losses: [String] = []
        for _ in 0..<3 {
            losses.append(String(format: "%.4f", (w - 3.45) * (w - 3.45)))
            w -= 0.1 * 2 * (w - 3.45)
        }
        XCTAssertEqual(losses, ["8.5264", "5.4569", "3.4924"])
        XCTAssertTrue(out.contains("mse   8.5264"))
        XCTAssertTrue(out.contains("loss after step 1: 5.4569"))
        XCTAssertTrue(out.contains("mse   3.4924"))
        // Vanishing gradients: ∂s5/∂v through five sigmoids from v = 0 is the product of σ'(each input).
        var input = 0.0, product = 1.0
        for _ in 0..<5 {
            let s = 1 / (1 + exp(-input))
            product *= s * (1 - s)
            input = s
        }
        XCTAssertLessThan(product, pow(0.25, 5), "each factor is at most 0.25")
        let row = out.split(separator: "\n").last { $0.hasPrefix("v ") } ?? ""
        XCTAssertTrue(row.hasSuffix(String(format: " %.4f", product)), "∂s5/∂v = \(product), shown as: \(row)")
        let legend = out.split(separator: "\n").first { $0.hasPrefix("legend:") } ?? ""
        for name in ["step", "sigmoid", "relu", "tanh"] { XCTAssertTrue(legend.contains(name), "the plot's legend names \(name)") }
    }
}
