/// Name, arguments with defaults and help of the losses (the computation lives in LossKind.swift, value and gradient side by side).
/// The parser, completion, `help` and error messages read these entries.
enum LossTable {
    static let entries: [OperationInfo] = [
        OperationInfo("mse", .loss, arguments: [.init("y"), .init("t")], summary: "mean over all elements of (y − t)²",
                  help: "loss mse   or   mse(y, t)\n\n  print mse([1.5, 0.3], [3.45, 5.67])   # 16.3197"),
        OperationInfo("sse", .loss, arguments: [.init("y"), .init("t")], summary: "Σ (y − t)²", help: "loss sse   or   sse(y, t)"),
        OperationInfo("half_sse", .loss, arguments: [.init("y"), .init("t")], summary: "½ Σ (t − y)², the hand-worked convention",
                  help: "loss half_sse   or   half_sse(y, t)\n\nIts derivative is ∂E/∂y = −(t − y), as in backprop-by-hand lessons."),
        OperationInfo("cross_entropy", .loss, arguments: [.init("y"), .init("t")], summary: "−(1/N) Σ t·log y over a softmax output",
                  help: """
                  loss cross_entropy
                      For a network whose last layer is softmax; t is one-hot rows or a column of
                      1-based class numbers. backward uses the fused gradient (y − t)/N.
                  cross_entropy(logits, t)
                      The function takes LOGITS (it applies softmax itself, like PyTorch's
                      F.cross_entropy), so `backward` gives softmax(logits) − t over N.

                    tensor z = log([0.3, 0.2, 0.5])
                    tensor L = cross_entropy(z, [0, 1, 0])
                    backward L       # dL/dz = [0.3, -0.8, 0.5]
                  """),
        OperationInfo("bce", .loss, arguments: [.init("y"), .init("t")], summary: "binary cross-entropy −(1/N) Σ [t log y + (1−t) log(1−y)]",
                  help: "loss bce   or   bce(y, t) — y are probabilities (a sigmoid output), clipped to [1e-12, 1 − 1e-12]; t from 0 to 1 (a data set with classes 1 and 2: give T - 1)."),
    ]
}
