// swift-tools-version:6.1
// Rampart's Swift benchmarks (ordo-one/benchmark), in a package of their own so that building
// Rampart and running its tests never builds the benchmark tooling. Run from this folder:
//
//     swift package benchmark                       # every benchmark, release build
//     swift package benchmark --filter "Stage 1.*"  # some of them
//
// BENCHMARKS.md says what they measure and how to compare two commits.
import PackageDescription

let package = Package(
    name: "rampart-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "rampart", path: "../"),
        // The malloc interposer only: the default traits add a runtime interposer this mirror lacks.
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "GuardBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "RampartGuard", package: "rampart"),
            ],
            path: "Benchmarks/GuardBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
