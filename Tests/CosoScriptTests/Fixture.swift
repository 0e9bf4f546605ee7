import CosoBuiltins
import CosoCore
import CosoScript
import CosoTesting

let modules: [any CosoModule] = Builtins.all

func catalog() throws -> Catalog { try Registry(modules).catalog }

/// The SQL and binds a single pipeline plans to.
func plan(_ source: String, today: LocalDate = LocalDate(year: 2026, month: 1, day: 15)!, variables: [String: Value] = [:]) throws -> CompiledQuery {
    let statements = try Parser.parse(source)
    guard case .pipeline(let p) = statements[0],
          case .query(let q) = try Planner(catalog: try catalog(), today: today, variables: variables).plan(p) else {
        throw Diagnostic("TEST", Label(vi: "not a query", en: "not a query"))
    }
    return q
}

/// The rendered diagnostic a source fails to plan or run with.
func rendered(_ session: Session, _ source: String, language: Language = .vi) -> String {
    do {
        _ = try session.output(source)
        return "(no error)"
    } catch let e as SourceError {
        return DiagnosticRenderer.render(e.diagnostic, in: e.source, language: language)
    } catch {
        return "\(error)"
    }
}

/// A session on a fresh database with a few organisations and members.
func village() throws -> (TemporaryDatabase, Session) {
    let db = try TemporaryDatabase()
    let s = try db.session(modules)
    _ = try s.output("""
        org add "Đảng bộ xã Gia Hiệp" kind: commune_committee
        org add "Chi bộ thôn 8" kind: village_cell parent: 1 committee: true
        org add "Chi bộ thôn 9" kind: village_cell parent: 1
        admit "Đặng Văn Đức" born: @1970-03-01 gender: male org: 2 on: @1995-01-01 theory: intermediate introducers_on_file: true
        admit "Nguyễn Thị Ánh" born: @1985-07-07 gender: female org: 2 on: @2010-05-05 theory: elementary introducers_on_file: true
        admit "An Văn Bình" born: @1990-01-01 gender: male org: 3 on: @2025-03-01 introducers_on_file: true
        admit "Âu Thị Cúc" born: @1960-12-31 gender: female org: 3 on: @1990-01-01 theory: advanced introducers_on_file: true
        """)
    return (db, s)
}
