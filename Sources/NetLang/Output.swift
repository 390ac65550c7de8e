import NetCore

/// What a statement shows: data, not text. NetRender turns each `Output` into one
/// MIME bundle (text/plain, text/html, image/svg+xml, text/markdown, application/json).
///
///     let out = Output.tensor(TensorView(name: "x", value: Tensor([[0.1, 0.2]])))
public enum Output: Sendable {
    /// A named (or anonymous) tensor: shape and values.
    case tensor(TensorView)
    /// A table with a title, column headers and rows of cells.
    case table(Table)
    /// A plot: line series, scatter points, or a decision map.
    case plot(Plot)
    /// The computational graph of `show graph NAME`: nodes with values and gradients.
    case graph(GraphView)
    /// `show network`: units and connections with weights, z | a and gradients.
    case network(NetworkDiagram)
    /// The chain rule for one parameter (`explain`).
    case derivation(Derivation)
    /// Values drawn as pixels: one image or a gallery of tiles (ImageView.swift).
    case image(ImageView)
    /// A confusion matrix with its axes named "true" and "predicted" (ImageView.swift).
    case confusion(ConfusionView)
    /// A line written to the cell's stdout stream (`check`'s ✓ line), its numbers as values.
    case stream(Phrase)
    /// What `print` writes, as values: NetRender writes the items on one line at the
    /// session's precision (a tensor on its own lines) and the front end sends that to stdout.
    case printed([PrintItem])
    /// A warning: the statement ran, but something in it deserves a second look (a step
    /// that reused old gradients, a loss that diverged, a session near its memory budget).
    /// The kernel sends it on the stderr stream; nb-run writes it to standard error.
    case warning(Phrase)
    /// `clear_output`: the cell's outputs so far are cleared (Jupyter's clear_output); with
    /// `wait`, only when the next output comes, so a redrawn output does not flicker.
    case clearOutput(wait: Bool)
    /// A short note or help text (e.g. `loss half_sse` shows its formula; `help`).
    case note(Note)
    /// Progress of long work (`train`); the kernel updates one display with it.
    case progress(Progress)
    /// Several outputs shown as one (e.g. `forward` shows a table per layer then the loss).
    case group([Output])
}

extension Output {
    /// Written or done rather than shown (print, warnings, clear_output): `;` does not
    /// silence it, and it is never a cell's result.
    public var isStreamLike: Bool {
        switch self {
        case .stream, .printed, .warning, .clearOutput: return true
        default: return false
        }
    }
}

public struct TensorView: Sendable {
    public var name: String?
    public var value: Tensor
    /// `show x full`: text and HTML show every value up to `TensorSummary.fullLimit`
    /// instead of the compact first and last rows and columns.
    public var full: Bool
    public init(name: String?, value: Tensor, full: Bool = false) { self.name = name; self.value = value; self.full = full }

    /// The rows and columns the text and HTML forms show.
    public var shown: TensorSummary {
        full ? .full(rows: value.rows, cols: value.cols) : .compact(rows: value.rows, cols: value.cols)
    }
}

/// One cell of a table: a number (printed at the session's precision), text, or a shape.
public enum Cell: Sendable, Equatable {
    case number(Double)
    case text(String)
    case empty
}

public struct Table: Sendable {
    public var title: String?
    public var columns: [String]
    public var rows: [[Cell]]
    /// Short lines under the table (e.g. "sgd(lr: 2)   p ← p − lr·g"), numbers as values.
    public var footer: [Phrase]
    /// Columns that count things (sample numbers, steps, parameters): whole numbers there
    /// print without decimals ("12"); every other number prints at the session's precision,
    /// so a value of 13 reads 13.0000 in a table as it does in a tensor.
    public var countColumns: Set<String> = Table.countHeaders
    public init(title: String? = nil, columns: [String], rows: [[Cell]], footer: [Phrase] = []) {
        self.title = title; self.columns = columns; self.rows = rows; self.footer = footer
    }

    /// The headers NetLang's tables use for counts.
    public static let countHeaders: Set<String> = ["sample", "parameters", "step", "steps", "epoch", "epochs", "batch"]
}

public struct Plot: Sendable {
    public enum Kind: Sendable { case line, scatter, decision }
    public struct Series: Sendable {
        public var label: String
        public var x: [Double]
        public var y: [Double]
        /// Class of each point for scatter plots (1-based), nil for lines.
        public var classes: [Int]?
        public init(label: String, x: [Double], y: [Double], classes: [Int]? = nil) {
            self.label = label; self.x = x; self.y = y; self.classes = classes
        }
    }
    /// For `.decision`: the network's output (class or value) on a grid over the input plane.
    public struct Grid: Sendable {
        public var xRange: ClosedRange<Double>
        public var yRange: ClosedRange<Double>
        /// values[row][col]; row 0 is the top (largest y).
        public var values: [[Double]]
        public init(xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, values: [[Double]]) {
            self.xRange = xRange; self.yRange = yRange; self.values = values
        }
    }
    public var kind: Kind
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    public var grid: Grid?
    /// Names of classes 1, 2, … in legends, e.g. ["t = 0", "t = 1"] for 0/1 targets;
    /// empty: "class 1", "class 2", ….
    public var classNames: [String] = []

