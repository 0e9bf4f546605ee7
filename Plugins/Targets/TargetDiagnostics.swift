import CosoCore

/// What the targets module refuses (codes E1400 to E1499).
enum TargetDiagnostics {
    static let range = 1400...1499
    static let added = [#"target add X1 title: "Số chi bộ thôn" counted: "orgs | where kind == village_cell" goal: at_least value: 1"#]
    /// Examples of coso's own codes in this module's terms.
    static let cosoCodes = [
        CodeExample("E0238", #"target add X1 title: "Số chi bộ thôn" counted: "orgs | wher kind == village_cell" goal: at_least value: 1"#),
    ]

    static let all = [
        DiagnosticDefinition("E1401", vi: "mã chỉ tiêu gồm chữ và số, bắt đầu bằng chữ", en: "a target code is letters and digits, starting with a letter",
                             #"target add "1X" title: "x" counted: "orgs | where kind == village_cell" goal: at_least value: 1"#),
        DiagnosticDefinition("E1402", vi: "đã có chỉ tiêu mã này", en: "a target with this code exists",
                             helpVi: "chọn mã khác, hoặc target remove trước", helpEn: "choose another code, or target remove it first", setup: added,
                             #"target add X1 title: "x" counted: "orgs | where kind == village_cell" goal: at_least value: 1"#),
        DiagnosticDefinition("E1403", vi: "cách so cần mức (value:, upto:)", en: "the goal needs its value (value:, upto:)",
                             #"target add X2 title: "x" counted: "orgs | where kind == village_cell" goal: at_least"#),
        DiagnosticDefinition("E1404", vi: "không có chỉ tiêu tự đặt mã này", en: "no custom target with this code",
                             helpVi: "chỉ bỏ được chỉ tiêu thêm bằng target add", helpEn: "only targets added with target add can be removed",
                             "target remove X9"),
    ]
}
