import CosoCore

/// The enum types of the member's history and duties besides the roll (their entities are in
/// `MemberRecordEntities.swift`), and the legacy step that made their tables.
enum MemberRecords {
    static let eventKind = EnumType(id: "member_event", label: Label(vi: "Sự kiện", en: "Event"), cases: [
        .init("admitted", vi: "quyết định kết nạp", en: "admission decision"),
        .init("ceremony", vi: "lễ kết nạp", en: "admission ceremony"),
        .init("new_member_course", vi: "học lớp đảng viên mới", en: "new-member course"),
        .init("confirmed", vi: "công nhận chính thức", en: "confirmed as full member"),
        .init("transfer_out", vi: "chuyển sinh hoạt đi", en: "transferred out"),
        .init("transfer_in", vi: "chuyển sinh hoạt đến", en: "transferred in"),
        .init("temp_out", vi: "chuyển sinh hoạt tạm thời đi", en: "temporary transfer out"),
        .init("temp_return", vi: "trở về sau sinh hoạt tạm thời", en: "return from temporary transfer"),
        .init("exempted", vi: "miễn công tác và sinh hoạt đảng", en: "exempted"),
        .init("suspended", vi: "đình chỉ sinh hoạt", en: "suspended"),
        .init("reinstated", vi: "phục hồi sinh hoạt", en: "reinstated"),
        .init("removed", vi: "xóa tên", en: "struck off"),
        .init("expelled", vi: "khai trừ", en: "expelled"),
        .init("withdrew", vi: "xin ra khỏi Đảng", en: "withdrew"),
        .init("died", vi: "từ trần", en: "died"),
        .init("card_issued", vi: "phát thẻ đảng viên", en: "card issued"),
    ])

    static let workStatus = EnumType(id: "work_status", label: Label(vi: "Tình trạng công tác", en: "Work status"), cases: [
        .init("civil_servant", vi: "cán bộ, công chức", en: "civil servant"),
        .init("public_employee", vi: "viên chức", en: "public employee"),
        .init("enterprise", vi: "làm việc ở doanh nghiệp", en: "enterprise"),
        .init("armed_forces", vi: "lực lượng vũ trang", en: "armed forces"),
        .init("retired", vi: "nghỉ hưu", en: "retired"),
        .init("farmer_or_freelance", vi: "nông dân, lao động tự do", en: "farmer or freelance"),
        .init("student", vi: "học sinh, sinh viên", en: "student"),
        .init("abroad", vi: "ở nước ngoài", en: "abroad"),
    ])

    static let role = EnumType(id: "position_role", label: Label(vi: "Chức vụ", en: "Position"), cases: [
        .init("secretary", vi: "bí thư", en: "secretary"),
        .init("deputy", vi: "phó bí thư", en: "deputy secretary"),
        .init("standing", vi: "ủy viên ban thường vụ", en: "standing committee member"),
        .init("member", vi: "cấp ủy viên", en: "committee member"),
        .init("inspection_chair", vi: "chủ nhiệm ủy ban kiểm tra", en: "inspection commission chair"),
        .init("inspection_member", vi: "ủy viên ủy ban kiểm tra", en: "inspection commission member"),
        .init("group_leader", vi: "tổ trưởng tổ đảng", en: "party group leader"),
    ])

    static let commitmentKind = EnumType(id: "commitment_kind", label: Label(vi: "Cam kết", en: "Commitment"), cases: [
        .init("ct05", vi: "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (Chỉ thị 05-CT/TW)", en: "Directive 05-CT/TW"),
        .init("anti_degradation", vi: "ngăn chặn, đẩy lùi suy thoái về tư tưởng chính trị, đạo đức, lối sống, \"tự diễn biến\", \"tự chuyển hóa\"", en: "against degradation"),
        .init("exemplary", vi: "nêu gương", en: "setting an example"),
    ])

    static let candidateStage = EnumType(id: "candidate_stage", label: Label(vi: "Bước", en: "Stage"), cases: [
        .init("listed", vi: "quần chúng ưu tú", en: "listed"),
        .init("trained", vi: "đã học lớp nhận thức về Đảng", en: "awareness course done"),
        .init("applied", vi: "đã có đơn", en: "applied"),
        .init("resolved", vi: "chi bộ đã có nghị quyết", en: "cell resolution passed"),
        .init("admitted", vi: "đã kết nạp", en: "admitted"),
        .init("dropped", vi: "dừng", en: "dropped"),
    ])

