/// Help for the statements that show, plot, explain and check values (see StatementHelp.swift).
extension HelpCatalog {
    /// show, plot, explain, gradcheck, print.
    static let viewStatements: [HelpTopic] = [
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
                    plot loss                         the loss history (with the validation loss
                                                      after train …, validation: VALID)
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
    ]
}
