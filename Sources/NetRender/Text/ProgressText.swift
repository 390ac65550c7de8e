import NetCore
import NetLang
import NetSupport

/// Training progress on one line, rewritten in place by a terminal or a live display:
///
///     epoch 3/10 [=====>    ] step 120/400 loss 0.1234 850 steps/s 2s left
struct ProgressText {
    var precision: Int
    var unicode: Bool = false
    var barWidth = 20

    /// The widest line: a terminal wraps a longer one (and `\r` then rewrites only its
    /// last part), and JupyterLab's output area is about this wide on a classroom screen.
    static let maxWidth = 100

    /// The line with the bar `barWidth` wide, or narrower (down to 5) when the numbers
    /// of a very long run would push the line past `maxWidth`.
    func render(_ p: NetLang.Progress) -> String {
        let line = render(p, barWidth: barWidth)
        let excess = TextWidth.of(line) - Self.maxWidth
        guard excess > 0, barWidth > 5 else { return line }
        return render(p, barWidth: max(5, barWidth - excess))
    }

    private func render(_ p: NetLang.Progress, barWidth: Int) -> String {
        let done = p.totalSteps > 0 ? min(1, max(0, Double(p.step) / Double(p.totalSteps))) : 0
        let filled = WholeNumber.clamped(done * Double(barWidth), to: 0...barWidth, rounding: .down) ?? 0
        var bar: String
        if unicode {
            bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        } else if filled >= barWidth {
            bar = String(repeating: "=", count: barWidth)
        } else {
            bar = String(repeating: "=", count: filled) + ">" + String(repeating: " ", count: barWidth - filled - 1)
        }
        var parts = ["epoch \(p.epoch)/\(p.totalEpochs)", "[\(bar)]", "step \(p.step)/\(p.totalSteps)",
                     "loss \(NumberFormat.shown(p.loss, precision: precision))"]
        if p.stepsPerSecond.isFinite && p.stepsPerSecond > 0 { parts.append("\(Self.rate(p.stepsPerSecond)) steps/s") }
        if p.secondsLeft.isFinite && p.secondsLeft >= 0 && p.step < p.totalSteps { parts.append("\(Self.duration(p.secondsLeft)) left") }
        return parts.joined(separator: " ")
    }

    /// 850, 12.5k, 1.2M: a rate reads at a glance.
    static func rate(_ r: Double) -> String {
        if r >= 1e6 { return NumberFormat.fixed(r / 1e6, precision: 1) + "M" }
        if r >= 1e4 { return NumberFormat.fixed(r / 1e3, precision: 1) + "k" }
        if r >= 10 { return NumberFormat.fixed(r, precision: 0) }
        return NumberFormat.fixed(r, precision: 1)
    }

    /// "2s", "1m05s", "2h03m".
    static func duration(_ s: Double) -> String {
        // Capped (31 years) so a rate near zero cannot ask for more seconds than Int holds.
        let t = WholeNumber.clamped(s, to: 0...999_999_999, rounding: .up) ?? 0
        if t < 60 { return "\(t)s" }
        if t < 3600 { return cFormat("%dm%02ds", t / 60, t % 60) }
        return cFormat("%dh%02dm", t / 3600, (t % 3600) / 60)
    }
}
