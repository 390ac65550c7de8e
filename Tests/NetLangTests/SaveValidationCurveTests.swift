import XCTest
@testable import NetLang
import NetCore

/// `save` keeps the validation curve of `train …, validation:` (it was lost before), and
/// `restore` checks it like every other field.
extension SaveRestoreTests {
    private var withValidation: String {
        """
        seed 5
        dataset s = moons(n: 40, noise: 0.1)
        dataset s_train, s_valid = split(s, 0.75)
        layer h = dense(2 -> 4, tanh)
        layer o = dense(4 -> 2, softmax)
        loss cross_entropy
        optimizer sgd(lr: 0.5)
        train s_train.x, s_train.y, epochs: 6, batch: 10, validation: s_valid
        """
    }

    func testTheValidationCurveComesBackWithTheSession() throws {
        let a = Recorder()
        a.run(withValidation + "\nsave \"\(path("v.json"))\"")
        let before = a.session.state.training.validation
        XCTAssertEqual(before.losses.count, 6)
        XCTAssertEqual(before.steps, [3, 6, 9, 12, 15, 18])   // 30 samples in batches of 10: 3 steps an epoch
        let b = Recorder()
        b.run("restore \"\(path("v.json"))\"")
        XCTAssertEqual(b.session.state.training.validation, before)
        // plot loss draws the same two curves as before the save.
        func series(_ r: Recorder) -> [[Double]] {
            guard case .plot(let p)? = r.run("plot loss").first?.0 else { XCTFail("no plot"); return [] }
            return p.series.flatMap { [$0.x, $0.y] }
        }
        XCTAssertEqual(series(b), series(a))
        XCTAssertEqual(series(b).count, 4)
    }

    func testADamagedValidationCurveIsRefusedByName() throws {
        let a = Recorder()
        a.run(withValidation + "\nsave \"\(path("v.json"))\"")
        let good = String(decoding: try XCTUnwrap(FileManager.default.contents(atPath: path("v.json"))), as: UTF8.self)
        func edited(_ pattern: String, _ replacement: String) throws -> Data {
            let range = try XCTUnwrap(good.range(of: pattern, options: .regularExpression), pattern)
            return Data(good.replacingCharacters(in: range, with: replacement).utf8)
        }
        try assertRefused(try edited(#""validationSteps":\[3,"#, #""validationSteps":["#),
                          "validationSteps has 5 entries but validationLosses 6")
        try assertRefused(try edited(#""validationSteps":\[3,6,"#, #""validationSteps":[6,3,"#),
                          "validationSteps[1] is 3; the steps grow from 1 up to the 18 steps of history")
        try assertRefused(try edited(#""validationSteps":\[3,"#, #""validationSteps":[1e300,"#),
                          "validationSteps[0] is")
    }
}
