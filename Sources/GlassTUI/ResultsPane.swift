import GlassKit
import GlassPlot

/// The results pane's layout: lines in runs between headings, each run a small table — labels in
/// a label column, numbers aligned on their decimal point, units and flags after the value.
extension ExplorerRenderer {
    /// The narrowest label column: a short label still leaves the numbers in one column.
    static let labelColumn = 9

    /// The rows of the results pane (a unit and flag that do not fit take a row of their own;
    /// notes wrapped where the side has room for every row, else cut), then the warnings count.
    /// Widths are display widths, so a wide label does not shift the numbers. `lines`: the view's
    /// result lines, when the caller has them.
    static func resultRows(_ s: ExplorerState, _ r: FrameRect, _ lines: [ResultLine]? = nil) -> [PaneRow] {
        let uni = s.style.braille
        /// `line`, then `flag` after it in bold (yellow with colours).
        func row(_ line: String, flag: String? = nil, attributes: CellAttributes) -> PaneRow {
            { f, y in
                let used = f.put(string: line, at: FramePoint(x: r.x, y: y), attributes: attributes, clip: r)
                if let flag {
                    f.put(string: " " + flag, at: FramePoint(x: r.x + used, y: y), foreground: s.style.colours ? 3 : nil, attributes: .bold, clip: r)
                }
            }
        }
        let results = lines ?? ViewRegistry.view(s.view).results(s)
        let values = results.map { ScreenText.fit($0.value, unicode: uni) }
        // A hidden state's lines are dim; a terminal without dim shows their label in parentheses.
        let labels = results.map { ScreenText.fit(s.style.dim ? $0.label : hiddenMarked($0), unicode: uni) }
        // No unit after a value not computed (`T_s  —`, not `— K`).
        let units = results.map { ScreenText.fit(ScreenNumber.unit($0.unit, after: $0.value), unicode: uni) }
        let flags = results.map { $0.flag.map { ScreenText.fit($0, unicode: uni) } }
        let pads = alignmentPads(results, values: values)
        let columns = labelColumns(results, labels: labels)
        /// Label `k` fitted to `n` columns: a name cut in its middle, any other label at its end.
        func fit(_ k: Int, _ n: Int) -> String {
            results[k].labelIsName ? labels[k].fittedInMiddle(n, unicode: uni) : labels[k].fitted(n, unicode: uni)
        }
        /// Width of the unit and flag after a value (each with its space).
        func tailWidth(_ k: Int) -> Int {
            (units[k].isEmpty ? 0 : DisplayWidth.of(units[k]) + 1) + (flags[k].map { DisplayWidth.of($0) + 1 } ?? 0)
        }
        /// Line `k` up to its value: the label takes its run's column and gives up width only when
        /// the line is too long, down to 9; then the unit and flag move down (and the label keeps
        /// what they leave). A value too long for even that takes the label column too. Padding
        /// never pushes the value itself past the edge.
        func body(_ k: Int) -> String {
            let valueWidth = DisplayWidth.of(values[k])
            let withValue = r.width - 1 - pads[k] - valueWidth, withTail = withValue - tailWidth(k)
            let labelWidth = labelColumn + 1 + valueWidth <= r.width
                ? max(labelColumn, min(columns[k], withTail >= labelColumn ? withTail : withValue))
                : max(DisplayWidth.of(labels[k]), r.width - 1 - valueWidth)
            let room = r.width - labelWidth - 1 - valueWidth
            return fit(k, labelWidth) + " " + String(repeating: " ", count: max(0, min(pads[k], room))) + values[k]
        }
        /// Heading `k` as rows: a name cut in its middle (one row); any other heading, a note such
        /// as `! log a_T rises with T somewhere` or a reason `not computed: …`, wrapped between
        /// words under its own indent, so that it is read whole, not guessed from its first columns.
        func headingLines(_ k: Int) -> [String] {
            if results[k].labelIsName || DisplayWidth.of(labels[k]) <= r.width { return [fit(k, r.width)] }
            return labels[k].wrappedUnderIndent(r.width, unicode: uni).map { $0.fitted(r.width, unicode: uni) }
        }
        var rows: [PaneRow] = []
        // Each wrapped note's rows and the one row it takes cut (`fit`), for a pane without room.
        var notes: [(rows: Range<Int>, cut: PaneRow)] = []
        for run in runs(results, including: true) {
            guard !results[run.lowerBound].isHeading else {
                let k = run.lowerBound
                // A heading's unit or count that does not fit goes to the end of the next line,
                // as a parameter's unit does; the title gives up its width instead.
                guard !units[k].isEmpty, DisplayWidth.of(labels[k]) > r.width else {
                    let lines = headingLines(k)
                    if lines.count > 1 { notes.append((rows.count..<(rows.count + lines.count), row(fit(k, r.width), attributes: .dim))) }
                    for line in lines { rows.append(row(line, attributes: .dim)) }
                    continue
                }
                let title = ScreenText.fit(String(results[k].label.dropLast(results[k].unit.count + 1)), unicode: uni)
                rows.append(row(results[k].labelIsName ? title.fittedInMiddle(r.width, unicode: uni) : title.fitted(r.width, unicode: uni),
                                attributes: .dim))
                let unit = units[k].clipped(r.width, unicode: uni)
                rows.append(row(String(repeating: " ", count: max(0, r.width - DisplayWidth.of(unit))) + unit, attributes: .dim))
                continue
            }
            let bodies = Dictionary(uniqueKeysWithValues: run.filter { !results[$0].isColumnHead }.map { ($0, body($0)) })
            // A table's column heads end where its widest row's value ends (right-aligned heads
            // over right-aligned numbers; a head wider than its numbers reaches into the gap before them).
            let end = min(r.width, bodies.values.map(DisplayWidth.of).max() ?? r.width)
            for k in run {
                let attributes: CellAttributes = results[k].dimmed || results[k].isColumnHead ? .dim : []
                guard let line = bodies[k] else {
                    let heads = values[k].clipped(end, unicode: uni)
                    let room = end - DisplayWidth.of(heads)
                    let label = room > 1 ? fit(k, room - 1) + " " : String(repeating: " ", count: room)
                    rows.append(row((label + heads).fitted(r.width, unicode: uni), attributes: attributes))
                    continue
                }
                if DisplayWidth.of(line) + tailWidth(k) <= r.width {
                    rows.append(row(units[k].isEmpty ? line : line + " " + units[k], flag: flags[k], attributes: attributes))
                } else {
                    // The unit and the flag stay together, at the end of the next line.
                    rows.append(row(line.clipped(r.width, unicode: uni), attributes: attributes))
                    guard tailWidth(k) > 0 else { continue }
                    let flagWidth = flags[k].map { DisplayWidth.of($0) + 1 } ?? 0
                    let unit = units[k].clipped(max(0, r.width - flagWidth), unicode: uni)
                    rows.append(row(String(repeating: " ", count: max(0, r.width - flagWidth - DisplayWidth.of(unit))) + unit,
                                    flag: flags[k], attributes: attributes))
                }
            }
        }
        if let r0 = s.results, !r0.warnings.isEmpty {
            rows.append(row("warnings: \(r0.warnings.count) (W lists them)".fitted(r.width, unicode: uni), attributes: .dim))
        }
        // Notes stay wrapped only where the side has room for every row so (the states listed whole
        // above them): wrapped notes must not push the numbers out of a small pane, where the
        // reading of a selected isotherm's cost or a moved bound is what the user watches.
        let states = max(1, s.paneStates.count)
        let split = sideSplit(s, height: r.height, headerRows: s.workspace.count > 1 ? 2 : 1, states: states, results: rows.count)
        guard !notes.isEmpty, split.states.count < states || split.resultRows < rows.count else { return rows }
        var cut: [PaneRow] = [], next = 0
        for note in notes {
            cut += rows[next..<note.rows.lowerBound]
            cut.append(note.cut)
            next = note.rows.upperBound
        }
        return cut + rows[next...]
    }

