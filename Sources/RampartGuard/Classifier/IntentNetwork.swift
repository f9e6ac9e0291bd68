import Foundation

/// The stage-1 model's second feature family: a small feed-forward network over a text's token
/// vectors (``TokenEmbeddings``), which scores what a text is about rather than the words it uses.
///
/// The input is the sum of the text's token vectors scaled to unit length (so a passage and the
/// whole text are scored alike), then one hidden layer of rectified units, then one logit per
/// deciding head (`harmful`, `attack`, `injection`). ``Stage1Classifier`` adds ``Spec/weight``
/// times these logits to the hashed-n-gram heads' logits before the sigmoid, so each family
/// corrects the other, and thresholds are calibrated on the sum.
public struct IntentNetwork: Sendable {
    /// What the model file's header says about the network (``Stage1Model/Header/intent``).
    public struct Spec: Codable, Sendable, Hashable {
        /// The ``TokenEmbeddings/digest`` of the table the network was trained on.
        public var embeddings: String
        public var inputs: Int
        public var hidden: Int
        /// The heads it scores, in output order.
        public var heads: [String]
        /// How much its logits count against the hashed-n-gram heads' logits.
        public var weight: Float

        /// Parameters stored: both layers' weights and biases. `hidden` must be a multiple of 8.
        var parameterCount: Int { hidden * inputs + hidden + heads.count * hidden + heads.count }
    }

    public let spec: Spec
    /// The first layer's weights column by column (`inputs × hidden`: input c's weights to every
    /// hidden unit are contiguous, so a forward pass is a run of vector additions), then `hidden`
    /// biases, then the output layer row by row (`outputs × hidden`), then `outputs` biases.
    var parameters: [Float]

    init(spec: Spec, parameters: [Float]) {
        precondition(parameters.count == spec.parameterCount && spec.hidden % 8 == 0, "intent network parameters do not match its shape")
        self.spec = spec
        self.parameters = parameters
    }

    /// Where the hidden biases, the output weights and the output biases start in ``parameters``.
    var layout: (hiddenBiases: Int, outputWeights: Int, outputBiases: Int) {
        let hiddenBiases = spec.inputs * spec.hidden
        let outputWeights = hiddenBiases + spec.hidden
        return (hiddenBiases, outputWeights, outputWeights + spec.heads.count * spec.hidden)
    }

    /// `vector` scaled to unit length (all zeros stays all zeros).
    static func unit(_ vector: [Float]) -> [Float] {
        var unit = vector
        Self.unit(vector, into: &unit)
        return unit
    }

    /// Writes `vector` scaled to unit length into `unit`, which has as many values.
    static func unit(_ vector: [Float], into unit: inout [Float]) {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        for index in vector.indices { unit[index] = norm > 0 ? vector[index] / norm : vector[index] }
    }

    /// Buffers for ``logits(_:scratch:)``, made once per text so that scoring each of its
    /// passages allocates nothing.
    struct Scratch {
        var input: [Float]
        var hidden: [Float]
        /// The weighted logits of the last ``IntentNetwork/logits(_:scratch:)``.
        var output: [Float]

        init(spec: Spec) {
            input = [Float](repeating: 0, count: spec.inputs)
            hidden = [Float](repeating: 0, count: spec.hidden)
            output = [Float](repeating: 0, count: spec.heads.count)
        }
    }

    /// The weighted logits for a text whose token vectors sum to `vector`, in ``Spec/heads`` order,
    /// left in `scratch.output`.
    func logits(_ vector: [Float], scratch: inout Scratch) {
        Self.unit(vector, into: &scratch.input)
        forward(scratch.input, hidden: &scratch.hidden, output: &scratch.output)
        for head in scratch.output.indices { scratch.output[head] *= spec.weight }
    }

    /// One forward pass: `hidden` gets the rectified hidden units, `output` the raw logits.
    ///
    /// The first layer is most of the network's arithmetic. It is computed eight hidden units at a
    /// time (``Spec/hidden`` is a multiple of 8), each group summing every input times its weights
    /// in registers, and stored once.
    func forward(_ input: [Float], hidden: inout [Float], output: inout [Float]) {
        let width = spec.hidden
        let layout = layout
        parameters.withUnsafeBytes { raw in
            input.withUnsafeBufferPointer { x in
                hidden.withUnsafeMutableBytes { h in
                    let weights = raw.baseAddress!
                    let units = h.baseAddress!
                    let stride = width &* 4
                    let biases = layout.hiddenBiases &* 4
                    func bias(_ lane: Int) -> SIMD8<Float> {
                        weights.loadUnaligned(fromByteOffset: biases &+ lane &* 32, as: SIMD8<Float>.self)
                    }
                    func store(_ sum: SIMD8<Float>, _ lane: Int) {
                        units.storeBytes(of: sum.replacing(with: 0, where: sum .< 0), toByteOffset: lane &* 32, as: SIMD8<Float>.self)
                    }
                    // Four groups at a time: four independent sums keep the adder busy, where one
                    // group's sum would wait on its own previous addition at every input.
                    var lane = 0
                    while lane &+ 4 <= width / 8 {
                        var (a, b, c, d) = (bias(lane), bias(lane &+ 1), bias(lane &+ 2), bias(lane &+ 3))
                        var offset = lane &* 32
                        for column in 0..<x.count {
                            let input = SIMD8<Float>(repeating: x[column])
                            a += input * weights.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                            b += input * weights.loadUnaligned(fromByteOffset: offset &+ 32, as: SIMD8<Float>.self)
                            c += input * weights.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD8<Float>.self)
                            d += input * weights.loadUnaligned(fromByteOffset: offset &+ 96, as: SIMD8<Float>.self)
                            offset &+= stride
                        }
                        store(a, lane); store(b, lane &+ 1); store(c, lane &+ 2); store(d, lane &+ 3)
                        lane &+= 4
                    }
                    while lane < width / 8 {
                        var sum = bias(lane)
                        var offset = lane &* 32
                        for column in 0..<x.count {
                            sum += x[column] * weights.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                            offset &+= stride
                        }
                        store(sum, lane)
                        lane &+= 1
                    }
                    for head in output.indices {
                        var sum = SIMD8<Float>()
                        let row = (layout.outputWeights &+ head &* width) &* 4
                        for lane in 0..<(width / 8) {
                            sum += units.loadUnaligned(fromByteOffset: lane &* 32, as: SIMD8<Float>.self)
                                * weights.loadUnaligned(fromByteOffset: row &+ lane &* 32, as: SIMD8<Float>.self)
                        }
                        output[head] = sum.sum() + raw.load(fromByteOffset: (layout.outputBiases &+ head) &* 4, as: Float.self)
                    }
                }
            }
        }
    }
}
