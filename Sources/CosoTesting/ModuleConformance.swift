import CosoCore
import CosoScript
import Foundation

/// The check every module's tests call: its migrations apply to an empty database and re-apply
/// as no-ops, its declared fields exist as columns, and every command example runs in a fresh
/// database and prints exactly its expected output. Returns the problems found (empty when the
/// module conforms).
public enum ModuleConformance {
    public static func check(_ module: any CosoModule, with dependencies: [any CosoModule]) -> [String] {
        var problems: [String] = []
        let modules = dependencies + [module]
        do {
            let db = try TemporaryDatabase()
            defer { db.remove() }
            let registry = try Registry(modules)
            try registry.checkDeclarations()
            let first = try Store(path: db.path, registry: registry)
            let applied = try first.scalar("SELECT count(*) FROM coso_migrations WHERE module = ?", [.text(module.id)])
            if applied != .int(Int64(module.migrations.count)) {
                problems.append("\(module.id): \(applied) migrations recorded, \(module.migrations.count) declared")
            }
            let schema = try first.scalar("SELECT group_concat(sql, ';') FROM sqlite_master")
            // Re-opening applies nothing and changes nothing.
            let second = try Store(path: db.path, registry: registry)
            if try second.scalar("SELECT group_concat(sql, ';') FROM sqlite_master") != schema {
                problems.append("\(module.id): re-opening the database changed its schema")
            }
            if second.backupPath != nil { problems.append("\(module.id): re-opening made a backup (migrations re-applied)") }
            for entity in module.entities {
                var columns: Set<String> = []
                var notNull: Set<String> = []
                try second.query("SELECT name, \"notnull\" OR pk FROM pragma_table_info(?)", [.text(entity.table)]) { row in
                    if let n = row.first?.textValue {
                        columns.insert(n)
                        if row[1].intValue == 1 { notNull.insert(n) }
                    }
                }
                // The planner relies on it (no nulls-last term when sorting a required field).
                for field in entity.fields where field.required && columns.contains(field.column) && !notNull.contains(field.column) {
                    problems.append("\(module.id): \(entity.name).\(field.name) is required but its column may be null")
                }
                for field in entity.fields {
                    for column in [field.column, field.foldedColumn, field.sortColumn].compactMap({ $0 }) where !columns.contains(column) {
                        problems.append("\(module.id): \(entity.name).\(field.name) has no column \(column)")
                    }
                }
            }
            // A dated source (`members asof`) yields the table's columns, in any order.
            let today = [Value](repeating: .date(LocalDate(year: 2024, month: 12, day: 31)!), count: 64)
            for entity in module.entities {
                guard let dated = entity.dated else { continue }
                var tableColumns: [String] = [], datedColumns: [String] = []
                try second.query("SELECT name FROM pragma_table_info(?)", [.text(entity.table)]) { row in
                    if let n = row.first?.textValue { tableColumns.append(n) }
                }
                try second.query("SELECT * FROM (\(dated.sql)) LIMIT 0", Array(today.prefix(dated.placeholders)),
                                 columns: { datedColumns = $0 }) { _ in }
                if Set(tableColumns) != Set(datedColumns) {
                    problems.append("\(module.id): \(entity.name)'s dated source gives \(datedColumns.sorted()), the table has \(tableColumns.sorted())")
                }
            }
            // Every data check runs and yields the four columns `check` reads.
            for c in module.checks {
                var columns: [String] = []
                do {
                    try second.query(c.sql, Array(today.prefix(DatedSource(sql: c.sql).placeholders)), columns: { columns = $0 }) { _ in }
                    if columns != ["row_id", "subject", "org_id", "detail"] {
                        problems.append("\(module.id): check \(c.code) yields \(columns), expected row_id, subject, org_id, detail")
                    }
                } catch {
                    problems.append("\(module.id): check \(c.code) fails: \(error)")
                }
            }
            if let text = try second.scalar("SELECT group_concat(sql, ' ') FROM sqlite_master").textValue,
               text.range(of: "COLLATE", options: .caseInsensitive) != nil {
                problems.append("\(module.id): the schema uses a collation; the stock sqlite3 shell must read the file")
            }
        } catch {
            problems.append("\(module.id): migrations failed: \(error)")
        }
        problems += diagnosticExamples(module.diagnostics, modules: modules, owner: module.id)
        problems += diagnosticExamples(module.examplesOfCosoCodes.map { e in
            DiagnosticDefinition(e.code, vi: "", en: "", example: e.example)
        }, modules: modules, owner: module.id)
        for command in module.commands {
            if command.examples.isEmpty { problems.append("\(module.id): command '\(command.name)' has no example") }
            for example in command.examples {
                do {
                    let db = try TemporaryDatabase()
                    defer { db.remove() }
                    let session = try db.session(modules)
                    for step in example.setup { _ = try session.output(step) }
                    let got = try session.output(example.source)
                    if got != example.expected {
                        problems.append("\(module.id): example of '\(command.name)' printed \(JSON.quote(got)), expected \(JSON.quote(example.expected))")
                    }
                } catch let e as SourceError {
                    problems.append("\(module.id): example of '\(command.name)' failed: " + DiagnosticRenderer.render(e.diagnostic, in: e.source))
                } catch {
                    problems.append("\(module.id): example of '\(command.name)' failed: \(error)")
                }
            }
        }
        return problems
    }

    /// Each diagnostic's example, run on a new register with `modules`, fails with that diagnostic.
    public static func diagnosticExamples(_ diagnostics: [DiagnosticDefinition], modules: [any CosoModule], owner: String) -> [String] {
        var problems: [String] = []
        for d in diagnostics {
            guard let example = d.example else { continue }
            do {
                let db = try TemporaryDatabase()
                defer { db.remove() }
                let session = try example.today.map { try db.session(modules, today: $0) } ?? db.session(modules)
                for step in example.setup { _ = try session.output(step) }
                _ = try session.output(example.source)
                problems.append("\(owner): the example of \(d.code) ran without an error")
            } catch let e as SourceError {
                if e.diagnostic.code != d.code {
                    problems.append("\(owner): the example of \(d.code) failed with \(e.diagnostic.code) instead: "
                                    + DiagnosticRenderer.render(e.diagnostic, in: e.source))
                }
            } catch {
                problems.append("\(owner): the example of \(d.code) failed: \(error)")
            }
        }
        return problems
    }
}
