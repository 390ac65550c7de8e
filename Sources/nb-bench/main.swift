import ArgumentParser
import Foundation
import NetCore
import NetLang
import NetSupport

/// `nb-bench W1 W3`: times NetBook's own `train` statement on the bench workloads
/// (through Session.run, the path a notebook takes) and prints one JSON object with
/// seconds per step, for bench/run_bench.py to put beside numpy and PyTorch.
/// Threads: set OPENBLAS_NUM_THREADS in the environment, as for the peers.
struct NBBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nb-bench",
        abstract: "Time NetBook's train loop on the bench workloads (W1–W4); prints JSON.")

    @Argument(help: "Workloads to time (W1 W2 W3 W4).")
    var workloads: [String] = ["W1", "W2", "W3", "W4"]

    @Option(help: "Seconds each timed block should last at least.")
    var minSeconds: Double = 0.3

    @Option(help: "Timed blocks per workload; the best one counts.")
    var repeats: Int = 5

    func run() throws {
        let blas = BLASKernels.preferFastest()
        var result: JSONObject = ["peer": "NetBook", "blas": .string(blas.summary)]
        for name in workloads {
            guard let workload = BenchWorkload.all.first(where: { $0.name == name }) else {
                throw ValidationError("unknown workload '\(name)'; choose from W1 W2 W3 W4")
            }
            result[name] = .number(try secondsPerStep(workload))
        }
        print(JSONWriter.text(.object(result.sortedByKey())))
    }

    /// Best mean seconds per step over `repeats` blocks of `train`, each ≥ minSeconds.
    func secondsPerStep(_ workload: BenchWorkload) throws -> Double {
        let session = Session()
        try runCell(session, workload.setup)
        var epochs = 1
        while true {   // calibrate: grow the block until it lasts a quarter of minSeconds
            let elapsed = try timeCell(session, workload.trainStatement(epochs: epochs))
            if elapsed >= minSeconds / 4 {
                epochs = max(1, Int(Double(epochs) * minSeconds / elapsed))
                break
            }
            epochs *= 4
        }
        var best = Double.infinity
        for _ in 0..<repeats {
            let elapsed = try timeCell(session, workload.trainStatement(epochs: epochs))
            best = min(best, elapsed / Double(workload.steps(epochs: epochs)))
        }
        return best
    }

    func timeCell(_ session: Session, _ cell: String) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try runCell(session, cell)
        return Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
    }

    func runCell(_ session: Session, _ cell: String) throws {
        if let error = session.run(cell, emit: { _, _ in }) {
            throw ValidationError("NetBook refused the bench cell:\n\(error.formatted)")
        }
    }
}

NBBench.main()
