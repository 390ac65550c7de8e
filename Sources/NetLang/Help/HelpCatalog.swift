import NetCore

/// Every help text of the language, and how `help WORD` finds one.
///
///     HelpCatalog.topic(named: "backward")?.text
enum HelpCatalog {
    static let all: [HelpTopic] = statements + validation + memory + exercises + outputControl + images + activations + losses + functions + optimizers + initializers + syntax

    /// Category pages: `help losses`, `help activations`…
    static let categoryWords: [String: HelpTopic.Category] = [
        "statements": .statement, "functions": .function, "losses": .loss, "activations": .activation,
        "optimizers": .optimizer, "init": .initializer, "initializers": .initializer,
    ]

    /// Every word `help` understands (for completion and suggestions).
    static var words: [String] {
        all.map(\.name) + all.flatMap(\.aliases) + Array(categoryWords.keys)
    }

    /// The first topic of that name (functions come before initializers, so `zeros` is the function).
    static func topic(named word: String) -> HelpTopic? {
        all.first { $0.name == word } ?? all.first { $0.aliases.contains(word) }
    }

    /// The text of `help WORD`, or nil when the word is unknown; no line wider than
    /// `HelpWrap.width` (the pager in JupyterLab would cut it).
    static func text(for word: String) -> String? {
        unfolded(for: word).map { HelpWrap.fold($0) }
    }

    private static func unfolded(for word: String) -> String? {
        if let topic = topic(named: word) {
            var text = topic.text
            if word == "zeros" {
                text += "\n\nAs a layer initializer: init: \(word) (see `help init`)."
            }
            return text
        }
        if let category = categoryWords[word] {
            return category.rawValue + "\n\n" + listing(of: category)
        }
        return nil
    }

    static func listing(of category: HelpTopic.Category) -> String {
        let topics = all.filter { $0.categories.contains(category) }
        let width = topics.map(\.name.count).max() ?? 0
        return topics.map { "  " + $0.name.padding(width) + "  " + $0.summary }.joined(separator: "\n")
    }

    /// `help` alone: the language on one page.
    static var overview: String {
        var text = """
        NetBook — a small language for seeing how neural networks compute and learn.
        Every value is a 2-D tensor; indices start at 1. `help TOPIC` tells more about any word below.

          precision 8
          tensor x = [0.1, 0.2]
          tensor t = [0.4, 0.6]
          layer hidden = dense(2 -> 2, sigmoid, bias: false, weights: [[0.30, 0.40], [0.25, 0.35]])
          layer output = dense(2 -> 2, sigmoid, bias: false, weights: [[0.45, 0.70], [0.40, 0.60]])
          loss half_sse
          forward x, t
          backward
          explain output.W[1, 1]
          step lr: 0.5

        """
        for category in HelpTopic.Category.allCases {
            text += "\n" + category.rawValue + "\n" + listing(of: category) + "\n"
        }
        text += "\nKeywords (usable as tensor names where unambiguous): "
            + StatementTable.keywords.joined(separator: " ")
        return HelpWrap.fold(text)
    }

    /// How each statement is written, for syntax errors that have no better hint.
    static let usage: [String: String] = [
        "tensor": "tensor NAME = EXPR",
        "layer": "layer NAME = dense(IN -> OUT, ACT, bias: B, init: I, weights: EXPR, biases: EXPR)",
        "loss": "loss " + OperationTable.names(of: .loss).joined(separator: " | "),
        "optimizer": "optimizer sgd(lr: 0.1) | momentum(lr: 0.1, beta: 0.9) | adam(lr: 0.001)",
        "forward": "forward X  or  forward X, T",
        "backward": "backward  or  backward NAME",
        "step": "step  or  step lr: R",
        "train": "train X, T, epochs: N, batch: B, lr: R, shuffle: true",
        "show": "show NAME | network | params | grads | history | memory | graph NAME | image EXPR (help images)",
        "plot": "plot loss | NAME | LAYER | decision | sigmoid, relu from -5 to 5",
        "explain": "explain LAYER.W[i, j]  or  explain LAYER.b[1, j]",
        "print": "print EXPR, \"text\", ...",
        "seed": "seed N",
        "precision": "precision N",
        "style": "style ascii | unicode",
        "reset": "reset  or  reset network",
        "dataset": "dataset NAME = xor | circle | spiral | gaussian | moons(n: N, noise: R, classes: K)",
        "load": "load NAME = csv(\"PATH\", label: COL)  or  load NAME = idx(\"IMAGES\", \"LABELS\")",
        "save": "save \"PATH\"",
        "restore": "restore \"PATH\"",
        "memory": "memory 4GB  (units B, KB, MB, GB, TB, KiB, MiB, GiB, TiB)",
        "gradcheck": "gradcheck",
        "check": "check GOT ≈ EXPECTED (tol: 1e-4), \"hint\"  or  check A < B, \"hint\"",
        "todo": "todo  or  todo \"what to do\"",
        "clear_output": "clear_output  or  clear_output wait: true",
        "help": "help  or  help TOPIC",
    ]

    /// Filled in from NetCore's generator so `help seed` names the algorithm actually used.
    static var randomGeneratorDescription: String { RandomSource.description }
}

extension String {
    /// Pads with spaces on the right to `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
