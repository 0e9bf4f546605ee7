import CosoCore

/// What the organisations module refuses (codes E1000 to E1099).
enum OrgDiagnostics {
    static let range = 1000...1099
    static let commune = [#"org add "Đảng bộ xã Gia Hiệp" kind: commune_committee"#,
                          #"org add "Chi bộ thôn 5" kind: village_cell parent: "Đảng bộ xã Gia Hiệp""#]
    static let ended = commune + [#"org add "Chi bộ thôn Cũ" kind: village_cell parent: "Đảng bộ xã Gia Hiệp""#,
                                  #"org dissolve "Chi bộ thôn Cũ" on: @2020-06-30 how: merged"#]

    /// Examples of coso's own codes in this module's terms.
    static let cosoCodes = [
        CodeExample("E0301", setup: commune, #"org add "Chi bộ thôn 6" kind: village_cell parent: "Đảng bộ xã Không Có""#),
        CodeExample("E0302", setup: commune + [#"org add "Chi bộ thôn 5" kind: village_cell"#], #"org dissolve "Chi bộ thôn 5" on: @2024-01-01"#),
        CodeExample("E0305", setup: commune, #"org dissolve "Chi bộ thôn 5" on: @2099-01-01"#),
        CodeExample("E0501", #"org add "   " kind: commune_committee"#),
        CodeExample("E0504", setup: commune, #"recognise "Chi bộ thôn 5" year: 1800 kind: four_good"#),
        CodeExample("E0506", setup: commune, #"org add "Chi bộ thôn 7" kind: village_cell code: "123456789012345678901""#),
        CodeExample("E0511", setup: commune, #"org add "Chi bộ\tthôn 7" kind: village_cell"#),
        CodeExample("E0513", setup: commune, #"term "Chi bộ thôn 5" started: @2025-07-15 ends: @2020-07-14"#),
        CodeExample("E0517", setup: commune + [#"recognise "Chi bộ thôn 5" year: 2024 kind: four_good"#],
                    #"recognise "Chi bộ thôn 5" year: 2024 kind: four_good"#),
        CodeExample("E0805", #"targets for "Xã Không Có""#),
    ]

    static let all = [
        DiagnosticDefinition("E1001", vi: "tổ chức đã kết thúc", en: "the organisation has already ended", setup: ended,
                             #"org dissolve "Chi bộ thôn Cũ" on: @2024-01-01"#),
        DiagnosticDefinition("E1002", vi: "còn tổ chức, đảng viên thuộc tổ chức định giải thể", en: "organisations or members still belong to it",
                             helpVi: "chuyển họ đi trước (org move, transfer), rồi giải thể", helpEn: "move them first (org move, transfer), then dissolve",
                             setup: commune, #"org dissolve "Đảng bộ xã Gia Hiệp" on: @2024-01-01"#),
        DiagnosticDefinition("E1003", vi: "tổ chức đã kết thúc vào ngày của sự việc", en: "the organisation had ended by the event's date",
                             helpVi: "chọn một tổ chức đang hoạt động", helpEn: "choose an organisation that still exists", setup: ended,
                             #"meeting "Chi bộ thôn Cũ" held: @2024-05-05 kind: regular"#),
        DiagnosticDefinition("E1004", vi: "đảng viên sinh hoạt ở chi bộ; tổ chức này không phải chi bộ", en: "members belong to cells; this is not a cell",
                             regulation: "Điều lệ Đảng, Điều 21", setup: commune,
                             #"village add "Thôn 5" kind: village commune: "Đảng bộ xã Gia Hiệp" cell: "Đảng bộ xã Gia Hiệp""#),
        DiagnosticDefinition("E1005", vi: "từ 01/7/2025 không còn cấp huyện: không thành lập đảng bộ huyện",
                             en: "from 1/7/2025 there is no district level: no district committee is founded", regulation: "294-QĐ/TW",
                             helpVi: "ghi ngày thành lập trước 01/7/2025 nếu nhập dữ liệu cũ", helpEn: "give a founding date before 1/7/2025 when entering history",
                             #"org add "Đảng bộ huyện X" kind: district_committee founded: @2025-08-01"#),
        DiagnosticDefinition("E1006", vi: "không chuyển một tổ chức vào chính nó hoặc tổ chức cấp dưới của nó",
                             en: "an organisation cannot move under itself or one of its own units", setup: commune,
                             #"org move "Đảng bộ xã Gia Hiệp" to: "Chi bộ thôn 5" on: @2025-07-01"#),
        DiagnosticDefinition("E1007", vi: "loại tổ chức này không đặt dưới loại cấp trên này", en: "this kind of organisation does not go under that kind",
                             regulation: "Điều lệ Đảng, Điều 21-25", helpVi: "chi bộ chỉ gồm tổ đảng; đảng bộ xã không đặt dưới chi bộ",
                             helpEn: "a cell holds only party groups; a commune committee never goes under a cell", setup: commune,
                             #"org add "Đảng bộ xã Gia Bắc" kind: commune_committee parent: "Chi bộ thôn 5""#),
        DiagnosticDefinition("E1008", vi: "từ 01/7/2025 không đặt tổ chức dưới đảng bộ huyện", en: "from 1/7/2025 nothing goes under a district committee",
                             regulation: "294-QĐ/TW", setup: [#"org add "Đảng bộ huyện Di Linh" kind: district_committee founded: @1976-01-01"#],
                             #"org add "Đảng bộ xã Gia Bắc" kind: commune_committee parent: "Đảng bộ huyện Di Linh" founded: @2025-07-01"#),
        DiagnosticDefinition("E1009", vi: "tổ chức quyết định không có thẩm quyền với đối tượng", en: "the deciding organisation has no authority over the subject",
                             helpVi: "cấp quyết định là tổ chức của đối tượng hoặc cấp trên của nó", helpEn: "the decision belongs to the subject's organisation or one above it",
                             regulation: "Điều lệ Đảng, Điều 36; 294-QĐ/TW"),
        DiagnosticDefinition("E1010", vi: "từ 01/7/2025 đảng bộ huyện không quyết định", en: "from 1/7/2025 a district committee decides nothing",
                             helpVi: "quyết định thuộc đảng ủy xã hoặc cấp tỉnh", helpEn: "the commune or the provincial committee decides", regulation: "294-QĐ/TW"),
        DiagnosticDefinition("E1011", vi: "tên mới giống tên hiện tại", en: "the new name is the current one", setup: commune,
                             #"org rename "Chi bộ thôn 5" to: "Chi bộ thôn 5" on: @2025-07-01"#),
        DiagnosticDefinition("E1012", vi: "ngày đổi tên không sau ngày thành lập hoặc lần đổi tên trước",
                             en: "a renaming dated before the founding or the last renaming",
                             setup: commune + [#"org rename "Chi bộ thôn 5" to: "Chi bộ thôn Năm" on: @2025-07-01"#],
                             #"org rename "Chi bộ thôn Năm" to: "Chi bộ thôn 5A" on: @2025-06-01"#),
    ]
}
