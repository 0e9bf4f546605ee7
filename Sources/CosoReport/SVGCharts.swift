import CosoCore

/// Charts drawn as inline SVG: no script, no network, crisp in print.
enum SVGCharts {
    static let palette = ["#1f5fa8", "#c0392b", "#2e7d32", "#8e44ad", "#d68910"]

    /// Horizontal bars, one per label, the value written at the bar's end.
    static func bars(_ chart: Report.BarChart) -> String {
        let width = 680.0, labelWidth = 250.0, row = 22.0, top = 8.0
        let height = top + row * Double(chart.bars.count) + 8
        let maxValue = chart.percent ? 100 : max(chart.bars.map(\.value).max() ?? 1, 1)
        let barSpace = width - labelWidth - 150
        var svg = "<svg class=\"chart bars\" viewBox=\"0 0 \(HTML.n(width)) \(HTML.n(height))\" role=\"img\" aria-label=\"\(HTML.escape(chart.title))\">"
        for (i, bar) in chart.bars.enumerated() {
            let y = top + row * Double(i)
            let w = max(1, barSpace * min(bar.value, maxValue) / maxValue)
            let label = bar.label.count > 38 ? String(bar.label.prefix(37)) + "…" : bar.label
            svg += "<text x=\"\(HTML.n(labelWidth - 8))\" y=\"\(HTML.n(y + 15))\" text-anchor=\"end\" class=\"label\">\(HTML.escape(label))</text>"
            svg += "<rect x=\"\(HTML.n(labelWidth))\" y=\"\(HTML.n(y + 3))\" width=\"\(HTML.n(w))\" height=\"\(HTML.n(row - 6))\" fill=\"\(palette[0])\" rx=\"2\"/>"
            svg += "<text x=\"\(HTML.n(labelWidth + w + 6))\" y=\"\(HTML.n(y + 15))\" class=\"value\">\(HTML.escape(bar.text))</text>"
        }
        return svg + "</svg>"
    }

    /// A line over the years, each point labelled, years missing left as gaps.
    static func trend(_ chart: Report.TrendChart, language: Language) -> String {
        func shown(_ x: Double) -> String { DisplayFormat.decimal((x * 10).rounded() / 10, language, places: 1) }
        let width = 320.0, height = 170.0, left = 34.0, right = 12.0, top = 16.0, bottom = 26.0
        let values = chart.series.flatMap { $0.values.compactMap { $0 } }
        let hi = max(values.max() ?? 1, chart.goal ?? 0, 1)
        let scale = hi > 60 && hi <= 100 ? 100 : (hi * 1.15).rounded(.up)
        let step = chart.years.count > 1 ? (width - left - right) / Double(chart.years.count - 1) : 0
        func x(_ i: Int) -> Double { left + step * Double(i) }
        func y(_ v: Double) -> Double { top + (height - top - bottom) * (1 - v / scale) }
        var svg = "<svg class=\"chart trend\" viewBox=\"0 0 \(HTML.n(width)) \(HTML.n(height))\" role=\"img\" aria-label=\"\(HTML.escape(chart.title))\">"
        for f in [0.0, 0.5, 1.0] {
            let v = scale * f
            svg += "<line x1=\"\(HTML.n(left))\" x2=\"\(HTML.n(width - right))\" y1=\"\(HTML.n(y(v)))\" y2=\"\(HTML.n(y(v)))\" class=\"grid\"/>"
            svg += "<text x=\"\(HTML.n(left - 4))\" y=\"\(HTML.n(y(v) + 4))\" text-anchor=\"end\" class=\"axis\">\(shown(v))</text>"
        }
        for (i, year) in chart.years.enumerated() {
            svg += "<text x=\"\(HTML.n(x(i)))\" y=\"\(HTML.n(height - 8))\" text-anchor=\"middle\" class=\"axis\">\(year)</text>"
        }
        if let goal = chart.goal {
            svg += "<line x1=\"\(HTML.n(left))\" x2=\"\(HTML.n(width - right))\" y1=\"\(HTML.n(y(goal)))\" y2=\"\(HTML.n(y(goal)))\" class=\"goal\"/>"
            svg += "<text x=\"\(HTML.n(left + 3))\" y=\"\(HTML.n(y(goal) + 10))\" class=\"goal\">\(shown(goal))</text>"
        }
        for (s, series) in chart.series.enumerated() {
            let colour = palette[s % palette.count]
            // Consecutive known points are joined; a missing year breaks the line.
            var run: [String] = []
            func flush() {
                if run.count > 1 { svg += "<polyline points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>" }
                run = []
            }
            for (i, v) in series.values.enumerated() {
                guard let v else { flush(); continue }
                run.append("\(HTML.n(x(i))),\(HTML.n(y(v)))")
            }
            flush()
            for (i, v) in series.values.enumerated() {
                guard let v else { continue }
                svg += "<circle cx=\"\(HTML.n(x(i)))\" cy=\"\(HTML.n(y(v)))\" r=\"3\" fill=\"\(colour)\"/>"
                svg += "<text x=\"\(HTML.n(x(i)))\" y=\"\(HTML.n(y(v) - 7))\" text-anchor=\"middle\" class=\"value\">\(shown(v))</text>"
            }
        }
        return svg + "</svg>"
    }
}
