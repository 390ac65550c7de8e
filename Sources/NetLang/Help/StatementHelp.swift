import NetCore

/// Help for every statement of the language, in the order `help statements` lists them.
/// Split by concern so each file stays short: building and training a network here,
/// looking at values in StatementHelp+Views.swift, data and the session in
/// StatementHelp+Session.swift.
extension HelpCatalog {
    static let statements: [HelpTopic] = modelStatements + viewStatements + sessionStatements

    /// tensor, layer, loss, optimizer, forward, backward, step, train.
    static let modelStatements: [HelpTopic] = [
        HelpTopic(name: "tensor", categories: [.statement], summary: "define or replace a tensor",
                  body: """
                  tensor NAME = EXPR

                  Evaluates EXPR and stores it under NAME. The tensor remembers how it was
                  computed, so `backward NAME` can differentiate through a chain of tensor
                  statements. Shows the tensor (shape and values).

                    tensor x = [0.1, 0.2]              # 1×2 row
                    tensor W = [[1, 2], [3, 4]]        # 2×2
                    tensor apple_price = apple * apple_num

                  A graph of more than 2000 operations (a tensor rebuilt from itself cell after
                  cell) starts afresh: the tensor keeps its value and `backward` stops there.
                  """),
        HelpTopic(name: "layer", categories: [.statement], summary: "append a dense layer to the network",
                  body: """
                  layer NAME = dense(IN -> OUT, ACT, bias: B, init: I, weights: EXPR, biases: EXPR)

                  The layer computes z = x @ W + b and a = ACT(z); W is IN×OUT, b is 1×OUT.
                  Every argument after IN -> OUT is optional: ACT defaults to identity,
                  bias: true, init: xavier. weights: and biases: give the numbers explicitly;
                  a shape that does not fit is an error naming both shapes. IN must equal the
                  previous layer's OUT. Defining a layer with an existing name replaces it in place.
                  Its parts are NAME.W, NAME.b and, after `forward`, NAME.z and NAME.a.

                    layer hidden = dense(2 -> 2, sigmoid, bias: false, weights: [[0.30, 0.40], [0.25, 0.35]])
                    layer out = dense(2 -> 1, relu, init: he)

                  ACT: \(names(.activation)) (see `help activations`).
                  init: \(names(.initializer)) (see `help init`).
                  """, aliases: ["dense"]),
        HelpTopic(name: "loss", categories: [.statement], summary: "set the network's loss",
                  body: """
                  loss KIND

                  KIND is \(names(.loss, last: " or ")) (see `help losses`).
                  Shows the formula. `forward X, T` then computes it.

                    loss half_sse
                  """),
        HelpTopic(name: "optimizer", categories: [.statement], summary: "choose the optimizer used by step and train",
                  body: """
                  optimizer KIND(ARGS)

                    optimizer sgd(lr: 0.1)                       # the default
                    optimizer momentum(lr: 0.1, beta: 0.9)       # v ← βv + g; p ← p − lr·v
                    optimizer adam(lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8)

                  The conventions are PyTorch's, so results match torch.optim. Setting an
                  optimizer clears its state (velocities, moments).
                  """),
        HelpTopic(name: "forward", categories: [.statement], summary: "run the network on an input",
                  body: """
                  forward X
                  forward X, T

                  Runs every layer on X (rows = samples) and shows, per layer, z and a for
                  every sample, then the output. With a target T it also computes the loss
                  (set by `loss`, default mse), which `backward` then differentiates.

                    forward x, t        # loss 0.02397190 in the classroom example
                  """),
        HelpTopic(name: "backward", categories: [.statement], summary: "backpropagate the loss, or differentiate a tensor",
                  body: """
                  backward
                      Backpropagates the loss of the last `forward X, T` and shows, per layer,
                      dE/dz, dE/dW and dE/db (E: the error, as `explain` writes it). The
                      gradients REPLACE the previous ones (they are not accumulated as in
                      PyTorch without zero_grad); `step` uses them.

                  backward NAME
                      NAME must be a 1×1 tensor. Differentiates it through the tensor statements
                      that made it (reverse mode: add passes the gradient through, multiply swaps
                      its inputs, sigmoid uses its own output…) and shows every tensor it depends
                      on with its value and dNAME/dtensor. grad(x) then reads one of them.
                      Gradients are replaced, not accumulated.

                    tensor price = (apple * apple_num + orange * orange_num) * tax
                    backward price
                    print grad(apple)          # 2.2
                  """),
        HelpTopic(name: "step", categories: [.statement], summary: "one optimizer update of every parameter",
                  body: """
                  step
                  step lr: R

                  Updates every parameter that has a gradient from the last `backward` with the
                  optimizer (default sgd, lr 0.1); `lr:` overrides the learning rate for this
                  step only. Shows, per parameter, the values before, the gradient and after.
                  A second `step` without a new backward applies the same gradients again;
                  a new `forward` clears them. The loss of the forward the gradients came
                  from is added to the history (`plot loss`).

                    step lr: 0.5
                  """),
        HelpTopic(name: "train", categories: [.statement], summary: "loop forward, backward and step",
                  body: """
                  train X, T, epochs: N, batch: B, lr: R, shuffle: true
                  train X, T, epochs: N, validation: VALID, live: decision

                  Each epoch goes once through the rows of X (samples) and T (targets: rows
                  like the output, or a column of 1-based classes for cross_entropy), in
                  mini-batches of B rows: forward, loss, backward and one optimizer step per
                  batch. Defaults: epochs 1, batch all rows (full-batch gradient descent),
                  lr the optimizer's, shuffle true (the order is drawn from the seeded
                  generator, so `seed N` makes it repeatable; it only matters when B is less
                  than the number of rows).

                  The loss of every step (on its batch, before the update) goes to the
                  history; each epoch's loss is the mean over its samples. Past 2^20 steps,
                  neighbouring entries merge into their mean (show history says how many
                  steps an entry stands for), so the history stays under 8 MB. While it runs, a
                  live display shows steps, loss and speed; at the end it becomes the loss
                  curve, and train shows the final loss on all of X (forward X, T is then the
                  last forward: `plot decision` and `backward` use it). For very large X
                  (rows × units over 4 million) that extra pass is skipped: the final loss
                  is then the last epoch's mean.

                  Interrupt (Ctrl-C, Jupyter's stop button) stops at the next step, or
                  inside a step of large products before its update: the parameters and
                  history are those of the last completed step.

                  validation: VALID (a data set, e.g. from split) adds the loss on VALID after
                  every epoch to the curve (help split); live: decision redraws the decision
                  region as it trains (help live).

                    dataset xor = xor()
                    reset network
                    layer h = dense(2 -> 4, tanh)
                    layer o = dense(4 -> 1, sigmoid)
                    loss bce
                    train xor.x, xor.y, epochs: 2000, lr: 2
                    train xor.x, xor.y, epochs: 100, batch: 2      # mini-batches of 2 rows
                  """),
    ]

    /// Operation names of one kind for help text: "a b c", or "a, b or c" given `last: " or "`.
    static func names(_ kind: OperationInfo.Kind, last: String? = nil) -> String {
        let all = OperationTable.names(of: kind)
        guard let last, all.count > 1 else { return all.joined(separator: " ") }
        return all.dropLast().joined(separator: ", ") + last + all[all.count - 1]
    }
}
