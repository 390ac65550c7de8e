/// Help for numbers shown as pictures (ImageStatements.swift, ClassificationViews.swift).
extension HelpCatalog {
    static let images: [HelpTopic] = [
        HelpTopic(name: "images", categories: [.syntax], summary: "show a row of pixels, wrong answers, weights or a confusion matrix as pictures",
                  body: """
                    show image EXPR                     a row of n values as a √n×√n picture (64 → 8×8,
                                                        784 → 28×28), a matrix as it is
                    show image EXPR, shape: [R, C]      any shape with R·C values; rows of R·C values
                                                        each: one picture per row (a gallery)
                    show image EXPR, range: [LO, HI]    LO white, HI black (default: the smallest and
                                                        largest value shown)
                    show mistakes X, T                  the network's wrong answers on X, each with its
                                                        row, true class → predicted class
                    show confusion X, T                 how many of each true class (rows) the network
                                                        gave each class (columns), as a heatmap
                    show weights LAYER as images        each unit's incoming weights (a column of W) as
                                                        a picture: red above zero, blue below

                  In a terminal each pixel is two characters, from ' ' (low) to '@' (high) in
                  ASCII, ' ░▒▓█' with `style unicode`; weights use '==' and '--' below zero,
                  '++' and '##' above. Jupyter shows an SVG picture. nan pixels are '??' (amber
                  in the SVG); inf and values beyond the range take the end's shade.
                  A picture is at most 64×64 pixels: for a larger tensor show one row or a part.

                  mistakes and confusion run the session's network on X without changing it
                  (like forward X), and compare with T: one-hot rows or a column of classes
                  1, 2, …; a network with one output answers 0 or 1. One data set name stands
                  for its x and y: `show mistakes digits`. Options: `max: N` pictures (12 by
                  default), `shape:` and `range:` as for show image, and `first: 0` to name
                  the classes from 0 (digits loaded as classes 1–10 read 0–9).

                    show image digits.x[7, :]
                    show image digits.x[7, :], range: [0, 16]
                    show image digits.x[1:10, :], shape: [8, 8]
                    show mistakes Xtest, Ttest, first: 0, max: 8
                    show confusion Xtest, Ttest, first: 0
                    show weights hidden as images
                  """, aliases: ["image", "mistakes", "confusion", "weights", "pictures"]),
    ]
}
