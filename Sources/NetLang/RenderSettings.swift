/// How the session wants numbers and plots shown (`precision N`, `style ascii|unicode`).
/// NetRender reads it; NetLang only stores it.
public struct RenderSettings: Sendable, Equatable {
    public enum PlotStyle: String, Sendable { case ascii, unicode }
    /// Digits after the decimal point in text output.
    public var precision: Int = 4
    public var style: PlotStyle = .ascii
    public init(precision: Int = 4, style: PlotStyle = .ascii) { self.precision = precision; self.style = style }
}
