import Foundation
import Testing

/// `coso module new` writes a package whose sources compile against this coso's own modules
/// (type-checked here with the compiler and the modules this build made; README "Writing a
/// module" builds and tests such a package whole).
@Suite struct ModuleNewTests {
    @Test func theSkeletonTypeChecksAgainstThisCoso() throws {
        let dir = try Coso.scratchDirectory() + "/field-visits"
        let r = try Coso.run(["module", "new", "FieldVisits", "--path", dir, "--coso", Coso.root])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("swift run coso-field-visits demo district --db demo.db"))
        let package = try String(contentsOfFile: dir + "/Package.swift", encoding: .utf8)
        #expect(package.contains(#".package(name: "coso", path: "\#(Coso.root)")"#))
        let module = dir + "/Sources/FieldVisits/FieldVisitsModule.swift"
        #expect(try String(contentsOfFile: module, encoding: .utf8).contains(#"name: "field_visits""#))
        let modules = Coso.root + "/.build/debug/Modules"
        let sqlite = Coso.root + "/.build/checkouts/GRDB.swift/Sources/GRDBSQLite/module.modulemap"
        // (The C modules CosoCore is built on: SQLite, SHA-256 for the audit digests, tally() for grouped counts.)
        let sha = Coso.root + "/.build/debug/CSHA256.build/module.modulemap"
        let tally = Coso.root + "/.build/debug/CSQLTally.build/module.modulemap"
        let check = try Coso.shell("swiftc", ["-typecheck", "-I", modules, "-Xcc", "-fmodule-map-file=" + sqlite,
                                              "-Xcc", "-fmodule-map-file=" + sha, "-Xcc", "-I" + Coso.root + "/Sources/CSHA256/include",
                                              "-Xcc", "-fmodule-map-file=" + tally, "-Xcc", "-I" + Coso.root + "/Sources/CSQLTally/include", module])
        #expect(check.status == 0, "\(check.stderr)")
        // Writing over an existing package is refused.
        let again = try Coso.run(["module", "new", "FieldVisits", "--path", dir])
        #expect(again.status == 73)
        #expect(try Coso.run(["module", "new", "field_visits"]).status == 64)
    }
}
