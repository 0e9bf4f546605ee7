import Foundation
import Testing

/// `coso backup`, `coso restore` and `coso verify` on real files, with another process writing.
@Suite struct MaintenanceTests {
    @Test func aBackupTakenWhileAnotherProcessWritesIsWholeAndRestores() throws {
        let dir = try Coso.scratchDirectory()
        let db = try Coso.demoCopy()
        // A writer of 200 audited changes, each its own transaction, running while the copies are made.
        let script = dir + "/writes.coso"
        let writes = (1...200).map { #"orgs | where id == \#($0 % 50 + 1) | update unit_code: "\#($0)" reason: "thử \#($0)""# }
        try writes.joined(separator: "\n").write(toFile: script, atomically: true, encoding: .utf8)
        let both = Coso.spawn(["bash", "-c", """
            "$0" run "$1" --db "$2" > /dev/null & writer=$!
            sleep 0.3
            for i in 1 2 3; do "$0" backup "$3-$i.db" --db "$2" || exit 9; sleep 0.2; done
            wait $writer
            """, Coso.binary, script, db, dir + "/copy"], stdin: nil, environment: ProcessInfo.processInfo.environment)
        #expect(both.status == 0, "\(both.stderr)")
        for i in 1...3 {
            let copy = dir + "/copy-\(i).db"
            let verified = try Coso.run(["verify", "--db", copy])
            #expect(verified.status == 0, "\(verified.stderr)")
            // Each copy is of one moment: its audit trail and its rows agree.
            let audited = try Coso.shell("sqlite3", [copy, "select count(*) from audit where statement like 'orgs | where id ==%'"]).stdout
            #expect(Int(audited.trimmingCharacters(in: .whitespacesAndNewlines)) != nil)
        }
        #expect(try Coso.run(["backup", dir + "/copy-1.db", "--db", db]).status == 73)  // never over a file

        // Restore: the copy back in place, the replaced register kept, both whole.
        let before = try Coso.shell("sqlite3", [db, "select count(*) from audit"]).stdout
        let restored = try Coso.run(["restore", dir + "/copy-1.db", "--db", db])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.contains("Sổ trước đó được giữ ở"))
        let kept = try FileManager.default.contentsOfDirectory(atPath: (db as NSString).deletingLastPathComponent)
            .filter { $0.contains(".before-restore-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
        #expect(kept.count == 1)
        #expect(try Coso.shell("sqlite3", [(db as NSString).deletingLastPathComponent + "/" + kept[0], "select count(*) from audit"]).stdout == before)
        #expect(try Coso.shell("sqlite3", [db, "select count(*) from audit"]).stdout
                == (try Coso.shell("sqlite3", [dir + "/copy-1.db", "select count(*) from audit"]).stdout))
        #expect(try Coso.run(["verify", "--db", db]).status == 0)
    }

    @Test func verifyAndRestoreRefuseADamagedFile() throws {
        let dir = try Coso.scratchDirectory()
        let db = dir + "/demo.db"
        try Coso.shell("sqlite3", [Coso.sharedDemo, ".backup '\(db)'"])
        #expect(try Coso.run(["verify", "--db", db]).status == 0)
        let damaged = dir + "/damaged.db"
        try FileManager.default.copyItem(atPath: db, toPath: damaged)
        let size = (try FileManager.default.attributesOfItem(atPath: damaged)[.size] as? Int) ?? 0
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: damaged))
        for offset in stride(from: size / 2, to: size - 8_192, by: 4_096 * 5) {
            try handle.seek(toOffset: UInt64(offset + 200))
            handle.write(Data(repeating: 0xFF, count: 1_500))
        }
        try handle.close()
        let verified = try Coso.run(["verify", "--db", damaged])
        #expect(verified.status == 74 && verified.stderr.contains("bị hỏng") && verified.stderr.contains("coso restore"), "\(verified.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let refused = try Coso.run(["restore", damaged, "--db", db])
        #expect(refused.status == 74, "\(refused.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }
}