    static let migration = Migration(legacy: 3, "events, positions, organisation ratings, residence, commitments, candidates", sql: """
        ALTER TABLE members ADD COLUMN work_status TEXT CHECK (work_status IN ('civil_servant', 'public_employee', 'enterprise',
            'armed_forces', 'retired', 'farmer_or_freelance', 'student', 'abroad'));
        ALTER TABLE members ADD COLUMN residence_cell_id INTEGER REFERENCES orgs(id);
        ALTER TABLE members ADD COLUMN file_no TEXT;
        CREATE INDEX members_file_no ON members(file_no);
        CREATE TABLE member_events (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id),
            kind TEXT NOT NULL CHECK (kind IN ('admitted', 'ceremony', 'new_member_course', 'confirmed', 'transfer_out',
                'transfer_in', 'temp_out', 'temp_return', 'exempted', 'suspended', 'reinstated', 'removed', 'expelled',
                'withdrew', 'died', 'card_issued')),
            happened TEXT NOT NULL CHECK (happened GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            org_id INTEGER REFERENCES orgs(id),
            status TEXT CHECK (status IN ('probationary', 'official', 'exempted', 'suspended', 'transferred_out', 'deceased',
                'removed', 'expelled', 'withdrew')),
            decision_no TEXT,
            decided_by_id INTEGER REFERENCES orgs(id),
            votes_for INTEGER CHECK (votes_for >= 0),
            votes_total INTEGER CHECK (votes_total >= 0),
            introducer1_id INTEGER REFERENCES members(id),
            introducer2_id INTEGER REFERENCES members(id),
            note TEXT,
            CHECK (votes_for IS NULL OR votes_total IS NULL OR votes_for <= votes_total)
        ) STRICT;
        CREATE INDEX member_events_member ON member_events(member_id, happened);
        CREATE INDEX member_events_kind ON member_events(kind, happened);
        -- History for members recorded before events existed, from what the roll says.
        INSERT INTO member_events (member_id, kind, happened, org_id, status)
            SELECT id, 'admitted', admitted, org_id, 'probationary' FROM members WHERE admitted IS NOT NULL;
        INSERT INTO member_events (member_id, kind, happened, status)
            SELECT id, 'confirmed', confirmed, 'official' FROM members WHERE confirmed IS NOT NULL;
        INSERT INTO member_events (member_id, kind, happened, status)
            SELECT id, 'exempted', exempted, 'exempted' FROM members WHERE exempted IS NOT NULL;
        INSERT INTO member_events (member_id, kind, happened, status)
            SELECT id, 'removed', ended, status FROM members WHERE ended IS NOT NULL AND status = 'removed';
        CREATE TABLE positions (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id),
            org_id INTEGER NOT NULL REFERENCES orgs(id),
            role TEXT NOT NULL CHECK (role IN ('secretary', 'deputy', 'standing', 'member', 'inspection_chair',
                'inspection_member', 'group_leader')),
            elected INTEGER NOT NULL DEFAULT 1 CHECK (elected IN (0, 1)),
            started TEXT NOT NULL CHECK (started GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            ended TEXT CHECK (ended GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            village_head INTEGER NOT NULL DEFAULT 0 CHECK (village_head IN (0, 1)),
            front_head INTEGER NOT NULL DEFAULT 0 CHECK (front_head IN (0, 1)),
            council_chair INTEGER NOT NULL DEFAULT 0 CHECK (council_chair IN (0, 1)),
            committee_chair INTEGER NOT NULL DEFAULT 0 CHECK (committee_chair IN (0, 1)),
            unit_head INTEGER NOT NULL DEFAULT 0 CHECK (unit_head IN (0, 1)),
            CHECK (ended IS NULL OR ended >= started)
        ) STRICT;
        CREATE INDEX positions_org ON positions(org_id, role);
        CREATE INDEX positions_member ON positions(member_id);
        CREATE TABLE org_ratings (
            id INTEGER PRIMARY KEY,
            org_id INTEGER NOT NULL REFERENCES orgs(id),
            year INTEGER NOT NULL CHECK (year BETWEEN 1930 AND 2200),
            level TEXT NOT NULL CHECK (level IN ('excellent', 'good', 'completed', 'failed')),
            score INTEGER CHECK (score BETWEEN 0 AND 100),
            rulebook TEXT NOT NULL,
            UNIQUE (org_id, year)
        ) STRICT;
        CREATE TABLE quarter_ratings (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id),
            year INTEGER NOT NULL CHECK (year BETWEEN 1930 AND 2200),
            quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
            level TEXT NOT NULL CHECK (level IN ('excellent', 'good', 'completed', 'failed')),
            score INTEGER CHECK (score BETWEEN 0 AND 100),
            UNIQUE (member_id, year, quarter)
        ) STRICT;
        CREATE TABLE residence_comments (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id),
            year INTEGER NOT NULL CHECK (year BETWEEN 1930 AND 2200),
            cell_id INTEGER NOT NULL REFERENCES orgs(id),
            favourable INTEGER NOT NULL DEFAULT 1 CHECK (favourable IN (0, 1)),
            UNIQUE (member_id, year)
        ) STRICT;
        CREATE TABLE commitments (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id),
            year INTEGER NOT NULL CHECK (year BETWEEN 1930 AND 2200),
            kind TEXT NOT NULL CHECK (kind IN ('ct05', 'anti_degradation', 'exemplary')),
            UNIQUE (member_id, year, kind)
        ) STRICT;
        CREATE TABLE candidates (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(name) > 0),
            name_folded TEXT NOT NULL,
            name_sort TEXT NOT NULL,
            gender TEXT NOT NULL CHECK (gender IN ('male', 'female')),
            born TEXT NOT NULL CHECK (born GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            org_id INTEGER NOT NULL REFERENCES orgs(id),
            stage TEXT NOT NULL CHECK (stage IN ('listed', 'trained', 'applied', 'resolved', 'admitted', 'dropped')),
            listed TEXT NOT NULL CHECK (listed GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            awareness_course TEXT CHECK (awareness_course GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            applied TEXT CHECK (applied GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            member_id INTEGER REFERENCES members(id)
        ) STRICT;
        CREATE INDEX candidates_org ON candidates(org_id, stage);
        CREATE INDEX candidates_name_folded ON candidates(name_folded);
        CREATE INDEX candidates_name_sort ON candidates(name_sort);
        """)
}
