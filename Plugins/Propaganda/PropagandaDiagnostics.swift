import CosoCore

/// What the propaganda module refuses (codes E1300 to E1399).
enum PropagandaDiagnostics {
    static let range = 1300...1399
    static let all = [
        DiagnosticDefinition("E1301", vi: "lớp bồi dưỡng đảng viên mới học sau khi kết nạp", en: "the new-member course follows admission",
                             regulation: "24-QĐ/TW, điểm 4.4",
                             setup: [#"org add "Chi bộ thôn 5" kind: village_cell"#,
                                     #"admit "Nguyễn Văn An" born: @1990-04-12 gender: male org: "Chi bộ thôn 5" on: @2025-06-01 introducers_on_file: true"#],
                             "train 1 course: new_member ended: @2025-01-01"),
    ]
}
