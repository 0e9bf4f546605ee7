import CosoCore

/// The enum types of what the organisations module records besides the tree (villages, committee
/// terms, recognitions, creative models, meetings: `OrgRecordEntities.swift`), and the hand-written
/// steps that made their tables before tables were generated from the declarations.
enum OrgRecords {
    static let villageKind = EnumType(id: "village_kind", label: Label(vi: "Loại thôn", en: "Village kind"), cases: [
        .init("village", vi: "thôn", en: "village"),
        .init("residential_group", vi: "tổ dân phố", en: "residential group"),
        .init("ethnic_village", vi: "buôn, bon", en: "ethnic village"),
    ])

    static let recognitionKind = EnumType(id: "recognition_kind", label: Label(vi: "Danh hiệu", en: "Recognition"), cases: [
        .init("four_good", vi: "chi bộ, đảng bộ cơ sở \"bốn tốt\"", en: "\"four good\""),
        .init("excellent_year", vi: "hoàn thành xuất sắc nhiệm vụ tiêu biểu", en: "excellent year, typical"),
        .init("excellent_5_years", vi: "hoàn thành xuất sắc nhiệm vụ 5 năm liền", en: "excellent five years running"),
    ])

    static let meetingKind = EnumType(id: "meeting_kind", label: Label(vi: "Loại sinh hoạt", en: "Meeting kind"), cases: [
        .init("regular", vi: "thường kỳ", en: "regular"),
        .init("thematic", vi: "chuyên đề", en: "thematic"),
        .init("congress", vi: "đại hội", en: "congress"),
        .init("online", vi: "trực tuyến", en: "online"),
    ])

    static let migration = Migration(legacy: 2, "villages, terms, recognitions, creative models, meetings", sql: """
        CREATE TABLE villages (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(name) > 0),
            name_folded TEXT NOT NULL,
            name_sort TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('village', 'residential_group', 'ethnic_village')),
            commune_id INTEGER NOT NULL REFERENCES orgs(id),
            cell_id INTEGER REFERENCES orgs(id),
            head_is_member INTEGER NOT NULL DEFAULT 0 CHECK (head_is_member IN (0, 1)),
            front_head_is_member INTEGER NOT NULL DEFAULT 0 CHECK (front_head_is_member IN (0, 1))
        ) STRICT;
        CREATE INDEX villages_commune ON villages(commune_id);
        CREATE INDEX villages_cell ON villages(cell_id);
        CREATE INDEX villages_name_folded ON villages(name_folded);
        CREATE INDEX villages_name_sort ON villages(name_sort);
        CREATE TABLE committee_terms (
            id INTEGER PRIMARY KEY,
            org_id INTEGER NOT NULL REFERENCES orgs(id),
            started TEXT NOT NULL CHECK (started GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            ends TEXT NOT NULL CHECK (ends GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            seats INTEGER CHECK (seats > 0),
            CHECK (ends > started)
        ) STRICT;
        CREATE INDEX committee_terms_org ON committee_terms(org_id);
        CREATE TABLE recognitions (
            id INTEGER PRIMARY KEY,
            org_id INTEGER NOT NULL REFERENCES orgs(id),
            year INTEGER NOT NULL CHECK (year BETWEEN 1930 AND 2200),
            kind TEXT NOT NULL CHECK (kind IN ('four_good', 'excellent_year', 'excellent_5_years')),
            granted_by_id INTEGER REFERENCES orgs(id),
            UNIQUE (org_id, year, kind)
        ) STRICT;
        CREATE TABLE innovations (
            id INTEGER PRIMARY KEY,
            org_id INTEGER NOT NULL REFERENCES orgs(id),
            year INTEGER NOT NULL CHECK (year BETWEEN 1930 AND 2200),
            title TEXT NOT NULL CHECK (length(title) > 0),
            product TEXT,
            rated_high INTEGER NOT NULL DEFAULT 0 CHECK (rated_high IN (0, 1))
        ) STRICT;
        CREATE INDEX innovations_org ON innovations(org_id, year);
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            org_id INTEGER NOT NULL REFERENCES orgs(id),
            held TEXT NOT NULL CHECK (held GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            kind TEXT NOT NULL CHECK (kind IN ('regular', 'thematic', 'congress', 'online')),
            present INTEGER CHECK (present >= 0),
            excused INTEGER CHECK (excused >= 0)
        ) STRICT;
        CREATE INDEX meetings_org ON meetings(org_id, held);
        """)

    static let authorisation = Migration(legacy: 3, "authorised to admit", sql: """
        ALTER TABLE orgs ADD COLUMN authorised_to_admit INTEGER NOT NULL DEFAULT 0 CHECK (authorised_to_admit IN (0, 1));
        UPDATE orgs SET authorised_to_admit = 1 WHERE kind IN ('provincial_committee', 'district_committee', 'commune_committee');
        """)
}
