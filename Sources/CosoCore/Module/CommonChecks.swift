/// Checks that several modules' commands share.
public enum CommonChecks {
    /// An event cannot be recorded ahead of today (in Asia/Ho_Chi_Minh).
    public static func notInFuture(_ date: LocalDate, today: LocalDate, argument: String) throws {
        guard date <= today else {
            throw RuleViolation("E0305", vi: "ngày \(date.iso) ở tương lai (hôm nay là \(today.iso))",
                                en: "\(date.iso) is in the future (today is \(today.iso))", argument: argument,
                                helpVi: "ghi sự kiện khi nó đã diễn ra", helpEn: "record an event once it has happened")
        }
    }

    /// The target rows of a command: its pipeline input, or its first positional argument.
    public static func subjects(_ call: CommandCall, _ parameter: String) -> [Int64] {
        call.input ?? call.id(parameter).map { [$0] } ?? []
    }
}
