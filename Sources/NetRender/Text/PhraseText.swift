import NetLang

extension Phrase {
    /// The phrase in words: each `.session` number at the session's `precision`, as the
    /// tensors and tables beside it (`NumberFormat.shown`); sentence forms as they are.
    ///
    ///     let p: Phrase = "z1 = \(0.3775, .session)"
    ///     p.text(precision: 2)   // "z1 = 0.38"
    func text(precision: Int) -> String { written { NumberFormat.shown($0, precision: precision) } }
}
