import CosoCore

/// Words people bring from SQL, and how coso says the same: the hint a refusal gives when one of
/// them stands where coso expected something else (`born between a and b`, `| group by org`).
enum SQLHabits {
    static let hints: [String: Label] = [
        "between": Label(vi: "coso viết: x >= a and x <= b", en: "in coso: x >= a and x <= b"),
        "like": Label(vi: #"coso viết: name =~ "an" (không phân biệt hoa thường, dấu) hoặc starts_with(name, "Ng")"#,
                      en: #"in coso: name =~ "an" (ignoring case and diacritics) or starts_with(name, "Ng")"#),
        "ilike": Label(vi: #"coso viết: name =~ "an""#, en: #"in coso: name =~ "an""#),
        "group": Label(vi: "coso viết: summarize n: count() by KHÓA", en: "in coso: summarize n: count() by KEY"),
        "order": Label(vi: "coso viết: sort TRƯỜNG (sort -TRƯỜNG để giảm dần)", en: "in coso: sort FIELD (sort -FIELD for descending)"),
        "limit": Label(vi: "coso viết: take N", en: "in coso: take N"),
        "offset": Label(vi: "coso viết: skip N", en: "in coso: skip N"),
        "having": Label(vi: "coso viết: summarize ... by ... | where ĐIỀU_KIỆN", en: "in coso: summarize ... by ... | where CONDITION"),
        "is": Label(vi: "coso viết: x == null, x != null", en: "in coso: x == null, x != null"),
        "case": Label(vi: #"coso viết: if ĐIỀU_KIỆN then A else if ĐK2 then B else C"#, en: #"in coso: if CONDITION then A else if COND2 then B else C"#),
        "when": Label(vi: #"coso viết: if ĐIỀU_KIỆN then A else if ĐK2 then B else C"#, en: #"in coso: if CONDITION then A else if COND2 then B else C"#),
        "in(": Label(vi: "coso viết danh sách trong ngoặc vuông: status in [official, probationary]",
                     en: "in coso a list is in square brackets: status in [official, probationary]"),
    ]

    /// The hint for `word`, if it is an SQL habit.
    static func hint(_ word: String) -> Label? { hints[word.lowercased()] }
}
