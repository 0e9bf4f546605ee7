import CosoCore
import Testing

@Suite struct LocalDateTests {
    @Test(arguments: ["2023-02-30", "2023-13-01", "2023-00-10", "2023-1-01", "20230101", "2023-02-29", "abcd-ef-gh", "0000-01-01", "2023-01-011", "2023-01-0", "+023-01-01", "2023-01-01 ", "２０２３-01-01", "2023-01-0a", ""])
    func impossibleOrMalformedDatesAreRefused(_ text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func leapDays() {
        #expect(LocalDate(iso: "2024-02-29") != nil)
        #expect(LocalDate(iso: "2000-02-29") != nil)
        #expect(LocalDate(iso: "1900-02-29") == nil)
    }

    @Test func dayNumbersRoundTripAndCountDays() {
        var d = LocalDate(year: 1899, month: 12, day: 25)!
        var n = d.dayNumber
        for _ in 0..<(365 * 210) {
            #expect(LocalDate(dayNumber: n) == d)
            let next = d.adding(days: 1)
            #expect(next.dayNumber == n + 1)
            #expect(next > d)
            d = next
            n += 1
        }
        #expect(LocalDate(iso: "2022-12-22")!.adding(days: -365).iso == "2021-12-22")
    }

    @Test func monthsClampToTheMonthsLength() {
        #expect(LocalDate(iso: "2024-01-31")!.adding(months: 1).iso == "2024-02-29")
        #expect(LocalDate(iso: "2023-03-10")!.adding(months: 12).iso == "2024-03-10")
        #expect(LocalDate(iso: "2023-03-10")!.adding(months: -15).iso == "2021-12-10")
    }

    @Test func agesAreWholeYears() {
        let born = LocalDate(iso: "2006-05-20")!
        #expect(born.wholeYears(until: LocalDate(iso: "2024-05-19")!) == 17)
        #expect(born.wholeYears(until: LocalDate(iso: "2024-05-20")!) == 18)
    }

    @Test func agesInMonthsFollowTheCalendar() {
        let born = LocalDate(iso: "2006-05-20")!
        #expect(born.wholeMonths(until: LocalDate(iso: "2024-05-19")!) == 12 * 18 - 1)
        #expect(born.wholeMonths(until: LocalDate(iso: "2024-05-20")!) == 12 * 18)
        // Born on 29 February: eighteen years on the 28th of a short February (R1 in months).
        let leap = LocalDate(iso: "2008-02-29")!
        #expect(leap.wholeMonths(until: LocalDate(iso: "2026-02-27")!) == 12 * 18 - 1)
        #expect(leap.wholeMonths(until: LocalDate(iso: "2026-02-28")!) == 12 * 18)
        #expect(LocalDate(iso: "2024-01-31")!.wholeMonths(until: LocalDate(iso: "2024-02-29")!) == 1)
        #expect(LocalDate(iso: "2024-01-31")!.wholeMonths(until: LocalDate(iso: "2024-02-28")!) == 0)
    }

    @Test func todayIsInHoChiMinhCity() {
        // 2026-01-14T18:30Z is already 15 January in Viet Nam (UTC+7).
        let instant = Date(timeIntervalSince1970: 1_768_415_400)
        #expect(LocalDate.today(now: instant).iso == "2026-01-15")
    }

    /// ISO text digit by digit, for every day of a few years and the edges of four-digit years.
    @Test func isoTextForEveryDay() {
        var day = LocalDate(year: 1999, month: 12, day: 25)!
        for _ in 0..<800 {
            let text = day.iso
            #expect(text.count == 10 && LocalDate(iso: text) == day, "\(text)")
            day = day.adding(days: 1)
        }
        #expect(LocalDate(year: 5, month: 3, day: 7)!.iso == "0005-03-07")
        #expect(LocalDate(year: 999, month: 10, day: 31)!.iso == "0999-10-31")
        #expect(LocalDate(year: 9999, month: 12, day: 31)!.iso == "9999-12-31")
        #expect(LocalDate(year: 2024, month: 2, day: 29)!.iso == "2024-02-29")
    }
}

import Foundation
