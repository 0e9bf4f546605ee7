import CosoCore

/// What the organisations module records besides the tree: villages and residential groups with
/// their cell, committee terms, "four good" and other recognitions, creative models (T3) and
/// meetings (R9).
enum OrgRecords {
    static let villageKind = EnumType(id: "village_kind", label: Label(vi: "Loại thôn", en: "Village kind"), cases: [
        .init("village", vi: "thôn", en: "village"),
        .init("residential_group", vi: "tổ dân phố", en: "residential group"),
        .init("ethnic_village", vi: "buôn, bon", en: "ethnic village"),
    ])

    static let recognitionKind = EnumType(id: "recognition_kind", label: Label(vi: "Danh hiệu", en: "Recognition"), cases: [
        .init("four_good", vi: "trong sạch, vững mạnh \"bốn tốt\"", en: "\"four good\""),
        .init("excellent_year", vi: "hoàn thành xuất sắc nhiệm vụ tiêu biểu", en: "excellent year, typical"),
        .init("excellent_5_years", vi: "hoàn thành xuất sắc nhiệm vụ 5 năm liền", en: "excellent five years running"),
    ])

    static let meetingKind = EnumType(id: "meeting_kind", label: Label(vi: "Loại sinh hoạt", en: "Meeting kind"), cases: [
        .init("regular", vi: "thường kỳ", en: "regular"),
        .init("thematic", vi: "chuyên đề", en: "thematic"),
        .init("congress", vi: "đại hội", en: "congress"),
        .init("online", vi: "trực tuyến", en: "online"),
    ])

    static let villages = Entity(
        name: "villages", label: Label(vi: "Thôn, tổ dân phố", en: "Villages and residential groups"),
        singular: Label(vi: "thôn, tổ dân phố", en: "village"), fields: [
            Field("name", .text, vi: "Tên", en: "Name", required: true, searchable: true),
            Field("kind", .enumeration("village_kind"), vi: "Loại", en: "Kind", required: true),
            Field("commune", .reference("orgs"), vi: "Đảng bộ xã", en: "Commune committee", required: true),
            Field("cell", .reference("orgs"), vi: "Chi bộ", en: "Cell"),
            Field("head_is_member", .bool, vi: "Trưởng thôn là đảng viên", en: "Head is a member", required: true),
            Field("front_head_is_member", .bool, vi: "Trưởng ban công tác Mặt trận là đảng viên", en: "Front team head is a member",
                  required: true),
        ])

    static let terms = Entity(
        name: "committee_terms", label: Label(vi: "Nhiệm kỳ cấp ủy", en: "Committee terms"),
        singular: Label(vi: "nhiệm kỳ", en: "term"), fields: [
            Field("org", .reference("orgs"), vi: "Tổ chức", en: "Organisation", required: true),
            Field("started", .date, vi: "Từ", en: "From", required: true),
            Field("ends", .date, vi: "Đến", en: "To", required: true),
            Field("seats", .int, vi: "Số cấp ủy viên", en: "Seats"),
        ], displayField: nil)

    static let recognitions = Entity(
        name: "recognitions", label: Label(vi: "Danh hiệu tổ chức đảng", en: "Recognitions"),
        singular: Label(vi: "danh hiệu", en: "recognition"), fields: [
            Field("org", .reference("orgs"), vi: "Tổ chức", en: "Organisation", required: true),
            Field("year", .int, vi: "Năm", en: "Year", required: true),
            Field("kind", .enumeration("recognition_kind"), vi: "Danh hiệu", en: "Recognition", required: true),
            Field("granted_by", .reference("orgs"), vi: "Cấp công nhận", en: "Granted by"),
        ], displayField: nil)

    static let innovations = Entity(
        name: "innovations", label: Label(vi: "Mô hình mới, cách làm sáng tạo", en: "Creative models"),
        singular: Label(vi: "mô hình", en: "creative model"), fields: [
            Field("org", .reference("orgs"), vi: "Tổ chức", en: "Organisation", required: true),
            Field("year", .int, vi: "Năm", en: "Year", required: true),
            Field("title", .text, vi: "Tên mô hình", en: "Title", required: true),
            Field("product", .text, vi: "Sản phẩm cụ thể", en: "Concrete product"),
            Field("rated_high", .bool, vi: "Được đánh giá cao", en: "Rated highly", required: true),
        ], displayField: "title")

    static let meetings = Entity(
        name: "meetings", label: Label(vi: "Sinh hoạt chi bộ", en: "Meetings"),
        singular: Label(vi: "buổi sinh hoạt", en: "meeting"), fields: [
            Field("org", .reference("orgs"), vi: "Tổ chức", en: "Organisation", required: true),
            Field("held", .date, vi: "Ngày", en: "Date", required: true),
            Field("kind", .enumeration("meeting_kind"), vi: "Loại", en: "Kind", required: true),
            Field("present", .int, vi: "Có mặt", en: "Present"),
            Field("excused", .int, vi: "Vắng có lý do", en: "Excused"),
        ], displayField: nil)

    static let migration = Migration(2, "villages, terms, recognitions, creative models, meetings", sql: """
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

    static let authorisation = Migration(3, "authorised to admit", sql: """
        ALTER TABLE orgs ADD COLUMN authorised_to_admit INTEGER NOT NULL DEFAULT 0 CHECK (authorised_to_admit IN (0, 1));
        UPDATE orgs SET authorised_to_admit = 1 WHERE kind IN ('provincial_committee', 'district_committee', 'commune_committee');
        """)
}
