// swift-tools-version:6.1
import PackageDescription

/// The SwiftNIO, logging and lifecycle products the server, its load generator and its tests share.
let serverStack: [Target.Dependency] = [
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "NIOExtras", package: "swift-nio-extras"),
    .product(name: "Logging", package: "swift-log"),
    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
]

let package = Package(
    name: "advisor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "advisor", targets: ["advisor"]),
        .library(name: "AdvisorCore", targets: ["AdvisorCore"]),
        .library(name: "AdvisorServer", targets: ["AdvisorServer"]),
        .executable(name: "advisor-load", targets: ["advisor-load"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // The brain: loads Intents/ and Knowledge/, matches, queries, composes. No terminal or socket code.
        .target(
            name: "AdvisorCore",
            plugins: [.plugin(name: "EmbedData")]
        ),
        // libedit (native el_*/history API) for the terminal chat, through small C wrappers.
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // The terminal chat: line editing, history, completion, :why.
        .target(name: "AdvisorREPL", dependencies: ["AdvisorCore", "CEditLine"]),
        // The command line: thin doors over AdvisorCore.
        .executableTarget(
            name: "advisor",
            dependencies: [
                "AdvisorCore",
                "AdvisorREPL",
                "AdvisorServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The TCP line-protocol server (`advisor serve`): SwiftNIO, run under swift-service-lifecycle.
        .target(
            name: "AdvisorServer",
            dependencies: [
                "AdvisorCore",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ] + serverStack
        ),
        // Load generator for the server, with a line-echo baseline server on the same transport.
        .executableTarget(
            name: "advisor-load",
            dependencies: [
                "AdvisorCore",
                "AdvisorServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ] + serverStack,
            path: "Sources/LoadGenerator"
        ),
        // Build-time embedding of Intents/ and Knowledge/ into AdvisorCore.
        .executableTarget(name: "EmbedDataTool"),
        .plugin(name: "EmbedData", capability: .buildTool(), dependencies: ["EmbedDataTool"]),
        // Shared by test targets: running the built binary.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "AdvisorCoreTests",
            dependencies: ["AdvisorCore", "TestSupport", .product(name: "Yams", package: "Yams")]
        ),
        // advisor check / eval / bench: fixtures, the real binary, agreement with score.py.
        .testTarget(name: "ToolsTests", dependencies: ["AdvisorCore", "TestSupport"]),
        // Conversation regression files in Tests/Conversations/*.yaml.
        .testTarget(name: "ConversationTests", dependencies: ["AdvisorCore", .product(name: "Yams", package: "Yams")]),
        // The chat's parts, and end-to-end runs of the built `advisor` binary in a real pseudo-terminal.
        .testTarget(name: "REPLTests", dependencies: ["AdvisorREPL", "AdvisorCore"]),
        .testTarget(
            name: "AdvisorServerTests",
            dependencies: [
                "AdvisorServer",
                "AdvisorCore",
                "TestSupport",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ] + serverStack
        ),
    ],
    swiftLanguageModes: [.v6]
)
