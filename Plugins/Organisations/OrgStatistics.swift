import CosoCore

/// The organisations standing at a date, by kind and by sector, as they stood then (`orgs asof`:
/// an organisation made another kind since is counted as the kind it was).
enum OrgStatistics {
    static let live = "orgs asof $date | where dissolved == null"

    static let all: [StatisticDefinition] = [
        StatisticDefinition("org_kind", title: Label(vi: "Tổ chức đảng theo loại", en: "Organisations by kind"),
                            pipeline: "\(live) | summarize n: count() by kind"),
        StatisticDefinition("org_sector", title: Label(vi: "Tổ chức đảng theo loại hình", en: "Organisations by sector"),
                            pipeline: "\(live) | summarize n: count() by sector"),
    ]
}
