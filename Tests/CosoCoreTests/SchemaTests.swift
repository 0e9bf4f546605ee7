@testable import CosoCore
import CosoTesting
import Foundation
import Testing

/// Tables made from declarations, and registers brought to a changed declaration.
@Suite struct SchemaTests {
    static let kind = EnumType(id: "thing_kind", label: Label(vi: "k", en: "k"), cases: [
        .init("a", vi: "a", en: "a"), .init("b", vi: "b", en: "b"), .init("c", vi: "c", en: "c"),
    ])

    /// One module whose `things` table changes with `version`, and whose migrations are given.
    struct Things: CosoModule {
        var fields: [Field]
        var constraints: [RowConstraint] = []
        var indexes: [Index] = []
        var migrations: [Migration] = []
        let manifest = Manifest(id: "things", version: Version(1, 0, 0), summary: Label(vi: "t", en: "t"))
        var enums: [EnumType] { [SchemaTests.kind] }
        var entities: [Entity] {
            [Entity(name: "things", label: Label(vi: "t", en: "t"), singular: Label(vi: "t", en: "t"), fields: fields, displayField: nil,
                    constraints: constraints, indexes: indexes)]
        }
    }

    static let title = Field("title", .text, vi: "Tên", en: "Title", required: true, searchable: true)
    static let year = Field("year", .int, vi: "Năm", en: "Year", required: true).range(1930...2200)
    static let kindField = Field("kind", .enumeration("thing_kind"), vi: "Loại", en: "Kind")
    static let from = Field("from_date", .date, vi: "Từ", en: "From")
    static let to = Field("to_date", .date, vi: "Đến", en: "To")
    static let month = Field("month", .date, vi: "Tháng", en: "Month").firstOfMonth()
    static let done = Field("done", .bool, vi: "Xong", en: "Done", required: true).defaulting(.bool(false))
    static let parent = Field("parent", .reference("things"), vi: "Cha", en: "Parent")
    static let share = Field("share", .int, vi: "Giảm", en: "Share").oneOf([0, 30, 50])
    static let code = Field("code", .text, vi: "Mã", en: "Code").digits(12)

