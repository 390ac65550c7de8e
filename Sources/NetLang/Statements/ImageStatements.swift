import NetCore

/// Numbers as pictures: `show image`, `show weights LAYER as images`, `show mistakes`,
/// `show confusion` (the last two in ClassificationViews.swift).
///
///     show image digits.x[7, :]                  # 64 values: an 8×8 picture
///     show image x, shape: [4, 16], range: [0, 16]
///     show weights hidden as images              # each unit's incoming weights
///     show mistakes Xtest, Ttest, first: 0       # the wrong answers, as digits 0–9
///     show confusion Xtest, Ttest, first: 0
enum ImageStatements {
    static let subjects = ["image", "weights", "mistakes", "confusion"]

    /// The statement when `show` is followed by one of `subjects` and an argument;
    /// nil otherwise (`show image` alone shows a tensor named image).
    static func parseShow(_ parser: inout Parser, _ keyword: Token) throws -> Statement? {
        guard let word = parser.current.identifier, subjects.contains(word) else { return nil }
        if parser.peek().isEnd {
            // `show image` alone: a tensor of that name, or what the statement needs.
            let token = parser.advance()
            return BareSubject(word: word, location: token.location)
        }
        let next = parser.peek()
        // `show image[1, 2]` (no space) indexes a tensor named image; `weights` takes a layer's name.
        let touching = next.location.offset == parser.current.location.endOffset && (next.isSymbol("[") || next.isSymbol("("))
        guard startsArgument(next), !touching, word != "weights" || next.identifier != nil else { return nil }
        let subject = parser.advance()
        let location = keyword.location.through(subject.location)
        switch word {
        case "image":
            let value = try parser.parseExpression()
            let options = parser.accept(",") ? try parser.parseNamedOptions(allowed: ["shape", "range"], for: "show image") : []
            return ShowImageStatement(value: value, options: options, location: location)
        case "weights":
            let layer = try parser.expectIdentifier("a layer's name (show weights hidden as images)")
            if parser.acceptWord("as") { _ = try parser.expectChoice("way to show weights", ["images"]) }
            let options = parser.accept(",") ? try parser.parseNamedOptions(allowed: ["shape"], for: "show weights") : []
            return ShowWeightsStatement(layer: layer, options: options, location: location)
        default:
            let x = try parser.parseExpression()
            var t: Expr?
            var options: [NamedOption] = []
            if parser.accept(",") {
                if parser.current.identifier == nil || !parser.peek().isSymbol(":") {
                    t = try parser.parseExpression()
                    if parser.accept(",") { options = try parser.parseNamedOptions(allowed: ClassificationViews.options(word), for: "show \(word)") }
                } else {
                    options = try parser.parseNamedOptions(allowed: ClassificationViews.options(word), for: "show \(word)")
                }
            }
            return ClassificationViews(kind: word == "mistakes" ? .mistakes : .confusion, input: x, target: t,
                                       options: options, location: location)
        }
    }

    /// A token that can start the subject's argument (a name, a number, a bracket).
    private static func startsArgument(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .number: return true
        case .symbol(let s): return s == "(" || s == "[" || s == "-"
        default: return false
        }
    }

    /// The options completion offers after a comma.
    static func optionWords(_ subject: String) -> [String] {
        (subject == "image" ? ["shape", "range"] : ClassificationViews.options(subject)).map { $0 + ":" }
    }

    static func option(_ name: String, in options: [NamedOption]) -> NamedOption? { options.first { $0.name == name } }
}

/// `show image` with nothing after it: the tensor named image if there is one (keywords
/// are not reserved), otherwise an error that says what to add.
struct BareSubject: Statement {
    var word: String
    var location: SourceLocation

    static let usage = ["image": "show image EXPR, e.g. show image digits.x[1, :]", "mistakes": "show mistakes X, T",
                        "confusion": "show confusion X, T", "weights": "show weights LAYER as images"]

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        guard context.state.tensors[word] != nil || context.state.datasets[word] != nil else {
            throw LangError(.syntax, "show \(word) needs something to show", at: location, hint: Self.usage[word].map { "write \($0)" })
        }
        return try ShowStatement(subject: .expression(Expr(.name(word), at: location)), location: location).execute(in: &context)
    }
}

