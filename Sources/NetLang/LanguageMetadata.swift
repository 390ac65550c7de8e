/// What front ends are told about the language: the kernel's `language_info` and what
/// nb-run stores in a notebook's metadata, from one place so that the two never differ
/// (a notebook whose stored `language_info` differs from the kernel's opens as modified).
///
///     LanguageMetadata.languageInfo["pygments_lexer"]   // "netbook"
public enum LanguageMetadata {
    public static let name = "netbook"
    public static let version = "1.0"
    public static let mimetype = "text/x-netbook"
    /// What `jupyter nbconvert --to script` appends. Not `.txt`: the lessons are
    /// `NAME.txt` beside `NAME.ipynb`, and exporting one would overwrite its source.
    public static let fileExtension = ".netbook"
    /// The lexer of the `netbook-jupyter` Python package (python/netbook_jupyter), found
    /// by Pygments through its `pygments.lexers` entry point.
    public static let pygmentsLexer = "netbook"
    /// JupyterLab has no NetBook mode; Python's is the closest one it ships (`#` comments,
    /// numbers, double-quoted strings, brackets), so cells are highlighted acceptably.
    public static let codemirrorMode = "python"

    /// The `language_info` dictionary of `kernel_info_reply` and of notebook metadata.
    public static var languageInfo: [String: String] {
        ["name": name, "version": version, "mimetype": mimetype, "file_extension": fileExtension,
         "pygments_lexer": pygmentsLexer, "codemirror_mode": codemirrorMode]
    }
}
