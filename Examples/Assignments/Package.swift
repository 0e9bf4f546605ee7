// swift-tools-version: 6.1
// A coso module written the way an author outside coso's repository writes one: its own package,
// depending on coso (here by path; by URL from elsewhere), with its own coso executable and tests.
// GPL-3.0-or-later, as coso.

import PackageDescription

let package = Package(
    name: "Assignments",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Assignments", targets: ["Assignments"]),
        .executable(name: "coso-assignments", targets: ["coso-assignments"]),
    ],
    dependencies: [
        .package(name: "coso", path: "../.."),
    ],
    targets: [
        // The module: what it declares and what its commands do. It needs only coso's contract and
        // the built-in modules whose rows it names (a member, a cell, a village).
        .target(name: "Assignments", dependencies: [
            .product(name: "CosoCore", package: "coso"),
            .product(name: "CosoOrganisations", package: "coso"),
            .product(name: "CosoMembers", package: "coso"),
        ]),
        // coso with this module beside the built-in ones.
        .executableTarget(name: "coso-assignments", dependencies: [
            "Assignments",
            .product(name: "CosoCLI", package: "coso"),
            .product(name: "CosoBuiltins", package: "coso"),
        ]),
        .testTarget(name: "AssignmentsTests", dependencies: [
            "Assignments",
            .product(name: "CosoTesting", package: "coso"),
            .product(name: "CosoBuiltins", package: "coso"),
        ]),
    ]
)
