// swift-tools-version: 6.1
// The floor under coso's start-up (bench/startup.sh): a program that does nothing but what every
// Swift program using Foundation does before and after `main`, linked like coso (Swift runtime
// static, SQLite and readline dynamic).
import PackageDescription

let package = Package(
    name: "startup-floor",
    targets: [
        .executableTarget(name: "floor", linkerSettings: [.linkedLibrary("sqlite3"), .linkedLibrary("readline")]),
    ]
)
