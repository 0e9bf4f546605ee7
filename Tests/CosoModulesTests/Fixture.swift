import CosoBuiltins
import CosoCore
import CosoMembers
import CosoOrganisations
import CosoScript
import CosoTesting

let allModules: [any CosoModule] = Builtins.all

/// A small tree: a commune with two village cells (one dissolved) and an agency committee.
func smallDistrict() throws -> (TemporaryDatabase, Session) {
    let db = try TemporaryDatabase()
    let s = try db.session(allModules)
    _ = try s.output("""
        org add "Đảng bộ xã Gia Hiệp" kind: commune_committee founded: @1980-01-01
        org add "Chi bộ thôn 8" kind: village_cell parent: "Đảng bộ xã Gia Hiệp" sector: village committee: true
        org add "Chi bộ thôn 9" kind: village_cell parent: "Đảng bộ xã Gia Hiệp" sector: village
        org add "Chi bộ thôn Cũ" kind: village_cell parent: "Đảng bộ xã Gia Hiệp"
        org dissolve "Chi bộ thôn Cũ" on: @2020-06-30 how: merged
        """)
    return (db, s)
}

/// The diagnostic code a statement fails with, or nil when it succeeds.
func failure(_ s: Session, _ source: String) -> String? {
    do {
        _ = try s.output(source)
        return nil
    } catch let e as SourceError {
        return e.diagnostic.code
    } catch {
        return "\(error)"
    }
}

func auditCount(_ s: Session) throws -> Value { try s.store.scalar("SELECT count(*) FROM audit") }
