/// Checks a row's values against its entity's declaration before anything is written: the one
/// validator of every write path (a module's command through `WriteTransaction`, `coso import`, a
/// correction). What it finds is an ordinary refusal (exit 65, nothing written), never a constraint
/// failure from SQLite: each problem names the field, says what the field takes, and never echoes
/// a personal value.
///
/// `problems(of:)` looks at the values alone (types, required fields, enum cases, bounds, formats,
/// the rules between fields); whether a value is taken by another row or a reference points at a
/// row is the transaction's to ask (`WriteTransaction.checkStored`), or the importer's, which
/// remembers what its file holds.
public struct RowValidator: Sendable {
    public let entity: Entity
    let enums: [String: EnumType]
    /// The day of the write, for dates that cannot lie ahead of it.
    let today: LocalDate

    /// Looked up once for every row: the required fields no default fills, and each rule between
    /// fields with its fields (an import checks a million rows).
    private let requiredFields: [Field]
    private let rules: [(RowConstraint, [Field])]

    public init(entity: Entity, catalog: Catalog, today: LocalDate) {
        self.entity = entity; enums = catalog.enums; self.today = today
        requiredFields = entity.fields.filter { $0.required && $0.name != "id" && $0.defaultValue == nil }
        rules = entity.constraints.compactMap { c in
            let fields = c.fields.compactMap { entity.field($0) }
            return fields.count == c.fields.count && c.kind != .unique ? (c, fields) : nil
        }
    }

    /// The problems of a whole row (a new one, or one about to be changed merged with its changes);
    /// `checking` limits the field-by-field checks to those fields (an update's), the rules between
    /// fields are checked whenever they name one of them.
    public func problems(of row: [Field: Value], checking: Set<String>? = nil) -> [RuleViolation] {
        var problems: [RuleViolation] = []
        for field in entity.fields where field.name != "id" && (checking?.contains(field.name) ?? true) {
            if let p = problem(field, row[field] ?? field.defaultValue ?? .null) { problems.append(p) }
        }
        problems += constraintProblems(of: row, touching: checking)
        return problems
    }

    /// The required fields a row leaves empty (those with a default are filled by it).
    public func missingRequired(in row: [Field: Value]) -> [RuleViolation] {
        var problems: [RuleViolation] = []
        for field in requiredFields where (row[field] ?? .null).isNull {
            if let p = problem(field, .null) { problems.append(p) }
        }
        return problems
    }

    /// The rules between fields a row breaks; `touching`: only those naming one of these fields.
    public func constraintProblems(of row: [Field: Value], touching: Set<String>? = nil) -> [RuleViolation] {
        var problems: [RuleViolation] = []
        for (constraint, fields) in rules {
            if let touching, !constraint.fields.contains(where: touching.contains) { continue }
            if let p = problem(constraint, fields, row) { problems.append(p) }
        }
        return problems
    }

    /// What is wrong with one field's value, if anything.
    public func problem(_ field: Field, _ value: Value) -> RuleViolation? {
        let name = field.label
        if case .null = value {
            guard field.required else { return nil }
            return violation(.required, field, vi: "\(name.vi) không được để trống", en: "\(name.en) cannot be empty")
        }
        switch (field.type, value) {
        case (.text, .text(let text)):
            return textProblem(field, text)
        case (.int, .int(let n)):
            return numberProblem(field, n)
        case (.decimal, .double), (.decimal, .int), (.bool, .bool), (.reference, .int):
            return nil
        case (.bool, .int(let n)) where n == 0 || n == 1:
            // As SQLite gives a boolean back (a row read, changed and written again).
            return nil
        case (.date, .date(let date)):
            return dateProblem(field, date)
        case (.date, .text(let text)):
            guard let date = LocalDate(iso: text) else {
                return violation(.notADate, field, vi: "\(name.vi): ngày không hợp lệ", en: "\(name.en): not a valid date")
            }
            return dateProblem(field, date)
        case (.enumeration(let id), .text(let text)):
            guard let e = enums[id], e.index(of: text) == nil else { return nil }
            let cases = e.cases.prefix(12).map(\.id).joined(separator: ", ") + (e.cases.count > 12 ? ", ..." : "")
            return violation(.notACase, field, vi: "\(name.vi): không có giá trị '\(text)' trong danh mục", en: "\(name.en): no such value '\(text)'",
                             helpVi: "các giá trị: \(cases) (.help \(id))", helpEn: "the values: \(cases) (.help \(id))")
        default:
            return violation(.wrongKind, field, vi: "\(name.vi) cần \(FieldKinds.vi(field.type)), gặp \(FieldKinds.vi(value))",
                             en: "\(name.en) needs \(FieldKinds.en(field.type)), got \(FieldKinds.en(value))")
        }
    }

