import CosoCore

/// The organisations standing at a date, by kind and by sector.
enum OrgStatistics {
    static let live = "orgs | where (founded == null or founded <= $date) and (dissolved == null or dissolved > $date)"

    static let all: [StatisticDefinition] = [
        StatisticDefinition("org_kind", title: Label(vi: "Tổ chức đảng theo loại", en: "Organisations by kind"),
                            pipeline: "\(live) | summarize n: count() by kind"),
        StatisticDefinition("org_sector", title: Label(vi: "Tổ chức đảng theo loại hình", en: "Organisations by sector"),
                            pipeline: "\(live) | summarize n: count() by sector"),
    ]
}
