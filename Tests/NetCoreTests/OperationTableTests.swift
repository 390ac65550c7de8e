import XCTest
import NetCore
import NetSupport

/// The operation table's own promises, for every entry (a new one is checked without a
/// new test): each activation's derivative is the slope of its forward, its backward is
/// dL/da times that derivative, and names, help and defaults are there.
final class OperationTableTests: XCTestCase {
    /// Away from the kinks of relu, leaky_relu and step (at 0), where slopes jump.
    let points: [Double] = [-4, -2.5, -1, -0.3, 0.2, 0.9, 1.7, 3.5]

    func testEachDerivativeIsTheSlopeOfItsForward() throws {
        for act in Activation.allCases where act != .softmax {
            for z in points {
                let h = 1e-6
                let f = { (x: Double) in act.apply(Tensor([[x]])).data[0] }
                let slope = (f(z + h) - f(z - h)) / (2 * h)
                let d = try XCTUnwrap(act.derivative(z: z, a: f(z)), "\(act.name) has no elementwise derivative")
                XCTAssertEqual(d, slope, accuracy: 1e-7, "\(act.name)′(\(z))")
            }
        }
    }

    func testEachBackwardIsTheGradientTimesTheDerivative() {
        let z = Tensor([points])
        let g = Tensor([points.map { 0.5 - $0 / 7 }])
        for act in Activation.allCases where act != .softmax {
            let a = act.apply(z)
            let dz = act.backward(z: z, a: a, gradA: g)
            for k in z.data.indices {
                XCTAssertEqual(dz.data[k], g.data[k] * (act.derivative(z: z.data[k], a: a.data[k]) ?? .nan),
                               accuracy: 1e-15, "\(act.name) at \(z.data[k])")
            }
        }
    }

    func testSoftmaxBackwardMatchesItsNumericalJacobian() {
        let z = Tensor([[0.3, -1.2, 2.0]]), g = Tensor([[0.7, -0.1, 0.4]])
        let dz = Activation.softmax.backward(z: z, a: Activation.softmax.apply(z), gradA: g)
        for j in 0..<3 {
            let h = 1e-6
            var up = z, down = z
            up.data[j] += h; down.data[j] -= h
            let dot = { (t: Tensor) in zip(Activation.softmax.apply(t).data, g.data).map(*).reduce(0, +) }
            XCTAssertEqual(dz.data[j], (dot(up) - dot(down)) / (2 * h), accuracy: 1e-8)
        }
    }

    func testEveryActivationIsFoundByItsNameAndHasHelp() {
        for act in Activation.allCases {
            XCTAssertEqual(Activation(rawValue: act.name), act)
            XCTAssertFalse(act.info.summary.isEmpty, act.name)
            XCTAssertTrue(act.info.help.hasPrefix(act.name), "help of \(act.name) starts with how to call it")
        }
        XCTAssertNil(Activation(rawValue: "relux"))
    }

    func testNamesAreUniqueWithinEachKindAndHelpIsNeverEmpty() {
        let kinds: [OperationInfo.Kind] = [.activation, .loss, .optimizer, .initializer, .function(.elementwise),
                                           .function(.reduction), .function(.constructor), .function(.other)]
        for kind in kinds {
            let names = OperationTable.names(of: kind)
            XCTAssertFalse(names.isEmpty, "\(kind)")
            XCTAssertEqual(Set(names).count, names.count, "\(kind): \(names)")
        }
        for entry in OperationTable.all {
            XCTAssertFalse(entry.summary.isEmpty || entry.help.isEmpty, entry.name)
        }
        XCTAssertEqual(Set(OperationTable.functionNames).count, OperationTable.functionNames.count)
    }

    func testOptimizerDefaultsAreTheOnesTheirHelpShows() throws {
        // PyTorch's defaults for Adam; sgd and momentum as the lessons use them.
        let adam = try XCTUnwrap(OperationTable.entry("adam", .optimizer))
        XCTAssertEqual(adam.arguments.map(\.name), ["lr", "beta1", "beta2", "eps"])
        XCTAssertEqual(adam.arguments.compactMap(\.defaultValue), [0.001, 0.9, 0.999, 1e-8])
        for entry in OperationTable.entries(of: .optimizer) {
            for argument in entry.arguments {
                let value = try XCTUnwrap(argument.defaultValue)
                XCTAssertTrue(entry.help.contains("\(argument.name): \(SentenceNumber.text(value, .significant(6)))")
                              || entry.help.contains("\(argument.name): 1e-8"), "\(entry.name) help shows \(argument.name)")
            }
        }
    }
}