    private func textProblem(_ field: Field, _ text: String) -> RuleViolation? {
        let name = field.label
        if field.required, text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            return violation(.required, field, vi: "\(name.vi) không được để trống", en: "\(name.en) cannot be empty")
        }
        if let bad = TextSafety.firstUnsafe(text) {
            return violation(.unsafeText, field, vi: "\(name.vi) chứa ký tự điều khiển hoặc ký tự ẩn (\(bad)) không được lưu",
                             en: "\(name.en) holds a control or hidden character (\(bad)) that cannot be stored",
                             helpVi: "gõ lại, hoặc dán dưới dạng văn bản thuần", helpEn: "type it again, or paste it as plain text")
        }
        if !field.multiline, let breaks = text.unicodeScalars.first(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) {
            let hex = String(breaks.value, radix: 16, uppercase: true)
            return violation(.unsafeText, field, vi: "\(name.vi) ghi trên một dòng: có dấu xuống dòng hoặc tab (U+000\(hex))",
                             en: "\(name.en) is written on one line: it holds a line break or a tab (U+000\(hex))")
        }
        for constraint in field.constraints {
            switch constraint {
            case .maxLength(let limit) where text.unicodeScalars.count > limit:
                return violation(.tooLong, field, vi: "\(name.vi) dài quá \(limit) ký tự", en: "\(name.en) is longer than \(limit) characters")
            case .digits(let count) where text.utf8.count != count || !text.utf8.allSatisfy({ (48...57).contains($0) }):
                return violation(.digits, field, vi: "\(name.vi) phải gồm đúng \(count) chữ số", en: "\(name.en) has exactly \(count) digits")
            case .personName where !text.unicodeScalars.allSatisfy(TextSafety.mayBeInAName):
                return violation(.personName, field, vi: "\(name.vi) chỉ gồm chữ cái, dấu cách, dấu nháy đơn, gạch nối và dấu chấm",
                                 en: "\(name.en) has only letters, spaces, apostrophes, hyphens and dots")
            default: continue
            }
        }
        return nil
    }

    private func numberProblem(_ field: Field, _ n: Int64) -> RuleViolation? {
        let name = field.label
        for constraint in field.constraints {
            switch constraint {
            case .range(let lo, let hi) where (lo.map { n < $0 } ?? false) || (hi.map { n > $0 } ?? false):
                let shown = field.personal ? "" : " (\(n))"
                let (vi, en): (String, String)
                switch (lo, hi) {
                case (let lo?, let hi?): (vi, en) = ("từ \(lo) đến \(hi)", "from \(lo) to \(hi)")
                case (let lo?, nil): (vi, en) = (lo == 0 ? "không âm" : "từ \(lo) trở lên", lo == 0 ? "not negative" : "at least \(lo)")
                default: (vi, en) = ("không quá \(hi ?? 0)", "at most \(hi ?? 0)")
                }
                return violation(.outOfRange, field, vi: "\(name.vi) phải \(vi)\(shown)", en: "\(name.en) must be \(en)\(shown)")
            case .oneOf(let values) where !values.contains(n):
                let list = values.map(String.init).joined(separator: ", ")
                return violation(.notAllowed, field, vi: "\(name.vi) chỉ nhận một trong các giá trị \(list)", en: "\(name.en) takes one of \(list)")
            default: continue
            }
        }
        return nil
    }

    private func dateProblem(_ field: Field, _ date: LocalDate) -> RuleViolation? {
        let name = field.label
        for constraint in field.constraints {
            switch constraint {
            case .firstOfMonth where date.day != 1:
                return violation(.firstOfMonth, field, vi: "\(name.vi) ghi bằng ngày đầu tháng (như 01/\(date.month)/\(date.year))",
                                 en: "\(name.en) is written as the month's first day (such as \(date.year)-\(date.month)-01)")
            case .notInFuture where date > today:
                let shown = field.personal ? "" : " (\(date.iso))"
                return violation(.future, field, vi: "\(name.vi) ở tương lai\(shown): hôm nay là \(today.dmy)",
                                 en: "\(name.en) is in the future\(shown): today is \(today.iso)")
            default: continue
            }
        }
        return nil
    }

    private func problem(_ constraint: RowConstraint, _ fields: [Field], _ row: [Field: Value]) -> RuleViolation? {
        let values = fields.map { row[$0] ?? .null }
        // Nothing to compare while a value is missing: the common case, decided before any more work.
        if case .ordered = constraint.kind, values[0].isNull || values[1].isNull { return nil }
        let labels = fields.map(\.label)
        switch constraint.kind {
        case .ordered(let strictly):
            guard let order = RowValidator.compare(values[0], values[1]) else { return nil }
            guard strictly ? order < 0 : order <= 0 else {
                let personal = fields.contains(where: \.personal)
                let (a, b) = personal ? ("", "") : (" (\(values[1]))", " (\(values[0]))")
                let second = labels[0].inSentence
                // Dates come after one another; numbers are greater or not less.
                let isDate = fields[1].type == .date
                let vi = isDate ? (strictly ? "sau" : "không trước") : (strictly ? "lớn hơn" : "không nhỏ hơn")
                let en = isDate ? (strictly ? "come after" : "come no earlier than") : (strictly ? "be greater than" : "be at least")
                return violation(.order, fields[1], vi: "\(labels[1].vi)\(a) phải \(vi) \(second.vi)\(b)",
                                 en: "\(labels[1].en)\(a) must \(en) \(second.en)\(b)")
            }
        case .exactlyOne:
            guard values.filter({ !$0.isNull }).count != 1 else { return nil }
            let list = labels.map(\.vi).joined(separator: ", "), listEn = labels.map(\.en).joined(separator: ", ")
            return violation(.exactlyOne, fields[0], vi: "cần đúng một trong: \(list)", en: "give exactly one of: \(listEn)")
        case .presentExactlyWhen(let expected):
            let when = values[1] == expected, present = !values[0].isNull
            guard when != present else { return nil }
            return violation(.presentWhen, fields[0], vi: when ? "\(labels[0].vi) cần có khi \(labels[1].vi) là \(expected)"
                                 : "\(labels[0].vi) chỉ ghi khi \(labels[1].vi) là \(expected)",
                             en: when ? "\(labels[0].en) is needed when \(labels[1].en) is \(expected)"
                                 : "\(labels[0].en) is given only when \(labels[1].en) is \(expected)")
        case .notSelf:
            guard case .int(let target) = values[0], row[Field.id] == .int(target) else { return nil }
            return violation(.notSelf, fields[0], vi: "\(labels[0].vi) không thể là chính nó", en: "\(labels[0].en) cannot be the row itself")
        case .unique:
            return nil
        }
        return nil
    }

    /// -1, 0, 1 for two dates or two numbers; nil when either is missing.
    static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : x == y ? 0 : 1
        case (.double, _), (_, .double):
            guard let x = a.doubleValue, let y = b.doubleValue else { return nil }
            return x < y ? -1 : x == y ? 0 : 1
        default:
            guard let x = a.dateValue, let y = b.dateValue else { return nil }
            return x < y ? -1 : x == y ? 0 : 1
        }
    }

    private func violation(_ code: ValidationCode, _ field: Field, vi: String, en: String, helpVi: String? = nil,
                           helpEn: String? = nil) -> RuleViolation {
        RuleViolation(code.rawValue, vi: vi, en: en, argument: field.name, helpVi: helpVi ?? field.help?.vi, helpEn: helpEn ?? field.help?.en)
    }
}

