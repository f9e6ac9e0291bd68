import Testing

@testable import RampartGuard

/// The shipped model's `injection` head, as the injection tests read it: a text's score and the
/// calibrated threshold at which the guard acts on it.
enum BundledInjectionHead {
    /// The `injection` probability of `text` under the bundled model.
    static func score(_ text: String) throws -> Float {
        try #require(Stage1Classifier.bundled().classify(text).scores["injection"])
    }

    /// The bundled model's `injection` threshold.
    static func threshold() throws -> Float {
        try #require(Stage1Classifier.bundled().model.header.heads.first { $0.name == "injection" }?.threshold)
    }
}
