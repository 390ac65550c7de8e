import NetCore
import NetLang
import NetSupport

/// Outputs as JSON values (the `application/vnd.netbook+json` form of a MIME bundle, which
/// kernel messages and nb-run's .ipynb files carry as they are) with full-precision numbers:
///
///     {"columns": ["tensor", "value"], "rows": [["x", 0.1]]}           // a table
///     {"name": "x", "shape": [1, 2], "data": [[0.1, 0.2]]}              // a tensor
///
/// JSON has no NaN or infinity: those become null. Members are in the order written here.
enum JSONForm {
    static func number(_ v: Double) -> JSONValue { v.isFinite ? .number(v) : .null }
    static func numbers(_ vs: [Double]) -> JSONValue { .array(vs.map(number)) }
    static func optional(_ v: Double?) -> JSONValue { v.map(number) ?? .null }
    static func integers(_ vs: [Int]) -> JSONValue { .array(vs.map(JSONValue.integer)) }

    /// A table's rows: all of them up to `TensorSummary.threshold` cells, else the first and
    /// last `TableSummary.edge` rows, with `"summarized": true`, `"rowCount"` and the 1-based
    /// `"rowIndex"` of the rows kept (as a summarized tensor says it).
    /// Footers are words (`Phrase`): written as the text form writes them, at `precision`.
    static func table(_ t: Table, precision: Int) -> JSONValue {
        let width = max(1, t.columns.count, t.rows.first?.count ?? 0)
        let summarized = t.rows.count * width > TensorSummary.threshold && t.rows.count > 2 * TableSummary.edge
        let kept = summarized ? TensorSummary.side(t.rows.count, edge: TableSummary.edge).compactMap { $0 } : Array(t.rows.indices)
        var d: JSONObject = [
            "columns": JSONValue(t.columns),
            "rows": .array(kept.map { t.rows[$0] }.map { row in .array(row.map { cell -> JSONValue in
                switch cell {
                case .number(let v): return number(v)
                case .text(let s): return .string(s)
                case .empty: return .null
                }
            }) }),
        ]
        if summarized {
            d["summarized"] = true
            d["rowCount"] = .integer(t.rows.count)
            d["rowIndex"] = integers(kept.map { $0 + 1 })
        }
        if let title = t.title { d["title"] = .string(title) }
        if !t.footer.isEmpty { d["footer"] = JSONValue(t.footer.map { $0.text(precision: precision) }) }
        return .object(d)
    }

    /// A tensor's values: all of them up to `TensorSummary.threshold` (1000, numpy's), else
    /// the first and last 3 rows and columns (`shown` overrides, for `show x full`). A
    /// summarized form says so and names the rows and columns it holds (1-based):
    ///
    ///     {"name": "a", "shape": [2000, 2000], "summarized": true,
    ///      "rowIndex": [1, 2, 3, 1998, 1999, 2000], "colIndex": [1, 2, 3, 1998, 1999, 2000],
    ///      "data": [[…6 values…], …6 rows…]}
    /// Throws `Interrupted` when the work is interrupted (`show x full` has 100 000 values).
    static func tensor(name: String?, _ t: Tensor, shown: TensorSummary? = nil) throws -> JSONValue {
        let shown = shown ?? .numpy(rows: t.rows, cols: t.cols)
        let rows = shown.shownRows, cols = shown.shownCols
        var values = 0
        let data = try rows.map { r in
            JSONValue.array(try cols.map { c in
                try Interruption.check(item: values, every: TensorText.valuesPerCheck)
                values += 1
                return number(t[r, c])
            })
        }
        var d: JSONObject = ["name": JSONValue(name), "shape": integers([t.rows, t.cols]), "data": .array(data)]
        if shown.isSummarized {
            d["summarized"] = true
            d["rowIndex"] = integers(rows.map { $0 + 1 })
            d["colIndex"] = integers(cols.map { $0 + 1 })
        }
        return .object(d)
    }

