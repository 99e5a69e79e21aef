// swift-tools-version:6.0
import PackageDescription
import Foundation

let package = Package(
    name: "CampaignDeck",
    platforms: [.macOS(.v15)], // v15: Int128 (money is summed in 128 bits)
    products: [
        .executable(name: "campaign-deck", targets: ["campaign-deck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/swhitty/FlyingFox.git", from: "0.27.1"),
    ],
    targets: [
        // ncursesw shim: the only C surface; see Sources/CNcurses/shim.h for why it exists.
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // What a person reads, per language: the phrase catalogs and the choice of language.
        .target(name: "CampaignText"),
        // The domain: plan, schedule, rules. No terminal, no ncurses.
        .target(name: "CampaignCore", dependencies: ["CampaignText", .product(name: "Yams", package: "Yams")]),
        // Persistence: atomic plan saving and the SQLite store (anomaly log, metric history, offsets).
        .target(name: "CampaignStore", dependencies: ["CampaignText", "CampaignCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // Alerts to people: robot message formats, signing (HMAC from swift-crypto), HTTP delivery,
        // draining the store's outbox.
        .target(name: "CampaignNotify", dependencies: ["CampaignText", "CampaignCore", "CampaignStore",
                                                      .product(name: "Crypto", package: "swift-crypto")]),
        // The HTTP collector: posted event batches through the store's ingest, answered once committed.
        .target(name: "CampaignCollect", dependencies: ["CampaignText", "CampaignCore", "CampaignStore",
                                                        .product(name: "FlyingFox", package: "FlyingFox"),
                                                        .product(name: "FlyingSocks", package: "FlyingFox"),
                                                        .product(name: "Crypto", package: "swift-crypto")]),
        // The dashboard as pure code: cell grid, layout, rendering.
        .target(name: "DeckUI", dependencies: ["CampaignText", "CampaignCore"]),
        // The user's config file (language, theme, mouse, speed, keys) read with positions, and what wins over what.
        .target(name: "DeckConfig", dependencies: ["CampaignText", "CampaignCore", "DeckUI", .product(name: "Yams", package: "Yams")]),
        // The ncurses backend: the only module that calls curses.
        .target(name: "DeckTerminal", dependencies: ["CNcurses", "CampaignText", "DeckUI"]),
        // The dashboard's live side: sources, live state, the anomaly desk and
        // the plan saver, on one thread of their own. No terminal, no arguments.
        .target(name: "DeckApp", dependencies: ["CampaignText", "CampaignCore", "CampaignStore", "DeckUI"]),
        // Argument parsing and wiring only.
        .executableTarget(
            name: "campaign-deck",
            dependencies: [
                "CampaignText", "CampaignCore", "CampaignStore", "CampaignNotify", "CampaignCollect", "DeckUI", "DeckConfig", "DeckTerminal", "DeckApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmark program for the dashboard's render path (prints figures).
        .executableTarget(name: "deck-bench", dependencies: ["CampaignCore", "DeckUI"]),
        .testTarget(name: "CampaignCoreTests", dependencies: ["CampaignCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CampaignTextTests", dependencies: ["CampaignText"]),
        // The engines store tests run on (SQLite; PostgreSQL given a test server).
        .target(name: "StoreTestEngines", dependencies: ["CampaignStore", "CampaignText"], path: "Tests/Support/StoreTestEngines"),
        .testTarget(name: "CampaignStoreTests", dependencies: ["CampaignStore", "StoreTestEngines"]),
        // Test receivers: real HTTP servers on 127.0.0.1 (FlyingFox: small, no SwiftNIO to build).
        .target(name: "HTTPTestReceiver", dependencies: [.product(name: "FlyingFox", package: "FlyingFox")],
                path: "Tests/Support/HTTPTestReceiver"),
        .testTarget(name: "CampaignNotifyTests", dependencies: ["CampaignText", "CampaignNotify", "CampaignStore", "HTTPTestReceiver",
                                                               "StoreTestEngines"]),
        .testTarget(name: "DeckUITests", dependencies: ["DeckUI", "CampaignText"], exclude: ["Golden"]),
        .testTarget(name: "DeckTerminalTests", dependencies: ["DeckTerminal"]),
        .testTarget(name: "DeckConfigTests", dependencies: ["DeckConfig"]),
        .testTarget(name: "DeckAppTests", dependencies: ["DeckApp", "StoreTestEngines"]),
        .testTarget(name: "CampaignCollectTests", dependencies: ["CampaignCollect", "CampaignStore", "CampaignCore", "CampaignText",
                                                                 "StoreTestEngines"]),
        .testTarget(name: "CLITests", dependencies: ["campaign-deck", "CampaignStore", "HTTPTestReceiver"]),
    ]
)

// libFuzzer targets (Fuzz/README.md): products of their own, declared only when
// CAMPAIGN_DECK_FUZZ is set, because they link libFuzzer's main and build only
// with `-sanitize=fuzzer`; a normal `swift build` never sees them. Tools/fuzz
// builds them in their own scratch path (.build-fuzz).
if ProcessInfo.processInfo.environment["CAMPAIGN_DECK_FUZZ"] != nil {
    package.targets.append(.target(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"))
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["CLibFuzzer"], path: "Fuzz/FuzzSupport"))
    let fuzzers: [(name: String, module: Target.Dependency)] = [
        ("fuzz-event-line", "CampaignCore"), ("fuzz-plan", "DeckUI"), ("fuzz-plan-edit", "CampaignCore"),
        ("fuzz-transactions", "CampaignCore"), ("fuzz-rule", "CampaignCore"), ("fuzz-theme", "DeckUI"),
    ]
    for fuzzer in fuzzers {
        package.targets.append(.executableTarget(
            name: fuzzer.name, dependencies: [fuzzer.module, "FuzzSupport"], path: "Fuzz/\(fuzzer.name)"))
        package.products.append(.executable(name: fuzzer.name, targets: [fuzzer.name]))
    }
}
