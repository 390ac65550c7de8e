/// `help clear_output` and `help warnings` (Statements/ClearOutputStatement.swift, State/Warnings.swift).
extension HelpCatalog {
    static let outputControl: [HelpTopic] = [
        HelpTopic(name: "clear_output", categories: [.statement], summary: "clear what the cell has shown so far",
                  body: """
                  clear_output
                  clear_output wait: true        also written clear_output(wait: true)

                  Clears the cell's outputs so far, as IPython's clear_output() does; with
                  wait: true the clearing waits for the next output, so a redrawn table or
                  plot does not flicker. In Jupyter it sends clear_output; nb-run keeps what
                  a notebook saved by Jupyter keeps: the outputs after the last clear (with
                  wait: true, after the next output). It changes nothing in the session:
                  `reset` is what clears tensors and layers.

                    print "working…"
                    clear_output
                    print "done"
                  """, aliases: ["clear"]),
        HelpTopic(name: "warnings", categories: [.syntax], summary: "what NetBook warns about (stderr)",
                  body: """
                  A warning says that a statement ran but deserves a second look; it never
                  stops the cell. Jupyter shows it as standard error (a red box), nb-run
                  writes it to standard error, in its place among the outputs. `;` does not
                  silence it. NetBook warns when
                    - a second step runs without a backward between (it reuses old gradients),
                    - train or forward ends with a loss that diverged (nan, inf, or a loss
                      that grew a thousandfold), with the learning rate to try instead,
                    - the session comes within 10% of its memory budget (once, until freed),
                    - a check's tolerance is as large as the value it expects (0 would pass).
                  """, aliases: ["warning", "stderr"]),
    ]
}
