import NetCore

/// Mini-batch training of the session's network: for each epoch, (optionally) shuffle
/// the samples with the session's generator, then for each batch run forward, the loss,
/// backward and one optimizer update. The loss of each step (on its batch, before the
/// update) goes to `history`; the sample-weighted mean over an epoch to `epochLosses`.
///
///     var loop = TrainingLoop(options: options, x: x, t: t)
///     let report = try loop.run(on: &state, interrupt: flag) { progress in … }
///
/// It stops at a step boundary when `interrupt` is raised: the parameters are those of
/// the last completed step and the history so far is kept (`report.interrupted`).
struct TrainingLoop {
    var options: TrainingOptions
    /// Inputs, one row per sample.
    var x: Tensor
    /// Targets in the output's shape (class columns already one-hot).
    var t: Tensor
    /// Draws the live decision map from the network being trained (`live: decision`),
    /// called only as often as progress is shown.
    var liveDecision: ((Network) -> Plot?)? = nil

    struct Report {
        var steps: Int
        var totalSteps: Int
        var epochsCompleted: Int
        var firstLoss: Double?
        var lastLoss: Double?
        var interrupted: Bool
        var seconds: Double
        /// This run's step losses and epoch means (the session's history holds them too,
        /// after those of earlier runs).
        var losses = LossHistory()
        var epochMeans = LossHistory()
        /// The validation loss after each epoch (`validation:`), at the session's step count.
        var validation = ValidationHistory()
    }

    /// Seconds between live progress updates (at most 10 a second), and before the first:
    /// a run shorter than this shows no progress at all, only its curve and summary.
    static let progressInterval = 0.1
    /// Seconds between clock reads, about: the loop reads the clock every `clockStride` steps and
    /// adapts the stride so that a tiny step (under a microsecond) does not pay for a clock
    /// read each time, while progress still comes within a few milliseconds of its time.
    static let clockReadInterval = 0.001

