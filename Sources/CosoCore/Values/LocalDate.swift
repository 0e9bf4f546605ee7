import Foundation

/// A calendar date without time or zone, stored as ISO text (`YYYY-MM-DD`).
///
/// Dates in the register are civil dates (a decision's date, a birthday). They are compared and
/// stored as ISO text so that the stock `sqlite3` shell reads them and text order equals date order.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for impossible dates (2023-02-30, month 13, year 0).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` (byte by byte: imports read millions).
    public init?(iso: some StringProtocol) {
        var y = 0, m = 0, d = 0, i = 0
        for byte in iso.utf8 {
            switch i {
            case 4, 7: guard byte == UInt8(ascii: "-") else { return nil }
            case 0...9:
                guard (48...57).contains(byte) else { return nil }
                let digit = Int(byte - 48)
                if i < 4 { y = y * 10 + digit } else if i < 7 { m = m * 10 + digit } else { d = d * 10 + digit }
            default: return nil
            }
            i += 1
        }
        guard i == 10 else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var iso: String {
        // Digit by digit into ten bytes (every stored date is written through here: an import's
        // each row, twice and more); years outside 0...9999 the long way.
        guard let bytes = isoBytes else {
            let y = String(year), m = month < 10 ? "0\(month)" : String(month), d = day < 10 ? "0\(day)" : String(day)
            return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m + "-" + d
        }
        return withUnsafeBytes(of: bytes) { String(decoding: $0, as: UTF8.self) }
    }

    /// The ten bytes of `iso` (`2024-05-19`), made without a String or an array (the bulk loaders
    /// write millions of dates); nil for a year outside 0...9999.
    public typealias ISOBytes = (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8)
    public var isoBytes: ISOBytes? {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else { return nil }
        let digit = { (n: Int) in UInt8(truncatingIfNeeded: 48 + n % 10) }
        return (digit(year / 1000), digit(year / 100), digit(year / 10), digit(year), 45,
                digit(month / 10), digit(month), 45, digit(day / 10), digit(day))
    }

    public var description: String { iso }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Days since 0001-01-01 (proleptic Gregorian), for day arithmetic without Foundation calendars.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 12 : month
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + day - 307
    }

    public init(dayNumber: Int) {
        // Inverse of `dayNumber`: `g` counts days from 0000-03-01, years starting in March.
        let n = dayNumber + 306
        var y = (10000 * n + 14780) / 3652425
        var ddd = n - (365 * y + y / 4 - y / 100 + y / 400)
        if ddd < 0 { y -= 1; ddd = n - (365 * y + y / 4 - y / 100 + y / 400) }
        let mi = (100 * ddd + 52) / 3060
        let mm = (mi + 2) % 12 + 1
        y += (mi + 2) / 12
        let dd = ddd - (mi * 306 + 5) / 10 + 1
        self.year = y; self.month = mm; self.day = dd
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Adds months, clamping the day to the month's length (Jan 31 + 1 month = Feb 28/29). A result
    /// beyond the dates the register writes (years 1 to 9999) stops at the first or the last of them.
    public func adding(months: Int) -> LocalDate {
        let (total, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        if overflow || total >= 10_000 * 12 { return months < 0 ? LocalDate.first : LocalDate.last }
        if total < 12 { return LocalDate.first }
        let y = total / 12, m = total % 12 + 1
        return LocalDate(year: y, month: m, day: min(day, LocalDate.daysIn(month: m, year: y)))!
    }

    /// The first and the last day the register writes.
    public static let first = LocalDate(year: 1, month: 1, day: 1)!
    public static let last = LocalDate(year: 9999, month: 12, day: 31)!

    /// Whole years from `self` to `date` (an age: the birthday must have been reached).
    /// Whole months from this date to `date`: the most `n` with `adding(months: n) <= date` (born
    /// on 29 February, a person is a month older on the 28th of a short month, as `adding` counts).
    public func wholeMonths(until date: LocalDate) -> Int {
        let n = (date.year - year) * 12 + (date.month - month)
        return adding(months: n) <= date ? n : n - 1
    }

    public func wholeYears(until date: LocalDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }

    /// Today in Asia/Ho_Chi_Minh, the register's civil time zone, whatever the machine's zone.
    ///
    /// Viet Nam keeps UTC+7 all year (no daylight saving since 1975), so the date is plain
    /// arithmetic: no calendar or time-zone database to load at start-up.
    public static func today(now: Date = Date()) -> LocalDate {
        let seconds = Int(now.timeIntervalSince1970.rounded(.down)) + 7 * 3600
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return unixEpoch.adding(days: days)
    }

    static let unixEpoch = LocalDate(year: 1970, month: 1, day: 1)!
}
