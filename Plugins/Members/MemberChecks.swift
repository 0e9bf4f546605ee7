import CosoCore

/// The members module's data checks (what `check` reports) and the rules it enforces, as data.
///
/// Each check reads the register as it stands; its `?` is the day the check is made at, which
/// decides what is overdue (`check asof @2022-12-22` judges deadlines at that date). Thirty
/// working days are counted as 42 calendar days (six working weeks).
enum MemberChecks {
    /// On the roll at the check's date (`Members.onRoll`), over the members aliased `alias`.
    static func onRoll(_ alias: String) -> String { "(" + Members.onRoll.sql(alias: alias, date: "?") + ")" }
    static let rollStatuses = "('probationary', 'official', 'exempted', 'suspended')"
    static let cellKinds = "('grassroots_cell', 'village_cell', 'subordinate_cell')"

    static let rules = [
        RuleDefinition("R1", vi: "Người vào Đảng từ đủ 18 đến 60 tuổi; trên 60 tuổi cần cấp ủy cấp tỉnh đồng ý",
                       en: "Applicants are 18 to 60; over 60 needs the provincial committee", source: "24-QĐ/TW 1.1; 294-QĐ/TW"),
        RuleDefinition("R2", vi: "Hai đảng viên chính thức giới thiệu, cùng công tác hoặc cư trú với người vào Đảng ít nhất 12 tháng",
                       en: "Two full members introduce, having worked or lived with the applicant for at least 12 months",
                       source: "24-QĐ/TW 3.2.1"),
        RuleDefinition("R3", vi: "Nghị quyết đề nghị kết nạp cần ít nhất 2/3 đảng viên chính thức của chi bộ tán thành, rồi 2/3 cấp ủy cơ sở",
                       en: "The cell's resolution to admit needs two thirds of its full members, then two thirds of the grassroots committee",
                       source: "luatsutuvanmienphi.com", verified: false, settings: ["R3.cell": "2/3"]),
        RuleDefinition("R4", vi: "Cấp ủy quyết định trong 60 ngày làm việc sau nghị quyết của chi bộ; lễ kết nạp trong 30 ngày làm việc sau quyết định, muộn hơn cần cấp trên đồng ý",
                       en: "The committee decides within 60 working days of the cell's resolution; the ceremony within 30 working days of the decision, later only with the superior's consent",
                       source: "29/24/232-QĐ/TW 4.1, 4.3"),
        RuleDefinition("R5", vi: "Dự bị 12 tháng; đủ điều kiện thì chính thức từ ngày đủ 12 tháng dù quyết định muộn hơn",
                       en: "12 months of probation; a member who qualifies is official from the 12-month date even if the decision is later",
                       source: "Điều lệ Đảng điều 5; 24-QĐ/TW 5"),
        RuleDefinition("R10", vi: "Chuyển sinh hoạt chính thức: nộp giấy giới thiệu cho chi bộ mới trong 30 ngày làm việc",
                       en: "Permanent transfer: present the letter to the new cell within 30 working days", source: "24/294-QĐ/TW 6.3.1"),
        RuleDefinition("R12", vi: "Miễn công tác và sinh hoạt vì tuổi cao hoặc sức khỏe yếu; đảng viên miễn, đình chỉ sinh hoạt không xếp loại",
                       en: "Exemption for old age or ill health; exempt and suspended members are not rated", source: "24-QĐ/TW 7.1; 21-HD/BTCTW"),
        RuleDefinition("R13", vi: "Xóa tên khi bỏ sinh hoạt hoặc không đóng đảng phí 3 tháng trong năm không lý do, trả thẻ, ...",
                       en: "Strike off for 3 months' absence or unpaid fees in a year without reason, returning the card, ...",
                       source: "29/24-QĐ/TW 8"),
        RuleDefinition("R21", vi: "Đảng viên đang công tác giữ liên hệ và được chi bộ nơi cư trú nhận xét hằng năm",
                       en: "Working members keep in touch with, and are commented on yearly by, their residence cell", source: "213-QĐ/TW"),
        RuleDefinition("R23", vi: "Số thẻ đảng viên gồm 8 chữ số; chỉ đảng viên chính thức được phát thẻ",
                       en: "A party card number has 8 digits; only full members hold cards", source: "Chỉ thị 29-CT/TW (2003)"),
        RuleDefinition("R24", vi: "Huy hiệu Đảng ở mốc 30, 40, 45, ... 90 năm tuổi đảng", en: "Badges at 30, 40, 45, ... 90 years of seniority",
                       source: "lược đồ bên thứ ba", verified: false),
        RuleDefinition("R25", vi: "Giấy chứng nhận lớp nhận thức về Đảng phải có trước khi làm đơn; có giá trị 5 năm",
                       en: "The awareness-course certificate precedes the application and is valid for 5 years", source: "ungkirke.com",
                       verified: false, settings: ["R25.years": "5"]),
        RuleDefinition("RATE-132", vi: "Xếp loại đảng viên bốn mức (132-QĐ/TW, 21-HD/BTCTW)", en: "Member ratings in four levels (132-QĐ/TW)",
                       source: "132-QĐ/TW (2018)", until: LocalDate(year: 2022, month: 12, day: 31)),
        RuleDefinition("RATE-124", vi: "Xếp loại đảng viên bốn mức (124-QĐ/TW, 25-HD/BTCTW)", en: "Member ratings in four levels (124-QĐ/TW)",
                       source: "124-QĐ/TW (4/10/2023)", from: LocalDate(year: 2023, month: 1, day: 1), until: LocalDate(year: 2024, month: 12, day: 31)),
        RuleDefinition("T14", vi: "Thí điểm đánh giá, xếp loại đảng viên, tổ chức đảng hằng tháng, quý (xếp loại hằng quý: rate ... quarter:)",
                       en: "Pilot of monthly or quarterly ratings of members and organisations (quarterly ratings: rate ... quarter:)",
                       source: "90-KH/HU (22/12/2022)", from: LocalDate(year: 2023, month: 1, day: 1)),
        RuleDefinition("R18", vi: "Thang 100 điểm: xuất sắc từ 90, tốt từ 70 đến dưới 90, hoàn thành từ 50 đến dưới 70",
                       en: "100-point scale: excellent from 90, good 70 to under 90, completed 50 to under 70",
                       source: "366-QĐ/TW (30/8/2025)", from: LocalDate(year: 2025, month: 1, day: 1)),
        RuleDefinition("R19", vi: "Chi bộ tốt khi 100% đảng viên hoàn thành nhiệm vụ trở lên và ít nhất 50% hoàn thành tốt trở lên",
                       en: "A cell rated good needs every member at least completed and half at least good",
                       source: "21-HD/BTCTW (2019)", until: LocalDate(year: 2023, month: 10, day: 3), verified: false),
    ]

