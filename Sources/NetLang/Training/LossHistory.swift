/// The loss of every step (or every epoch) so far, in bounded memory: exact up to
/// `maxEntries` values; beyond, neighbouring entries merge into their mean and each entry
/// stands for twice as many steps (2, 4, 8, …), so a run of 100 million steps keeps
/// 2^20 entries (8 MB) instead of 800 MB.
///
///     var h = LossHistory()
///     for loss in [0.9, 0.5, 0.4] { h.append(loss) }
///     h.values          // [0.9, 0.5, 0.4]: exact while there are at most maxEntries
///     h.lastStep(of: 2) // 3: the entry's last step (its only one while stride is 1)
///
/// Why means of neighbours and not every k-th loss or a cap: the mean of the whole history
/// stays the mean of every step, a spike still moves its entry, and the curve covers the
/// whole run instead of stopping at a cap. What a user sees of it (`show history`, `plot
/// loss`, `history`) says how many steps an entry stands for once `stride` is above 1.
/// The first loss and the first non-finite one are kept exactly, for train's divergence
/// warning.
struct LossHistory: Equatable {
    /// Entries kept at most: 2^20 (8 MB of numbers). Even, so that entries pair up.
    static let maxEntries = 1 << 20

    /// The entries: each the mean of `stride` consecutive steps, the last of up to `stride`.
    /// Built on demand from `chunks`, for views and files (O(entries)).
    var values: [Double] {
        var all: [Double] = []
        all.reserveCapacity(count)
        for chunk in chunks { all.append(contentsOf: chunk) }
        return all
    }
    /// The entries in chunks of `chunkSize` (the last one filling). Why chunks: the session
    /// keeps a copy of its state before every statement (to put back on an error), so the
    /// first loss a statement appends used to copy the whole history — 8 MB at a million
    /// entries, ~20 ms and 2000 page faults for every small `train` or `step` cell after a
    /// long run. Now it copies the list of chunks and the last chunk (32 kB).
    private var chunks: [[Double]] = []
    static let chunkSize = 4096
    /// Entries kept (every chunk but the last is full).
    var count: Int { chunks.isEmpty ? 0 : (chunks.count - 1) * Self.chunkSize + chunks[chunks.count - 1].count }
    /// Steps per entry (a power of two).
    private(set) var stride = 1
    /// Steps recorded.
    private(set) var steps = 0
    /// The first loss, and the first loss that was nan or infinite with its step (1-based).
    private(set) var first: Double?
    private(set) var firstNonFinite: (step: Int, value: Double)?
    /// The sum of the steps in the last entry, while it is still filling (its mean is `values.last`).
    private var openSum = 0.0
    private var limit = LossHistory.maxEntries

    init() {}

    /// Exactly these losses (decimated only beyond `maxEntries`).
    init<S: Sequence>(_ losses: S) where S.Element == Double {
        for loss in losses { append(loss) }
    }

    /// A smaller limit, for tests of the merging.
    init(limit: Int) {
        precondition(limit >= 2 && limit % 2 == 0, "the limit must be even")
        self.limit = limit
    }

    var isEmpty: Bool { steps == 0 }
    /// Every step is its own entry.
    var isExact: Bool { stride == 1 }
    var last: Double? { chunks.last?.last }

    mutating func append(_ loss: Double) {
        steps += 1
        if first == nil { first = loss }
        if firstNonFinite == nil && !loss.isFinite { firstNonFinite = (steps, loss) }
        let position = (steps - 1) % stride   // the step's place in its entry
        if position == 0 {
            if count == limit { mergeNeighbours() }
            if chunks.last.map({ $0.count == Self.chunkSize }) ?? true {
                chunks.append([])
                chunks[chunks.count - 1].reserveCapacity(Self.chunkSize)
            }
            chunks[chunks.count - 1].append(loss)
            openSum = loss
        } else {
            openSum += loss
            let lastChunk = chunks.count - 1
            chunks[lastChunk][chunks[lastChunk].count - 1] = openSum / Double(position + 1)
        }
    }

    /// The last step (1-based) entry `index` (0-based) stands for.
    func lastStep(of index: Int) -> Int { min(steps, (index + 1) * stride) }

    /// Pairs of entries become their means; every entry then stands for twice the steps.
    /// Called when the entries are full, so every one is complete.
    private mutating func mergeNeighbours() {
        let all = values
        var merged: [Double] = []
        merged.reserveCapacity(limit)
        for i in Swift.stride(from: 0, to: all.count - 1, by: 2) { merged.append((all[i] + all[i + 1]) / 2) }
        replaceEntries(merged)
        stride *= 2
    }

    private mutating func replaceEntries(_ entries: [Double]) {
        chunks = Swift.stride(from: 0, to: entries.count, by: Self.chunkSize).map {
            Array(entries[$0..<min(entries.count, $0 + Self.chunkSize)])
        }
    }

    /// What a view says when entries stand for several steps (nil while exact); `unit`
    /// names what was recorded ("steps", or "epochs" for the epoch means).
    func note(unit: String = "steps") -> String? {
        isExact ? nil : "each entry is the mean of \(stride) consecutive \(unit): the history keeps at most \(Self.maxEntries) entries (\(steps) \(unit) recorded)"
    }

    static func == (a: LossHistory, b: LossHistory) -> Bool {
        a.values.elementsEqual(b.values) { $0 == $1 || ($0.isNaN && $1.isNaN) } && a.stride == b.stride && a.steps == b.steps
    }
}

extension LossHistory {
    /// A history read from a session file: its entries, steps per entry and steps, checked
    /// to fit together (nil if they do not). A file of an older version has no stride and
    /// one entry per step; one with more than `maxEntries` is decimated as it is read.
    init?(entries: [Double], stride: Int?, steps: Int?) {
        guard let stride else {
            self.init(entries)
            return
        }
        let steps = steps ?? entries.count
        guard stride >= 1, stride.nonzeroBitCount == 1, entries.count <= Self.maxEntries,
              entries.isEmpty ? steps == 0 : ((entries.count - 1) * stride < steps && steps <= entries.count * stride)
        else { return nil }
        self.init()
        replaceEntries(entries)
        self.stride = stride
        self.steps = steps
        first = stride == 1 ? entries.first : nil
        if let k = entries.firstIndex(where: { !$0.isFinite }) { firstNonFinite = (k * stride + 1, entries[k]) }
        let open = steps - (entries.count - 1) * stride
        openSum = (entries.last ?? 0) * Double(open)
    }
}
