/// The weights of some of a model's heads, copied bucket-major into a table of their own, so that
/// scoring only those heads reads only their memory: the three deciding heads of a 17-bit model
/// take 1.5 MB, which stays in cache, where all of its heads take over 10 MB.
struct HeadTable: Sendable {
    /// Indices of the heads in ``Stage1Model/Header/heads``, in table order.
    let heads: [Int]
    private let biases: [Float]
    private let weights: [Float]

    init(model: Stage1Model, heads: [Int]) {
        self.heads = heads
        biases = heads.map { model.header.heads[$0].bias }
        let stride = model.header.heads.count
        let buckets = model.weights.count / max(stride, 1)
        var weights = [Float](repeating: 0, count: buckets * heads.count)
        for bucket in 0..<buckets {
            for (column, head) in heads.enumerated() { weights[bucket * heads.count + column] = model.weights[bucket * stride + head] }
        }
        self.weights = weights
    }

    /// Each head's summed weights for `features`, in table order.
    func sums(of features: [Int32]) -> [Float] {
        var sums = [Float](repeating: 0, count: heads.count)
        add(features, to: &sums)
        return sums
    }

    /// Adds each head's weights for `features` to `sums`: scores are linear up to the sigmoid, so a
    /// text's sums are the sums of its parts'.
    func add(_ features: [Int32], to sums: inout [Float]) {
        Self.addRows(of: features, in: weights, width: heads.count, to: &sums)
    }

    /// Adds the rows of a bucket-major `table` of `width` columns that `features` name to `sums`.
    static func addRows(of features: [Int32], in table: [Float], width: Int, to sums: inout [Float]) {
        table.withUnsafeBufferPointer { table in
            sums.withUnsafeMutableBufferPointer { sums in
                for feature in features {
                    let row = Int(feature) &* width
                    for column in 0..<width { sums[column] += table[row &+ column] }
                }
            }
        }
    }

    /// Each head's probability from its summed weights over `count` features, in table order, with
    /// `logits` (another model's, one per head) added before the sigmoid.
    func probabilities(sums: [Float], count: Int, adding logits: [Float]? = nil) -> [Float] {
        var probabilities = sums
        self.probabilities(sums: sums, count: count, adding: logits, into: &probabilities)
        return probabilities
    }

    /// The same, written into `probabilities`, which has a value per head.
    func probabilities(sums: [Float], count: Int, adding logits: [Float]?, into probabilities: inout [Float]) {
        let scale = count > 0 ? 1 / Float(count).squareRoot() : 0
        for column in sums.indices {
            probabilities[column] = Stage1Model.sigmoid(sums[column] * scale + biases[column] + (logits?[column] ?? 0))
        }
    }
}
