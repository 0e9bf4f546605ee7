// swift-tools-version: 6.1
// coso: the register of a Party committee's grassroots organisations and members.
// GPL-3.0-or-later (it links GNU readline).

import Foundation
import PackageDescription

/// Settings every target shares: Swift 6 language mode, and the upcoming features that keep
/// existential types explicit.
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "coso",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "coso", targets: ["coso"]),
        // For modules written outside this package: the contract, coso's command line to build an
        // executable with more modules, the built-in modules, and the conformance check.
        .library(name: "CosoCore", targets: ["CosoCore"]),
        .library(name: "CosoCLI", targets: ["CosoCLI"]),
        .library(name: "CosoBuiltins", targets: ["CosoBuiltins"]),
        .library(name: "CosoTesting", targets: ["CosoTesting"]),
        // The built-in modules one by one, for a module that names their fields (a member, a cell).
        .library(name: "CosoOrganisations", targets: ["CosoOrganisations"]),
        .library(name: "CosoMembers", targets: ["CosoMembers"]),
        .library(name: "CosoInspection", targets: ["CosoInspection"]),
        .library(name: "CosoPropaganda", targets: ["CosoPropaganda"]),
        .library(name: "CosoTargets", targets: ["CosoTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The zip layer of .xlsx files (Excel's format): save "file.xlsx", coso import ENTITY file.xlsx.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Tests only: property-based testing for Swift Testing.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // MARK: Core: module contract, registry, catalog, values, store, migrations, audit, diagnostics
        // SHA-256 in C for the audit trail's digests (fast in a debug build too).
        .target(name: "CSHA256"),
        // tally(): a hash aggregate for SQLite, which otherwise groups by sorting every row.
        .target(name: "CSQLTally", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(
            name: "CosoCore",
            dependencies: ["CSHA256", "CSQLTally", .product(name: "GRDB", package: "GRDB.swift"),
                           // The C API itself, for `BulkInsert`'s binding by position.
                           .product(name: "GRDBSQLite", package: "GRDB.swift")],
            swiftSettings: strict
        ),

        // MARK: The language: lexer, parser, planner (pipeline -> one SQL statement), session
        .target(name: "CosoScript", dependencies: ["CosoCore"], swiftSettings: strict),

        // MARK: Line editing: GNU readline behind a tiny C shim, and the REPL on top of it
        .target(name: "CReadline", linkerSettings: [.linkedLibrary("readline")]),
        .target(name: "CosoREPL", dependencies: ["CosoCore", "CosoScript", "CReadline", "CosoSpreadsheet"], swiftSettings: strict),

        // MARK: Spreadsheets: .xlsx written and read (zip by ZIPFoundation, XML by Foundation's libxml2 parser)
        .target(name: "CosoSpreadsheet", dependencies: ["CosoCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                swiftSettings: strict),

        // MARK: Built-in coso modules.
        // These are coso modules (organisations, members, ...), NOT SwiftPM package plugins: they live
        // under Plugins/ and therefore every one of them needs an explicit `path:`.
        .target(name: "CosoOrganisations", dependencies: ["CosoCore"], path: "Plugins/Organisations",
                swiftSettings: strict),
        .target(name: "CosoMembers", dependencies: ["CosoCore", "CosoOrganisations"], path: "Plugins/Members",
                swiftSettings: strict),
        .target(name: "CosoInspection", dependencies: ["CosoCore", "CosoOrganisations", "CosoMembers"], path: "Plugins/Inspection",
                swiftSettings: strict),
        .target(name: "CosoPropaganda", dependencies: ["CosoCore", "CosoOrganisations", "CosoMembers"], path: "Plugins/Propaganda",
                swiftSettings: strict),
        .target(name: "CosoTargets", dependencies: ["CosoCore"], path: "Plugins/Targets",
                swiftSettings: strict),

        // MARK: Reports: targets and statistics as one self-contained HTML file (SVG charts) or Markdown
        // (The documents read the members module's rules: badges, fees.)
        .target(name: "CosoReport", dependencies: ["CosoCore", "CosoScript", "CosoMembers"], swiftSettings: strict),

        // MARK: Demo data (real Di Linh units, names) and the generator
        .target(name: "CosoDemo", dependencies: ["CosoCore"], swiftSettings: strict),

        // MARK: The one list of built-in modules, and the command line as a library
        .target(name: "CosoBuiltins", dependencies: ["CosoCore", "CosoOrganisations", "CosoMembers", "CosoInspection",
                                                     "CosoPropaganda", "CosoTargets"], swiftSettings: strict),
        .target(
            name: "CosoCLI",
            dependencies: [
                "CosoCore", "CosoScript", "CosoREPL", "CosoDemo", "CosoReport", "CosoSpreadsheet",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        // MARK: The executable: the command line with the built-in modules
        .executableTarget(name: "coso", dependencies: ["CosoCLI", "CosoBuiltins"], swiftSettings: strict),

        // MARK: Test support shipped as a library: module conformance check, temporary sessions
        .target(name: "CosoTesting", dependencies: ["CosoCore", "CosoScript"], swiftSettings: strict),

        // MARK: Tests (Swift Testing only; run with `swift test --disable-xctest`)
        .testTarget(name: "CosoCoreTests", dependencies: ["CosoCore", "CosoTesting", .product(name: "GRDB", package: "GRDB.swift")],
                    swiftSettings: strict),
        .testTarget(name: "CosoScriptTests", dependencies: ["CosoScript", "CosoTesting", "CosoBuiltins", "CosoOrganisations",
                                                            "CosoMembers", "CosoDemo", "CosoSpreadsheet", "CosoReport",
                                                            .product(name: "PropertyBased", package: "swift-property-based")],
                    swiftSettings: strict),
        .testTarget(name: "CosoModulesTests", dependencies: ["CosoTesting", "CosoBuiltins", "CosoOrganisations", "CosoMembers",
                                                             "CosoInspection", "CosoPropaganda", "CosoTargets", "CosoDemo",
                                                             .product(name: "GRDB", package: "GRDB.swift")],
                    swiftSettings: strict),
        .testTarget(name: "CosoREPLTests", dependencies: ["CosoREPL", "CosoTesting", "CosoBuiltins"],
                    swiftSettings: strict),
        .testTarget(name: "CosoEndToEndTests", dependencies: ["CosoCore", "CosoTesting"], swiftSettings: strict),
    ]
)

// MARK: The fuzz target (libFuzzer over the lexer, parser and planner): only when COSO_FUZZ is set,
// built by bench/fuzz.sh into a scratch path of its own with `-sanitize=fuzzer,address`; a plain
// build would fail to link it (../shared/RECIPES.md).
if ProcessInfo.processInfo.environment["COSO_FUZZ"] != nil {
    package.targets += [
        .target(name: "CFuzzDriver", path: "Fuzz/CFuzzDriver"),
        .executableTarget(name: "coso-fuzz", dependencies: ["CFuzzDriver", "CosoScript", "CosoBuiltins"], path: "Fuzz/coso-fuzz",
                          swiftSettings: strict),
    ]
}

