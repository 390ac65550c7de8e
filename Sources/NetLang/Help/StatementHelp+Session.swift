/// Help for the statements about settings, data and the session (see StatementHelp.swift).
extension HelpCatalog {
    /// seed, precision, style, dataset, load, save, restore, reset, help.
    static let sessionStatements: [HelpTopic] = [
        HelpTopic(name: "seed", categories: [.statement], summary: "seed the random generator",
                  body: """
                  seed N

                  Seeds the session's random generator: rand, randn, shuffling and layer
                  initialization then give the same numbers on every machine.
                  \(HelpCatalog.randomGeneratorDescription)

                    seed 42
                    print rand(1, 3)
                  """),
        HelpTopic(name: "precision", categories: [.statement], summary: "digits after the decimal point",
                  body: """
                  precision N

                  Digits after the decimal point in text output (default 4, 0 to 17), rounded
                  as printf and numpy round (0.125 shows 0.12); JSON carries every digit.
                  A tensor is all in scientific form, as numpy shows it, when its values
                  reach 1e8, go below 1e-4 or span more than a factor 1000.

                    precision 8
                  """),
        HelpTopic(name: "style", categories: [.statement], summary: "characters used by text plots",
                  body: """
                  style ascii       plain ASCII plots (default; align in any font)
                  style unicode     braille dots and block shades for terminals that have them

                    style unicode
                    plot sigmoid, tanh
                  """),
        HelpTopic(name: "dataset", categories: [.statement], summary: "make a toy data set",
                  body: """
                  dataset NAME = KIND(n: N, noise: R, classes: K)
                  dataset TRAIN, VALID = split(NAME, 0.8)     # help split

                  Drawn from the seeded generator (`seed N` first for the same points every
                  run). Inputs are NAME.x (N×2), targets NAME.y (N×1).
                    xor        the truth table's corners; y is x1 XOR x2 as 0/1. n 4, noise 0
                    circle     class 1 inside radius 0.5, class 2 a ring 0.7–1. n 200, noise 0.05
                    spiral     K arms, r = t, θ = 4k + 4t + noise·N(0,1). n 300, noise 0.2, K 3
                    gaussian   K blobs at radius 2 around the origin. n 200, noise 0.5, K 2
                    moons      two interleaved half circles. n 200, noise 0.1
                  noise adds noise·N(0,1) to each coordinate (spiral: to the angle).
                  n is 1 to 1000000, noise 0 to 1000000, K 2 to 50 (spiral and gaussian).

                    dataset s = spiral(n: 300, classes: 3)
                  """),
        HelpTopic(name: "load", categories: [.statement], summary: "read a data set from a file",
                  body: """
                  load NAME = csv("PATH", label: COL)
                  load NAME = idx("IMAGES", "LABELS")      # MNIST's IDX format

                  CSV: a header row, then numbers only. COL is a column name ("digit") or a
                  1-based column number; that column becomes NAME.y, the others NAME.x.
                  Whole-number labels are classes; labels starting at 0 (digits 0–9) become
                  classes 1–10, because classes count from 1. A field that is not a decimal
                  number (0x10, inf, a NUL byte) is an error naming FILE:LINE:COLUMN. Lines may
                  end in \\n, \\r\\n or \\r; one line may hold at most 1 MB, one file 50 million
                  numbers (within the session's memory budget: help memory).
                  IDX: the images file's rows become NAME.x (pixels 0–255, one row per image),
                  the labels NAME.y (as classes, digit + 1).
                  Relative paths are looked up next to the notebook, then in the current
                  directory.

                    load digits = csv("data/digits.csv", label: "digit")
                  """),
        HelpTopic(name: "save", categories: [.statement], summary: "write the whole session to a file",
                  body: """
                  save "PATH"

                  Writes tensors (with the expressions that made them), layers, loss,
                  optimizer and its state, gradients, loss history, data sets, settings and
                  the random generator's state as one JSON file (format "netbook-session",
                  version 1). The file is written to a temporary file next to its target,
                  flushed to disk and then renamed over it, so a failure or a killed process
                  never leaves half a file: the old file or the new one, complete. A target
                  that is not a regular file (/dev/null, a FIFO, a directory) is refused.
                  Relative paths are next to the notebook.

                    save "lesson3.json"
                  """),
        HelpTopic(name: "restore", categories: [.statement], summary: "read a session written by save",
                  body: """
                  restore "PATH"

                  Replaces the whole session with the saved one; training continues exactly
                  as if it had not stopped. A damaged, truncated or newer-version file is
                  refused and the session stays as it was.

                    restore "lesson3.json"
                  """),
        HelpTopic(name: "reset", categories: [.statement], summary: "clear the session or the network",
                  body: """
                  reset             forget every tensor, layer, gradient, the loss history and
                                    settings (the random generator is reseeded with 0)
                  reset network     forget only the layers, loss, optimizer and gradients

                    reset network
                    layer h = dense(2 -> 4, relu)
                  """),
        HelpTopic(name: "help", categories: [.statement], summary: "this help",
                  body: "help\nhelp TOPIC        a statement, function, loss, activation, optimizer or operator\n\n  help backward"),
    ]
}
