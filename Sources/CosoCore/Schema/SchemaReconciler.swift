import Foundation
import GRDB

/// Brings a register to the schema its modules declare: a new register gets every table from the
/// declarations; an older one is brought there in one transaction, its file first copied beside it.
///
/// Each module's declared schema (its tables' statements and how many migrations it has) has a
/// digest, recorded in `coso_schema`; a register whose digests all match needs nothing, which is
/// what nearly every start finds (one read). Otherwise, with foreign keys off until the end:
/// 1. the legacy migrations a register made before declarations still lacks run first;
/// 2. tables the modules now declare are created, and columns they now declare are added;
/// 3. the pending migrations run (they move data between old and new columns);
/// 4. each table whose definition is not the declared one is rebuilt in the declared form, its
///    rows copied (a column no field declares any more is dropped only when it holds nothing);
/// 5. indexes and triggers are made to match; every reference is checked; the digests recorded.
/// A register recording a module this coso lacks, or a migration it does not know, was made by a
/// newer coso: it is refused untouched.
struct SchemaReconciler {
    let database: DatabaseQueue
    let path: String
    let registry: Registry

    static let bookkeeping = [
        """
        CREATE TABLE coso_migrations (
            module TEXT NOT NULL,
            number INTEGER NOT NULL,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL,
            PRIMARY KEY (module, number)
        ) STRICT
        """,
        """
        CREATE TABLE coso_schema (
            module TEXT PRIMARY KEY,
            version TEXT NOT NULL,
            digest TEXT NOT NULL,
            applied_at TEXT NOT NULL
        ) STRICT
        """,
    ]

    /// One module's declared schema.
    struct ModuleSchema {
        let module: any CosoModule
        let tables: [(entity: Entity, schema: TableSchema)]
        /// Its `SchemaFingerprint`.
        let digest: String
    }