    static func plot(_ p: Plot) -> JSONValue {
        var d: JSONObject = [
            "kind": .string("\(p.kind)"), "title": .string(p.title), "xLabel": .string(p.xLabel), "yLabel": .string(p.yLabel),
            "series": .array(p.series.map { s in
                var item: JSONObject = ["label": .string(s.label), "x": numbers(s.x), "y": numbers(s.y)]
                if let c = s.classes { item["classes"] = integers(c) }
                return .object(item)
            }),
        ]
        if let g = p.grid {
            d["grid"] = ["x": numbers([g.xRange.lowerBound, g.xRange.upperBound]),
                         "y": numbers([g.yRange.lowerBound, g.yRange.upperBound]),
                         "values": .array(g.values.map(numbers))]
        }
        return .object(d)
    }

    static func graph(_ g: GraphView) throws -> JSONValue {
        ["root": .string(g.root), "nodes": .array(try g.nodes.map { n in
            var d: JSONObject = ["id": .integer(n.id), "name": JSONValue(n.name), "op": .string(n.op),
                                 "inputs": integers(n.inputs), "value": try tensor(name: n.name, n.value)]
            d["grad"] = try n.grad.map { try tensor(name: nil, $0) } ?? .null
            // What each input's arrow carries back (the numbers under the drawing's arrows).
            d["inputGrads"] = try n.inputGrads.map { .array(try $0.map { try tensor(name: nil, $0) }) } ?? .null
            return .object(d)
        })]
    }

    /// `show network`: the drawn units and connections, with the layers' full sizes.
    static func network(_ d: NetworkDiagram) -> JSONValue {
        var form = networkBody(d)
        // Only with a path, so a plain `show network` keeps the form it always had.
        if let path = d.path {
            let units = d.columns.enumerated().flatMap { c, column in
                column.units.enumerated().filter { $0.element.onPath }.map { integers([c, $0.offset]) } }
            form["path"] = ["parameter": .string(path.parameter), "symbol": .string(path.symbol),
                            "units": .array(units), "edges": integers(d.edges.indices.filter { d.edges[$0].onPath })]
        }
        return .object(form)
    }

    private static func networkBody(_ d: NetworkDiagram) -> JSONObject {
        ["samples": .integer(d.samples), "hasGradients": .bool(d.hasGradients), "layersLeftOut": .integer(d.layersLeftOut),
         "columns": .array(d.columns.map { c in
             ["title": .string(c.title), "activation": .string(c.activation), "count": .integer(c.count),
              "leftOut": .integer(c.leftOut),
              "units": .array(c.units.map { u in
                  ["name": .string(u.name), "z": optional(u.z), "a": optional(u.a), "bias": optional(u.bias),
                   "biasGradient": optional(u.biasGradient)]
              })]
         }),
         "edges": .array(d.edges.map { e in
             ["column": .integer(e.column), "from": .integer(e.from), "to": .integer(e.to), "symbol": .string(e.symbol),
              "weight": number(e.weight), "gradient": optional(e.gradient)]
         })]
    }

    /// Formulas and notes are words (`Phrase`): written as the text form writes them, at `precision`.
    static func derivation(_ d: Derivation, precision: Int) -> JSONValue {
        var json: JSONObject = [
            "parameter": .string(d.parameter), "symbol": .string(d.symbol), "latex": .string(d.latex),
            "value": number(d.value), "notes": JSONValue(d.notes.map { $0.text(precision: precision) }),
            "factors": .array(d.factors.map { ["symbol": .string($0.symbol), "latex": .string($0.latex),
                                               "formula": .string($0.formula.text(precision: precision)), "value": number($0.value)] })]
        // A batch: every sample's product (the factors are sample 1's).
        if !d.sampleProducts.isEmpty { json["sampleProducts"] = numbers(d.sampleProducts) }
        // A large batch keeps some samples' products: which, and of how many.
        if d.batchSize > d.sampleProducts.count {
            json["summarized"] = true
            json["sampleCount"] = .integer(d.batchSize)
            json["sampleIndex"] = integers(d.sampleIndices.map { $0 + 1 })
        }
        return .object(json)
    }

    static func progress(_ p: NetLang.Progress) -> JSONValue {
        var d: JSONObject = [
            "step": .integer(p.step), "totalSteps": .integer(p.totalSteps), "epoch": .integer(p.epoch),
            "totalEpochs": .integer(p.totalEpochs), "loss": number(p.loss), "stepsPerSecond": number(p.stepsPerSecond),
            "secondsLeft": number(p.secondsLeft), "history": numbers(p.history), "historySteps": integers(p.historySteps)]
        if let decision = p.decision { d["decision"] = plot(decision) }
        return .object(d)
    }
}
