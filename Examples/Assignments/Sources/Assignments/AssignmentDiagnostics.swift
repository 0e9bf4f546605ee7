import CosoCore

/// What the module refuses, in the codes its manifest claims (E5000 to E5099), each with
/// statements that raise it (run by the conformance check, shown by `.help E5001`).
enum AssignmentDiagnostics {
    static let range = 5000...5099
    static let setup = AssignmentCommands.setup
    static let assigned = AssignmentCommands.assigned

    static let all = [
        DiagnosticDefinition("E5001", vi: "không phải cấp ủy viên của chi bộ hay của cấp ủy cấp trên", en: "not on the cell's committee or one above it",
                             helpVi: "ghi chức vụ trước: appoint ... role: member org: ...", helpEn: "record the position first: appoint ... role: member org: ...",
                             setup: setup + [#"admit "Trần Văn Bình" born: @1985-01-01 gender: male org: "Chi bộ thôn 5" on: @2015-01-01 introducers_on_file: true"#],
                             #"assign 2 to: "Chi bộ thôn 5" on: @2023-01-05"#),
        DiagnosticDefinition("E5002", vi: "thôn không thuộc chi bộ được phụ trách", en: "the village is not the assigned cell's",
                             setup: setup + [#"village add "Thôn 6" kind: village commune: "Đảng bộ xã Gia Hiệp""#],
                             #"assign 1 to: "Chi bộ thôn 5" on: @2023-01-05 village: "Thôn 6""#),
        DiagnosticDefinition("E5003", vi: "chi bộ đã có cấp ủy viên phụ trách", en: "the cell already has a member in charge",
                             regulation: "90-KH/HU (22/12/2022)", setup: assigned + [
                                 #"admit "Trần Văn Bình" born: @1985-01-01 gender: male org: "Chi bộ Cơ quan xã" on: @2015-01-01 introducers_on_file: true"#,
                                 "confirm 2 on: @2016-01-02", #"appoint 2 role: member org: "Đảng bộ xã Gia Hiệp" on: @2020-07-15"#],
                             #"assign 2 to: "Chi bộ thôn 5" on: @2024-01-05"#),
        DiagnosticDefinition("E5004", vi: "cấp ủy viên đang được phân công ở chi bộ này", en: "the member is already assigned to this cell",
                             setup: assigned, #"assign 1 to: "Chi bộ thôn 5" on: @2024-01-05 role: support"#),
        DiagnosticDefinition("E5005", vi: "phân công đã kết thúc", en: "the assignment has ended",
                             setup: assigned + ["assign end 1 on: @2024-06-30"], "assign end 1 on: @2025-06-30"),
        DiagnosticDefinition("E5006", vi: "mỗi chi bộ một cấp ủy viên phụ trách", en: "one member in charge of a cell",
                             helpVi: "những người khác: role: support", helpEn: "the others: role: support",
                             setup: setup + [#"admit "Trần Văn Bình" born: @1985-01-01 gender: male org: "Chi bộ Cơ quan xã" on: @2015-01-01 introducers_on_file: true"#],
                             #"members | assign to: "Chi bộ thôn 5" on: @2023-01-05"#),
    ]
}
