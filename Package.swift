// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "advisor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "advisor", targets: ["advisor"]),
        .library(name: "AdvisorCore", targets: ["AdvisorCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
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
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Build-time embedding of Intents/ and Knowledge/ into AdvisorCore.
        .executableTarget(name: "EmbedDataTool"),
        .plugin(name: "EmbedData", capability: .buildTool(), dependencies: ["EmbedDataTool"]),
        .testTarget(
            name: "AdvisorCoreTests", dependencies: ["AdvisorCore", .product(name: "Yams", package: "Yams")]),
        // advisor check / eval / bench: fixtures, the real binary, agreement with score.py.
        .testTarget(name: "ToolsTests", dependencies: ["AdvisorCore"]),
        // Conversation regression files in Tests/Conversations/*.yaml.
        .testTarget(name: "ConversationTests", dependencies: ["AdvisorCore", .product(name: "Yams", package: "Yams")]),
        // The chat's parts, and end-to-end runs of the built `advisor` binary in a real pseudo-terminal.
        .testTarget(name: "REPLTests", dependencies: ["AdvisorREPL", "AdvisorCore"]),
    ],
    swiftLanguageModes: [.v6]
)
