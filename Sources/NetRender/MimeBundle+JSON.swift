import NetSupport

/// A rendered MIME bundle as the typed JSON kernel messages carry (`data` of display_data).
///
/// NetRender still builds its `application/vnd.netbook+json` form as plain Swift values
/// (String, Bool, Int, Double, arrays, `[String: Any]`, a boxed nil for null: JSONForm.swift),
/// because nb-run writes .ipynb files with JSONSerialization; this converts that one form.
/// When NetRender builds `JSONValue` directly (issue 11 item 4, its last part), the
/// conversion goes and this is `dictionary`.
extension MimeBundle {
    public var jsonObject: JSONObject {
        var data: JSONObject = ["text/plain": .string(plain)]
        if let html { data["text/html"] = .string(html) }
        if let svg { data["image/svg+xml"] = .string(svg) }
        if let markdown { data["text/markdown"] = .string(markdown) }
        if let json { data[MimeBundle.jsonMimeType] = Self.jsonValue(json) }
        return data
    }

    /// A renderer's JSON form as a value; anything else JSON cannot carry becomes its text,
    /// and NaN and infinities null (JSONWriter), so an odd value never stops the kernel.
    public static func jsonValue(_ value: Any) -> JSONValue {
        switch value {
        case let s as String: return .string(s)
        case let b as Bool: return .bool(b)
        case let i as Int: return .integer(i)
        case let x as Double: return .number(x)
        case let items as [Any]: return .array(items.map(jsonValue))
        case let members as [String: Any]: return .object(JSONObject(members.map { ($0.key, jsonValue($0.value)) }))
        default:
            // A boxed Optional (JSONForm's null is `Optional<Any>.none`), another number type, or text.
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional { return mirror.children.first.map { jsonValue($0.value) } ?? .null }
            if let x = value as? any BinaryFloatingPoint { return .number(Double(x)) }
            if let i = value as? any BinaryInteger { return Int(exactly: i).map(JSONValue.integer) ?? .number(Double(i)) }
            return .string("\(value)")
        }
    }
}
