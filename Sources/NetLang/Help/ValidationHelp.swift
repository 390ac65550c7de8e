/// Help for holding data back to measure how a network generalises (SplitStatement.swift,
/// train's `validation:` option) and for watching the decision region learn (`live: decision`).
extension HelpCatalog {
    static let validation: [HelpTopic] = [
        HelpTopic(name: "split", categories: [.statement], summary: "split a data set into training and validation parts",
                  body: """
                  dataset TRAIN, VALID = split(SET, FRACTION)
                  dataset TRAIN, VALID = split(SET, FRACTION, shuffle: false)

                  TRAIN gets FRACTION of the samples of SET (rounded down), VALID the rest;
                  each part needs at least one. The samples are taken in an order shuffled by
                  the seeded generator (`seed N` first for the same split every run), or in
                  their order with shuffle: false. A spiral lists its classes one after the
                  other, so an unshuffled split would hold whole classes back.

                  train TRAIN.x, TRAIN.y, validation: VALID measures the loss on VALID after
                  every epoch (VALID is never trained on): the loss curve and `plot loss` draw
                  it beside the training loss, and train's table ends with the last one. A
                  validation loss that rises while the training loss falls is overfitting.
                  `reset network` forgets the validation losses with the history; `save`
                  and `restore` keep them.

                    seed 1
                    dataset s = spiral(n: 300)
                    dataset tr, va = split(s, 0.8)        # 240 to train on, 60 to check
                    layer h = dense(2 -> 16, tanh)
                    layer o = dense(16 -> 3, softmax)
                    loss cross_entropy
                    optimizer adam(lr: 0.05)
                    train tr.x, tr.y, epochs: 100, validation: va
                    plot loss
                  """, aliases: ["validation", "validate"]),
        HelpTopic(name: "live", categories: [.syntax], summary: "watch the decision region change while train runs",
                  body: """
                  train X, T, epochs: N, live: decision

                  For inputs with two columns: while train runs, its live display (in
                  Jupyter) shows the decision region of the network being trained, as plot
                  decision draws it, on a 24×24 grid with at most 400 of the samples, redrawn
                  with the progress (at most 10 times a second). When train ends, the live
                  display goes and the decision region of the trained network stays, on the
                  full 40×40 grid, after the loss curve. In a terminal nb-run shows only the
                  progress line while it runs.

                    dataset xor = xor()
                    layer h = dense(2 -> 4, tanh)
                    layer o = dense(4 -> 1, sigmoid)
                    loss bce
                    train xor.x, xor.y, epochs: 2000, lr: 2, live: decision
                  """, aliases: ["live decision"]),
    ]
}
