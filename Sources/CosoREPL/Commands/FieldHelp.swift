import CosoCore

/// How `.schema` and `.help ENTITY` name a field's bounds and formats and an entity's rules, read
/// from the declaration.
enum FieldHelp {
    static func constraint(_ c: Constraint, _ language: Language) -> String {
        let vi = language == .vi
        switch c {
        case .range(let lo?, let hi?): return vi ? "từ \(lo) đến \(hi)" : "\(lo) to \(hi)"
        case .range(let lo?, nil): return vi ? "từ \(lo)" : "at least \(lo)"
        case .range(nil, let hi?): return vi ? "đến \(hi)" : "at most \(hi)"
        case .range(nil, nil): return ""
        case .oneOf(let values): return (vi ? "một trong " : "one of ") + values.map(String.init).joined(separator: ", ")
        case .maxLength(let n): return vi ? "tối đa \(n) ký tự" : "at most \(n) characters"
        case .digits(let n): return vi ? "đúng \(n) chữ số" : "exactly \(n) digits"
        case .personName: return vi ? "tên người" : "a person's name"
        case .firstOfMonth: return vi ? "ngày đầu tháng" : "first of the month"
        case .notInFuture: return vi ? "không sau hôm nay" : "not after today"
        }
    }

    static func rule(_ c: RowConstraint, _ entity: Entity, _ language: Language) -> String {
        let vi = language == .vi
        let names = c.fields.map { entity.field($0)?.name ?? $0 }
        switch c.kind {
        case .ordered(let strictly): return "\(names[0]) \(strictly ? "<" : "≤") \(names[1])"
        case .exactlyOne: return (vi ? "đúng một trong " : "exactly one of ") + names.joined(separator: ", ")
        case .presentExactlyWhen(let v): return vi ? "\(names[0]) chỉ có khi \(names[1]) là \(v)" : "\(names[0]) exactly when \(names[1]) is \(v)"
        case .notSelf: return vi ? "\(names[0]) khác chính dòng đó" : "\(names[0]) is not the row itself"
        case .unique: return (vi ? "không trùng: " : "unique: ") + names.joined(separator: " + ")
        }
    }
}