    /// The day a member's probation runs from: the ceremony when recorded, else the decision.
    /// `+e.kind`: the member's few events are found by member, not every ceremony by kind.
    static let probationStart = "coalesce((SELECT min(e.happened) FROM member_events e WHERE e.member_id = m.id AND +e.kind = 'ceremony'), m.admitted)"

    static let all = [
        DataCheck("D101", .error, entity: "members",
                  problem: Label(vi: "đảng viên chưa có số CCCD", en: "a member without a national ID"),
                  fix: Label(vi: "bổ sung số CCCD (bắt buộc từ phiên bản 3.0 của CSDL đảng viên): members | where id == ... | update national_id: \"...\" reason: \"...\"",
                             en: "add the national ID (required by the official database 3.0): members | where id == ... | update national_id: \"...\" reason: \"...\""),
                  sql: "SELECT m.id AS row_id, m.name AS subject, m.org_id AS org_id, 'thiếu số CCCD' AS detail FROM members m "
                      + "WHERE \(onRoll("m")) AND (m.national_id IS NULL OR m.national_id = '')"),
        DataCheck("D102", .error, entity: "members",
                  problem: Label(vi: "số CCCD trùng giữa nhiều đảng viên", en: "a national ID shared by several members"),
                  fix: Label(vi: "đối chiếu hồ sơ, sửa số sai (update ... reason:)", en: "compare the files and correct the wrong number (update ... reason:)"),
                  sql: """
                      SELECT m.id AS row_id, m.name AS subject, m.org_id AS org_id, 'trùng với ' || (d.n - 1) || ' đảng viên khác' AS detail
                      FROM members m JOIN (SELECT national_id, count(*) AS n FROM members WHERE national_id <> ''
                                           GROUP BY national_id HAVING count(*) > 1) AS d ON d.national_id = m.national_id
                      """),
        DataCheck("D103", .error, entity: "members",
                  problem: Label(vi: "số CCCD không đúng 12 chữ số", en: "a national ID that is not 12 digits"),
                  fix: Label(vi: "sửa theo thẻ CCCD (update national_id: ... reason:)", en: "correct it from the ID card (update national_id: ... reason:)"),
                  sql: "SELECT m.id AS row_id, m.name AS subject, m.org_id AS org_id, 'độ dài ' || length(m.national_id) AS detail FROM members m "
                      + "WHERE m.national_id <> '' AND (length(m.national_id) <> 12 OR m.national_id GLOB '*[^0-9]*')"),
        DataCheck("D104", .error, entity: "members",
                  problem: Label(vi: "số thẻ đảng viên không đúng 8 chữ số (R23)", en: "a card number that is not 8 digits (R23)"),
                  fix: Label(vi: "sửa theo thẻ đảng viên (update card_no: ... reason:)", en: "correct it from the card (update card_no: ... reason:)"),
                  sql: "SELECT m.id AS row_id, m.name AS subject, m.org_id AS org_id, 'độ dài ' || length(m.card_no) AS detail FROM members m "
                      + "WHERE m.card_no <> '' AND (length(m.card_no) <> 8 OR m.card_no GLOB '*[^0-9]*')"),
        DataCheck("D105", .error, entity: "members",
                  problem: Label(vi: "số thẻ đảng viên trùng", en: "a card number held by several members"),
                  fix: Label(vi: "đối chiếu hồ sơ, sửa số sai (update ... reason:)", en: "compare the files and correct the wrong number (update ... reason:)"),
                  sql: """
                      SELECT m.id AS row_id, m.name AS subject, m.org_id AS org_id, 'số thẻ trùng' AS detail
                      FROM members m WHERE m.card_no IN (SELECT card_no FROM members WHERE card_no <> '' GROUP BY card_no HAVING count(*) > 1)
                      """),
        DataCheck("D106", .error, entity: "members",
                  problem: Label(vi: "đảng viên dự bị đã có số thẻ (R23: chỉ đảng viên chính thức có thẻ)", en: "a probationary member with a card (R23)"),
                  fix: Label(vi: "kiểm tra lại tình trạng hoặc số thẻ", en: "check the status or the card number"),
                  sql: "SELECT m.id AS row_id, m.name AS subject, m.org_id AS org_id, 'dự bị từ ' || m.admitted AS detail FROM members m "
                      + "WHERE m.status = 'probationary' AND m.card_no <> ''"),
        DataCheck("D107", .warning, entity: "members",
                  problem: Label(vi: "quá 12 tháng dự bị và 30 ngày làm việc chưa xét công nhận chính thức (R5)",
                                 en: "probation over 12 months and 30 working days with no decision (R5)"),
                  fix: Label(vi: "chi bộ xét công nhận chính thức (confirm) hoặc đề nghị xóa tên (remove)", en: "confirm or strike off"),
                  // Probation runs from the ceremony when it is recorded (R5, Charter art. 5).
                  sql: "SELECT m.id AS row_id, m.name AS subject, m.org_id AS org_id, 'dự bị từ ' || \(probationStart) AS detail FROM members m "
                      + "WHERE m.status = 'probationary' AND date(m.admitted, '+12 months', '+42 days') < ? "
                      + "AND date(\(probationStart), '+12 months', '+42 days') < ?"),
        DataCheck("D108", .error, entity: "members",
                  problem: Label(vi: "đảng viên còn trong danh sách ở tổ chức đã kết thúc", en: "a member on the roll of an organisation that has ended"),
                  fix: Label(vi: "chuyển sinh hoạt sang chi bộ đang hoạt động (transfer)", en: "transfer the member to a live cell"),
                  sql: "SELECT m.id AS row_id, m.name AS subject, m.org_id AS org_id, o.name || ' kết thúc ' || o.dissolved AS detail "
                      + "FROM members m JOIN orgs o ON o.id = m.org_id WHERE \(onRoll("m")) AND o.dissolved <= ?"),
        DataCheck("D109", .warning, entity: "members",
                  problem: Label(vi: "chuyển sinh hoạt đi quá 30 ngày làm việc chưa đến chi bộ mới (R10)",
                                 en: "transferred out over 30 working days ago with no arrival (R10)"),
                  fix: Label(vi: "liên hệ chi bộ nơi đến; ghi nhận ngày đến (transfer in)", en: "contact the receiving cell; record the arrival"),
                  sql: """
                      SELECT m.id AS row_id, m.name AS subject, m.org_id AS org_id, 'chuyển đi ' || e.happened AS detail
                      FROM members m JOIN member_events e ON e.member_id = m.id AND +e.kind = 'transfer_out'
                      WHERE m.status = 'transferred_out' AND e.org_id IS NOT NULL AND date(e.happened, '+42 days') < ?
                        AND e.id = (SELECT max(id) FROM member_events x WHERE x.member_id = m.id)
                      """),
        DataCheck("D110", .error, entity: "ratings",
                  problem: Label(vi: "đảng viên đã miễn công tác và sinh hoạt đảng vẫn được xếp loại (R12)", en: "an exempt member rated (R12)"),
                  fix: Label(vi: "hủy xếp loại của năm sau khi miễn: ratings | where id == ... | void reason: \"...\"",
                             en: "void the rating for the years after the exemption: ratings | where id == ... | void reason: \"...\""),
                  sql: "SELECT r.id AS row_id, m.name AS subject, m.org_id AS org_id, 'miễn từ ' || m.exempted || ', xếp loại năm ' || r.year AS detail "
                      + "FROM ratings r JOIN members m ON m.id = r.member_id WHERE m.exempted IS NOT NULL AND r.year > CAST(substr(m.exempted, 1, 4) AS INTEGER)"),
        DataCheck("D111", .warning, entity: "positions",
                  problem: Label(vi: "bí thư, phó bí thư cấp cơ sở chưa có trung cấp lý luận chính trị (T12)",
                                 en: "a grassroots secretary or deputy below intermediate political theory (T12)"),
                  fix: Label(vi: "cử đi học trung cấp lý luận chính trị", en: "send them to intermediate theory training"),
                  sql: """
                      SELECT p.id AS row_id, m.name AS subject, p.org_id AS org_id, o.name || ': ' || coalesce(m.theory, 'chưa có') AS detail
                      FROM positions p JOIN members m ON m.id = p.member_id JOIN orgs o ON o.id = p.org_id
                      WHERE p.role IN ('secretary', 'deputy') AND p.started <= ? AND (p.ended IS NULL OR p.ended > ?)
                        AND o.kind IN ('commune_committee', 'grassroots_committee', 'grassroots_cell')
                        AND coalesce(m.theory, 'none') IN ('none', 'elementary')
                      """),
        DataCheck("D112", .warning, entity: "orgs",
                  problem: Label(vi: "chi bộ dưới 3 đảng viên chính thức (R7)", en: "a cell with fewer than 3 full members (R7)"),
                  fix: Label(vi: "bổ sung đảng viên, ghép hoặc giải thể chi bộ", en: "add members, merge or dissolve the cell"),
                  sql: """
                      SELECT o.id AS row_id, o.name AS subject, o.id AS org_id,
                          (SELECT count(*) FROM members m WHERE m.org_id = o.id AND m.status = 'official') || ' đảng viên chính thức' AS detail
                      FROM orgs o WHERE o.kind IN \(cellKinds) AND (o.dissolved IS NULL OR o.dissolved > ?)
                        AND (SELECT count(*) FROM members m WHERE m.org_id = o.id AND m.status = 'official') < 3
                      """),
        DataCheck("D113", .warning, entity: "orgs",
                  problem: Label(vi: "chi bộ từ 9 đảng viên chính thức trở lên chưa có chi ủy (R8)", en: "a cell with 9 or more full members and no committee (R8)"),
                  fix: Label(vi: "chi bộ bầu chi ủy; ghi nhiệm kỳ (term)", en: "the cell elects a committee; record its term (term)"),
                  sql: """
                      SELECT o.id AS row_id, o.name AS subject, o.id AS org_id,
                          (SELECT count(*) FROM members m WHERE m.org_id = o.id AND m.status = 'official') || ' đảng viên chính thức' AS detail
                      FROM orgs o WHERE o.kind IN \(cellKinds) AND o.has_committee = 0 AND (o.dissolved IS NULL OR o.dissolved > ?)
                        AND (SELECT count(*) FROM members m WHERE m.org_id = o.id AND m.status = 'official') >= 9
                      """),
        DataCheck("D114", .warning, entity: "orgs",
                  problem: Label(vi: "chi bộ cơ sở từ 30 đảng viên trở lên nên thành đảng bộ cơ sở (R7)",
                                 en: "a grassroots cell with 30 or more members should become a grassroots committee (R7)"),
                  fix: Label(vi: "đề nghị cấp trên thành lập đảng bộ cơ sở", en: "propose a grassroots committee to the level above"),
                  sql: """
                      SELECT o.id AS row_id, o.name AS subject, o.id AS org_id,
                          (SELECT count(*) FROM members m WHERE m.org_id = o.id AND \(onRoll("m"))) || ' đảng viên' AS detail
                      FROM orgs o WHERE o.kind = 'grassroots_cell' AND (o.dissolved IS NULL OR o.dissolved > ?)
                        AND (SELECT count(*) FROM members m WHERE m.org_id = o.id AND \(onRoll("m"))) >= 30
                      """),
        DataCheck("D115", .error, entity: "members",
                  problem: Label(vi: "kết nạp khi chưa đủ 18 tuổi (R1)", en: "admitted before the age of 18 (R1)"),
                  fix: Label(vi: "kiểm tra ngày sinh và ngày kết nạp", en: "check the birth and admission dates"),
                  sql: "SELECT m.id AS row_id, m.name AS subject, m.org_id AS org_id, 'kết nạp ' || m.admitted AS detail FROM members m "
                      + "WHERE m.admitted < date(m.born, '+18 years')"),
        DataCheck("D116", .error, entity: "members",
                  problem: Label(vi: "ngày chính thức không phải ngày đủ 12 tháng dự bị kể từ lễ kết nạp (R5)",
                                 en: "a confirmation date other than 12 months after the admission ceremony (R5)"),
                  fix: Label(vi: "sửa ngày của sự kiện công nhận chính thức hoặc lễ kết nạp (member_events | ... | update happened: ...)",
                             en: "correct the date of the confirmation or the ceremony (member_events | ... | update happened: ...)"),
                  // The ceremonies gathered once (a look-up per member of its own took 190 ms at a
                  // province; this 140, against 47 for the decision date alone).
                  sql: "SELECT row_id, subject, org_id, detail FROM (SELECT m.id AS row_id, m.name AS subject, m.org_id AS org_id, "
                      + "m.confirmed AS confirmed, coalesce(c.ceremony, m.admitted) AS start, "
                      + "'dự bị từ ' || coalesce(c.ceremony, m.admitted) || ', chính thức ' || m.confirmed AS detail "
                      + "FROM members m LEFT JOIN (SELECT member_id, min(happened) AS ceremony FROM member_events WHERE kind = 'ceremony' "
                      + "GROUP BY member_id) c ON c.member_id = m.id WHERE m.confirmed IS NOT NULL AND m.admitted IS NOT NULL) "
                      + "WHERE confirmed <> date(start, '+12 months') "
                      // 29 February: twelve months on is 28 February (SQLite would say 1 March).
                      + "AND NOT (substr(start, 6) = '02-29' AND confirmed = date(start, '+12 months', '-1 day'))"),
        DataCheck("D118", .error, entity: "awards",
                  problem: Label(vi: "huy hiệu Đảng trao khi chưa đủ tuổi đảng (R24)", en: "a badge given before the seniority it marks (R24)"),
                  fix: Label(vi: "kiểm tra ngày vào Đảng và năm trao huy hiệu", en: "check the admission date and the year of the badge"),
                  sql: """
                      SELECT a.id AS row_id, m.name AS subject, m.org_id AS org_id,
                          'huy hiệu ' || a.badge_years || ' năm, trao năm ' || a.year || ', vào Đảng ' || m.admitted AS detail
                      FROM awards a JOIN members m ON m.id = a.member_id
                      WHERE a.kind = 'badge' AND CAST(substr(m.admitted, 1, 4) AS INTEGER) + a.badge_years > a.year
                      """),
        // `+e.kind`: look the member's few events up by member. Without statistics (a database
        // never analysed) SQLite chose the index on kind and read every ceremony of the country
        // for each probationary member: 21 s instead of 0.1 s on 48,000 members.
        DataCheck("D119", .warning, entity: "members",
                  problem: Label(vi: "quá 30 ngày làm việc sau quyết định kết nạp chưa tổ chức lễ kết nạp (R4)",
                                 en: "no admission ceremony 30 working days after the decision (R4)"),
                  fix: Label(vi: "tổ chức lễ kết nạp (ceremony), muộn thì cần cấp trên đồng ý", en: "hold the ceremony (ceremony); late, with the superior's consent"),
                  sql: """
                      SELECT m.id AS row_id, m.name AS subject, m.org_id AS org_id, 'quyết định ' || m.admitted AS detail
                      FROM members m WHERE m.status = 'probationary' AND date(m.admitted, '+42 days') < ?
                        AND NOT EXISTS (SELECT 1 FROM member_events e WHERE e.member_id = m.id AND +e.kind = 'ceremony')
                      """),
        // Histories already inconsistent (entered before coso judged every event against the
        // whole history, or edited outside it): `members asof` would list such a member wrongly.
        DataCheck("D120", .error, entity: "member_events",
                  problem: Label(vi: "sự kiện trước ngày vào Đảng", en: "an event before the member's admission"),
                  fix: Label(vi: "sửa ngày của sự kiện (member_events | where id == ... | update happened: ...) hoặc hủy nếu ghi nhầm (void)",
                             en: "correct the event's date (member_events | where id == ... | update happened: ...) or void it"),
                  // Each member's first event, read from the (member, happened) index in one pass,
                  // against the admission on the roll: 170 ms at a province, against 510 for every
                  // admission's events looked up in turn.
                  sql: """
                      SELECT e.id AS row_id, m.name AS subject, m.org_id AS org_id,
                          e.kind || ' ' || e.happened || ', vào Đảng ' || m.admitted AS detail
                      FROM (SELECT member_id, min(happened) AS first FROM member_events GROUP BY member_id) f
                      JOIN members m ON m.id = f.member_id AND f.first < m.admitted
                      JOIN member_events e ON e.member_id = f.member_id AND e.happened < m.admitted
                      WHERE e.happened <= ?
                      """),
        DataCheck("D121", .error, entity: "member_events",
                  problem: Label(vi: "sự kiện sau khi đảng viên đã ra khỏi danh sách (từ trần, khai trừ, xóa tên, ra khỏi Đảng)",
                                 en: "an event after the member left the roll for good (death, expulsion, removal, withdrawal)"),
                  fix: Label(vi: "sửa ngày của sự kiện hoặc hủy nếu ghi nhầm (void)", en: "correct the event's date or void it"),
                  sql: """
                      SELECT e.id AS row_id, m.name AS subject, m.org_id AS org_id,
                          e.kind || ' ' || e.happened || ' sau ' || t.kind || ' ' || t.happened AS detail
                      FROM member_events t JOIN member_events e ON e.member_id = t.member_id AND e.happened > t.happened
                      JOIN members m ON m.id = t.member_id
                      WHERE t.kind IN ('died', 'expelled', 'removed', 'withdrew') AND e.happened <= ?
                      """),
        DataCheck("D122", .error, entity: "member_events",
                  problem: Label(vi: "nhận chuyển sinh hoạt đến khi chưa chuyển đi", en: "a transfer in without a transfer out before it"),
                  fix: Label(vi: "ghi việc chuyển đi trước (transfer out), hoặc hủy sự kiện ghi nhầm (void)",
                             en: "record the transfer out first (transfer out), or void the event entered by mistake"),
                  sql: """
                      SELECT e.id AS row_id, m.name AS subject, m.org_id AS org_id, 'chuyển đến ' || e.happened || ' khi đang ' || p.status AS detail
                      FROM member_events e JOIN members m ON m.id = e.member_id
                      JOIN member_events p ON p.id = (SELECT x.id FROM member_events x WHERE x.member_id = e.member_id AND x.status IS NOT NULL
                                                        AND (x.happened < e.happened OR (x.happened = e.happened AND x.id < e.id))
                                                      ORDER BY x.happened DESC, x.id DESC LIMIT 1)
                      WHERE e.kind = 'transfer_in' AND e.status IS NOT NULL AND p.status <> 'transferred_out' AND e.happened <= ?
                      """),
        // The roll is read from the members' dates (`on_roll`) and their status says the same
        // thing today: where they disagree, counts by status and counts of the roll differ.
        DataCheck("D123", .error, entity: "members",
                  problem: Label(vi: "tình trạng và ngày ra khỏi danh sách không khớp nhau", en: "the status and the date of leaving the roll disagree"),
                  fix: Label(vi: "ghi sự kiện làm đảng viên ra khỏi danh sách (transfer out, remove, ...) hoặc kiểm tra lại tình trạng",
                             en: "record the event that took the member off the roll (transfer out, remove, ...) or check the status"),
                  sql: """
                      SELECT m.id AS row_id, m.name AS subject, m.org_id AS org_id,
                          'tình trạng: ' || m.status || coalesce(', ra khỏi danh sách ' || m.ended, ', chưa có ngày ra khỏi danh sách') AS detail
                      FROM members m
                      WHERE (m.status IN \(rollStatuses) AND m.ended IS NOT NULL) OR (m.status NOT IN \(rollStatuses) AND m.ended IS NULL)
                      """),
        DataCheck("D117", .error, entity: "positions",
                  problem: Label(vi: "người giữ chức vụ không còn sinh hoạt đảng", en: "a position held by someone no longer on the roll"),
                  fix: Label(vi: "ghi ngày thôi giữ chức vụ: positions | where id == ... | position end on: @...", en: "record the end of the position: positions | where id == ... | position end on: @..."),
                  sql: """
                      SELECT p.id AS row_id, m.name AS subject, p.org_id AS org_id, 'tình trạng: ' || m.status AS detail
                      FROM positions p JOIN members m ON m.id = p.member_id
                      WHERE (p.ended IS NULL OR p.ended > ?) AND m.status NOT IN ('probationary', 'official')
                      """),
    ]
}
