import CosoCore
import Testing

/// Values as staff read them: Vietnamese separators and dates, Viet Nam's time.
@Suite struct DisplayFormatTests {
    @Test func datesNumbersAndMoney() {
        let d = LocalDate(year: 2022, month: 12, day: 2)!
        #expect(DisplayFormat.date(d, .vi) == "02/12/2022")
        #expect(DisplayFormat.date(d, .en) == "2022-12-02")
        #expect(DisplayFormat.integer(5_444_700, .vi) == "5.444.700")
        #expect(DisplayFormat.integer(5_444_700, .en) == "5,444,700")
        #expect(DisplayFormat.integer(-12_345, .vi) == "-12.345")
        // Four digits and fewer as written (a year, 1618 members); an id never grouped.
        #expect(DisplayFormat.integer(1618, .vi) == "1618")
        #expect(DisplayFormat.integer(5_444_700, .vi, grouped: false) == "5444700")
        #expect(DisplayFormat.decimal(38.9, .vi) == "38,9")
        #expect(DisplayFormat.decimal(38.9, .en) == "38.9")
        #expect(DisplayFormat.decimal(24, .vi) == "24")
        #expect(DisplayFormat.decimal(12345.5, .vi) == "12.345,5")
        #expect(DisplayFormat.decimal(-0.00001, .vi) == "0")
        #expect(DisplayFormat.percent(53, .vi) == "53,0%")
        #expect(DisplayFormat.money(100_000, .vi) == "100.000 đồng")
        #expect(DisplayFormat.money(2_500, .en) == "2,500 VND")
    }

    @Test func instantsInVietNamsTime() {
        #expect(DisplayFormat.instant("2026-12-05T20:33:17.891Z", .vi) == "06/12/2026 03:33:17")
        #expect(DisplayFormat.instant("2026-12-31T16:59:59Z", .en) == "2026-12-31 23:59:59 +07")
        #expect(DisplayFormat.instant("2026-12-31T17:00:00Z", .vi) == "01/01/2027 00:00:00")
        #expect(DisplayFormat.instant("2026-12-05", .vi) == nil)
        #expect(DisplayFormat.instant("Nguyễn Văn An", .vi) == nil)
        #expect(DisplayFormat.instant("2026-02-30T10:00:00Z", .vi) == nil)
    }
}
