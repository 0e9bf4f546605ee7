/// The configurable values of the rules (DOMAIN.md's UNVERIFIED figures, and any a province sets
/// differently): declared with their defaults by the rules, changed with `setting`, read by the
/// commands at the moment they apply the rule.
public enum RuleSettings {
    /// The value in force: the one set in this database, else the rule's default.
    public static func value(_ key: String, _ tx: WriteTransaction) throws -> String {
        if let set = try tx.scalar("SELECT value FROM settings WHERE key = ?", [.text(key)]).textValue { return set }
        return tx.catalog.settings[key] ?? ""
    }

    public static func integer(_ key: String, _ tx: WriteTransaction) throws -> Int {
        Int(try value(key, tx)) ?? Int(tx.catalog.settings[key] ?? "") ?? 0
    }

    /// Whether `part` of `whole` reaches the fraction `n/d` (`strictly`: goes beyond it), compared
    /// without overflow whatever the counts a command is given.
    public static func reaches(_ part: Int64, of whole: Int64, _ fraction: (Int, Int), strictly: Bool = false) -> Bool {
        let left = part.multipliedFullWidth(by: Int64(fraction.1)), right = whole.multipliedFullWidth(by: Int64(fraction.0))
        let l = (left.high, left.low), r = (right.high, right.low)
        return strictly ? l > r : l >= r
    }

    /// A fraction written "2/3"; the default when the stored text is not one.
    public static func fraction(_ key: String, _ tx: WriteTransaction) throws -> (Int, Int) {
        func parse(_ s: String) -> (Int, Int)? {
            let parts = s.split(separator: "/").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            return parts.count == 2 && parts[1] > 0 && parts[0] > 0 && parts[0] <= parts[1] ? (parts[0], parts[1]) : nil
        }
        return parse(try value(key, tx)) ?? parse(tx.catalog.settings[key] ?? "") ?? (1, 2)
    }

    static let command = Command(
        "setting", summary: Label(vi: "Đặt một giá trị cấu hình của quy định (xem: rules; settings)",
                                  en: "Set a rule's configurable value (see: rules; settings)"),
        positional: [Parameter("key", .text, vi: "khóa, như \"R25.years\"", en: "key, such as \"R25.years\"")],
        labelled: [Parameter("value", .text, vi: "giá trị", en: "value")],
        examples: [CommandExample(#"setting "R25.years" value: "3""#, expected: "R25.years = 3 (mặc định 5).")]
    ) { call, tx in
        guard let key = call.text("key"), let value = call.text("value") else { return Label(vi: "", en: "") }
        guard let fallback = tx.catalog.settings[key] else {
            let keys = tx.catalog.settings.keys.sorted().joined(separator: ", ")
            throw RuleViolation("E0306", vi: "không có giá trị cấu hình '\(key)'", en: "no setting '\(key)'", argument: "key",
                                helpVi: "các khóa: \(keys)", helpEn: "the keys: \(keys)")
        }
        // Same shape as the default: a number stays a number, a fraction a fraction.
        let numeric = Int(fallback) != nil, fractional = fallback.contains("/")
        if numeric, Int(value) == nil || Int(value)! < 0 {
            throw RuleViolation("E0307", vi: "\(key) cần một số nguyên không âm", en: "\(key) needs a whole number", argument: "value")
        }
        if fractional {
            let parts = value.split(separator: "/").compactMap { Int($0) }
            guard parts.count == 2, parts[1] > 0, parts[0] > 0, parts[0] <= parts[1] else {
                throw RuleViolation("E0307", vi: "\(key) cần một phân số như 2/3", en: "\(key) needs a fraction such as 2/3", argument: "value")
            }
        }
        if let existing = try tx.rowIDs("SELECT id FROM settings WHERE key = ?", [.text(key)]).first {
            try tx.update(Settings.entity, id: existing, [Settings.value: .text(value)])
        } else {
            _ = try tx.insert(Settings.entity, [Settings.key: .text(key), Settings.value: .text(value)])
        }
        return Label(vi: "\(key) = \(value) (mặc định \(fallback)).", en: "\(key) = \(value) (default \(fallback)).")
    }
}
