import CosoCore

/// A report as data: titled sections of tables and charts, rendered to HTML (one self-contained
/// file) or Markdown. Every figure in it comes from a coso query run by `ReportBuilder`.
public struct Report: Sendable {
    public var title: String
    /// The part of the tree and the date the figures stand at.
    public var subtitle: String
    public var language: Language
    public var sections: [Section] = []

    public struct Section: Sendable {
        public var title: String
        public var note: String?
        public var blocks: [Block]
    }

    public enum Block: Sendable {
        case table(Table)
        /// Horizontal bars: one per label, with the value shown (a distribution, the weakest).
        case bars(BarChart)
        /// Lines over years: one series per target.
        case trend(TrendChart)
    }

    public struct Table: Sendable {
        public var headers: [String]
        public var rows: [[String]]
        /// Columns to align right (numbers).
        public var numeric: Set<Int>
        /// A column whose cell gets a status colour (đạt / chưa đạt / chưa có dữ liệu), and each
        /// row's status (`met`, `unmet`, `no_data`).
        public var statusColumn: Int?
        public var statuses: [String] = []
        /// Columns kept on one line (short figures such as "≥ 100%").
        public var nowrap: Set<Int> = []
    }

    public struct BarChart: Sendable {
        public var title: String
        public var bars: [(label: String, value: Double, text: String)]
        /// Values are percentages (the axis runs to 100).
        public var percent: Bool
    }

    public struct TrendChart: Sendable {
        public var title: String
        public var years: [Int]
        public var series: [(name: String, values: [Double?])]
        /// The target's level, drawn as a dashed line.
        public var goal: Double?
    }
}

/// Statuses of a target, as the targets module stores them.
enum TargetStatus: String {
    case met, unmet, no_data
}
