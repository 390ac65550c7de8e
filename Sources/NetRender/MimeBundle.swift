import NetLang
import NetSupport

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
    /// The output's numbers at full precision, for programs (`{"name", "shape", "data"}`
    /// for a tensor, `{"columns", "rows"}` for a table: JSONForm.swift).
    public var json: JSONValue?

    /// The MIME type the JSON form travels under. DSL.md names `application/json`, but
    /// JupyterLab and Notebook 7 rank their JSON tree viewer above every other renderer
    /// (rank 0, before text/html at 50 and SVG at 80), so a bundle holding
    /// `application/json` shows a collapsible tree instead of the table or the plot. A
    /// vendor type, as Plotly, Vega and pandas use, keeps the data for programs
    /// (`msg["content"]["data"][MimeBundle.jsonMimeType]`) and lets front ends show HTML/SVG.
    public static let jsonMimeType = "application/vnd.netbook+json"

    public init(plain: String, html: String? = nil, svg: String? = nil, markdown: String? = nil, json: JSONValue? = nil) {
        self.plain = plain; self.html = html; self.svg = svg; self.markdown = markdown; self.json = json
    }

    /// The MIME-type keyed object Jupyter messages (`data` of display_data) and .ipynb
    /// files carry.
    public var dictionary: JSONObject {
        var d: JSONObject = ["text/plain": .string(plain)]
        if let html { d["text/html"] = .string(html) }
        if let svg { d["image/svg+xml"] = .string(svg) }
        if let markdown { d["text/markdown"] = .string(markdown) }
        if let json { d[MimeBundle.jsonMimeType] = json }
        return d
    }
}

/// Turns Outputs into text (terminal) and MIME bundles (Jupyter).
///
/// Which forms each output carries (front ends show the richest they support):
/// tensor and table: text, HTML `<table>`, JSON; plot, graph, network, image and confusion: text, SVG, JSON — no HTML:
/// JupyterLab prefers text/html to SVG, and in a notebook it does not trust (any stored
/// notebook opened from disk) its sanitizer strips an inline `<svg>` down to its bare text
/// labels, while without HTML it shows the SVG when trusted and the text plot otherwise;
/// `explain`: text, Markdown with LaTeX, JSON; progress and notes: text and its `<pre>`
/// twin; print: text only.
public struct Renderer {
    public var settings: RenderSettings
    /// ANSI colours in text (nb-run --color).
    public var color: Bool
    public init(settings: RenderSettings, color: Bool = false) { self.settings = settings; self.color = color }

    private var unicode: Bool { settings.style == .unicode }
    private var precision: Int { settings.precision }

    /// What `text` and `bundle(for:)` give for an output whose rendering was interrupted.
    public static let interruptedText = "(not shown: interrupted)"

    /// The text form of an output, as nb-run prints it and text/plain carries it
    /// (`interruptedText` if an interrupt stopped it: see `interruptibleText`).
    public func text(_ output: Output) -> String {
        (try? interruptibleText(output)) ?? Self.interruptedText
    }

    /// Every form of an output (only `interruptedText` if an interrupt stopped it).
    public func bundle(for output: Output) -> MimeBundle {
        (try? interruptibleBundle(for: output)) ?? MimeBundle(plain: Self.interruptedText)
    }

    /// `text`, or `Interrupted` thrown when the cell's interrupt flag is raised while it is
    /// made (Interruption.swift): `show x full` formats up to 100 000 values in each form,
    /// seconds in a debug build. A front end drops the output and the session reports the
    /// interrupt (Session.runStatements).
    public func interruptibleText(_ output: Output) throws -> String {
        switch output {
        case .tensor(let v): return try TensorText(precision: precision).render(name: v.name, v.value, shown: v.shown)
        case .table(let t): return TableText(precision: precision).render(t)
        case .plot(let p): return try PlotText(unicode: unicode).render(p)
        case .graph(let g): return try GraphText(precision: precision, unicode: unicode).render(g)
        case .network(let n): return NetworkText(precision: precision, unicode: unicode).render(n)
        case .derivation(let d): return DerivationText(precision: precision).render(d)
        case .image(let v): return ImageText(unicode: unicode).render(v)
        case .confusion(let c): return ConfusionText.render(c, precision: precision)
        case .stream(let s), .warning(let s): return s.text(precision: precision)
        case .printed(let items): return PrintText(precision: precision).render(items)
        case .clearOutput: return ""
        case .note(let n): return n.title.map { "\($0)\n\n\(n.text)" } ?? n.text
        case .progress(let p):
            // The line first (a terminal's progress line shows only it), then a live decision map.
            let line = ProgressText(precision: precision, unicode: unicode).render(p)
            guard let map = p.decision else { return line }
            return line + "\n\n" + (try PlotText(unicode: unicode).render(map))
        case .group(let parts): return try parts.map(interruptibleText).filter { !$0.isEmpty }.joined(separator: "\n\n")
        }
    }

    /// `bundle(for:)`, or `Interrupted` as `interruptibleText` throws it.
    public func interruptibleBundle(for output: Output) throws -> MimeBundle {
        let plain = try interruptibleText(output)
        switch output {
        case .tensor(let v):
            return MimeBundle(plain: plain, html: try TableHTML(precision: precision).render(name: v.name, v.value, shown: v.shown),
                              json: try JSONForm.tensor(name: v.name, v.value, shown: v.full ? v.shown : nil))
        case .table(let t):
            return MimeBundle(plain: plain, html: TableHTML(precision: precision).render(t), json: JSONForm.table(t, precision: precision))
        case .plot(let p):
            let svg = try PlotSVG().render(p)
            return MimeBundle(plain: plain, svg: svg, json: JSONForm.plot(p))
        case .graph(let g):
            let svg = GraphSVG(precision: precision).render(g)
            return MimeBundle(plain: plain, svg: svg, json: try JSONForm.graph(g))
        case .image(let v):
            // SVG and no HTML, as for plots (JupyterLab would prefer the HTML).
            return MimeBundle(plain: plain, svg: ImageSVG().render(v), json: JSONForm.image(v))
        case .confusion(let c):
            return MimeBundle(plain: plain, svg: ConfusionSVG().render(c), json: JSONForm.confusion(c))
        case .network(let n):
            return MimeBundle(plain: plain, svg: NetworkSVG(precision: precision).render(n), json: JSONForm.network(n))
        case .derivation(let d):
            return MimeBundle(plain: plain, markdown: DerivationMarkdown(precision: precision).render(d), json: JSONForm.derivation(d, precision: precision))
        case .stream, .printed, .warning, .clearOutput:
            return MimeBundle(plain: plain)
        case .note:
            return MimeBundle(plain: plain, html: HTMLText.wrappingPre(plain))
        case .progress(let p):
            let line = ProgressText(precision: precision, unicode: unicode).render(p)
            return MimeBundle(plain: plain, html: try ProgressHTML(precision: precision).render(p, line: line), json: JSONForm.progress(p))
        case .group(let parts):
            let bundles = try parts.map(interruptibleBundle(for:))
            // One HTML page of the parts; a part without HTML (explain, print) keeps its text look.
            let html = bundles.map { $0.html ?? HTMLText.pre($0.plain) }.joined(separator: "\n")
            let json = bundles.map { $0.json ?? ["text": .string($0.plain)] }
            return MimeBundle(plain: plain, html: html, json: ["outputs": .array(json)])
        }
    }

    /// An error with its caret, as a terminal shows it (coloured when `color`).
    public func text(_ error: NetError) -> String { ErrorText(color: color).render(error) }
}
