import Foundation
import Testing

/// "On the roll" (đang sinh hoạt) is declared once, by the members module (`on_roll`), and read by
/// the language, the statistics, the plan's targets and the checks: they give one number.
@Suite struct RollTests {
    let db = Coso.sharedDemo

    func value(_ query: String) throws -> Int {
        let r = try Coso.run(["--db", db, "-c", query])
        #expect(r.status == 0, "\(query): \(r.stderr)")
        return Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// The sum of the `n` column of a statistics table.
    func total(_ stats: String) throws -> Int {
        let r = try Coso.run(["--db", db, "--format", "csv", "-c", stats])
        #expect(r.status == 0, "\(stats): \(r.stderr)")
        return CSV.parse(r.stdout).dropFirst().compactMap { Int($0[1]) }.reduce(0, +)
    }

    func sql(_ query: String) throws -> Int {
        Int(try Coso.shell("sqlite3", [db, query]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test func theLanguageTheStatisticsAndTheTargetsCountTheSameRoll() throws {
        // Today: the language, a count by status, every statistics table, and the statuses.
        let today = try value("members | where on_roll | count")
        #expect(today > 4000)
        #expect(try value("members | count") > today)  // `members` holds those who left too
        #expect(try total("stats status") == today)
        #expect(try total("stats gender") == today)
        #expect(try total("stats age") == today)
        #expect(try sql("SELECT count(*) FROM members WHERE status IN ('probationary', 'official', 'exempted', 'suspended')") == today)
        #expect(try value("members | where status in [probationary, official, exempted, suspended] | count") == today)

        // At the start of 2022: the base of T6 for 2022, the statistics at that date, the roll as
        // it stood (from the events), and the same condition at a date.
        let start = try value("members | where on_roll(@2021-12-31) | count")
        #expect(start < today + 200 && start > 0)
        let t6 = try Coso.run(["--db", db, "--format", "csv", "-c", #"targets 2022 | where code == "T6" | select denominator"#])
        #expect(CSV.parse(t6.stdout).last == ["\(start)"], "\(t6.stdout)")
        #expect(try total("stats status asof @2021-12-31") == start)
        #expect(try total("stats theory asof @2021-12-31") == start)
        #expect(try value("members asof @2021-12-31 | where on_roll | count") == start)
        #expect(try sql("SELECT count(*) FROM members WHERE admitted <= '2021-12-31' AND (ended IS NULL OR ended > '2021-12-31')") == start)
    }

    @Test func theStatusByDateIsTheStatusOfThatDate() throws {
        // Someone who left after the date is counted at it with the status they had then.
        let r = try Coso.run(["--db", db, "--format", "csv", "-c", "stats status asof @2021-12-31"])
        let statuses = Set(CSV.parse(r.stdout).dropFirst().map { $0[0] })
        #expect(statuses.isSubset(of: ["probationary", "official", "exempted", "suspended"]), "\(statuses)")
    }

    @Test func aConditionThroughAReferenceAndAtADate() throws {
        #expect(try value("ratings | where member.on_roll | count")
                == (try sql("SELECT count(*) FROM ratings r JOIN members m ON m.id = r.member_id WHERE m.ended IS NULL")))
        #expect(try value("ratings | where member.on_roll(@2021-12-31) | count")
                == (try sql("""
                    SELECT count(*) FROM ratings r JOIN members m ON m.id = r.member_id
                    WHERE m.admitted <= '2021-12-31' AND (m.ended IS NULL OR m.ended > '2021-12-31')
                    """)))
        let wrong = try Coso.run(["--db", db, "-c", "members | where on_roll(2021) | count"])
        #expect(wrong.status == 65 && wrong.stderr.contains("E0208"))
        let help = try Coso.run(["--db", db, "-c", ".help members"])
        #expect(help.stdout.contains("members | where on_roll"))
        #expect(help.stdout.contains("kể cả người đã ra khỏi danh sách"))
    }

    @Test func aStatusThatDisagreesWithTheDatesIsReported() throws {
        #expect(try value(#"check | where code == "D123" | count"#) == 0)
        let db = try Coso.demoCopy()
        // What the demo once held: a member transferred out with no date of leaving.
        let id = try Coso.shell("sqlite3", [db, "SELECT min(id) FROM members WHERE status = 'official'"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try Coso.shell("sqlite3", [db, "UPDATE members SET status = 'transferred_out' WHERE id = \(id)"])
        let r = try Coso.run(["--db", db, "--format", "csv", "-c", #"check | where code == "D123" | select row_id"#])
        #expect(CSV.parse(r.stdout).dropFirst().map { $0[0] } == [id], "\(r.stdout) \(r.stderr)")
    }
}
