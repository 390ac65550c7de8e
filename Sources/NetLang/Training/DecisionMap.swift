import NetCore

/// The decision region of a network over the plane of its two inputs: the output (or the
/// class, for several outputs) on an n×n grid spanning the samples with a margin, and the
/// samples on top, marked by their targets. `plot decision` draws it once (40×40); `train …,
/// live: decision` redraws a smaller one (24×24, at most 400 points) with its progress.
///
///     let plot = try DecisionMap.plot(network: net, input: x, target: t, resolution: 40)
enum DecisionMap {
    /// Grid points per side for `plot decision` and for the live map during `train`.
    static let resolution = 40
    static let liveResolution = 24
    /// Samples drawn on a live map (a large data set would make every update heavy).
    static let livePoints = 400

    /// Elements the pass over the grid holds (z and a of every layer for n·n points).
    static func passElements(_ network: Network, resolution n: Int) -> Int { network.passElements(rows: n * n) }

    /// Throws NetCoreError when the network does not take the input's two columns.
    static func plot(network: Network, input x: Tensor, target: Tensor?, resolution n: Int,
                     maxPoints: Int = PlotStatement.maxPoints) throws -> Plot {
        // 10% around the points (at least 0.1), read in place (no copy of a large input's
        // columns); nan, inf or 1e308 among them must still give a finite grid.
        func padded(_ column: Int) -> ClosedRange<Double> {
            DrawableRange.covering((0..<x.rows).lazy.map { x[$0, column] }, padding: 0.1, minimumPad: 0.1)
        }
        let xr = padded(0), yr = padded(1)
        var grid = Tensor(rows: n * n, cols: 2)
        for r in 0..<n {
            for c in 0..<n {
                grid[r * n + c, 0] = xr.lowerBound + (xr.upperBound - xr.lowerBound) * Double(c) / Double(n - 1)
                grid[r * n + c, 1] = yr.upperBound - (yr.upperBound - yr.lowerBound) * Double(r) / Double(n - 1)
            }
        }
        let out = try network.predict(grid)
        let classes = out.cols > 1 ? ((try? out.argmaxPerRow())?.data ?? out.data) : out.data
        let values = (0..<n).map { r in Array(classes[(r * n)..<((r + 1) * n)]) }
        // Each sample's class, read only for the points the plot keeps.
        var pointClass: ((Int) -> Int)? = nil
        var names: [String] = []
        if let t = target, t.rows == x.rows {
            if t.cols > 1 {
                pointClass = { r in (0..<t.cols).reduce(0) { t[r, $1] > t[r, $0] ? $1 : $0 } + 1 }   // argmax, 1-based
            } else if t.data.allSatisfy({ $0 == 0 || $0 == 1 }) {
                pointClass = { t.data[$0] >= 0.5 ? 2 : 1 }
                names = ["t = 0", "t = 1"]
            } else if t.data.allSatisfy({ $0 >= 1 && $0 == $0.rounded() && $0 <= 32 }) {
                pointClass = { WholeNumber.clamped(t.data[$0], to: 1...32) ?? 1 }   // a column of 1-based classes
            } else {
                pointClass = { t.data[$0] >= 0.5 ? 2 : 1 }
                names = ["t < 0.5", "t ≥ 0.5"]
            }
        }
        var plot = Plot(kind: .decision, title: "decision region", xLabel: "x1", yLabel: "x2",
                        series: [PlotStatement.thinned(label: "samples", count: x.rows, x: { x[$0, 0] }, y: { x[$0, 1] },
                                                       classes: pointClass, limit: maxPoints)],
                        grid: Plot.Grid(xRange: xr, yRange: yr, values: values))
        plot.classNames = names
        return plot
    }
}
