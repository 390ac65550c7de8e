import NetCore
import NetSupport

/// What `train` shows: the loss curve that replaces the live progress, and a summary.
enum TrainingViews {
    /// Loss per step, and (when epochs have several steps) the epoch means at the step
    /// that ends each epoch. A run of more than `PlotStatement.maxPoints` steps keeps each
    /// stretch's lowest and highest loss, as the live curve does, so a spike stays visible.
    /// With `validation:`, the validation loss after each epoch is a third series, drawn at
    /// the step that ends the epoch (the session's step count, as `plot loss` draws it).
    static func lossCurve(steps: LossHistory, epochs: LossHistory, stepsPerEpoch: Int,
                          validation: ValidationHistory = ValidationHistory(), validationName: String? = nil) -> Output {
        // An entry of a long run stands for several steps: drawn at its last step.
        let kept = LossSketch.downsampled(steps.values, maxPoints: curvePoints)
        var series = [Plot.Series(label: "loss per step", x: kept.map { Double(steps.lastStep(of: $0.step - 1)) }, y: kept.map(\.loss))]
        if stepsPerEpoch > 1 && !epochs.isEmpty {
            series.append(Plot.Series(label: "epoch mean", x: epochs.values.indices.map { Double(epochs.lastStep(of: $0) * stepsPerEpoch) },
                                      y: epochs.values))
        }
        if let validationName {
            // This run's steps count from 1 in the curve; the validation points carry the session's.
            let offset = (validation.steps.last ?? 0) - steps.steps
            series.append(Plot.Series(label: "validation loss (\(validationName))", x: validation.steps.map { Double($0 - offset) },
                                      y: validation.losses))
        }
        return .plot(Plot(kind: .line, title: validationName == nil ? "training loss" : "training and validation loss",
                          xLabel: "step", yLabel: "loss", series: series.map { PlotStatement.thinned($0, to: curvePoints) }))
    }

    /// Points of each series of the curve a `train` cell ends with — as many as a live
    /// update carries (LossSketch.maxPoints): 250 stretches of steps, each its lowest and
    /// highest loss (spikes stay), one stretch for every 2.4 pixels of the 600-pixel SVG and
    /// finer than the text plot's columns. With 5000, every train cell of 5000 steps or
    /// more sent 160 KB and spent about 5 ms writing the curve in each form, which made the
    /// kernel's 10 000-epoch XOR cell 1.3–1.4× nb-run's time (bench/live_train.py); with
    /// 1000, 50 KB and 1.0–1.36×; with 500, 32 KB and 0.88–1.05×. `plot loss` keeps
    /// `PlotStatement.maxPoints`, for a closer look.
    static let curvePoints = 500

    static func summary(_ report: TrainingLoop.Report, options: TrainingOptions, samples: Int,
                        finalLoss: Double, finalLossIsEpochMean: Bool = false, learningRate: Double,
                        validationLoss: Double? = nil) -> Output {
        let batch = options.batchSize(samples: samples)
        var footer: [Phrase] = report.interrupted ? ["interrupted at step \(report.steps) of \(report.totalSteps)"] : []
        if finalLossIsEpochMean {
            footer.append("final loss: the mean over the last epoch's steps (the data is too large for one more pass over all of it)")
        }
        // "final loss" is the loss on all samples after the last step; "validation loss" that
        // of the validation set after the last epoch.
        var columns = ["epochs", "steps", "batch", "lr", "shuffle", "first step loss", "final loss"]
        var row: [Cell] = [.number(Double(report.epochsCompleted)), .number(Double(report.steps)), .number(Double(batch)),
                           .number(learningRate), .text(options.shuffle && batch < samples ? "yes" : "no"),
                           report.firstLoss.map { .number($0) } ?? .empty, .number(finalLoss)]
        if let validationLoss { columns.append("validation loss"); row.append(.number(validationLoss)) }
        return .table(Table(title: "train", columns: columns, rows: [row], footer: footer))
    }

    /// A warning when the run blew up: the loss became NaN or infinite (at which step), or
    /// ended a thousand times above where it started. The usual cause is a learning rate
    /// too large for the problem, so the warning suggests a tenth of it.
    ///
    ///     divergence([0.9, 3e8, .nan], finalLoss: .nan, learningRate: 100)
    ///     // "the loss became nan at step 3: lr 100 takes steps too large — try a smaller lr, e.g. lr: 10"
    static func divergence(_ steps: [Double], finalLoss: Double, learningRate: Double) -> Phrase? {
        divergence(LossHistory(steps), finalLoss: finalLoss, learningRate: learningRate)
    }

    /// The same over a run's bounded history, whose first loss and first non-finite step
    /// are kept exactly.
    static func divergence(_ steps: LossHistory, finalLoss: Double, learningRate: Double) -> Phrase? {
        let smaller: Phrase = learningRate > 0
            ? ": lr \(learningRate, .brief) takes steps too large — try a smaller lr, e.g. lr: \(learningRate / 10, .brief)" : ""
        if let (step, value) = steps.firstNonFinite {
            return "the loss became \(value.isNaN ? "nan" : "infinite") at step \(step)\(smaller)"
        }
        if !finalLoss.isFinite {
            return "the final loss is \(finalLoss.isNaN ? "nan" : "infinite")\(smaller)"
        }
        if let first = steps.first, first > 0, finalLoss > 1000 * first {
            return "the loss grew from \(first, .brief) to \(finalLoss, .brief)\(smaller)"
        }
        return nil
    }
}
