import NetSupport

/// Words with numbers in them, the numbers kept as values: a table's footer, a warning,
/// the ✓ line of `check`, an explanation's formulas and notes. NetRender writes them out,
/// each number in its own style, so no text NetLang yields depends on `precision`: only
/// NetRender's `NumberFormat` reads that setting.
///
///     let p: Phrase = "∂E/∂o1 = -(\(0.01, .session) - \(0.6078, .session))"
///     p.written { NumberFormat.shown($0, precision: 4) }   // "∂E/∂o1 = -(0.0100 - 0.6078)"
///
/// A Double interpolated without a style does not compile: every number says how it reads.
public struct Phrase: Sendable, Hashable, ExpressibleByStringInterpolation {
    public enum Piece: Sendable, Hashable {
        case text(String)
        case number(Double, NumberStyle)
    }
    public var pieces: [Piece]

    public init(pieces: [Piece]) { self.pieces = pieces }
    public init(_ text: String) { pieces = text.isEmpty ? [] : [.text(text)] }
    public init(stringLiteral text: String) { self.init(text) }
    public init(stringInterpolation: Interpolation) { pieces = stringInterpolation.pieces }

    /// The phrase as text: `session` writes a number at the session's precision (NetRender
    /// passes `NumberFormat.shown`); sentence forms are written by `SentenceNumber`.
    public func written(session: (Double) -> String) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let s): return s
            case .number(let v, .session): return session(v)
            case .number(let v, .sentence(let form)): return SentenceNumber.text(v, form)
            }
        }.joined()
    }

    /// The numbers in the phrase, in order (what a test or the JSON form checks).
    public var numbers: [Double] {
        pieces.compactMap { if case .number(let v, _) = $0 { return v } else { return nil } }
    }

    public static func + (a: Phrase, b: Phrase) -> Phrase {
        var joined = a
        for piece in b.pieces { joined.append(piece) }
        return joined
    }

    /// Adjacent text joins into one piece, so two phrases with the same words are equal
    /// however they were put together.
    mutating func append(_ piece: Piece) {
        if case .text(let s) = piece {
            guard !s.isEmpty else { return }
            if case .text(let before)? = pieces.last { pieces[pieces.count - 1] = .text(before + s); return }
        }
        pieces.append(piece)
    }

    public struct Interpolation: StringInterpolationProtocol {
        var phrase = Phrase(pieces: [])
        var pieces: [Piece] { phrase.pieces }
        public init(literalCapacity: Int, interpolationCount: Int) {}
        public mutating func appendLiteral(_ literal: String) { phrase.append(.text(literal)) }
        /// Anything but a Double (names, shapes, counts) is written as Swift writes it.
        public mutating func appendInterpolation<T>(_ value: T) { phrase.append(.text("\(value)")) }
        public mutating func appendInterpolation(_ value: Phrase) { phrase = phrase + value }
        public mutating func appendInterpolation(_ value: Double, _ style: NumberStyle) { phrase.append(.number(value, style)) }
        public mutating func appendInterpolation(_ value: Double, _ form: SentenceNumber.Form) {
            phrase.append(.number(value, .sentence(form)))
        }
        @available(*, unavailable, message: "say how the number reads: \\(v, .session) or a SentenceNumber form")
        public mutating func appendInterpolation(_ value: Double) {}
    }
}

/// How a number in a `Phrase` reads.
public enum NumberStyle: Sendable, Hashable {
    /// At the session's precision, as the tensors and tables beside it (`explain`'s factors).
    case session
    /// In a form of its own that `precision` does not change (SentenceNumber).
    case sentence(SentenceNumber.Form)
}
