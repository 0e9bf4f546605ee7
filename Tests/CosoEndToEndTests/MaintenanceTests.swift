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
        try Coso.damage(damaged)
        let verified = try Coso.run(["verify", "--db", damaged])
        #expect(verified.status == 74 && verified.stderr.contains("bị hỏng") && verified.stderr.contains("coso restore"), "\(verified.stderr)")
        // The quick check (pages and records, not indexes against tables) finds it too.
        let quick = try Coso.run(["verify", "--quick", "--db", damaged])
        #expect(quick.status == 74 && quick.stderr.contains("bị hỏng"), "\(quick.stderr)")
        let quickClean = try Coso.run(["verify", "--quick", "--db", db])
        #expect(quickClean.status == 0 && quickClean.stdout.contains("kiểm tra nhanh của SQLite"), "\(quickClean.stdout)")
        // A register this small gets the full check by default.
        #expect(try Coso.run(["verify", "--db", db]).stdout.contains("SQLite không thấy lỗi trang, chỉ mục hay tham chiếu nào"))
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let refused = try Coso.run(["restore", damaged, "--db", db])
        #expect(refused.status == 74, "\(refused.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test func verifyNamesEveryChangeMadeBehindCosoSBack() throws {
        let dir = try Coso.scratchDirectory()
        let db = dir + "/demo.db"
        try Coso.shell("sqlite3", [Coso.sharedDemo, ".backup '\(db)'"])
        // Writes through coso (a command, a correction, an import) keep the register verifiable.
        let writes = try Coso.run(["--db", db, "-c", """
            members | where id == 12 | update national_id: "079080001234" reason: "sai số CCCD"
            members | where id == 13 | suspend on: @2025-01-10
            """])
        #expect(writes.status == 0, "\(writes.stderr)")
        let clean = try Coso.run(["verify", "--db", db])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.contains("Không có thay đổi nào ngoài coso"))
        let head = clean.stdout.split(separator: "\n").first { $0.hasPrefix("Mốc nhật ký") }.map(String.init) ?? ""
        #expect(head.range(of: #"mục \d+, .*, ([0-9a-f]{4} ){15}[0-9a-f]{4}$"#, options: .regularExpression) != nil, "\(head)")
        // The head as staff write it down, checked by a later verify; a head the chain does not hold fails.
        let headEntry = head.split(separator: ",")[0].split(separator: " ").last.map(String.init) ?? ""
        let digits = String(head.split(separator: ",").last ?? "").trimmingCharacters(in: .whitespaces)
        #expect(try Coso.run(["verify", "--db", db, "--head", "\(headEntry):\(digits.prefix(24))"]).status == 0)
        let wrong = try Coso.run(["verify", "--db", db, "--head", "\(headEntry):0000 0000 0000 0000 0000"])
        #expect(wrong.status == 65 && wrong.stderr.contains("không còn trong chuỗi"))

        // Behind coso's back: a bulk-inserted member's national ID, one coso changed since, a
        // rating deleted, an organisation added; then an audit entry edited, its trigger dropped.
        let before = try Coso.shell("sqlite3", [db, "select national_id from members where id = 100"]).stdout
        try Coso.shell("sqlite3", [db, """
            UPDATE members SET national_id = '068000000001' WHERE id = 100;
            UPDATE members SET national_id = '068000000002' WHERE id = 12;
            DELETE FROM ratings WHERE id = (SELECT min(id) FROM ratings);
            INSERT INTO orgs (name, name_folded, name_sort, kind) SELECT 'X', 'x', 'x', kind FROM orgs LIMIT 1;
            """])
        let rows = try Coso.run(["verify", "--db", db])
        #expect(rows.status == 65)
        #expect(try Coso.run(["verify", "--quick", "--db", db]).status == 65)
        #expect(rows.stderr.contains("members mã 100: dòng đã bị sửa ngoài coso"), "\(rows.stderr)")
        #expect(rows.stderr.contains("members mã 12: dòng đã bị sửa ngoài coso"))
        #expect(rows.stderr.contains("ratings mã") && rows.stderr.contains("dòng đã bị xóa ngoài coso"))
        #expect(rows.stderr.contains("thêm ngoài coso"))
        #expect(!rows.stderr.contains("068000000001") && !rows.stderr.contains(before.trimmingCharacters(in: .whitespacesAndNewlines)))
        try Coso.shell("sqlite3", [db, "DROP TRIGGER audit_append_only_update; UPDATE audit SET user = 'ai đó' WHERE id = 2;"])
        let entry = try Coso.run(["verify", "--db", db])
        #expect(entry.status == 65 && entry.stderr.contains("mục nhật ký 2 ("), "\(entry.stderr)")
    }

    /// A few of bench/crash.sh's trials: `kill -9` during an atomic script and during an import;
    /// after each the file is whole, verify is clean, and the work is all there or not at all.
    @Test func killedMidWriteTheRegisterIsWholeAndAllOrNothing() throws {
        let dir = try Coso.scratchDirectory()
        let base = dir + "/base.db"
        try Coso.shell("sqlite3", [Coso.sharedDemo, ".backup '\(base)'"])
        let script = dir + "/script.coso"
        try (1...200).map { #"orgs | where id == \#($0 % 50 + 1) | update unit_code: "k\#($0)" reason: "thử""# }
            .joined(separator: "\n").write(toFile: script, atomically: true, encoding: .utf8)
        let csv = dir + "/members.csv"
        let rows = (0..<3_000).map { i in "Lê Văn Nhiều,Nam,12/03/1985,Kinh,0680950\(String(format: "%05d", i)),Chi bộ thôn Đăng Cao,2010-05-19,2011-05-19,sơ cấp" }
        try ([ImportTests.header] + rows).joined(separator: "\r\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let audits = Int(try Coso.shell("sqlite3", [base, "select count(*) from audit"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines))!
        let members = Int(try Coso.shell("sqlite3", [base, "select count(*) from members"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines))!
        for (trial, delay) in [0.15, 0.4, 0.9].enumerated() {
            for (kind, args, query, allowed) in [
                ("script", ["run", script, "--atomic"], "select count(*) from audit", [audits, audits + 200]),
                ("import", ["import", "members", csv], "select count(*) from members", [members, members + 3_000]),
            ] {
                let db = dir + "/\(kind)-\(trial).db"
                try FileManager.default.copyItem(atPath: base, toPath: db)
                let killed = Coso.spawn(["bash", "-c", "\"$@\" >/dev/null 2>&1 & pid=$!; sleep \(delay); kill -9 $pid 2>/dev/null; wait $pid; true",
                                         "kill"] + [Coso.binary] + args + ["--db", db], stdin: nil, environment: ProcessInfo.processInfo.environment)
                #expect(killed.status == 0)
                #expect(try Coso.shell("sqlite3", [db, "pragma integrity_check"]).stdout == "ok\n", "\(kind) \(delay)")
                let verified = try Coso.run(["verify", "--db", db])
                #expect(verified.status == 0, "\(kind) \(delay): \(verified.stderr)")
                let n = Int(try Coso.shell("sqlite3", [db, query]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
                #expect(allowed.contains(n), "\(kind) killed after \(delay) s: \(n), not one of \(allowed)")
            }
        }
    }

    /// A register made before the chain: what it holds is taken as it is (trust on first use), and
    /// covered from the first write on.
    @Test func aRegisterOlderThanTheChainIsTakenAsItIsThenCovered() throws {
        let dir = try Coso.scratchDirectory()
        let db = dir + "/old.db"
        try Coso.shell("sqlite3", [Coso.sharedDemo, ".backup '\(db)'"])
        // As an older coso left it: no digests, no blocks, bulk summaries without a digest.
        let made = try Coso.shell("sqlite3", [db, """
            DROP TRIGGER audit_digests_append_only_delete; DROP TRIGGER audit_blocks_append_only_delete;
            DROP TRIGGER audit_changes_append_only_update;
            DELETE FROM audit_digests; DELETE FROM audit_blocks;
            UPDATE audit_changes SET after = substr(after, 1, instr(after, ',"digest"') - 1) || '}' WHERE after LIKE '{"bulk":true%';
            """])
        #expect(made.status == 0, "\(made.stderr)")
        let first = try Coso.run(["verify", "--db", db])
        #expect(first.status == 0, "\(first.stderr.prefix(500))")
        #expect(first.stdout.contains("có trước chuỗi mã băm"))
        #expect(try Coso.run(["--db", db, "-c", #"members | where id == 12 | update national_id: "079080001234" reason: "thử""#]).status == 0)
        #expect(try Coso.run(["verify", "--db", db]).status == 0)
        try Coso.shell("sqlite3", [db, "UPDATE members SET national_id = '068000000003' WHERE id = 12"])
        let edited = try Coso.run(["verify", "--db", db])
        #expect(edited.status == 65 && edited.stderr.contains("members mã 12"))
    }
}

