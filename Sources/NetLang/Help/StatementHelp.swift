/// Help for every statement of the language.
extension HelpCatalog {
    static let statements: [HelpTopic] = [
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

                  ACT: sigmoid relu tanh softmax identity step leaky_relu (see `help activations`).
                  init: xavier he uniform normal zeros (see `help init`).
                  """, aliases: ["dense"]),
        HelpTopic(name: "loss", categories: [.statement], summary: "set the network's loss",
                  body: """
                  loss KIND

                  KIND is mse, sse, half_sse, cross_entropy or bce (see `help losses`).
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
                      dL/dz, dL/dW and dL/db. The gradients REPLACE the previous ones (they are
                      not accumulated as in PyTorch without zero_grad); `step` uses them.

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

                    dataset xor = xor()
                    reset network
                    layer h = dense(2 -> 4, tanh)
                    layer o = dense(4 -> 1, sigmoid)
                    loss bce
                    train xor.x, xor.y, epochs: 2000, lr: 2
                    train xor.x, xor.y, epochs: 100, batch: 2      # mini-batches of 2 rows
                  """),
        HelpTopic(name: "show", categories: [.statement], summary: "show a tensor, layer, the network (drawn) or the session",
                  body: """
                    show NAME          a tensor, a layer or an expression
                    show network       the network drawn: units with z | a, connections with weights
                    show network hidden.W[1, 1]   the same, with that weight's chain rule path marked
                    show params        every weight and bias
                    show grads         the gradients of the last backward
                    show history       the loss per step or epoch
                    show memory        what the session holds in memory, against its budget
                    show graph NAME    the computational graph of NAME, drawn with its values (and gradients)
                    show NAME full     every value of a large tensor (up to 100000 of them)
                    show image EXPR    a row of 64 values as an 8×8 picture (see `help images`)
                    show mistakes X, T        the network's wrong answers, as pictures
                    show confusion X, T       true against predicted classes, as a heatmap
                    show weights LAYER as images   each unit's incoming weights as a picture

                  A tensor with more than 10 rows or columns is shown as its first and last
                  3 (with ...); its JSON form (for programs) carries every value up to 1000
                  of them, else the same first and last 3, marked "summarized" with the
                  rows and columns it holds. `show NAME full` shows every value, in text,
                  HTML and JSON; a tensor of more than 100000 values shows as many of its
                  first and last rows and columns as fit in 100000.

                    show hidden.W full     # also any expression: show x[1:20, :] full

                  `show network` draws the units of each layer (x1…, h1…, o1…) and every
                  connection labelled with its weight (W1, W2… as the lessons number them);
                  after `forward` each unit shows z | a of the batch's first sample, after
                  `backward` each weight its ∂E/∂w (summed over the batch). In Jupyter it is
                  a picture: lines blue for positive weights, orange for negative, thicker for
                  larger ones, grey dashed for nan or inf. A layer of more than 8 units shows
                  its first 4 and last 2 ("… 58 more"), and a layer of more than 32
                  connections lists none in text (`show NAME.W` has them); the first 10
                  layers are drawn. Then the table of layers, shapes and activations.

                  `show network LAYER.W[i, j]` (or `LAYER.b[1, j]`) marks the path that
                  `explain LAYER.W[i, j]` multiplies along: the weight's connection, the
                  unit it feeds, and everything from that unit to the loss (in gold in
                  Jupyter, with * in text). Put it after an explain, to see its factors:

                    explain hidden.W[1, 1]
                    show network hidden.W[1, 1]    # x1 → h1, then W5 and W7 to o1 and o2

                  `show graph NAME` draws the graph as the lessons do: inputs on the left, a
                  circle per operation, each arrow with the value it carries above it and,
                  after `backward NAME`, the gradient it carries back (dNAME/d(value)) below
                  it, in red in Jupyter. A value used twice is drawn once in full, then as
                  "(again)"; its gradient is the sum of its arrows'. A graph of more than 12
                  inputs or 8 operations deep is not drawn; the table under the drawing lists
                  every node with its operation, value and gradient.

                    tensor price = (apple * apple_num + orange * orange_num) * tax
                    show graph price       # the values: 100, 200, 650, 715 …
                    backward price
                    show graph price       # and under the arrows: 2.2, 110, 1.1, 650 …
                  """),
        HelpTopic(name: "plot", categories: [.statement], summary: "plot the loss, a tensor, a layer or functions",
                  body: """
                    plot loss                         the loss history
                    plot NAME                         a tensor: each column against the row number,
                                                      a 1×n row against the column number
                                                      (a 2-column tensor as a scatter of points)
                    plot x, t                         several tensors together, with a legend
                    plot LAYER                        the layer's activation, with its last z values
                    plot sigmoid, relu from -5 to 5   activation functions (default -5 to 5)
                    plot decision                     the network's output over the plane of its
                                                      last 2-feature input, with the points
                  """),
        HelpTopic(name: "explain", categories: [.statement], summary: "the chain rule for one weight, with numbers",
                  body: """
                  explain LAYER.W[i, j]
                  explain LAYER.b[1, j]

                  After `forward X, T` (and optionally `backward`), writes ∂E/∂w as a product of
                  local derivatives, each with its formula and value. Neurons are numbered as in
                  hand-worked examples: inputs x1, x2…, hidden outputs h1, h2…, outputs o1…;
                  z and W are numbered through the network (output.W[1, 1] of a 2-2-2 network is W5).

                    explain output.W[1, 1]     # ∂E/∂W5 = ∂E/∂o1 × ∂o1/∂z3 × ∂z3/∂W5
                  """),
        HelpTopic(name: "gradcheck", categories: [.statement], summary: "compare backprop with numerical gradients",
                  body: """
                  gradcheck

                  For the input and target of the last `forward X, T`, compares every
                  parameter's backprop gradient with central differences (f(p+h) − f(p−h)) / 2h,
                  h = 1e-6, and shows the max absolute and relative error and pass/fail
                  (relative error below 1e-6, or both gradients below 1e-9). The session is
                  not changed.

                    forward x, t
                    gradcheck
                  """),
        HelpTopic(name: "print", categories: [.statement], summary: "write values or strings to the output",
                  body: """
                  print EXPR, ...

                  Writes its arguments separated by spaces on one line. A 1×1 tensor prints
                  as a plain number at the session's precision, a larger one as its table;
                  strings are written without quotes. As numpy prints, a tensor of more than
                  1000 values prints its first and last 3 rows and columns with ... between
                  (`show NAME full` shows more).

                    print "loss:", mse(y, t)
                  """),
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
