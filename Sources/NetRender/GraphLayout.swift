import NetCore
import NetLang

/// Where each node of a computational graph goes in a left-to-right drawing like the
/// lessons' apple-and-orange figure, shared by the text drawing (GraphDrawingText) and the
/// SVG (GraphSVG):
///
/// - the inputs stand in a column on the left; an operation stands in the column of its
///   height (the longest path down to an input), so `price = all_price × tax` is right of
///   `all_price = apple_price + orange_price`, and tax's arrow runs all the way to it;
/// - every input has its own band of three rows: the value above its arrow, the arrow,
///   the gradient below; an operation sits halfway between its first and last input;
/// - the graph is drawn as a tree: a node used twice is drawn in full once and then only
///   by name (`isRepeat`), so no two arrows cross.
///
/// Bounded: a graph with more than `maxInputs` inputs to draw or taller than `maxLevels`
/// operations has no layout (nil); `show graph` then lists it as a table only.
struct GraphLayout {
    struct Place {
        var node: GraphView.Node
        /// Column: 0 for inputs, else the node's height.
        var level = 0
        /// The row of the node's outgoing arrow.
        var row = 0
        /// The places of its inputs, in order (none for an input or a repeat).
        var children: [Int] = []
        /// The place it feeds and which of that node's inputs it is (nil for the root).
        var parent: Int?
        var inputIndex = 0
        /// Drawn in full elsewhere: here only its name and arrow.
        var isRepeat = false
        var isLeaf: Bool { children.isEmpty }
    }

    /// The root first.
    private(set) var places: [Place] = []
    /// Columns: the root's level + 1.
    private(set) var levels = 1
    /// Rows: three per input.
    private(set) var rows = 3
    /// True when some node is drawn twice (its gradient is then the sum over its arrows).
    private(set) var hasRepeats = false

    static let maxInputs = 12
    static let maxLevels = 8
    static let rowsPerInput = 3

    init?(_ graph: GraphView) {
        guard let root = GraphText.rootNode(graph) else { return nil }
        let byID = Dictionary(graph.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        places = [Place(node: root)]
        // Depth-first with an explicit stack, so the first place of a node in drawing order
        // (top to bottom) is the one drawn in full. Places are made when their parent is
        // expanded; `order` is the pre-order the rows follow.
        var expanded: Set<Int> = []
        var order: [Int] = []
        var pending = [0]
        var inputs = 0
        while let p = pending.popLast() {
            order.append(p)
            let node = places[p].node
            if expanded.contains(node.id) {
                places[p].isRepeat = true
                hasRepeats = true
            } else {
                expanded.insert(node.id)
                for (k, id) in node.inputs.enumerated() {
                    guard let input = byID[id] else { continue }
                    places[p].children.append(places.count)
                    places.append(Place(node: input, parent: p, inputIndex: k))
                }
            }
            if places[p].isLeaf {
                inputs += 1
                if inputs > Self.maxInputs { return nil }
            }
            pending.append(contentsOf: places[p].children.reversed())
        }
        // Rows of the inputs in drawing order; then, children before parents (reverse
        // pre-order), each operation's level and row from its inputs'.
        var nextInput = 0
        for p in order where places[p].isLeaf {
            places[p].row = nextInput * Self.rowsPerInput + 1
            nextInput += 1
        }
        for p in order.reversed() where !places[p].isLeaf {
            let children = places[p].children.map { places[$0] }
            places[p].level = 1 + (children.map(\.level).max() ?? 0)
            if places[p].level > Self.maxLevels { return nil }
            places[p].row = ((children.first?.row ?? 0) + (children.last?.row ?? 0)) / 2
        }
        levels = places[0].level + 1
        rows = max(1, nextInput) * Self.rowsPerInput
    }

    /// The number under the arrow from place `p`: the gradient that edge carries (for the
    /// root, d root/d root = 1); nil before `backward`.
    func edgeGradient(_ p: Int) -> Tensor? {
        let place = places[p]
        guard let parent = place.parent else { return place.node.grad }
        let grads = places[parent].node.inputGrads
        return grads.flatMap { place.inputIndex < $0.count ? $0[place.inputIndex] : nil }
    }

    /// The symbol of an operation as the lessons draw it in its circle.
    static func symbol(_ op: String, unicode: Bool) -> String {
        switch op {
        case "mul": return unicode ? "×" : "*"
        case "add": return "+"
        case "sub": return unicode ? "−" : "-"
        case "div": return unicode ? "÷" : "/"
        case "pow": return "^"
        case "matmul": return "@"
        default: return op
        }
    }

    /// What an input is called on the left: its name, "(again)" for a repeat.
    func label(_ p: Int) -> String {
        let place = places[p]
        return GraphText.label(place.node) + (place.isRepeat ? " (again)" : "")
    }
}