    @Test func aTableIsGeneratedFromItsDeclaration() throws {
        let module = Things(fields: [Self.title, Self.year, Self.kindField, Self.from, Self.to, Self.month, Self.done, Self.parent, Self.share, Self.code],
                            constraints: [.ordered(Self.from, then: Self.to, strictly: true), .notSelf(Self.parent), .unique(Self.title, Self.year)],
                            indexes: [Index("things_by_year", on: [Self.year, Self.kindField]), Index("things_code", on: [Self.code], whereGiven: Self.code)])
        let entity = module.entities[0]
        let schema = TableSchema(entity, enums: [Self.kind.id: Self.kind])
        #expect(schema.create == """
            CREATE TABLE things (
                id INTEGER PRIMARY KEY,
                title TEXT NOT NULL CHECK (length(title) > 0),
                title_folded TEXT NOT NULL,
                title_sort TEXT NOT NULL,
                year INTEGER NOT NULL CHECK (year BETWEEN 1930 AND 2200),
                kind TEXT CHECK (CASE kind WHEN 'a' THEN 1 WHEN 'b' THEN 1 WHEN 'c' THEN 1 ELSE kind IS NULL END),
                from_date TEXT CHECK (from_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                to_date TEXT CHECK (to_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                month TEXT CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-01'),
                done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
                parent_id INTEGER REFERENCES things(id),
                share INTEGER CHECK (CASE share WHEN 0 THEN 1 WHEN 30 THEN 1 WHEN 50 THEN 1 ELSE share IS NULL END),
                code TEXT,
                CHECK (from_date IS NULL OR to_date IS NULL OR from_date < to_date),
                CHECK (parent_id IS NULL OR parent_id <> id),
                UNIQUE (title, year)
            ) STRICT
            """)
        #expect(schema.indexes.map(\.sql) == [
            "CREATE INDEX things_title_folded ON things(title_folded)",
            "CREATE INDEX things_title_sort ON things(title_sort)",
            "CREATE INDEX things_by_year ON things(year, kind)",
            "CREATE INDEX things_code ON things(code) WHERE code IS NOT NULL",
        ])
        // SQLite takes it, and keeps its text as generated (what an upgrade compares with).
        let db = try TemporaryDatabase()
        defer { db.remove() }
        let store = try Store(path: db.path, registry: Registry([module]))
        #expect(try store.scalar("SELECT sql FROM sqlite_master WHERE name = 'things'") == .text(schema.create))
    }

    /// A register holding rows is brought to a new declaration: a field gained (with its default),
    /// a field made searchable (its shadow columns computed for the rows there), an index added, a
    /// constraint added; the rows keep their values.
    @Test func aChangedDeclarationRebuildsTheTableKeepingItsRows() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        let plainTitle = Field("title", .text, vi: "Tên", en: "Title", required: true)
        do {
            let store = try Store(path: db.path, registry: Registry([Things(fields: [plainTitle, Self.year])]))
            _ = try store.write(WriteOrigin(user: "u", statement: "s", source: "t")) { tx in
                try tx.insert("things", ["title": .text("Đắk Nông"), "year": .int(2024)])
                try tx.insert("things", ["title": .text("Lâm Đồng"), "year": .int(2025)])
            }
        }
        let changed = Things(fields: [Self.title, Self.year, Self.done], constraints: [.unique(Self.title, Self.year)],
                             indexes: [Index("things_by_year", on: [Self.year])])
        let store = try Store(path: db.path, registry: Registry([changed]))
        #expect(store.backupPath != nil)
        #expect(try store.scalar("SELECT group_concat(title || ' ' || year || ' ' || done || ' ' || title_folded, '; ') FROM things")
                == .text("Đắk Nông 2024 0 dak nong; Lâm Đồng 2025 0 lam dong"))
        #expect(try store.scalar("SELECT count(*) FROM sqlite_master WHERE name IN ('things_by_year', 'things_title_folded')") == .int(2))
        #expect(try store.scalar("SELECT sql FROM sqlite_master WHERE name = 'things'")
                == .text(TableSchema(changed.entities[0], enums: [Self.kind.id: Self.kind]).create))
        #expect(try store.scalar("PRAGMA integrity_check") == .text("ok"))
    }

    /// A field dropped from the declaration while its column holds values is refused, naming the
    /// column and what to do; the register is left as it was.
    @Test func aDroppedFieldThatHoldsValuesIsRefused() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        do {
            let store = try Store(path: db.path, registry: Registry([Things(fields: [Self.title, Self.year])]))
            _ = try store.write(WriteOrigin(user: "u", statement: "s", source: "t")) { tx in
                try tx.insert("things", ["title": .text("A"), "year": .int(2024)])
            }
        }
        #expect {
            _ = try Store(path: db.path, registry: Registry([Things(fields: [Self.title])]))
        } throws: { error in
            "\(error)".contains("the table things cannot take the form its module declares: module 'things' no longer declares the column year, which holds 1 values")
        }
        let store = try Store(path: db.path, registry: Registry([Things(fields: [Self.title, Self.year])]))
        #expect(try store.scalar("SELECT year FROM things") == .int(2024))
    }

    /// A required field new to a table that holds rows needs a default or a migration that fills it.
    @Test func aNewRequiredFieldNeedsADefaultOrAMigration() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        do {
            let store = try Store(path: db.path, registry: Registry([Things(fields: [Self.title])]))
            _ = try store.write(WriteOrigin(user: "u", statement: "s", source: "t")) { tx in try tx.insert("things", ["title": .text("A")]) }
        }
        #expect {
            _ = try Store(path: db.path, registry: Registry([Things(fields: [Self.title, Self.year])]))
        } throws: { error in
            "\(error)".contains("declares year required, and the 1 rows already there have no value for it")
        }
        let filled = Things(fields: [Self.title, Self.year], migrations: [Migration(1, "years", sql: "UPDATE things SET year = 2020")])
        let store = try Store(path: db.path, registry: Registry([filled]))
        #expect(try store.scalar("SELECT year FROM things") == .int(2020))
        #expect(try store.scalar("SELECT count(*) FROM coso_migrations WHERE module = 'things'") == .int(1))
    }

    /// Whatever changes the table a declaration makes reaches a register already made: a register
    /// opened with each of these declarations in turn has each one's table, indexes and triggers
    /// (the fingerprint that decides at start whether to look takes in all that makes them).
    @Test func everyChangeToADeclaredTableReachesTheRegister() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        let wider = EnumType(id: "thing_kind", label: Label(vi: "k", en: "k"), cases: Self.kind.cases + [.init("d", vi: "d", en: "d")])
        struct Variant: CosoModule {
            let fields: [Field]; var constraints: [RowConstraint] = []; var indexes: [Index] = []; var kind = SchemaTests.kind
            var appendOnly = false
            let manifest = Manifest(id: "things", version: Version(1, 0, 0), summary: Label(vi: "t", en: "t"))
            var enums: [EnumType] { [kind] }
            var entities: [Entity] {
                [Entity(name: "things", label: Label(vi: "t", en: "t"), singular: Label(vi: "t", en: "t"), fields: fields, displayField: nil,
                        constraints: constraints, indexes: indexes, appendOnly: appendOnly)]
            }
        }
        let year = Field("year", .int, vi: "Năm", en: "Year")
        let variants: [Variant] = [
            Variant(fields: [year]),
            Variant(fields: [year, Self.kindField]),
            Variant(fields: [year, Self.kindField], kind: wider),
            Variant(fields: [year.range(1930...2200), Self.kindField], kind: wider),
            Variant(fields: [year.range(1900...2200), Self.kindField], kind: wider),
            Variant(fields: [year.range(1900...), Self.kindField], kind: wider),
            Variant(fields: [Field("year", .int, vi: "Năm", en: "Year", required: true).defaulting(.int(2000)), Self.kindField]),
            Variant(fields: [Field("year", .int, vi: "Năm", en: "Year", required: true).defaulting(.int(2001)), Self.kindField]),
            Variant(fields: [year.oneOf([1, 2]), Self.from, Self.to]),
            Variant(fields: [year.oneOf([1, 2, 3]), Self.from, Self.to]),
            Variant(fields: [year, Self.from, Self.to], constraints: [.ordered(Self.from, then: Self.to)]),
            Variant(fields: [year, Self.from, Self.to], constraints: [.ordered(Self.from, then: Self.to, strictly: true)]),
            Variant(fields: [year, Self.from, Self.to], constraints: [.unique(Self.from, Self.to)]),
            Variant(fields: [year, Self.from, Self.to], constraints: [.exactlyOne(Self.from, Self.to)]),
            Variant(fields: [year, Self.from, Self.to], indexes: [Index("things_i", on: [Self.from])]),
            Variant(fields: [year, Self.from, Self.to], indexes: [Index("things_i", on: [Self.from, Self.to])]),
            Variant(fields: [year, Self.from, Self.to], indexes: [Index("things_i", on: [Self.from], whereGiven: Self.from)]),
            Variant(fields: [year, Self.from, Self.to], appendOnly: true),
            Variant(fields: [year, Self.from, Field("to_date", .date, vi: "Đến", en: "To").firstOfMonth()]),
            Variant(fields: [year, Field("title", .text, vi: "Tên", en: "Title")]),
            Variant(fields: [year, Field("title", .text, vi: "Tên", en: "Title", searchable: true)]),
            Variant(fields: [year, Field("title", .text, vi: "Tên", en: "Title", required: true, searchable: true)]),
            Variant(fields: [year, Field("title", .int, vi: "Tên", en: "Title")]),
            Variant(fields: [year, Self.parent], constraints: [.notSelf(Self.parent)]),
            Variant(fields: [year]),
        ]
        for (i, variant) in variants.enumerated() {
            let store = try Store(path: db.path, registry: Registry([variant]))
            let schema = TableSchema(variant.entities[0], enums: [variant.kind.id: variant.kind])
            #expect(try store.scalar("SELECT sql FROM sqlite_master WHERE name = 'things'") == .text(schema.create), "variant \(i)")
            var stored: [String] = []
            try store.query("SELECT sql FROM sqlite_master WHERE tbl_name = 'things' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name", []) {
                stored.append($0[0].textValue ?? "")
            }
            #expect(stored == (schema.indexes + schema.triggers).map(\.sql).sorted(), "variant \(i)")
        }
    }

    /// Declarations the store could not make a table of are refused when the registry is built.
    @Test func theRegistryRefusesDeclarationsItCannotStore() {
        func refusal(_ module: Things) -> String {
            do { try Registry([module]).checkDeclarations(); return "" } catch { return "\(error)" }
        }
        #expect(refusal(Things(fields: [Field("order", .int, vi: "x", en: "x")])).contains("field 'order' is not a valid name"))
        #expect(refusal(Things(fields: [Field("Tên", .text, vi: "x", en: "x")])).contains("is not a valid name"))
        #expect(refusal(Things(fields: [Field("year", .text, vi: "x", en: "x").range(1...2)])).contains("cannot have the constraint"))
        #expect(refusal(Things(fields: [Self.title, Field("title_folded", .text, vi: "x", en: "x")])).contains("two fields stored in the column 'title_folded'"))
        #expect(refusal(Things(fields: [Self.year], constraints: [.ordered(Self.year, then: Self.from)])).contains("unknown field 'from_date'"))
        #expect(refusal(Things(fields: [Self.year, Self.from], constraints: [.ordered(Self.year, then: Self.from)])).contains("both must be dates or both numbers"))
        #expect(refusal(Things(fields: [Field("kind", .enumeration("thing_kind"), vi: "x", en: "x").defaulting(.text("z"))])).contains("has a default"))
        #expect(refusal(Things(fields: [Self.year], indexes: [Index("i", on: [Self.title])])).contains("indexes the unknown field 'title'"))
        #expect(refusal(Things(fields: [Self.title, Self.year])) == "")
    }
}