    /// The width the results pane needs for none of its names to be cut: a line whose label is a
    /// name, whole with its value (the label column its run gives it, the padding and the value;
    /// a unit or flag may go to the next line), a heading that holds a name whole. 0 without names.
    static func namesWidth(_ s: ExplorerState, _ results: [ResultLine]) -> Int {
        let uni = s.style.braille
        guard results.contains(where: \.labelIsName) else { return 0 }
        let values = results.map { ScreenText.fit($0.value, unicode: uni) }
        let labels = results.map { ScreenText.fit(s.style.dim ? $0.label : hiddenMarked($0), unicode: uni) }
        let pads = alignmentPads(results, values: values)
        let columns = labelColumns(results, labels: labels)
        return results.indices.filter { results[$0].labelIsName && !results[$0].isColumnHead }.map { k in
            results[k].isHeading ? DisplayWidth.of(labels[k]) : columns[k] + 1 + pads[k] + DisplayWidth.of(values[k])
        }.max() ?? 0
    }

    /// A line's label as a terminal without the dim attribute shows it: a hidden state's line
    /// (dimmed, not a heading or column head) in parentheses, `(as-cast)`, as nothing else marks it.
    static func hiddenMarked(_ line: ResultLine) -> String {
        line.dimmed && !line.isHeading && !line.isColumnHead ? "(" + line.label + ")" : line.label
    }

