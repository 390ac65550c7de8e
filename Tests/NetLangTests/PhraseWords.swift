import NetLang

extension Phrase {
    /// The words of a footer, warning or formula in NetLang's own tests: each number at the
    /// session's precision written as Swift writes the Double (NetRender owns the
    /// precision; NetRenderTests check that form), sentence forms as a user reads them.
    var words: String { written { "\($0)" } }
}
