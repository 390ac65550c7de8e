/// `show network` as a picture: the units of each layer in a column, the connections
/// between them with their weights, and — once `forward` and `backward` have run — each
/// unit's z and a (of one sample) and each weight's gradient. Data only; NetRender draws it
/// (NetworkText in a terminal, NetworkSVG in Jupyter).
///
/// A wide layer keeps its first and last units (`NetworkDiagram.leadingUnits`,
/// `trailingUnits`) and says how many it leaves out, so a 784-100-10 network draws as
/// small as a 2-2-2 one.
public struct NetworkDiagram: Sendable {
    public struct Unit: Sendable {
        /// As the lessons name it: x1, h1, o1.
        public var name: String
        /// z and a of the sample shown (an input unit has only a: the input value); nil before `forward`.
        public var z: Double?
        public var a: Double?
        /// The unit's bias, nil for a layer without one (and for inputs).
        public var bias: Double?
        /// ∂E/∂b after `backward`.
        public var biasGradient: Double?
        /// The lessons' name of the bias, e.g. "b3" (o1's bias in a 2-2-2 network).
        public var biasSymbol = ""
        /// On the chain rule's path of `NetworkDiagram.path`.
        public var onPath = false
        public init(name: String, z: Double? = nil, a: Double? = nil, bias: Double? = nil, biasGradient: Double? = nil) {
            self.name = name; self.z = z; self.a = a; self.bias = bias; self.biasGradient = biasGradient
        }
    }

    /// One layer of units: the inputs, then each dense layer.
    public struct Column: Sendable {
        /// "input", or the layer's name.
        public var title: String
        /// "sigmoid", "identity"…; empty for the inputs.
        public var activation: String
        /// The units drawn, in order; when the layer is wide, the first `leading` of them are
        /// units 1… and the rest are the layer's last units.
        public var units: [Unit]
        /// Units in the layer (more than `units.count` when some are left out).
        public var count: Int
        /// Where the gap of left-out units falls: after this many of `units`.
        public var leading: Int
        public var leftOut: Int { count - units.count }
        public init(title: String, activation: String, units: [Unit], count: Int, leading: Int) {
            self.title = title; self.activation = activation; self.units = units; self.count = count; self.leading = leading
        }
    }

    /// A connection between two drawn units: from unit `from` of column `column - 1` to unit
    /// `to` of column `column` (positions in `units`).
    public struct Edge: Sendable {
        public var column: Int
        public var from: Int
        public var to: Int
        /// The lessons' name of the weight, e.g. "W5".
        public var symbol: String
        public var weight: Double
        /// ∂E/∂w after `backward` (summed over the batch), nil before.
        public var gradient: Double?
        /// On the chain rule's path of `NetworkDiagram.path`.
        public var onPath = false
        public init(column: Int, from: Int, to: Int, symbol: String, weight: Double, gradient: Double?) {
            self.column = column; self.from = from; self.to = to; self.symbol = symbol; self.weight = weight; self.gradient = gradient
        }
    }

    public var columns: [Column]
    public var edges: [Edge]
    /// Samples in the last forward pass (0: no forward yet); the units show sample 1's values.
    public var samples: Int
    /// True when `edges` carry gradients.
    public var hasGradients: Bool
    /// Layers after the first `drawnLayers` that are not drawn (a very deep network).
    public var layersLeftOut = 0
    /// `show network hidden.W[1, 1]`: the parameter whose chain rule the marked units and
    /// edges (`onPath`) carry, as written and as the lessons name it ("W1"); nil for none.
    public var path: (parameter: String, symbol: String)?

    public static let leadingUnits = 4
    public static let trailingUnits = 2
    /// A layer of at most this many units is drawn whole.
    public static let wholeLayer = 8
    /// At most this many layers are drawn (the rest are counted), so the picture stays
    /// bounded however deep the network.
    public static let drawnLayers = 10

    public init(columns: [Column], edges: [Edge], samples: Int, hasGradients: Bool) {
        self.columns = columns; self.edges = edges; self.samples = samples; self.hasGradients = hasGradients
    }

    /// The connections into column `c` (1…), grouped by target unit as `edges` keeps them.
    public func edges(into c: Int) -> [Edge] { edges.filter { $0.column == c } }

    /// Connections into column `c` in the network (drawn or not).
    public func connectionCount(into c: Int) -> Int { columns[c - 1].count * columns[c].count }

    /// 0-based unit numbers kept of a layer of `count` units.
    public static func shownUnits(of count: Int) -> [Int] {
        count <= wholeLayer ? Array(0..<count) : Array(0..<leadingUnits) + Array((count - trailingUnits)..<count)
    }
}
