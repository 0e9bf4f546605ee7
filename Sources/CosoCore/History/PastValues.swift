/// What a field held before a dated change (an organisation's parent before a move, a village's
/// cell before a merger), with the last day it held it: `asof` reads the value of any date, the
/// way `org_names` keeps former names. Written only by `WriteTransaction.update(_:id:_:from:)`, in
/// the same transaction as the change, and audited like any row.
public enum PastValues {
    public static let entityName = Field("entity", .text, vi: "Bảng", en: "Entity", required: true).maxLength(64)
    public static let item = Field("item", .int, vi: "Mã dòng", en: "Row id", required: true)
    public static let field = Field("field", .text, vi: "Trường", en: "Field", required: true).maxLength(64)
    /// The value as its JSON token (`12`, `true`, `"text"`, `null`): one column for every type.
    public static let value = Field("value", .text, vi: "Giá trị trước đó", en: "Earlier value", required: true).maxLength(4000)
    public static let until = Field("until", .date, vi: "Giữ đến ngày", en: "Held until", required: true)

    public static let entity = Entity(
        name: "past_values", label: Label(vi: "Giá trị trước đây (lịch sử cơ cấu)", en: "Earlier values (structure history)"),
        singular: Label(vi: "giá trị trước đây", en: "earlier value"), fields: [entityName, item, field, value, until], displayField: nil,
        constraints: [.unique(entityName, item, field, until)],
        indexes: [Index("past_values_item", on: [entityName, item, field, until])])

    /// A value as its field's type holds it (a boolean is read back as 0 or 1, a date may come as text).
    static func normalised(_ v: Value, _ f: Field) -> Value {
        guard v != .null else { return .null }
        switch f.type {
        case .bool: return .bool(v.isTrue)
        case .date: return v.dateValue.map(Value.date) ?? v
        default: return v
        }
    }

    /// The value `column` of the row `row` (an SQL expression, such as `o.id`) of `entity` held on
    /// the date bound to the one placeholder: the earliest earlier value still held then, else
    /// the current value.
    ///
    /// Only a row whose field has changed looks its history up: the rows that have one are listed
    /// once a statement (SQLite keeps the list of a subquery that reads nothing of the row), and
    /// the others read their column as it is, without a look-up and a JSON round trip each
    /// (`stats org_kind` over the country's 378,000 organisations: 0.55 -> 0.26 s).
    public static func asOf(_ entity: Entity, _ f: Field, row: String, table alias: String) -> String {
        let held = "(SELECT h.value FROM past_values h WHERE h.entity = '\(entity.name)' AND h.item = \(row) "
            + "AND h.field = '\(f.name)' AND h.until >= ? ORDER BY h.until LIMIT 1)"
        let changed = "\(row) IN (SELECT h.item FROM past_values h WHERE h.entity = '\(entity.name)' AND h.field = '\(f.name)')"
        return "CASE WHEN \(changed) THEN json_extract(coalesce(\(held), json_quote(\(alias).\(f.column))), '$') ELSE \(alias).\(f.column) END"
    }

    /// What every row whose `f` held one of `{values}` at some date meets: it holds one now, or
    /// `f` has changed (`DatedSource.narrowing`). A superset: the value at the date is still read
    /// through `asOf`.
    public static func narrowing(_ entity: String, _ f: Field, row: String, table alias: String) -> String {
        "(\(alias).\(f.column) IN ({values}) OR \(row) IN "
            + "(SELECT h.item FROM past_values h WHERE h.entity = '\(entity)' AND h.field = '\(f.name)'))"
    }
}

extension WriteTransaction {
    /// Changes fields of a row from `date` on, keeping what each changed field held until the day
    /// before (`PastValues`). A dated change cannot come before one already recorded for the
    /// field: history is written in order.
    public func update(_ entity: Entity, id: Int64, _ values: [Field: Value], from date: LocalDate) throws {
        guard let before = try record(entity, id: id) else { return }
        for (f, new) in values.sorted(by: { $0.key.name < $1.key.name }) {
            let old = before[f]
            guard PastValues.normalised(old, f) != PastValues.normalised(new, f) else { continue }
            let last = try scalar("SELECT max(until) FROM past_values WHERE entity = ? AND item = ? AND field = ?",
                                  [.text(entity.name), .int(id), .text(f.name)]).dateValue
            if let last, date <= last.adding(days: 1) {
                throw RuleViolation("E0521", vi: "\(f.label.vi) của dòng này đã đổi từ ngày \(last.adding(days: 1).dmy): thay đổi mới phải sau ngày đó",
                                    en: "this row's \(f.label.en.lowercased()) already changed on \(last.adding(days: 1).iso): a new change must come after it",
                                    helpVi: "sửa thay đổi trước (xem past_values) nếu ngày của nó sai", helpEn: "correct the earlier change (see past_values) if its date is wrong")
            }
            try insert(PastValues.entity, [PastValues.entityName: .text(entity.name), PastValues.item: .int(id), PastValues.field: .text(f.name),
                                           PastValues.value: .text(JSON.encode(old)), PastValues.until: .date(date.adding(days: -1))])
        }
        try update(entity, id: id, values)
    }
}
