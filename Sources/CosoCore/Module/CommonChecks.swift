/// Checks that several modules' commands share.
public enum CommonChecks {
    /// An event cannot be recorded ahead of today (in Asia/Ho_Chi_Minh).
    /// The refusal names the argument as its parameter describes it ("ngày thành lập").
    public static func notInFuture(_ date: LocalDate, _ call: CommandCall, argument: String) throws {
        guard date <= call.today else {
            let what = call.label(of: argument).atStart
            throw RuleViolation("E0305", vi: "\(what.vi) (\(date.dmy)) ở tương lai: hôm nay là \(call.today.dmy)",
                                en: "\(what.en) (\(date.iso)) is in the future: today is \(call.today.iso)", argument: argument,
                                helpVi: "ghi sự kiện khi nó đã diễn ra", helpEn: "record an event once it has happened")
        }
    }

    /// The target rows of a command: its pipeline input, or its first positional argument.
    public static func subjects(_ call: CommandCall, _ parameter: String) -> [Int64] {
        call.input ?? call.id(parameter).map { [$0] } ?? []
    }
}
