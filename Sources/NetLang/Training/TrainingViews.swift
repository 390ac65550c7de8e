import NetCore

/// What `train` shows: the loss curve that replaces the live progress, and a summary.
enum TrainingViews {
    /// Loss per step, and (when epochs have several steps) the epoch means at the step
    /// that ends each epoch.
    static func lossCurve(steps: [Double], epochs: [Double], stepsPerEpoch: Int) -> Output {
        var series = [Plot.Series(label: "loss per step", x: steps.indices.map { Double($0 + 1) }, y: steps)]
        if stepsPerEpoch > 1 && !epochs.isEmpty {
            series.append(Plot.Series(label: "epoch mean", x: epochs.indices.map { Double(($0 + 1) * stepsPerEpoch) }, y: epochs))
        }
        return .plot(Plot(kind: .line, title: "training loss", xLabel: "step", yLabel: "loss",
                          series: series.map(PlotStatement.thinned)))
    }

    static func summary(_ report: TrainingLoop.Report, options: TrainingOptions, samples: Int,
                        finalLoss: Double, finalLossIsEpochMean: Bool = false, learningRate: Double) -> Output {
        let batch = options.batchSize(samples: samples)
        var footer = report.interrupted ? ["interrupted at step \(report.steps) of \(report.totalSteps)"] : []
        if finalLossIsEpochMean {
            footer.append("final loss: the mean over the last epoch's steps (the data is too large for one more pass over all of it)")
        }
        return .table(Table(
            title: "train",
            // "final loss" is the loss on all samples after the last step.
            columns: ["epochs", "steps", "batch", "lr", "shuffle", "first step loss", "final loss"],
            rows: [[.text("\(report.epochsCompleted)"), .text("\(report.steps)"), .text("\(batch)"),
                    .number(learningRate), .text(options.shuffle && batch < samples ? "yes" : "no"),
                    report.firstLoss.map { .number($0) } ?? .empty, .number(finalLoss)]],
            footer: footer))
    }
}
