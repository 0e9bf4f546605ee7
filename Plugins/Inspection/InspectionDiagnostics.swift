import CosoCore

/// What the inspection module refuses (codes E1200 to E1299).
enum InspectionDiagnostics {
    static let range = 1200...1299
    static let setup = [#"org add "Đảng bộ xã Gia Hiệp" kind: commune_committee"#,
                        #"org add "Chi bộ thôn 5" kind: village_cell parent: "Đảng bộ xã Gia Hiệp""#,
                        #"org add "Chi bộ thôn 6" kind: village_cell parent: "Đảng bộ xã Gia Hiệp""#,
                        #"admit "Nguyễn Văn An" born: @1980-04-12 gender: male org: "Chi bộ thôn 5" on: @2020-05-19 introducers_on_file: true"#,
                        #"confirm 1 on: @2021-05-20"#]

    static let cosoCodes = [
        CodeExample("E0514", setup: setup, #"inspect mode: inspection kind: regular by_org: "Đảng bộ xã Gia Hiệp" started: @2024-04-01"#),
    ]

    static let all = [
        DiagnosticDefinition("E1201", vi: "tổ chức đã có chương trình kiểm tra, giám sát của năm", en: "the organisation already has the year's programme",
                             setup: setup + [#"inspection plan "Đảng bộ xã Gia Hiệp" year: 2024 on: @2024-01-10"#],
                             #"inspection plan "Đảng bộ xã Gia Hiệp" year: 2024 on: @2024-02-10"#),
        DiagnosticDefinition("E1202", vi: "kỷ luật ghi đúng một đối tượng: member: hoặc org:", en: "a discipline has exactly one subject: member: or org:",
                             setup: setup, #"discipline measure: reprimand by: "Chi bộ thôn 5" on: @2025-09-01"#),
        DiagnosticDefinition("E1203", vi: "đảng viên không còn trong danh sách", en: "the member is no longer on the roll",
                             setup: setup + ["death 1 on: @2025-01-01"], #"discipline member: 1 measure: reprimand by: "Chi bộ thôn 5" on: @2025-09-01"#),
        DiagnosticDefinition("E1204", vi: "hình thức kỷ luật không áp dụng cho đối tượng này", en: "the measure does not apply to this subject",
                             regulation: "69-QĐ/TW, Điều 7", setup: setup,
                             #"discipline org: "Chi bộ thôn 6" measure: expulsion by: "Đảng bộ xã Gia Hiệp" on: @2025-09-01"#),
        DiagnosticDefinition("E1205", vi: "cách chức chỉ áp dụng với đảng viên đang giữ chức vụ", en: "removal from post applies only to a post holder",
                             regulation: "69-QĐ/TW, Điều 7", setup: setup,
                             #"discipline member: 1 measure: removal_from_post by: "Đảng bộ xã Gia Hiệp" on: @2025-09-01"#),
        DiagnosticDefinition("E1206", vi: "chi bộ chỉ được khiển trách, cảnh cáo", en: "a cell may only reprimand or warn",
                             regulation: "Điều lệ Đảng, Điều 36", setup: setup + [#"appoint 1 role: secretary org: "Chi bộ thôn 5" on: @2025-01-01"#],
                             #"discipline member: 1 measure: removal_from_post by: "Chi bộ thôn 5" on: @2025-09-01"#),
        DiagnosticDefinition("E1207", vi: "chi bộ chỉ kỷ luật đảng viên của chi bộ mình", en: "a cell disciplines only its own members",
                             regulation: "Điều lệ Đảng, Điều 36", setup: setup,
                             #"discipline member: 1 measure: warning by: "Chi bộ thôn 6" on: @2025-09-01"#),
        DiagnosticDefinition("E1208", vi: "ngày vi phạm phải trước ngày quyết định", en: "the offence precedes the decision", setup: setup,
                             #"discipline member: 1 measure: reprimand by: "Chi bộ thôn 5" on: @2025-09-01 offence: @2025-10-01"#),
        DiagnosticDefinition("E1209", vi: "đã hết thời hiệu kỷ luật", en: "the limitation period has passed", regulation: "69-QĐ/TW, Điều 4",
                             setup: setup, #"discipline member: 1 measure: reprimand by: "Chi bộ thôn 5" on: @2025-09-01 offence: @2020-08-31"#),
        DiagnosticDefinition("E1210", vi: "số phiếu tán thành không vượt tổng số phiếu", en: "votes for cannot exceed votes cast", setup: setup,
                             #"discipline member: 1 measure: reprimand by: "Chi bộ thôn 5" on: @2025-09-01 votes: 6 of: 5"#),
        DiagnosticDefinition("E1211", vi: "chưa đủ số phiếu tán thành", en: "not enough votes for", regulation: "Điều lệ Đảng, Điều 36 (tỷ lệ chưa đối chiếu)",
                             setup: setup, #"discipline member: 1 measure: warning by: "Chi bộ thôn 5" on: @2025-09-01 votes: 5 of: 10"#),
        DiagnosticDefinition("E1212", vi: "chỉ cấp ủy được ủy quyền kết nạp đảng viên mới quyết định khai trừ",
                             en: "only a committee authorised to admit members may expel", regulation: "Điều lệ Đảng, Điều 36", setup: setup,
                             #"discipline member: 1 measure: expulsion by: "Chi bộ thôn 5" on: @2025-09-01"#),
    ]
}
