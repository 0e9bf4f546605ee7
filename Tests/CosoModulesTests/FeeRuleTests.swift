import CosoCore
import CosoScript
import CosoTesting
import Testing

/// R20: the fee rule changed on 1/2/2026 (342-QĐ/TW to 01-QĐ/TW).
@Suite struct FeeRuleTests {
    @Test func fromFebruary2026TheAmountFollowsTheWorkStatus() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        let s = try db.session(allModules, today: LocalDate(year: 2026, month: 6, day: 1)!)
        _ = try s.output("""
            org add "Chi bộ Trường THPT Di Linh" kind: grassroots_cell
            admit "Nguyễn Văn An" born: @1980-01-01 gender: male org: "Chi bộ Trường THPT Di Linh" on: @2010-03-01 work_status: public_employee introducers_on_file: true
            admit "Trần Văn Bình" born: @1950-01-01 gender: male org: "Chi bộ Trường THPT Di Linh" on: @1980-03-01 work_status: retired introducers_on_file: true
            admit "Lê Thị Cúc" born: @2004-01-01 gender: female org: "Chi bộ Trường THPT Di Linh" on: @2024-03-01 work_status: student introducers_on_file: true
            """)
        // The same payment under the two rulebooks: any amount was recorded in January, not in March.
        #expect(failure(s, "fee 1 month: @2026-01-01 amount: 30000 base: 5200000") == nil)
        #expect(failure(s, "fee 1 month: @2026-03-01 amount: 30000 base: 5200000") == "E1140")
        #expect(failure(s, "fee 1 month: @2026-03-01 amount: 52000 base: 5200000") == nil)
        #expect(failure(s, "fee 1 month: @2026-03-15 amount: 52000 base: 5200000") == "E1139")  // the same month
        #expect(failure(s, "fee 2 month: @2026-03-01 amount: 20000 base: 4000000") == nil)        // 0.5% of the pension
        #expect(failure(s, "fee 2 month: @2026-04-01 amount: 10000 base: 4000000 reduction: 50") == nil)
        #expect(failure(s, "fee 2 month: @2026-05-01 amount: 10000 base: 4000000 reduction: 40") == "E0505")
        #expect(failure(s, "fee 3 month: @2026-03-01 amount: 3000") == "E1140")                   // students pay 5,000
        #expect(failure(s, "fee 3 month: @2026-03-01 amount: 5000 channel: cash") == nil)
        #expect(failure(s, "fee 3 month: @2026-07-01 amount: 5000") == "E0305")
        #expect(try s.output("fees | sort month | where member.id == 1 | select month, amount, rulebook")
                == "2026-01-01 | 30000 | 342-QĐ/TW\n2026-03-01 | 52000 | 01-QĐ/TW")
    }
}
