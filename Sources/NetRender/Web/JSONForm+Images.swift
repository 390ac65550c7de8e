import NetLang

extension JSONForm {
    /// `{"title", "scale": {"kind": "grey", "low", "high"}, "tiles": [{"caption", "shape", "data"}]}`:
    /// every pixel at full precision (nan and inf as null).
    static func image(_ v: ImageView) -> [String: Any] {
        let scale: [String: Any]
        switch v.scale {
        case .grey(let r): scale = ["kind": "grey", "low": number(r.lowerBound), "high": number(r.upperBound)]
        case .diverging(let limit): scale = ["kind": "diverging", "low": number(-limit), "high": number(limit)]
        }
        var d: [String: Any] = [
            "title": v.title, "scale": scale,
            "tiles": v.tiles.map { tile -> [String: Any] in
                let p = tile.pixels
                return ["caption": tile.caption, "shape": [p.rows, p.cols],
                        "data": (0..<p.rows).map { r in (0..<p.cols).map { number(p[r, $0]) } }]
            },
        ]
        if !v.notes.isEmpty { d["notes"] = v.notes }
        return d
    }

    /// `{"title", "axes": ["true", "predicted"], "classes": [...], "counts": [[...]]}`.
    static func confusion(_ c: ConfusionView) -> [String: Any] {
        ["title": c.title, "axes": ["true", "predicted"], "classes": c.classNames, "counts": c.counts,
         "correct": c.correct, "total": c.total]
    }
}
