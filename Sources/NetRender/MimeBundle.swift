import NetLang

// CONTRACT (scaffold by the lead; the NetRender owner fills in the bodies, keeping these signatures).

/// One output in every form a front end may pick from, as Jupyter's display_data carries it.
///
///     let bundle = Renderer(settings: RenderSettings()).bundle(for: output)
///     bundle.plain   // what a terminal and JupyterLab's plain-text view show
public struct MimeBundle {
    public var plain: String
    public var html: String?
    public var svg: String?
    public var markdown: String?
    /// A JSON-serializable value (`JSONSerialization`), for application/json.
    public var json: Any?
    public init(plain: String, html: String? = nil, svg: String? = nil, markdown: String? = nil, json: Any? = nil) {
        self.plain = plain; self.html = html; self.svg = svg; self.markdown = markdown; self.json = json
    }

    /// The MIME-type keyed dictionary Jupyter messages and .ipynb files carry.
    public var dictionary: [String: Any] {
        var d: [String: Any] = ["text/plain": plain]
        if let html { d["text/html"] = html }
        if let svg { d["image/svg+xml"] = svg }
        if let markdown { d["text/markdown"] = markdown }
        if let json { d["application/json"] = json }
        return d
    }
}

/// Turns Outputs into text (terminal) and MIME bundles (Jupyter).
public struct Renderer {
    public var settings: RenderSettings
    /// ANSI colours in text (nb-run --color).
    public var color: Bool
    public init(settings: RenderSettings, color: Bool = false) { self.settings = settings; self.color = color }

    /// The text form of an output, as nb-run prints it and text/plain carries it.
    public func text(_ output: Output) -> String { fatalError("Renderer.text: not implemented yet") }

    /// Every form of an output.
    public func bundle(for output: Output) -> MimeBundle { MimeBundle(plain: text(output)) }

    /// An error with its caret, as a terminal shows it (coloured when `color`).
    public func text(_ error: NetError) -> String { error.formatted }
}
