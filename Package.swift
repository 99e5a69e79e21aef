// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CampaignDeck",
    platforms: [.macOS(.v15)], // v15: Int128 (money is summed in 128 bits, SPEC §13)
    products: [
        .executable(name: "campaign-deck", targets: ["campaign-deck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        // ncursesw shim: the only C surface; see Sources/CNcurses/shim.h for why it exists.
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // The domain: plan, schedule, rules. No terminal, no ncurses.
        .target(name: "CampaignCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Persistence: atomic plan saving and the SQLite store (anomaly log, metric history, offsets).
        .target(name: "CampaignStore", dependencies: ["CampaignCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // The dashboard as pure code: cell grid, layout, rendering.
        .target(name: "DeckUI", dependencies: ["CampaignCore"]),
        // The ncurses backend: the only module that calls curses.
        .target(name: "DeckTerminal", dependencies: ["CNcurses", "DeckUI"]),
        .executableTarget(
            name: "campaign-deck",
            dependencies: [
                "CampaignCore", "CampaignStore", "DeckUI", "DeckTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmark program for the dashboard's render path (prints figures).
        .executableTarget(name: "deck-bench", dependencies: ["CampaignCore", "DeckUI"]),
        .testTarget(name: "CampaignCoreTests", dependencies: ["CampaignCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CampaignStoreTests", dependencies: ["CampaignStore"]),
        .testTarget(name: "DeckUITests", dependencies: ["DeckUI"], exclude: ["Golden"]),
        .testTarget(name: "DeckTerminalTests", dependencies: ["DeckTerminal"]),
        .testTarget(name: "CLITests", dependencies: ["campaign-deck"]),
    ]
)