    /// How legends name class `c` (1-based).
    public func className(_ c: Int) -> String {
        c >= 1 && c <= classNames.count ? classNames[c - 1] : "class \(c)"
    }
    public init(kind: Kind, title: String, xLabel: String, yLabel: String, series: [Series], grid: Grid? = nil) {
        self.kind = kind; self.title = title; self.xLabel = xLabel; self.yLabel = yLabel
        self.series = series; self.grid = grid
    }
}

/// A computational graph: nodes in evaluation order, edges from inputs to the node they feed.
public struct GraphView: Sendable {
    public struct Node: Sendable {
        public var id: Int
        /// The tensor's name, or nil for an intermediate value.
        public var name: String?
        /// The operation that made it ("mul", "add", "sigmoid"), or "input" for a leaf.
        public var op: String
        public var value: Tensor
        /// d(root)/d(node), nil before `backward`.
        public var grad: Tensor?
        public var inputs: [Int]
        /// The gradient sent back along each input edge, in the order of `inputs`: the same as
        /// the input's `grad` unless that input is used more than once (then its `grad` is
        /// the sum over its edges). nil before `backward` and for inputs.
        public var inputGrads: [Tensor]?
        public init(id: Int, name: String?, op: String, value: Tensor, grad: Tensor?, inputs: [Int], inputGrads: [Tensor]? = nil) {
            self.id = id; self.name = name; self.op = op; self.value = value; self.grad = grad; self.inputs = inputs
            self.inputGrads = inputGrads
        }
    }
    public var root: String
    public var nodes: [Node]
    public init(root: String, nodes: [Node]) { self.root = root; self.nodes = nodes }
}

/// ∂E/∂w as a product of local derivatives, each with its number.
public struct Derivation: Sendable {
    public struct Factor: Sendable {
        /// Plain form, e.g. "∂E/∂o1".
        public var symbol: String
        /// LaTeX form, e.g. "\\frac{\\partial E}{\\partial o_1}".
        public var latex: String
        /// How it is computed, e.g. "-(t1 - o1) = -(0.4 - 0.6078)": its numbers are values
        /// that NetRender writes at the session's precision.
        public var formula: Phrase
        public var value: Double
        public init(symbol: String, latex: String, formula: Phrase, value: Double) {
            self.symbol = symbol; self.latex = latex; self.formula = formula; self.value = value
        }
    }
    /// The parameter, e.g. "output.W[1, 1]".
    public var parameter: String
    /// Plain and LaTeX forms of the derivative, e.g. "∂E/∂output.W[1, 1]".
    public var symbol: String
    public var latex: String
    public var factors: [Factor]
    /// The product of the factors (summed over samples for a batch).
    public var value: Double
    /// Extra lines (e.g. the update it leads to at the optimizer's learning rate).
    public var notes: [Phrase]
    /// For a batch, samples' products of factors (the sum over all samples is `value`);
    /// the factors shown are those of sample 1. Empty for a single sample. A batch of more
    /// than `TensorSummary.threshold` samples keeps its first 4 and last 3 products only.
    public var sampleProducts: [Double] = []
    /// 0-based sample numbers of `sampleProducts`; empty when they are samples 1, 2, 3, ….
    public var sampleIndices: [Int] = []
    /// Samples in the batch (0: as many as `sampleProducts`).
    public var sampleCount = 0

    /// Samples in the batch.
    public var batchSize: Int { max(sampleCount, sampleProducts.count) }
    /// The products of samples 1, 2, 3, … up to the first one left out.
    public var leadingProducts: [Double] {
        guard !sampleIndices.isEmpty else { return sampleProducts }
        return zip(sampleIndices.enumerated(), sampleProducts).prefix { $0.0.offset == $0.0.element }.map(\.1)
    }
    public init(parameter: String, symbol: String, latex: String, factors: [Factor], value: Double, notes: [Phrase] = []) {
        self.parameter = parameter; self.symbol = symbol; self.latex = latex
        self.factors = factors; self.value = value; self.notes = notes
    }
}

public struct Note: Sendable {
    public var title: String?
    public var text: String
    /// True for `help`: the kernel sends it to the pager.
    public var isHelp: Bool
    public init(title: String? = nil, text: String, isHelp: Bool = false) {
        self.title = title; self.text = text; self.isHelp = isHelp
    }
}

public struct Progress: Sendable {
    public var step: Int
    public var totalSteps: Int
    public var epoch: Int
    public var totalEpochs: Int
    public var loss: Double
    public var stepsPerSecond: Double
    public var secondsLeft: Double
    /// This run's loss per step so far, for the live curve: at most 500 values, however
    /// long the run. In a long run each stretch of steps is kept as its lowest and highest
    /// loss (in step order), so a spike stays visible; `historySteps[i]` is the step of `history[i]`.
    public var history: [Double]
    public var historySteps: [Int]
    /// `train …, live: decision`: the decision region at this step (a small grid, few points).
    public var decision: Plot?
    /// `historySteps` nil: the history is every step from the first (1, 2, 3, …).
    public init(step: Int, totalSteps: Int, epoch: Int, totalEpochs: Int, loss: Double,
                stepsPerSecond: Double, secondsLeft: Double, history: [Double], historySteps: [Int]? = nil,
                decision: Plot? = nil) {
        self.step = step; self.totalSteps = totalSteps; self.epoch = epoch; self.totalEpochs = totalEpochs
        self.loss = loss; self.stepsPerSecond = stepsPerSecond; self.secondsLeft = secondsLeft; self.history = history
        self.historySteps = historySteps ?? history.indices.map { $0 + 1 }
        self.decision = decision
    }
}
