import CosoCore

/// Members' awards and badges (R24): their kinds, and the legacy step that added them and the rest
/// of the member record (2-HSĐV).
enum MemberRecord2HSDV {
    static let awardKind = EnumType(id: "award_kind", label: Label(vi: "Khen thưởng", en: "Award"), cases: [
        .init("excellent_year", vi: "đảng viên hoàn thành xuất sắc nhiệm vụ tiêu biểu", en: "excellent member of the year"),
        .init("excellent_5_years", vi: "hoàn thành xuất sắc nhiệm vụ 5 năm liền", en: "excellent five years running"),
        .init("typical", vi: "gương điển hình tiên tiến", en: "typical example"),
        .init("badge", vi: "huy hiệu Đảng", en: "seniority badge"),
    ])

    static let migration = Migration(legacy: 5, "the rest of 2-HSĐV, awards and badges", sql: """
        ALTER TABLE members ADD COLUMN other_names TEXT;
        ALTER TABLE members ADD COLUMN birth_place TEXT;
        ALTER TABLE members ADD COLUMN home_town TEXT;
        ALTER TABLE members ADD COLUMN permanent_address TEXT;
        ALTER TABLE members ADD COLUMN current_address TEXT;
        ALTER TABLE members ADD COLUMN family_background TEXT;
        ALTER TABLE members ADD COLUMN youth_union_joined TEXT CHECK (youth_union_joined GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');
        ALTER TABLE members ADD COLUMN army_joined TEXT CHECK (army_joined GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');
        ALTER TABLE members ADD COLUMN army_left TEXT CHECK (army_left GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');
        ALTER TABLE members ADD COLUMN foreign_language TEXT;
        ALTER TABLE members ADD COLUMN it_level TEXT;
        ALTER TABLE members ADD COLUMN health TEXT;
        CREATE TABLE awards (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id),
            year INTEGER NOT NULL CHECK (year BETWEEN 1930 AND 2200),
            kind TEXT NOT NULL CHECK (kind IN ('excellent_year', 'excellent_5_years', 'typical', 'badge')),
            badge_years INTEGER CHECK (badge_years IN (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)),
            granted_by_id INTEGER REFERENCES orgs(id),
            CHECK ((kind = 'badge') = (badge_years IS NOT NULL))
        ) STRICT;
        CREATE INDEX awards_member ON awards(member_id);
        -- Counting members of a status by organisation reads only this index (a grouped count at a
        -- million members: 61 -> 20 ms).
        DROP INDEX members_status;
        CREATE INDEX members_status ON members(status, org_id);
        """)

    /// R24 (UNVERIFIED): a badge at these years of seniority.
    static let badgeYears = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]
}

/// Awards and seniority badges of a member.
public enum Awards {
    public static let member = Field("member", .reference("members"), vi: "Đảng viên", en: "Member", required: true)
    public static let year = Field.year()
    public static let kind = Field("kind", .enumeration("award_kind"), vi: "Hình thức", en: "Kind", required: true)
    public static let badgeYears = Field("badge_years", .int, vi: "Huy hiệu (năm tuổi đảng)", en: "Badge (years of seniority)")
        .oneOf(MemberRecord2HSDV.badgeYears.map(Int64.init))
    /// R24 (UNVERIFIED): the years of seniority a badge marks.
    public static let badgeMarks = MemberRecord2HSDV.badgeYears
    public static let grantedBy = Field("granted_by", .reference("orgs"), vi: "Cấp khen thưởng", en: "Granted by")

    public static let entity = Entity(
        name: "awards", label: Label(vi: "Khen thưởng, huy hiệu", en: "Awards and badges"),
        singular: Label(vi: "khen thưởng", en: "award"), fields: [member, year, kind, badgeYears, grantedBy], displayField: nil,
        constraints: [.presentExactlyWhen(badgeYears, when: kind, equals: .text("badge"))],
        indexes: [Index("awards_member", on: [member])])
}
