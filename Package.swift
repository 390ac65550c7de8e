// swift-tools-version:5.10
// NetBook: a Jupyter kernel for teaching how neural networks learn.
// Dependencies point one way:
//   executables -> JupyterKernel (language-independent) / CellRunner -> NetRender -> NetLang -> NetCore,
//   and every module may use NetSupport (JSON; stand-ins for Foundation: C formatting,
//   path text, text replacement, locks), which depends on nothing.
// nb-kernel joins the two: its KernelOutputs.swift turns CellRunner's events into messages.
import PackageDescription

let package = Package(
    name: "NetBook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nb-run", targets: ["nb-run"]),
        .executable(name: "nb-kernel", targets: ["nb-kernel"]),
        .executable(name: "nb-fuzz", targets: ["nb-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // 4.x, not 3.x: it imports FoundationEssentials where that exists, so the kernel no
        // longer loads the full Foundation and ICU's libraries for HMAC (idle RSS 26.7 -> 21.2 MB).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    ],
    targets: [
        // System libraries (Debian: libopenblas-dev, libzmq3-dev).
        // CBLAS gives the header only; NetCore dlopens libopenblas.so.0 on first use.
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS",
                       providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CZeroMQ", path: "Sources/CZeroMQ", pkgConfig: "libzmq",
                       providers: [.apt(["libzmq3-dev"])]),

        // What every module shares and Foundation does not give well (or only with its 30 MB
        // of ICU data): JSON (one value type, an interruptible reader and a streaming writer),
        // and the small stand-ins for Foundation in Text/ (C formatting, path text, text
        // replacement) and Threads/ (locks). No dependencies.
        // Optimized in debug builds too: the kernel and the tests run debug builds, and a
        // session file's millions of numbers pass through here (save of 2M numbers:
        // seconds unoptimized).
        .target(name: "NetSupport", swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // The engine: tensors, autodiff, layers, losses, optimizers, data.
        .target(name: "NetCore", dependencies: ["CBLAS", "NetSupport"],
                swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]),
        // The language: lexer, parser, evaluator over a Session; produces Outputs (data).
        .target(name: "NetLang", dependencies: ["NetCore", "NetSupport"]),
        // Outputs -> text, HTML, SVG, Markdown+LaTeX, JSON (one MIME bundle per output).
        .target(name: "NetRender", dependencies: ["NetLang", "NetCore", "NetSupport"]),
        // Runs one cell against a session and yields its outputs as data (results, displays
        // and their updates, streams, clear_output, errors), with interrupts and the timeout:
        // the one path from a cell to its outputs that nb-kernel and nb-run share.
        .target(name: "CellRunner", dependencies: ["NetRender", "NetLang", "NetCore", "NetSupport"]),
        // The Jupyter messaging protocol, language-independent (knows nothing of CellRunner).
        .target(name: "JupyterKernel", dependencies: [
            "CZeroMQ", "NetSupport",
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]),   // as nb-kernel

        .executableTarget(name: "nb-run", dependencies: [
            "CellRunner", "NetLang", "NetRender", "NetCore", "NetSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "nb-kernel", dependencies: [
            "JupyterKernel", "CellRunner", "NetLang", "NetRender", "NetCore", "NetSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: [
            // Only what a file imports: a dependency that imports the full Foundation
            // would make its members visible here and link its 30 MB of ICU data into the
            // kernel (a CharacterSet did: idle RSS 16 -> 31 MB).
            .enableUpcomingFeature("MemberImportVisibility"),
        ]),

        // `make bench`: times NetBook's own train statement beside numpy and PyTorch.
        .executableTarget(name: "nb-bench", dependencies: [
            "NetLang", "NetCore", "NetSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], path: "Sources/nb-bench"),

        // `make fuzz` (fuzz/README.md): the libFuzzer targets. Built normally it replays files
        // (the corpus `make test` checks); built by fuzz/libfuzzer.sh with -sanitize=fuzzer,address
        // libFuzzer drives the same code.
        .executableTarget(name: "nb-fuzz", dependencies: [
            "JupyterKernel", "NetLang", "NetRender", "NetCore", "NetSupport",
        ], path: "Sources/nb-fuzz"),

        .testTarget(name: "NetSupportTests", dependencies: ["NetSupport"]),
        .testTarget(name: "NetCoreTests", dependencies: ["NetCore"], exclude: ["reference"]),
        .testTarget(name: "NetLangTests", dependencies: ["NetLang", "NetCore"], exclude: ["Reference"]),
        .testTarget(name: "NetRenderTests", dependencies: ["NetRender", "NetLang", "NetCore", "NetSupport"], exclude: ["reference"]),
        .testTarget(name: "CellRunnerTests", dependencies: ["CellRunner", "NetRender", "NetLang"]),
        .testTarget(name: "JupyterKernelTests", dependencies: ["JupyterKernel", "NetSupport"]),
        .testTarget(name: "NbRunTests", dependencies: []),
    ]
)