/// The codes of what `RowValidator` and the transaction's look-ups refuse.
public enum ValidationCode: String, CaseIterable, Sendable {
    case required = "E0501"
    case wrongKind = "E0502"
    case notACase = "E0503"
    case outOfRange = "E0504"
    case notAllowed = "E0505"
    case tooLong = "E0506"
    case digits = "E0507"
    case personName = "E0508"
    case firstOfMonth = "E0509"
    case future = "E0510"
    case unsafeText = "E0511"
    case taken = "E0512"
    case order = "E0513"
    case exactlyOne = "E0514"
    case presentWhen = "E0515"
    case notSelf = "E0516"
    case takenTogether = "E0517"
    case noSuchRow = "E0518"
    case notADate = "E0519"
    case refusedByDatabase = "E0520"
}

/// How the kinds of values are named in messages.
enum FieldKinds {
    static func vi(_ type: FieldType) -> String {
        switch type {
        case .int: return "một số nguyên"
        case .decimal: return "một số"
        case .text: return "chữ"
        case .date: return "một ngày"
        case .bool: return "có hoặc không"
        case .enumeration: return "một giá trị trong danh mục"
        case .reference(let e): return "mã một dòng của \(e)"
        }
    }
    static func en(_ type: FieldType) -> String {
        switch type {
        case .int: return "a whole number"
        case .decimal: return "a number"
        case .text: return "text"
        case .date: return "a date"
        case .bool: return "yes or no"
        case .enumeration: return "a value of its list"
        case .reference(let e): return "the id of a row of \(e)"
        }
    }
    static func vi(_ value: Value) -> String {
        switch value {
        case .null: return "trống"
        case .int: return "số nguyên"
        case .double: return "số"
        case .text: return "chữ"
        case .date: return "ngày"
        case .bool: return "đúng/sai"
        }
    }
    static func en(_ value: Value) -> String { value.kindName }
}
