import NetCore
import NetLang

/// Outputs as JSON values (`[String: Any]` trees that nb-kernel's JSONWriter and nb-run's
/// `JSONSerialization` write) with full-precision numbers:
///
///     {"columns": ["tensor", "value"], "rows": [["x", 0.1]]}           // a table
///     {"name": "x", "shape": [1, 2], "data": [[0.1, 0.2]]}              // a tensor
///
/// JSON has no NaN or infinity: those become null.
enum JSONForm {
    /// JSON null: a boxed nil. NSNull is only in the full Foundation (2.7 MB of a kernel's
    /// idle memory); a nil needs no shared type, JupyterKernel's writer (`JSONNull`) and
    /// corelibs' JSONSerialization both write it as null, so neither converts the tree.
    static var null: Any { Optional<Any>.none as Any }

    static func number(_ v: Double) -> Any { v.isFinite ? v : null }

    /// A table's rows: all of them up to `TensorSummary.threshold` cells, else the first and
    /// last `TableSummary.edge` rows, with `"summarized": true`, `"rowCount"` and the 1-based
    /// `"rowIndex"` of the rows kept (as a summarized tensor says it).
    static func table(_ t: Table) -> [String: Any] {
        let width = max(1, t.columns.count, t.rows.first?.count ?? 0)
        let summarized = t.rows.count * width > TensorSummary.threshold && t.rows.count > 2 * TableSummary.edge
        let kept = summarized ? TensorSummary.side(t.rows.count, edge: TableSummary.edge).compactMap { $0 } : Array(t.rows.indices)
        var d: [String: Any] = [
            "columns": t.columns,
            "rows": kept.map { t.rows[$0] }.map { row in row.map { cell -> Any in
                switch cell {
                case .number(let v): return number(v)
                case .text(let s): return s
                case .empty: return null
                }
            } },
        ]
        if summarized {
            d["summarized"] = true
            d["rowCount"] = t.rows.count
            d["rowIndex"] = kept.map { $0 + 1 }
        }
        if let title = t.title { d["title"] = title }
        if !t.footer.isEmpty { d["footer"] = t.footer }
        return d
    }

    /// A tensor's values: all of them up to `TensorSummary.threshold` (1000, numpy's), else
    /// the first and last 3 rows and columns (`shown` overrides, for `show x full`). A
    /// summarized form says so and names the rows and columns it holds (1-based):
    ///
    ///     {"name": "a", "shape": [2000, 2000], "summarized": true,
    ///      "rowIndex": [1, 2, 3, 1998, 1999, 2000], "colIndex": [1, 2, 3, 1998, 1999, 2000],
    ///      "data": [[…6 values…], …6 rows…]}
    /// Throws `Interrupted` when the work is interrupted (`show x full` has 100 000 values).
    static func tensor(name: String?, _ t: Tensor, shown: TensorSummary? = nil) throws -> [String: Any] {
        let shown = shown ?? .numpy(rows: t.rows, cols: t.cols)
        let rows = shown.shownRows, cols = shown.shownCols
        var values = 0
        let data = try rows.map { r in
            try cols.map { c in
                try Interruption.check(item: values, every: TensorText.valuesPerCheck)
                values += 1
                return number(t[r, c])
            }
        }
        var d: [String: Any] = ["name": name.map { $0 as Any } ?? null, "shape": [t.rows, t.cols], "data": data]
        if shown.isSummarized {
            d["summarized"] = true
            d["rowIndex"] = rows.map { $0 + 1 }
            d["colIndex"] = cols.map { $0 + 1 }
        }
        return d
    }

