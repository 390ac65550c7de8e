/// `help memory`: the session's memory budget (Statements/MemoryStatement.swift).
extension HelpCatalog {
    static let memory: [HelpTopic] = [
        HelpTopic(name: "memory", categories: [.statement], summary: "the session's memory budget",
                  body: """
                  memory SIZE        e.g. memory 4GB, memory 500MB (also KiB, MiB, GiB)
                  show memory        what the session holds, by kind, and what is left

                  Every tensor the session keeps counts: named tensors and the expressions
                  that made them, layer parameters and the numbers of the last pass,
                  optimizer state, gradients, data sets, the loss history. Work that would
                  need more than is left is refused BEFORE it starts, with an error saying
                  how much it needs and how much is left; the session goes on.
                  The default is 2 GB, or half of the machine's memory (or of the container's
                  limit) when that is smaller: enough for MNIST and a 784-512-512-10 network,
                  while a runaway loop of large tensors stops long before the computer swaps.
                  It cannot be set above the machine's memory. `reset` frees everything.
                  Each tensor also has a size limit of 50 million numbers.

                    memory 4GB
                    show memory
                  """),
    ]
}
