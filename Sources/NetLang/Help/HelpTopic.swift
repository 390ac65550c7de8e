/// One entry of `help`: a statement, function, loss, activation, optimizer or idea.
///
///     help backward     →  HelpCatalog.topic(named: "backward")
struct HelpTopic {
    enum Category: String, CaseIterable {
        case statement = "Statements"
        case function = "Functions"
        case loss = "Losses"
        case activation = "Activations"
        case optimizer = "Optimizers"
        case initializer = "Initializers"
        case syntax = "Syntax"
    }
    var name: String
    var categories: [Category]
    /// One line, shown in the overview and by completion.
    var summary: String
    /// The full text with examples.
    var body: String
    /// Other words that find this topic (`help @`, `help matmul`).
    var aliases: [String] = []

    var text: String { "\(name) — \(summary)\n\n\(body)" }
}