    func run(on state: inout SessionState, interrupt: InterruptFlag,
             progress: (Progress) -> Void) throws -> Report {
        let samples = x.rows
        let batch = options.batchSize(samples: samples)
        let perEpoch = options.stepsPerEpoch(samples: samples)
        let total = perEpoch * options.epochs
        // NetCore's fast path: forward, loss, backward and update on reused buffers. A `lr:`
        // given to train applies to this run only; the optimizer keeps its own afterwards.
        var network = state.network
        var optimizer = state.optimizer
        let ownRate = optimizer.kind.learningRate
        if let lr = options.learningRate { optimizer.kind.learningRate = lr }
        func commit() {
            var kept = optimizer
            kept.kind.learningRate = ownRate
            state.network = network
            state.optimizer = kept
        }
        var order = Array(0..<samples)
        var batchX = Tensor(rows: batch, cols: x.cols), batchT = Tensor(rows: batch, cols: t.cols)
        var report = Report(steps: 0, totalSteps: total, epochsCompleted: 0, firstLoss: nil, lastLoss: nil,
                            interrupted: false, seconds: 0)
        // The standard library's clock: DispatchTime would need Dispatch (re-exported by
        // Foundation, which NetLang no longer imports).
        let clock = ContinuousClock(), start = clock.now
        // The hot path only records the loss (in `state.history` and the bounded sketch) and
        // counts steps; every `clockStride` steps it reads the clock, and every `progressInterval`
        // it hands `progress` a small snapshot (≤ 500 curve points). Rendering and sending
        // happen there, never per step.
        var nextProgress = Self.progressInterval
        var clockStride = 1, sinceClockRead = 0, lastClockRead = 0.0
        var sketch = LossSketch()
        var epochLosses = state.training.epochHistory
        func elapsed() -> Double {
            let t = (clock.now - start).components
            return Double(t.seconds) + Double(t.attoseconds) * 1e-18
        }

        epochs: for epoch in 0..<options.epochs {
            if options.shuffle && batch < samples { state.random.generator.shuffle(&order) }
            var epochTotal = 0.0
            for s in 0..<perEpoch {
                if interrupt.isRaised { report.interrupted = true; break epochs }
                let rows = order[(s * batch)..<min(samples, (s + 1) * batch)]
                let loss: Double
                do {
                    if rows.count == samples && (!options.shuffle || batch == samples) {
                        loss = try network.trainStep(x, t, optimizer: &optimizer)   // full batch: the data as it is
                    } else {
                        // Reused buffers: a step allocates nothing (the last, shorter batch gets its own).
                        if rows.count == batch {
                            x.gather(rows: rows, into: &batchX); t.gather(rows: rows, into: &batchT)
                            loss = try network.trainStep(batchX, batchT, optimizer: &optimizer)
                        } else {
                            var lastX = Tensor(rows: rows.count, cols: x.cols), lastT = Tensor(rows: rows.count, cols: t.cols)
                            x.gather(rows: rows, into: &lastX); t.gather(rows: rows, into: &lastT)
                            loss = try network.trainStep(lastX, lastT, optimizer: &optimizer)
                        }
                    }
                } catch is Interrupted {
                    // Stopped inside a step of large products, before its update: the
                    // parameters are those of the last completed step.
                    report.interrupted = true; break epochs
                }
                state.lossHistory.append(loss)
                report.losses.append(loss)
                if report.firstLoss == nil { report.firstLoss = loss }
                report.lastLoss = loss
                report.steps += 1
                epochTotal += loss * Double(rows.count)
                sketch.add(loss)
                sinceClockRead += 1
                if sinceClockRead >= clockStride && report.steps < total {
                    sinceClockRead = 0
                    let now = elapsed()
                    if now - lastClockRead < Self.clockReadInterval { clockStride = min(2 * clockStride, 1 << 16) }
                    else if now - lastClockRead > 4 * Self.clockReadInterval && clockStride > 1 { clockStride /= 2 }
                    lastClockRead = now
                    if now >= nextProgress {
                        nextProgress = now + Self.progressInterval
                        let rate = Double(report.steps) / max(now, 1e-9)
                        let curve = sketch.points()
                        progress(Progress(step: report.steps, totalSteps: total, epoch: epoch + 1,
                                          totalEpochs: options.epochs, loss: loss, stepsPerSecond: rate,
                                          secondsLeft: Double(total - report.steps) / rate,
                                          history: curve.map(\.loss), historySteps: curve.map(\.step),
                                          decision: liveDecision?(network)))
                        // Counted from when the update was shown: however long drawing and
                        // sending it took (a live decision map), training gets the next 0.1 s.
                        nextProgress = elapsed() + Self.progressInterval
                    }
                }
            }
            let mean = epochTotal / Double(samples)
            // Measured on the epoch's last parameters, before the epoch counts as completed:
            // an interrupt during it leaves no epoch without its validation loss.
            if let validation = options.validation {
                let loss: Double
                do {
                    loss = try network.loss.value(network.predict(validation.x), validation.t)
                } catch is Interrupted {
                    report.interrupted = true; break epochs
                }
                report.validation.append(step: state.lossHistory.steps, loss: loss)
                state.training.validation.append(step: state.lossHistory.steps, loss: loss)
            }
            report.epochsCompleted = epoch + 1
            epochLosses.append(mean)
            report.epochMeans.append(mean)
        }
        commit()
        state.training.epochHistory = epochLosses
        report.seconds = elapsed()
        return report
    }
}

extension Tensor {
    /// Copies the given 0-based rows, in that order, into `out` (which has that many rows).
    func gather(rows picked: ArraySlice<Int>, into out: inout Tensor) {
        let cols = self.cols
        data.withUnsafeBufferPointer { src in
            out.data.withUnsafeMutableBufferPointer { dst in
                for (i, r) in picked.enumerated() {
                    for c in 0..<cols { dst[i * cols + c] = src[r * cols + c] }
                }
            }
        }
    }
}
