import Foundation

/// Fits an ``IntentNetwork``: masked multi-label logistic loss, Adam on mini-batches, L2 weight
/// decay, weights drawn from a seeded generator. The same examples, options and seed give the same
/// network, bit for bit.
struct IntentTrainer {
    struct Options: Sendable {
        var hidden = 128
        var epochs = 30
        var learningRate: Float = 0.001
        var batchSize = 32
        var weightDecay: Float = 1e-4
    }

    /// One training example: a unit-length input, a 0/1 target per head, and a weight per head
    /// (0 where the example says nothing about the head).
    struct Example {
        var input: [Float]
        var targets: [Float]
        var weights: [Float]
    }

    let options: Options

    func fit(_ examples: [Example], spec: IntentNetwork.Spec, random: inout SplitMix64, progress: (String) -> Void) -> IntentNetwork {
        let (inputs, width) = (spec.inputs, spec.hidden)
        var parameters = [Float](repeating: 0, count: spec.parameterCount)
        let layout = IntentNetwork(spec: spec, parameters: parameters).layout
        // He-uniform weights, zero biases.
        let firstBound = (6 / Float(inputs)).squareRoot()
        for index in 0..<layout.hiddenBiases { parameters[index] = Float.random(in: -firstBound...firstBound, using: &random) }
        let secondBound = (6 / Float(width)).squareRoot()
        for index in layout.outputWeights..<layout.outputBiases { parameters[index] = Float.random(in: -secondBound...secondBound, using: &random) }

        var network = IntentNetwork(spec: spec, parameters: parameters)
        var gradient = [Float](repeating: 0, count: parameters.count)
        var firstMoment = gradient
        var secondMoment = gradient
        var step: Float = 0
        var hidden = [Float](repeating: 0, count: width)
        var output = [Float](repeating: 0, count: spec.heads.count)
        var hiddenGradient = [Float](repeating: 0, count: width)
        var order = Array(examples.indices)
        for epoch in 1...options.epochs {
            order.shuffle(using: &random)
            var loss: Double = 0
            for batchStart in stride(from: 0, to: order.count, by: options.batchSize) {
                for index in gradient.indices { gradient[index] = 0 }
                let batch = order[batchStart..<min(batchStart + options.batchSize, order.count)]
                for exampleIndex in batch {
                    let example = examples[exampleIndex]
                    network.forward(example.input, hidden: &hidden, output: &output)
                    loss += accumulate(example, network: network, hidden: hidden, output: output,
                                       hiddenGradient: &hiddenGradient, into: &gradient)
                }
                step += 1
                adam(&network.parameters, gradient: gradient, scale: 1 / Float(batch.count), step: step,
                     firstMoment: &firstMoment, secondMoment: &secondMoment)
            }
            progress("intent network epoch \(epoch)/\(options.epochs): loss \(String(format: "%.4f", loss / Double(max(examples.count, 1))))")
        }
        return network
    }

    /// Adds one example's loss gradient to `gradient` and returns its loss.
    private func accumulate(_ example: Example, network: IntentNetwork, hidden: [Float], output: [Float],
                            hiddenGradient: inout [Float], into gradient: inout [Float]) -> Double {
        let width = network.spec.hidden
        let layout = network.layout
        var loss: Double = 0
        for unit in 0..<width { hiddenGradient[unit] = 0 }
        network.parameters.withUnsafeBufferPointer { p in
            gradient.withUnsafeMutableBufferPointer { g in
                hiddenGradient.withUnsafeMutableBufferPointer { hg in
                    for head in output.indices where example.weights[head] > 0 {
                        let probability = Stage1Model.sigmoid(output[head])
                        let target = example.targets[head]
                        loss -= Double(example.weights[head]) * log(Double(max(target > 0 ? probability : 1 - probability, 1e-7)))
                        let delta = (probability - target) * example.weights[head]
                        let row = layout.outputWeights + head * width
                        for unit in 0..<width {
                            g[row + unit] += delta * hidden[unit]
                            hg[unit] += delta * p[row + unit]
                        }
                        g[layout.outputBiases + head] += delta
                    }
                    // Through the rectifier: units that were off pass no gradient.
                    for unit in 0..<width where hidden[unit] <= 0 { hg[unit] = 0 }
                    for unit in 0..<width { g[layout.hiddenBiases + unit] += hg[unit] }
                    for (column, x) in example.input.enumerated() where x != 0 {
                        let row = column * width
                        for unit in 0..<width { g[row + unit] += x * hg[unit] }
                    }
                }
            }
        }
        return loss
    }

    private func adam(_ parameters: inout [Float], gradient: [Float], scale: Float, step: Float,
                      firstMoment: inout [Float], secondMoment: inout [Float]) {
        let (beta1, beta2): (Float, Float) = (0.9, 0.999)
        let correction1 = 1 - pow(beta1, step)
        let correction2 = 1 - pow(beta2, step)
        let rate = options.learningRate
        let decay = options.weightDecay
        for index in parameters.indices {
            let g = gradient[index] * scale + decay * parameters[index]
            firstMoment[index] = beta1 * firstMoment[index] + (1 - beta1) * g
            secondMoment[index] = beta2 * secondMoment[index] + (1 - beta2) * g * g
            parameters[index] -= rate * (firstMoment[index] / correction1) / ((secondMoment[index] / correction2).squareRoot() + 1e-8)
        }
    }
}
