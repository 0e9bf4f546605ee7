import CosoCore

/// The hand-written steps of registers made before the tables were generated from declarations
/// (frozen: they bring such a register to the last hand-written schema, which is then rebuilt).
enum OrgMigrations {
    static let all = [
        Migration(legacy: 1, "organisation tree", sql: """
            CREATE TABLE orgs (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL CHECK (length(name) > 0),
                name_folded TEXT NOT NULL,
                name_sort TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('provincial_committee', 'district_committee', 'commune_committee',
                    'grassroots_committee', 'grassroots_cell', 'sub_committee', 'village_cell', 'subordinate_cell',
                    'party_group')),
                sector TEXT CHECK (sector IN ('village', 'residential_group', 'commune_office', 'school', 'health',
                    'military', 'police', 'state_agency', 'public_service', 'state_enterprise', 'private_enterprise',
                    'fdi', 'coop', 'credit_fund', 'party_agency', 'other')),
                parent_id INTEGER REFERENCES orgs(id),
                unit_code TEXT,
                founded TEXT CHECK (founded GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                dissolved TEXT CHECK (dissolved GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                dissolved_how TEXT CHECK (dissolved_how IN ('dissolved', 'merged', 'disbanded')),
                has_committee INTEGER NOT NULL DEFAULT 0 CHECK (has_committee IN (0, 1)),
                CHECK (dissolved IS NULL OR founded IS NULL OR dissolved >= founded),
                CHECK (parent_id IS NULL OR parent_id <> id)
            ) STRICT;
            CREATE INDEX orgs_parent ON orgs(parent_id);
            CREATE INDEX orgs_name ON orgs(name);
            CREATE INDEX orgs_name_folded ON orgs(name_folded);
            CREATE INDEX orgs_name_sort ON orgs(name_sort);
            CREATE INDEX orgs_kind ON orgs(kind, has_committee);
            """),
    ]
}