    static func plot(_ p: Plot) -> [String: Any] {
        var d: [String: Any] = [
            "kind": "\(p.kind)", "title": p.title, "xLabel": p.xLabel, "yLabel": p.yLabel,
            "series": p.series.map { s -> [String: Any] in
                var item: [String: Any] = ["label": s.label, "x": s.x.map(number), "y": s.y.map(number)]
                if let c = s.classes { item["classes"] = c }
                return item
            },
        ]
        if let g = p.grid {
            d["grid"] = ["x": [g.xRange.lowerBound, g.xRange.upperBound].map(number),
                         "y": [g.yRange.lowerBound, g.yRange.upperBound].map(number),
                         "values": g.values.map { $0.map(number) }]
        }
        return d
    }

    static func graph(_ g: GraphView) throws -> [String: Any] {
        ["root": g.root, "nodes": try g.nodes.map { n -> [String: Any] in
            var d: [String: Any] = ["id": n.id, "name": n.name.map { $0 as Any } ?? null, "op": n.op,
                                    "inputs": n.inputs, "value": try tensor(name: n.name, n.value)]
            d["grad"] = try n.grad.map { try tensor(name: nil, $0) as Any } ?? null
            // What each input's arrow carries back (the numbers under the drawing's arrows).
            d["inputGrads"] = try n.inputGrads.map { try $0.map { try tensor(name: nil, $0) } as Any } ?? null
            return d
        }]
    }

    /// `show network`: the drawn units and connections, with the layers' full sizes.
    static func network(_ d: NetworkDiagram) -> [String: Any] {
        let optional: (Double?) -> Any = { $0.map { number($0) } ?? null }
        var form = networkBody(d, optional)
        // Only with a path, so a plain `show network` keeps the form it always had.
        if let path = d.path {
            form["path"] = ["parameter": path.parameter, "symbol": path.symbol,
                            "units": d.columns.enumerated().flatMap { c, column in
                                column.units.enumerated().filter { $0.element.onPath }.map { [c, $0.offset] } },
                            "edges": d.edges.indices.filter { d.edges[$0].onPath }] as [String: Any]
        }
        return form
    }

    private static func networkBody(_ d: NetworkDiagram, _ optional: (Double?) -> Any) -> [String: Any] {
        ["samples": d.samples, "hasGradients": d.hasGradients, "layersLeftOut": d.layersLeftOut,
                "columns": d.columns.map { c -> [String: Any] in
                    ["title": c.title, "activation": c.activation, "count": c.count, "leftOut": c.leftOut,
                     "units": c.units.map { u -> [String: Any] in
                         ["name": u.name, "z": optional(u.z), "a": optional(u.a), "bias": optional(u.bias),
                          "biasGradient": optional(u.biasGradient)]
                     }]
                },
                "edges": d.edges.map { e -> [String: Any] in
                    ["column": e.column, "from": e.from, "to": e.to, "symbol": e.symbol,
                     "weight": number(e.weight), "gradient": optional(e.gradient)]
                }]
    }

    static func derivation(_ d: Derivation) -> [String: Any] {
        var json: [String: Any] = [
            "parameter": d.parameter, "symbol": d.symbol, "latex": d.latex, "value": number(d.value), "notes": d.notes,
            "factors": d.factors.map { ["symbol": $0.symbol, "latex": $0.latex, "formula": $0.formula, "value": number($0.value)] }]
        // A batch: every sample's product (the factors are sample 1's).
        if !d.sampleProducts.isEmpty { json["sampleProducts"] = d.sampleProducts.map(number) }
        // A large batch keeps some samples' products: which, and of how many.
        if d.batchSize > d.sampleProducts.count {
            json["summarized"] = true
            json["sampleCount"] = d.batchSize
            json["sampleIndex"] = d.sampleIndices.map { $0 + 1 }
        }
        return json
    }

    static func progress(_ p: NetLang.Progress) -> [String: Any] {
        ["step": p.step, "totalSteps": p.totalSteps, "epoch": p.epoch, "totalEpochs": p.totalEpochs,
         "loss": number(p.loss), "stepsPerSecond": number(p.stepsPerSecond), "secondsLeft": number(p.secondsLeft),
         "history": p.history.map(number), "historySteps": p.historySteps]
    }
}
