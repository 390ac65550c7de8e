import NetLang
import NetSupport

extension JSONForm {
    /// `{"title", "scale": {"kind": "grey", "low", "high"}, "tiles": [{"caption", "shape", "data"}]}`:
    /// every pixel at full precision (nan and inf as null).
    static func image(_ v: ImageView) -> JSONValue {
        let scale: JSONValue
        switch v.scale {
        case .grey(let r): scale = ["kind": "grey", "low": number(r.lowerBound), "high": number(r.upperBound)]
        case .diverging(let limit): scale = ["kind": "diverging", "low": number(-limit), "high": number(limit)]
        }
        var d: JSONObject = [
            "title": .string(v.title), "scale": scale,
            "tiles": .array(v.tiles.map { tile in
                let p = tile.pixels
                return ["caption": .string(tile.caption), "shape": integers([p.rows, p.cols]),
                        "data": .array((0..<p.rows).map { r in .array((0..<p.cols).map { number(p[r, $0]) }) })]
            }),
        ]
        if !v.notes.isEmpty { d["notes"] = JSONValue(v.notes) }
        return .object(d)
    }

    /// `{"title", "axes": ["true", "predicted"], "classes": [...], "counts": [[...]]}`.
    static func confusion(_ c: ConfusionView) -> JSONValue {
        ["title": .string(c.title), "axes": ["true", "predicted"], "classes": JSONValue(c.classNames),
         "counts": .array(c.counts.map(integers)), "correct": .integer(c.correct), "total": .integer(c.total)]
    }
}
