/// The files `coso module new` writes, for a module named `name`.
struct ModuleTemplate {
    let name: String
    let cosoPath: String
    let codes: Int

    /// `FieldTrips` → `field_trips`: the entity's (and table's) name.
    var table: String {
        var out = ""
        for c in name {
            if c.isUppercase, !out.isEmpty { out += "_" }
            out += c.lowercased()
        }
        return out
    }

    var executable: String { "coso-" + table.replacingOccurrences(of: "_", with: "-") }
    var code: String { "E\(codes + 1)" }

    var files: [(String, String)] {
        [("Package.swift", package), ("Sources/\(name)/\(name)Module.swift", module), ("Sources/\(executable)/main.swift", main),
         ("Tests/\(name)Tests/\(name)Tests.swift", tests), (".gitignore", ".build/\nPackage.resolved\n*.db\n*.db-*\n"), ("README.md", readme)]
    }

    var package: String {
        """
        // swift-tools-version: 6.1
        // The \(name) module for coso, and a coso executable with it (GPL-3.0-or-later, as coso).

        import PackageDescription

        let package = Package(
            name: "\(name)",
            platforms: [.macOS(.v15)],
            products: [
                .library(name: "\(name)", targets: ["\(name)"]),
                .executable(name: "\(executable)", targets: ["\(executable)"]),
            ],
            dependencies: [
                // coso's package: by path while you work beside it; by URL once it is published.
                .package(name: "coso", path: "\(cosoPath)"),
            ],
            targets: [
                .target(name: "\(name)", dependencies: [.product(name: "CosoCore", package: "coso")]),
                .executableTarget(name: "\(executable)", dependencies: [
                    "\(name)", .product(name: "CosoCLI", package: "coso"), .product(name: "CosoBuiltins", package: "coso"),
                ]),
                .testTarget(name: "\(name)Tests", dependencies: [
                    "\(name)", .product(name: "CosoTesting", package: "coso"), .product(name: "CosoBuiltins", package: "coso"),
                ]),
            ]
        )

        """
    }

    var module: String {
        """
        import CosoCore

        /// The \(name) module: say here what it records and for whom.
        public struct \(name)Module: CosoModule {
            public init() {}

            public let manifest = Manifest(
                id: "\(table)", version: Version(0, 1, 0),
                summary: Label(vi: "\(name): mô-đun mới", en: "\(name): a new module"),
                // The modules whose rows it refers to (here an organisation of the tree).
                requires: [.init("organisations", .compatible(with: Version(0, 2, 0)))],
                // Its diagnostic codes, which no other module may claim.
                codes: \(codes)...\(codes + 99))

            public var entities: [Entity] { [\(name).entity] }
            public var commands: [Command] { [\(name).record] }
            public var diagnostics: [DiagnosticDefinition] { \(name).diagnostics }
        }

        /// What the module records, declared once: coso makes the table from it (`.schema \(table)`),
        /// checks every write against it, and shows it in `.help \(table)` and completion. Name the
        /// fields through these constants in the module's code.
        public enum \(name) {
            public static let org = Field("org", .reference("orgs"), vi: "Tổ chức", en: "Organisation", required: true)
            public static let day = Field("day", .date, vi: "Ngày", en: "Date", required: true).notInFuture()
            public static let note = Field("note", .text, vi: "Ghi chú", en: "Note").maxLength(500)
                .help(vi: "vài dòng về việc đã làm", en: "a few lines on what was done")

            public static let entity = Entity(
                name: "\(table)", label: Label(vi: "\(name)", en: "\(name)"), singular: Label(vi: "mục", en: "entry"),
                fields: [org, day, note], displayField: nil,
                indexes: [Index("\(table)_org", on: [org, day])])

            /// Statements that make what the examples need on a new register.
            static let setup = [#"org add "Chi bộ thôn 5" kind: village_cell"#]

            /// `record \(table) ORG on: DATE [note: TEXT]`: a module rule first, then the write, which coso
            /// checks against the declaration (a date ahead of today, a note too long: refused).
            static let record = Command(
                "record \(table)", summary: Label(vi: "Ghi một mục \(name)", en: "Record a \(name) entry"),
                positional: [Parameter("org", .reference("orgs"), vi: "tổ chức", en: "organisation", field: org)],
                labelled: [Parameter("on", .date, vi: "ngày", en: "date", field: day),
                           Parameter("note", .text, vi: "ghi chú", en: "note", required: false, field: note)],
                examples: [CommandExample(setup: setup, #"record \(table) "Chi bộ thôn 5" on: @2024-05-05 note: "Họp dân""#,
                                          expected: "Đã ghi mục mã 1.")]
            ) { call, tx in
                let on = try call.requireDate("on")
                guard on.year >= 2000 else {
                    throw RuleViolation("\(code)", vi: "ngày trước năm 2000", en: "a date before 2000", argument: "on")
                }
                let id = try tx.insert(entity, [org: .int(try call.requireID("org")), day: .date(on), note: call["note"]])
                return Label(vi: "Đã ghi mục mã \\(id).", en: "Recorded entry \\(id).")
            }

            /// Each code the module raises, with statements that raise it (`.help \(code)`).
            static let diagnostics = [
                DiagnosticDefinition("\(code)", vi: "ngày trước năm 2000", en: "a date before 2000", setup: setup,
                                     #"record \(table) "Chi bộ thôn 5" on: @1999-12-31"#),
            ]
        }

        """
    }

    var main: String {
        """
        import \(name)
        import CosoBuiltins
        import CosoCLI

        // coso with the \(name) module beside the built-in ones.
        Coso.main(modules: Builtins.all + [\(name)Module()])

        """
    }

    var tests: String {
        """
        import \(name)
        import CosoBuiltins
        import CosoTesting
        import Testing

        @Suite struct \(name)Tests {
            /// coso's conformance check: the table made from the declaration, every command's example
            /// printing exactly what it says, every diagnostic's example raising its code.
            @Test func theModuleConforms() {
                #expect(ModuleConformance.check(\(name)Module(), with: Builtins.all) == [])
            }
        }

        """
    }

    var readme: String {
        """
        # \(name): a coso module

        Written by `coso module new \(name)`. See coso's README, "Writing a module".

        ```sh
        swift test                                      # the conformance check
        swift run \(executable) demo district --db demo.db
        swift run \(executable) --db demo.db -c '.help \(table)'
        ```

        """
    }
}