/// `show image EXPR, shape: [r, c], range: [low, high]`.
struct ShowImageStatement: Statement {
    var value: Expr
    var options: [NamedOption]
    var location: SourceLocation

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        var evaluator = Evaluator(context: context)
        let t = try evaluator.value(value)
        let label = value.simpleName ?? evaluator.text(of: value.location)
        let shapeOption = ImageStatements.option("shape", in: options)
        let given = try shapeOption.map { try ImageShape.shapeOption($0.value, &evaluator) }
        let range = try ImageStatements.option("range", in: options).map { try ImageShape.rangeOption($0.value, &evaluator) }
        // Several rows of exactly one image each (`show image digits.x[1:10, :], shape: [8, 8]`): a gallery.
        if let given, t.rows > 1, t.cols == given.rows * given.cols {
            let fits = max(1, min(ImageShape.maxTiles, ImageShape.maxPixels / (given.rows * given.cols)))
            let captions = ImageLabels.captions(for: value, rows: min(t.rows, fits), evaluator: &evaluator)
            return [gallery(t, shape: given, fits: fits, captions: captions, label: label, range: range)]
        }
        let shape = try ImageShape.of(t, shape: given, label: label, at: value.location, shapeAt: shapeOption?.value.location)
        let pixels = Tensor(rows: shape.rows, cols: shape.cols, data: t.data)
        // One row of a labelled data set (`show image digits.x[8, :]`): its label in the title.
        let known = t.rows == 1 ? ImageLabels.labels(for: value, rows: 1, evaluator: &evaluator)?.first : nil
        let title = known.map { "\(label), label \($0.label)" } ?? label
        return [.image(ImageView(title: title, tiles: [.init(caption: "", pixels: pixels)], scale: range ?? ImageShape.greyScale(t.data)))]
    }

    /// One tile per row, as many as `fits` (bounded by `ImageShape`), on one grey scale;
    /// each captioned with its data set row and label when known, else "row i".
    private func gallery(_ t: Tensor, shape: (rows: Int, cols: Int), fits: Int, captions: [String]?, label: String,
                         range: ImageView.Scale?) -> Output {
        let shown = min(t.rows, fits)
        let tiles = (0..<shown).map { r in
            ImageView.Tile(caption: captions?[r] ?? "row \(r + 1)",
                           pixels: Tensor(rows: shape.rows, cols: shape.cols, data: Array(t.data[(r * t.cols)..<((r + 1) * t.cols)])))
        }
        let notes = shown < t.rows ? ["rows 1–\(shown) of \(t.rows) shown (at most \(fits) pictures of \(shape.rows)×\(shape.cols))"] : []
        return .image(ImageView(title: label, tiles: tiles, scale: range ?? ImageShape.greyScale(tiles.lazy.flatMap(\.pixels.data)), notes: notes))
    }
}

/// `show weights LAYER as images`: unit j's incoming weights (column j of W) as a tile,
/// on one diverging scale for all tiles, so that their colours compare.
struct ShowWeightsStatement: Statement {
    var layer: Token
    var options: [NamedOption]
    var location: SourceLocation

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        let state = context.state
        let name = layer.identifier ?? ""
        guard let index = state.layerIndex(named: name) else {
            throw LangError(.name, "unknown layer '\(name)'", at: layer.location,
                            hint: Suggest.hint(for: name, in: state.layers.map(\.name)) ?? (state.layers.isEmpty ? "define a layer first" : nil))
        }
        let W = state.layers[index].W
        var evaluator = Evaluator(context: context)
        let shapeOption = ImageStatements.option("shape", in: options)
        let given = try shapeOption.map { try ImageShape.shapeOption($0.value, &evaluator) }
        let column = Tensor(rows: W.rows, cols: 1)   // the shape of one unit's weights
        let shape = try ImageShape.of(column, shape: given, label: "each unit of \(name)", at: layer.location,
                                      shapeAt: shapeOption?.value.location, retry: { "show weights \(name) as images, shape: \($0)" })
        let shown = min(W.cols, ImageShape.maxTiles, max(1, ImageShape.maxPixels / (shape.rows * shape.cols)))
        let tiles = (0..<shown).map { j in
            ImageView.Tile(caption: "unit \(j + 1)", pixels: Tensor(rows: shape.rows, cols: shape.cols, data: (0..<W.rows).map { W[$0, j] }))
        }
        var notes: [String] = []
        if shown < W.cols {
            notes.append("units 1–\(shown) of \(W.cols) shown; one unit: show image \(name).W[:, \(shown + 1)]")
        }
        let scale = ImageShape.divergingScale(tiles.lazy.flatMap(\.pixels.data))
        return [.image(ImageView(title: "\(name).W, each unit's incoming weights", tiles: tiles, scale: scale, notes: notes))]
    }
}
