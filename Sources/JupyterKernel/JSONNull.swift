/// JSON null in the `[String: Any]` trees messages are made of: Swift's own nil, boxed
/// (`Optional<Any>.none as Any`).
///
///     let content: [String: Any] = ["output": JSONNull.value]     // {"output":null}
///     JSONNull.isNull(content["output"]!)                          // true
///
/// Why nil and not a marker type (Foundation had NSNull): NetRender builds JSON trees
/// too and shares no module with this one, so a type of ours could not be named there.
/// A boxed nil needs no shared type, any module can write `Optional<Any>.none`, and
/// swift-corelibs-foundation's `JSONSerialization` (what nb-run writes .ipynb files
/// with) already writes it as null (SE-0140's nil-as-NSNull bridging), so no tree is
/// ever converted. A boxed nil of any Optional type (`String?.none as Any`) counts too.
public enum JSONNull {
    public static var value: Any { Optional<Any>.none as Any }

    /// Whether `value` is a boxed nil (of any Optional type).
    public static func isNull(_ value: Any) -> Bool {
        (value as? OptionalValue)?.isNone ?? false
    }
}

/// Lets a dynamic cast find out whether an `Any` holds an Optional's `.none`.
private protocol OptionalValue {
    var isNone: Bool { get }
}

extension Optional: OptionalValue {
    fileprivate var isNone: Bool { self == nil }
}
