import XCTest
@testable import NetLang
import NetCore

/// The parser, completion, `help` and error messages read NetCore's operation table:
/// every entry, including one added later, is accepted, offered, explained and suggested.
final class OperationTableUseTests: XCTestCase {
    func helpText(_ r: Recorder, _ word: String) -> String {
        guard case .note(let note) = r.run("help \(word)").first?.0 else { XCTFail("no help for \(word)"); return "" }
        return note.text
    }

    func testEveryActivationWorksInALayerACallAPlotAndHelp() {
        let r = Recorder()
        let listing = helpText(r, "activations")
        for act in Activation.allCases {
            r.run("layer h_\(act.name) = dense(2 -> 2, \(act.name))")
            XCTAssertEqual(r.value("\(act.name)([[0.5, -0.25]])"), act.apply(Tensor([[0.5, -0.25]])), act.name)
            r.run("plot \(act.name) from -2 to 2")
            if !StatementTable.keywords.contains(act.name) {   // `help step` is the statement's page
                XCTAssertTrue(helpText(r, act.name).contains(act.info.summary), act.name)
            }
            XCTAssertTrue(listing.split(separator: "\n").contains { $0.split(separator: " ").first.map(String.init) == act.name },
                          "help activations lists \(act.name)")
            XCTAssertTrue(helpText(r, "layer").contains(act.name), "help layer names \(act.name)")
        }
    }

    func testCompletionOffersEveryTableName() {
        let s = Recorder().session
        let afterLayer = s.complete("layer out = dense(2 -> 1, ", cursor: 26).matches
        XCTAssertEqual(Set(afterLayer), Set(OperationTable.names(of: .activation)))
        let plot = "plot sigmoid, "
        XCTAssertTrue(Set(OperationTable.names(of: .activation)).isSubset(of: s.complete(plot, cursor: plot.count).matches))
        XCTAssertEqual(s.complete("loss ", cursor: 5).matches.sorted(), OperationTable.names(of: .loss).sorted())
        XCTAssertEqual(s.complete("optimizer ", cursor: 10).matches.sorted(), OperationTable.names(of: .optimizer).sorted())
        let initCode = "layer out = dense(2 -> 1, relu, init: "
        XCTAssertEqual(s.complete(initCode, cursor: initCode.count).matches.sorted(),
                       OperationTable.names(of: .initializer).sorted())
        let expression = Set(s.complete("tensor y = ", cursor: 11).matches)
        XCTAssertTrue(Set(OperationTable.functionNames).isSubset(of: expression))
        XCTAssertEqual(Set(s.complete("optimizer adam(", cursor: 15).matches.filter { $0.hasSuffix(":") }),
                       Set(OperationTable.entries(of: .optimizer).flatMap(\.arguments).map { $0.name + ":" }))
    }

    func testUnknownNamesAreSuggestedOrListedFromTheTable() throws {
        let r = Recorder()
        let close = try XCTUnwrap(r.fail("layer h = dense(2 -> 2, relux)"))
        XCTAssertEqual(close.message, "unknown activation 'relux'")
        XCTAssertEqual(close.hint, "did you mean 'relu'?")
        XCTAssertEqual(close.column, 25)
        let far = try XCTUnwrap(r.fail("layer h = dense(2 -> 2, swish)"))
        XCTAssertEqual(far.hint, "one of: " + OperationTable.names(of: .activation).joined(separator: ", "))
        XCTAssertEqual(try XCTUnwrap(r.fail("loss mae")).hint, "did you mean 'mse'?")
        XCTAssertEqual(try XCTUnwrap(r.fail("optimizer rmsprop")).hint,
                       "one of: " + OperationTable.names(of: .optimizer).joined(separator: ", "))
        XCTAssertEqual(try XCTUnwrap(r.fail("print sigmod([1])")).hint, "did you mean 'sigmoid'?")
    }

    func testAWrongArgumentCountShowsTheTablesArguments() throws {
        let r = Recorder()
        for name in OperationTable.functionNames where OperationTable.names(of: .function(.reduction)).contains(name) == false {
            let entry = try XCTUnwrap(OperationTable.callable(name), name)
            let given = entry.arguments.count + 1
            let call = "\(name)(" + Array(repeating: "1", count: given).joined(separator: ", ") + ")"
            let error = try XCTUnwrap(r.fail("print \(call)"), call)
            XCTAssertEqual(error.message, "\(name) takes \(given - 1) argument\(given == 2 ? "" : "s"), got \(given)")
            XCTAssertEqual(error.hint, "write \(name)(" + entry.arguments.map(\.name).joined(separator: ", ") + ")")
        }
    }

    func testOptimizerDefaultsComeFromTheTable() throws {
        for entry in OperationTable.entries(of: .optimizer) {
            let settings = OptimizerSettings.settings(OptimizerSettings.make(entry.name, [:]))
            XCTAssertEqual(settings.map(\.0), entry.arguments.map(\.name), entry.name)
            XCTAssertEqual(settings.map(\.1), entry.arguments.compactMap(\.defaultValue), entry.name)
        }
    }
}