    /// The runs of lines between headings, each the lines of one block of the pane (a column
    /// head starts a block of its table's rows alone); with `including`, each heading too, as a run of
    /// its own, so the runs cover every line in order.
    static func runs(_ lines: [ResultLine], including headings: Bool = false) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        while start < lines.count {
            var end = start
            if lines[start].isColumnHead {
                // A table: its head and its rows, whatever follows.
                end = min(lines.count, start + 1 + lines[start].tableRows)
                while end > start + 1, lines[start + 1..<end].contains(where: \.isHeading) { end -= 1 }
            } else {
                while end < lines.count, !lines[end].isHeading, !lines[end].isColumnHead { end += 1 }
            }
            if end > start { out.append(start..<end) }
            // A heading is a run of its own (when asked for) and no part of the next.
            guard end < lines.count, lines[end].isHeading else { start = end; continue }
            if headings { out.append(end..<(end + 1)) }
            start = end + 1
        }
        return out
    }

    /// For each line, the label column of its run: its widest label, at least 9 (a table's
    /// first column), so that a label is whole wherever the pane has room for it. A column
    /// head's label does not widen it.
    static func labelColumns(_ lines: [ResultLine], labels: [String]) -> [Int] {
        var columns = [Int](repeating: labelColumn, count: lines.count)
        for run in runs(lines) {
            let widest = max(labelColumn, run.filter { !lines[$0].isColumnHead }.map { DisplayWidth.of(labels[$0]) }.max() ?? 0)
            for k in run { columns[k] = widest }
        }
        return columns
    }

    /// For each line, the spaces that line its value's decimal point up with the other numbers
    /// of its run of lines between headings (0 for headings and for words such as "linear").
    static func alignmentPads(_ lines: [ResultLine], values: [String]) -> [Int] {
        /// Characters before the decimal point (or before the first space when there is none)
        /// of a value that starts like a number.
        func integerWidth(_ v: String) -> Int? {
            guard v.drop(while: { $0 == "(" || $0 == "-" }).first?.isNumber == true else { return nil }
            let number = v.prefix { $0 != " " }
            return number.distance(from: number.startIndex, to: number.firstIndex(of: ".") ?? number.endIndex)
        }
        var pads = [Int](repeating: 0, count: lines.count)
        for run in runs(lines) {
            let widths = run.map { lines[$0].isColumnHead ? nil : integerWidth(values[$0]) }
            if let widest = widths.compactMap({ $0 }).max() {
                for (k, w) in zip(run, widths) { if let w { pads[k] = widest - w } }
            }
        }
        // A group's numbers align over all its runs: its widest integer part sets them.
        var groupWidest: [Int: Int] = [:]
        let grouped = lines.indices.compactMap { k -> (k: Int, group: Int, width: Int)? in
            guard let g = lines[k].alignmentGroup, !lines[k].isColumnHead, let w = integerWidth(values[k]) else { return nil }
            return (k, g, w)
        }
        for l in grouped { groupWidest[l.group] = max(groupWidest[l.group] ?? 0, l.width) }
        for l in grouped { pads[l.k] = (groupWidest[l.group] ?? l.width) - l.width }
        return pads
    }
}
