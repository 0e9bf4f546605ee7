import CosoCore

/// The hand-written steps of registers made before the tables were generated from declarations
/// (frozen: they bring such a register to the last hand-written schema, which is then rebuilt).
enum MemberMigrations {
    static let all = [
        Migration(legacy: 1, "member roll", sql: """
            CREATE TABLE members (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL CHECK (length(name) > 0),
                name_folded TEXT NOT NULL,
                name_sort TEXT NOT NULL,
                gender TEXT NOT NULL CHECK (gender IN ('male', 'female')),
                born TEXT NOT NULL CHECK (born GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                ethnicity TEXT CHECK (ethnicity IN ('kinh', 'tay', 'thai', 'hoa', 'khmer', 'muong', 'nung', 'hmong',
                    'dao', 'gia_rai', 'ngai', 'e_de', 'ba_na', 'xo_dang', 'san_chay', 'co_ho', 'cham', 'san_diu', 'hre',
                    'mnong', 'ra_glai', 'xtieng', 'bru_van_kieu', 'tho', 'giay', 'co_tu', 'gie_trieng', 'ma', 'kho_mu',
                    'co', 'ta_oi', 'cho_ro', 'khang', 'xinh_mun', 'ha_nhi', 'chu_ru', 'lao', 'la_chi', 'la_ha', 'phu_la',
                    'la_hu', 'lu', 'lo_lo', 'chut', 'mang', 'pa_then', 'co_lao', 'cong', 'bo_y', 'si_la', 'pu_peo',
                    'brau', 'o_du', 'ro_mam', 'foreign_origin')),
                religion TEXT CHECK (religion IN ('none', 'buddhism', 'catholic', 'protestant', 'caodai', 'hoahao',
                    'islam', 'other')),
                national_id TEXT,
                card_no TEXT,
                occupation TEXT CHECK (occupation IN ('farmer', 'worker', 'civil_servant', 'public_employee',
                    'armed_forces', 'enterprise_employee', 'private_business_owner', 'self_employed', 'student',
                    'retired', 'other')),
                education TEXT CHECK (education IN ('primary', 'lower_secondary', 'upper_secondary')),
                qualification TEXT CHECK (qualification IN ('none', 'vocational', 'professional_secondary', 'college',
                    'university', 'master', 'doctor')),
                theory TEXT CHECK (theory IN ('none', 'elementary', 'intermediate', 'advanced', 'bachelor')),
                status TEXT NOT NULL CHECK (status IN ('probationary', 'official', 'exempted', 'suspended',
                    'transferred_out', 'deceased', 'removed', 'expelled', 'withdrew')),
                org_id INTEGER NOT NULL REFERENCES orgs(id),
                admitted TEXT CHECK (admitted GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                confirmed TEXT CHECK (confirmed GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                exempted TEXT CHECK (exempted GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                exemption_reason TEXT CHECK (exemption_reason IN ('old_age', 'ill_health')),
                ended TEXT CHECK (ended GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                removal_reason TEXT CHECK (removal_reason IN ('absent', 'unpaid_fees', 'card_returned', 'not_improved',
                    'breached_standards', 'failed_probation', 'political', 'other')),
                CHECK (confirmed IS NULL OR admitted IS NULL OR confirmed > admitted)
            ) STRICT;
            CREATE INDEX members_org ON members(org_id, status);
            CREATE INDEX members_status ON members(status);
            CREATE INDEX members_name ON members(name);
            CREATE INDEX members_name_folded ON members(name_folded);
            CREATE INDEX members_name_sort ON members(name_sort);
            CREATE INDEX members_national_id ON members(national_id);
            CREATE INDEX members_card_no ON members(card_no);
            CREATE INDEX members_admitted ON members(admitted);
            """),
        Migration(legacy: 2, "member ratings", sql: """
            CREATE TABLE ratings (
                id INTEGER PRIMARY KEY,
                member_id INTEGER NOT NULL REFERENCES members(id),
                year INTEGER NOT NULL CHECK (year BETWEEN 1930 AND 2200),
                level TEXT NOT NULL CHECK (level IN ('excellent', 'good', 'completed', 'failed')),
                score INTEGER CHECK (score BETWEEN 0 AND 100),
                rulebook TEXT NOT NULL,
                UNIQUE (member_id, year)
            ) STRICT;
            CREATE INDEX ratings_year ON ratings(year, level);
            """),
    ]

    /// Who was on the roll at a date, read from the index alone: the plan's targets and the
    /// statistics count members by their dates (admitted, ended, exempted), work status and
    /// occupation at a country's scale. The index on `admitted` alone made SQLite look every
    /// member up in the table (33 s for one count over 5.5 million members; 0.2 s now).
    static let onRollIndex = Migration(legacy: 6, "an index covering who is on the roll at a date", sql: """
        DROP INDEX IF EXISTS members_admitted;
        CREATE INDEX IF NOT EXISTS members_on_roll ON members(admitted, ended, exempted, work_status, occupation);
        """)

    /// A member's status and organisation at a date, read from the index alone: `members asof D`
    /// looks up each member's latest event by D with a status and with an organisation. The index
    /// on (member_id, happened) made SQLite read every such event's row in the table (province:
    /// `members asof @2020-12-31 | where status == official | count` 133 ms, 78 ms with this one;
    /// `id` is named so that "latest, then highest id" is the index's own order).
    static let historyIndex = Migration(legacy: 7, "an index covering a member's history at a date", sql: """
        DROP INDEX IF EXISTS member_events_member;
        CREATE INDEX member_events_member ON member_events(member_id, happened, id, status, org_id);
        """)

    /// File numbers indexed only where a member has one: the column is optional, and an index of
    /// it held an entry for every member without one (all 5.5 million of the country demo's,
    /// two seconds of its build). `file_no = ?` still finds it.
    static let fileNumberIndex = Migration(legacy: 8, "file numbers indexed where there are some", sql: """
        DROP INDEX IF EXISTS members_file_no;
        CREATE INDEX members_file_no ON members(file_no) WHERE file_no IS NOT NULL;
        """)

    /// No index of the members' names as written: `name == "..."` and `name in [..]` go through the
    /// folded name's index (the planner compares both columns), and so does the importer's look-up
    /// of a member by name. The index took 3 s of the country demo's build and 143 MB of its file.
    static let nameIndexDropped = Migration(legacy: 9, "names found through the folded name's index", sql: """
        DROP INDEX IF EXISTS members_name;
        """)

    /// People's names sort by given name, then middle and family name (`Field.sortsByGivenName`):
    /// their sort keys are emptied here ('' is no text's key) and computed again by the store, which
    /// refills the shadow columns of every row that lacks them (`TableRebuild`).
    static let personNameOrder = Migration(10, "people's names sorted by given name first", sql: """
        UPDATE members SET name_sort = '' WHERE name IS NOT NULL;
        UPDATE candidates SET name_sort = '' WHERE name IS NOT NULL;
        """)
}