    /// Returns the path of the backup made before changing an older register, if one was.
    func run() throws -> String? {
        let fingerprints = SchemaReconciler.fingerprints(registry)
        let recorded: [String: String]
        do {
            recorded = try database.inDatabase { db -> [String: String] in
                // Asked of sqlite_schema directly: GRDB's tableExists loads the whole schema first.
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'coso_schema'") ?? false else {
                    return [:]
                }
                var digests: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT module, digest FROM coso_schema") { digests[row[0]] = row[1] }
                return digests
            }
        } catch let error as DatabaseError {
            throw StoreError.file(error, path: path) ?? StoreError.cannotOpen(path: path, reason: Store.describe(error))
        } catch {
            throw StoreError.cannotOpen(path: path, reason: Store.describe(error))
        }
        if recorded.count == fingerprints.count, fingerprints.allSatisfy({ recorded[$0.module] == $0.digest }) { return nil }
        do { try registry.checkDeclarations() } catch { throw StoreError.invalidDeclaration("\(error)") }
        return try reconcile(SchemaReconciler.declared(registry, fingerprints), recorded: recorded)
    }

    /// Each module's `SchemaFingerprint`, in registry order.
    static func fingerprints(_ registry: Registry) -> [(module: String, digest: String)] {
        let catalog = registry.catalog
        return zip(registry.tables, registry.migrationCounts).map { tables, migrations in
            let entities = tables.entities.compactMap { catalog.entity($0) }
            return (tables.module, SchemaFingerprint.of(entities: entities, migrations: migrations.count, enums: catalog.enums))
        }
    }

    /// Every module's tables with their generated statements, in registry order.
    static func declared(_ registry: Registry, _ fingerprints: [(module: String, digest: String)]) -> [ModuleSchema] {
        let catalog = registry.catalog
        return zip(registry.modules, fingerprints).map { module, fingerprint in
            let tables = registry.tables.first { $0.module == module.id }?.entities ?? []
            let schemas = tables.compactMap { name in catalog.entity(name).map { ($0, TableSchema($0, enums: catalog.enums, catalog: catalog)) } }
            return ModuleSchema(module: module, tables: schemas, digest: fingerprint.digest)
        }
    }

    private func reconcile(_ declared: [ModuleSchema], recorded: [String: String]) throws -> String? {
        let (existing, applied) = try database.inDatabase { db -> (Set<String>, [String: Int]) in
            let existing = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
            var applied: [String: Int] = [:]
            if existing.contains("coso_migrations") {
                for row in try Row.fetchAll(db, sql: "SELECT module, max(number) FROM coso_migrations GROUP BY module") {
                    applied[row[0]] = row[1]
                }
            }
            return (existing, applied)
        }
        try refuseNewer(declared, applied: applied, recorded: recorded)
        // A register that holds anything of coso's is copied before it changes.
        let backup = existing.contains("coso_migrations") ? try makeBackup() : nil
        try database.writeWithoutTransaction { db in
            let enforced = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? true
            // Off outside the transaction (a no-op inside one): rebuilt tables are dropped and made
            // again while other tables refer to them. Renaming a table must not rewrite the other
            // tables' references to it (SQLite does, since 3.26, unless told to keep the old way).
            try db.execute(sql: "PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON")
            defer { try? db.execute(sql: "PRAGMA legacy_alter_table = OFF; PRAGMA foreign_keys = \(enforced ? "ON" : "OFF")") }
            try db.inTransaction {
                try apply(declared, existing: existing, applied: applied, db)
                return .commit
            }
        }
        return backup
    }

    private func refuseNewer(_ declared: [ModuleSchema], applied: [String: Int], recorded: [String: String]) throws {
        let counts = Dictionary(uniqueKeysWithValues: declared.map { ($0.module.id, $0.module.migrations.count) })
        for module in Set(applied.keys).union(recorded.keys).sorted() {
            guard let count = counts[module] else {
                throw StoreError.newerDatabase(path: path, detail: "it uses module '\(module)', which this coso does not have")
            }
            if let number = applied[module], number > count {
                throw StoreError.newerDatabase(path: path, detail: "module '\(module)' is at migration \(number), this coso knows \(count)")
            }
        }
    }

    private func makeBackup() throws -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyyMMdd'T'HHmmss"
        f.timeZone = TimeZone(identifier: "UTC")
        let target = path + ".backup-" + f.string(from: Date())
        let copy = try DatabaseQueue(path: target)
        try database.backup(to: copy)
        try copy.close()
        return target
    }

    private func apply(_ declared: [ModuleSchema], existing: Set<String>, applied: [String: Int], _ db: Database) throws {
        let now = WriteTransaction.timestamp()
        for statement in SchemaReconciler.bookkeeping where !existing.contains(SchemaReconciler.tableName(statement)) {
            try db.execute(sql: statement)
        }
        func record(_ module: String, _ migration: Migration) throws {
            try db.execute(sql: "INSERT INTO coso_migrations (module, number, name, applied_at) VALUES (?, ?, ?, ?)",
                           arguments: [module, migration.number, migration.name, now])
        }
        func run(_ module: String, _ migration: Migration) throws {
            do {
                try db.execute(sql: migration.sql)
            } catch {
                // A damaged file or a full disk is said as such (the step itself is not at fault).
                if let e = error as? DatabaseError, let file = StoreError.file(e, path: path) { throw file }
                throw StoreError.migrationFailed(module: module, number: migration.number, reason: Store.describe(error))
            }
            try record(module, migration)
        }
        // 1. A module new to this register needs no step (it has nothing to move); an older one
        //    first takes the legacy steps it lacks.
        var pending: [(String, Migration)] = []
        for m in declared {
            let id = m.module.id
            let isNew = applied[id] == nil && !m.tables.contains { existing.contains($0.schema.table) }
            for migration in m.module.migrations where migration.number > applied[id] ?? 0 {
                if isNew { try record(id, migration) } else if migration.legacy { try run(id, migration) } else { pending.append((id, migration)) }
            }
        }
        // 2. Tables and columns the modules declare and the register lacks.
        for m in declared {
            for (entity, schema) in m.tables {
                let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [schema.table])
                if columns.isEmpty {
                    try db.execute(sql: schema.create)
                    continue
                }
                let have = Set(columns)
                for column in SchemaReconciler.columns(entity) where !have.contains(column.name) {
                    try db.execute(sql: "ALTER TABLE \(schema.table) ADD COLUMN \(column.name) \(column.type)")
                }
            }
        }
        // 3. The steps that move data.
        for (module, migration) in pending { try run(module, migration) }
        // 4. Tables in their declared form, 5. with their indexes and triggers.
        var rebuilt: Set<String> = []
        for m in declared {
            for (entity, schema) in m.tables {
                let stored = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                                                 arguments: [schema.table])
                if stored != schema.create {
                    try TableRebuild(entity: entity, schema: schema, module: m.module.id).run(db)
                    rebuilt.insert(schema.table)
                } else {
                    // Shadow columns a step emptied, to be computed again in place.
                    try TableRebuild.refillShadows(entity, table: schema.table, db)
                }
                try match("index", schema.indexes, on: schema.table, db)
            }
        }
        // The rollups, then the triggers, once every table is there: a rollup counted through a
        // reference watches the table it points at (and is counted again when that one was rebuilt).
        let schemas = declared.flatMap { $0.tables.map(\.schema) }
        for schema in schemas { try matchRollups(schema.rollups, rebuilt: rebuilt, db) }
        let observers = Dictionary(grouping: schemas.flatMap { $0.rollups.flatMap(\.observers) }, by: \.table)
        for schema in schemas {
            try match("trigger", schema.triggers + (observers[schema.table] ?? []).map(\.trigger), on: schema.table, db)
        }
        // Rollups no entity declares any more (their triggers went with the tables' matching).
        let declaredRollups = Set(declared.flatMap { $0.tables.flatMap { $0.schema.rollups.map(\.table) } })
        for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rollup\\_%' ESCAPE '\\'")
            where !declaredRollups.contains(table) {
            try db.execute(sql: "DROP TABLE \(table)")
        }
        if let broken = try Row.fetchOne(db, sql: "SELECT \"table\", parent FROM pragma_foreign_key_check LIMIT 1") {
            throw StoreError.schemaFailed(table: broken[0], reason: "a row refers to a row of \(broken[1] as String) that does not exist")
        }
        try db.execute(sql: "DELETE FROM coso_schema")
        for m in declared {
            try db.execute(sql: "INSERT INTO coso_schema (module, version, digest, applied_at) VALUES (?, ?, ?, ?)",
                           arguments: [m.module.id, m.module.manifest.version.description, m.digest, now])
        }
    }

    /// Drops the indexes (or triggers) of `table` that are not declared as they stand, and makes the
    /// declared ones it lacks.
    private func match(_ type: String, _ declared: [TableSchema.Statement], on table: String, _ db: Database) throws {
        var stored: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = ? AND tbl_name = ? AND sql IS NOT NULL",
                                    arguments: [type, table]) {
            stored[row[0]] = row[1]
        }
        let wanted = Dictionary(declared.map { ($0.name, $0.sql) }, uniquingKeysWith: { a, _ in a })
        for (name, sql) in stored.sorted(by: { $0.key < $1.key }) where wanted[name] != sql {
            try db.execute(sql: "DROP \(type.uppercased()) \(name)")
        }
        for statement in declared where stored[statement.name] != statement.sql {
            try db.execute(sql: statement.sql)
        }
    }

    /// Makes each rollup's table as declared (a new or changed one counted from the rows), and
    /// counts again those of a table just rebuilt (or pointing at one).
    private func matchRollups(_ rollups: [RollupSchema], rebuilt: Set<String>, _ db: Database) throws {
        for rollup in rollups {
            let stored = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [rollup.table])
            let storedIndex = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?",
                                                  arguments: [rollup.index.name])
            if stored != rollup.create || storedIndex != rollup.index.sql {
                if stored != nil { try db.execute(sql: "DROP TABLE \(rollup.table)") }
                try db.execute(sql: rollup.create)
                try db.execute(sql: rollup.index.sql)
            } else if !rebuilt.contains(rollup.base) && !rebuilt.contains(rollup.path?.table ?? rollup.base) {
                continue
            }
            try rollup.refill(db)
        }
    }

    /// The columns an entity's table has, with their bare types (what `ADD COLUMN` gives a column
    /// before the table is rebuilt with its constraints).
    static func columns(_ entity: Entity) -> [(name: String, type: String)] {
        var out: [(String, String)] = [("id", "INTEGER")]
        for field in entity.fields where field.name != "id" {
            switch field.type {
            case .int, .bool, .reference: out.append((field.column, "INTEGER"))
            case .decimal: out.append((field.column, "REAL"))
            case .text, .date, .enumeration: out.append((field.column, "TEXT"))
            }
            for shadow in [field.foldedColumn, field.sortColumn].compactMap({ $0 }) { out.append((shadow, "TEXT")) }
        }
        return out
    }

    /// `CREATE TABLE name (` → `name`.
    static func tableName(_ create: String) -> String {
        String(create.dropFirst("CREATE TABLE ".count).prefix { $0 != " " && $0 != "(" })
    }
}
