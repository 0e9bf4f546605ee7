import CosoCore

/// The organisations module's data checks and rules (DOMAIN.md §3, §4).
enum OrgChecks {
    /// 294-QĐ/TW: from 1/7/2025 there is no district level; communes sit under the province.
    static let noDistrictLevelFrom = LocalDate(year: 2025, month: 7, day: 1)!

    static let rules = [
        RuleDefinition("R7", vi: "Chi bộ, tổ chức cơ sở đảng cần ít nhất 3 đảng viên chính thức; dưới 30 đảng viên là chi bộ cơ sở, từ 30 là đảng bộ cơ sở",
                       en: "A cell or grassroots organisation needs at least 3 full members; under 30 members: grassroots cell, 30 or more: grassroots committee",
                       source: "Điều lệ Đảng điều 21, 24"),
        RuleDefinition("R8", vi: "Chi bộ có từ 9 đảng viên chính thức trở lên bầu chi ủy", en: "A cell with 9 or more full members elects a cell committee",
                       source: "Điều lệ Đảng điều 24.4; 29-QĐ/TW điều 24"),
        RuleDefinition("R9", vi: "Chi bộ, chi ủy sinh hoạt mỗi tháng một lần; sinh hoạt chuyên đề ít nhất mỗi quý một lần",
                       en: "Cells and cell committees meet monthly; a thematic meeting at least once a quarter",
                       source: "Điều lệ Đảng điều 24", verified: false),
        RuleDefinition("ORG-24", vi: "Hướng dẫn thi hành Điều lệ: 24-QĐ/TW", en: "Charter guidance: 24-QĐ/TW",
                       source: "24-QĐ/TW (30/7/2021)", from: LocalDate(year: 2021, month: 7, day: 30), until: LocalDate(year: 2025, month: 6, day: 30)),
        RuleDefinition("ORG-294", vi: "Hướng dẫn thi hành Điều lệ: 294-QĐ/TW; không còn cấp huyện, đảng bộ xã trực thuộc tỉnh ủy",
                       en: "Charter guidance: 294-QĐ/TW; no district level, commune committees directly under the province",
                       source: "294-QĐ/TW (26/5/2025)", from: noDistrictLevelFrom),
        RuleDefinition("T9", vi: "Duy trì 100% thôn, tổ dân phố có chi bộ", en: "Every village and residential group has a cell",
                       source: "90-KH/HU (22/12/2022)"),
    ]

    static let all = [
        DataCheck("D201", .error, entity: "orgs",
                  problem: Label(vi: "tổ chức đang hoạt động nằm dưới một tổ chức đã kết thúc", en: "a live organisation under one that has ended"),
                  fix: Label(vi: "chuyển tổ chức sang cấp trên đang hoạt động (org move)", en: "move it under a live parent (org move)"),
                  sql: """
                      SELECT o.id AS row_id, o.name AS subject, o.id AS org_id, 'cấp trên ' || p.name || ' kết thúc ' || p.dissolved AS detail
                      FROM orgs o JOIN orgs p ON p.id = o.parent_id
                      WHERE (o.dissolved IS NULL OR o.dissolved > ?) AND p.dissolved <= ?
                      """),
        DataCheck("D202", .error, entity: "villages",
                  problem: Label(vi: "thôn, tổ dân phố chưa có chi bộ (T9)", en: "a village or residential group without a cell (T9)"),
                  fix: Label(vi: "ghi chi bộ phụ trách thôn", en: "record the cell that covers the village"),
                  sql: """
                      SELECT v.id AS row_id, v.name AS subject, v.commune_id AS org_id, 'không có chi bộ' AS detail
                      FROM villages v WHERE v.cell_id IS NULL
                      """),
        DataCheck("D203", .error, entity: "villages",
                  problem: Label(vi: "thôn, tổ dân phố gắn với chi bộ đã kết thúc", en: "a village linked to a cell that has ended"),
                  fix: Label(vi: "ghi chi bộ đang phụ trách thôn", en: "record the cell that covers it now"),
                  sql: """
                      SELECT v.id AS row_id, v.name AS subject, v.commune_id AS org_id, 'chi bộ ' || c.name || ' kết thúc ' || c.dissolved AS detail
                      FROM villages v JOIN orgs c ON c.id = v.cell_id WHERE c.dissolved <= ?
                      """),
        DataCheck("D204", .warning, entity: "orgs",
                  problem: Label(vi: "đảng bộ huyện còn hoạt động sau 01/7/2025: sổ chưa tổ chức lại theo 294-QĐ/TW",
                                 en: "a district committee still live after 1/7/2025: the register has not been reorganised (294-QĐ/TW)"),
                  fix: Label(vi: "xem trước: coso reorganise 2025 --dry-run; rồi chạy coso reorganise 2025",
                             en: "preview with coso reorganise 2025 --dry-run, then run coso reorganise 2025"),
                  sql: """
                      SELECT o.id AS row_id, o.name AS subject, o.id AS org_id, 'cấp huyện đã bỏ từ 01/7/2025' AS detail
                      FROM orgs o WHERE o.kind = 'district_committee' AND (o.dissolved IS NULL OR o.dissolved > ?) AND ? >= '2025-07-01'
                      """),
        DataCheck("D205", .error, entity: "villages",
                  problem: Label(vi: "thôn, tổ dân phố thuộc đảng bộ xã đã kết thúc", en: "a village under a commune committee that has ended"),
                  fix: Label(vi: "ghi đảng bộ xã hiện nay của thôn (coso reorganise 2025 làm việc này khi sáp nhập xã)",
                             en: "record the village's present commune committee (coso reorganise 2025 does it when communes merge)"),
                  sql: """
                      SELECT v.id AS row_id, v.name AS subject, v.commune_id AS org_id, 'đảng bộ xã ' || c.name || ' kết thúc ' || c.dissolved AS detail
                      FROM villages v JOIN orgs c ON c.id = v.commune_id WHERE c.dissolved <= ?
                      """),
    ]
}
