/// The legend of a plot: one line a named series, a sample of how it is drawn, then its name.
///
/// Samples show exactly what the plot draws: ASCII mode the series marker (`*`, `+`, …, drawn at
/// every data dot); braille mode `──` in the series colour, or, without colour, the marker on a
/// line (`─*─`, the glyph the plot stamps along the curve). Point series show their marker.
public struct Legend: Equatable, Sendable {
    /// One line of the legend.
    public struct Entry: Equatable, Sendable {
        /// How the series looks, e.g. `*` or `─*─`.
        public var sample: String
        /// Colour of the sample, or `nil`.
        public var colour: Int?
        /// Series name.
        public var name: String

        /// Makes an entry.
        public init(sample: String, colour: Int?, name: String) {
            self.sample = sample
            self.colour = colour
            self.name = name
        }

        /// The entry as plain text.
        public var text: String { sample + " " + name }
    }

    /// Lines, in series order; unnamed series are left out.
    public var entries: [Entry]
    /// Whether a name cut short ends with `…` (else `~`, ASCII).
    public var unicode: Bool

    /// Makes a legend from entries.
    public init(entries: [Entry], unicode: Bool = true) {
        self.entries = entries
        self.unicode = unicode
    }

    /// The legend for `series` as ``PlotRenderer`` draws them.
    public init(series: [Series], braille: Bool, colours: Bool) {
        unicode = braille
        let repeated = braille && colours ? GlyphOverlay.repeatedColours(series) : []
        entries = series.enumerated().compactMap { index, series in
            guard !series.name.isEmpty else { return nil }
            let colour = colours ? series.resolvedColour(index: index) : nil
            let sample: String
            if !braille || series.style == .points {
                sample = String(series.resolvedMarker(index: index))
            } else if colours && !repeated.contains(index) {
                sample = "──"
            } else {
                sample = "─" + String(series.resolvedMarker(index: index)) + "─"
            }
            return Entry(sample: sample, colour: colour, name: series.name)
        }
    }

    /// Width in cells of the widest line.
    public var width: Int { entries.map { DisplayWidth.of($0.text) }.max() ?? 0 }

    /// The rectangle the legend takes in a corner of `area` (clipped to it), or `nil` when it
    /// has no entry. With ``LegendPlacement/automatic`` the corner covering the fewest cells for
    /// which `isUsed(column, row)` holds is chosen. The rectangle includes one blank column on
    /// the side facing the plot when there is room.
    public func box(in area: FrameRect, placement: LegendPlacement, isUsed: (Int, Int) -> Bool) -> FrameRect? {
        guard !entries.isEmpty, !area.isEmpty else { return nil }
        let boxHeight = min(entries.count, area.height)
        // A cut legend's last row is the count of the rest, whole: the box is as wide as it too
        // when the area allows (`… 13 more` is wider than a short name).
        let countWidth = boxHeight > 1 && entries.count > boxHeight ? DisplayWidth.of(moreText(entries.count - boxHeight + 1)) : 0
        let boxWidth = min(max(width, countWidth) + 1, area.width)
        func box(_ corner: LegendPlacement) -> FrameRect {
            let left = corner == .topLeft || corner == .bottomLeft
            let top = corner == .topLeft || corner == .topRight || corner == .automatic
            return FrameRect(
                x: left ? area.x : area.maxX - boxWidth, y: top ? area.y : area.maxY - boxHeight,
                width: boxWidth, height: boxHeight)
        }
        guard placement == .automatic else { return box(placement) }
        var best: (used: Int, rect: FrameRect)? = nil
        for candidate in [LegendPlacement.topRight, .topLeft, .bottomRight, .bottomLeft] {
            let rect = box(candidate)
            var used = 0
            for y in rect.y..<rect.maxY {
                for x in rect.x..<rect.maxX where isUsed(x, y) { used += 1 }
            }
            if used < (best?.used ?? Int.max) { best = (used, rect) }
        }
        return best?.rect
    }

    /// The entries laid out in rows of at most `width` cells, three spaces apart (the legend
    /// above the data area).
    public func lines(width: Int) -> [[Entry]] {
        var out: [[Entry]] = [], row: [Entry] = [], used = 0
        for e in entries {
            let w = DisplayWidth.of(e.text)
            if !row.isEmpty, used + 3 + w > width { out.append(row); row = []; used = 0 }
            used += (row.isEmpty ? 0 : 3) + w
            row.append(e)
        }
        if !row.isEmpty { out.append(row) }
        return out
    }

    /// Draws the legend as ``lines(width:)`` from `origin`, at most `rows` rows; a name wider
    /// than its row is cut with an ellipsis. A legend with more rows than `rows` ends its last
    /// row with `… N more` after the entries that fit before it; a legend of one row shows at
    /// least one entry (its name cut to leave room for the count). The count is whole or left
    /// out (then the row shows an entry), never cut: `… 4 mo` would misread as a number.
    public func drawLines(into frame: inout Frame, at origin: FramePoint, width: Int, rows: Int) {
        guard rows > 0 else { return }
        let clip = FrameRect(x: origin.x, y: origin.y, width: width, height: rows)
        var shown = Array(lines(width: width).prefix(rows + 1))
        var more = ""
        if shown.count > rows {
            let rest = Array(lines(width: width).dropFirst(rows - 1).joined())
            var kept = 0, used = 0
            for e in rest {
                let w = (kept == 0 ? 0 : 3) + DisplayWidth.of(e.text)
                guard used + w + 3 + DisplayWidth.of(moreText(rest.count - kept - 1)) <= width else { break }
                used += w
                kept += 1
            }
            // One row alone shows an entry whatever the count's room (it showed only the count).
            if rows == 1 { kept = max(1, kept) }
            shown = Array(shown.prefix(rows - 1)) + [Array(rest.prefix(kept))]
            more = moreText(rest.count - kept)
            // Room for the entry's sample and two columns of its name, else no count.
            if kept == 1, rows == 1, DisplayWidth.of(rest[0].sample) + 3 + 3 + DisplayWidth.of(more) > width { more = "" }
            // A row too narrow for the count alone shows an entry instead.
            if kept == 0, DisplayWidth.of(more) > width {
                more = ""
                shown[shown.count - 1] = Array(rest.prefix(1))
            }
        }
        for (r, line) in shown.enumerated() {
            let last = r == shown.count - 1
            let right = origin.x + width - (last && !more.isEmpty ? 3 + DisplayWidth.of(more) : 0)
            var x = origin.x
            for e in line {
                x += frame.put(string: e.sample, at: FramePoint(x: x, y: origin.y + r), foreground: e.colour, clip: clip)
                let name = " " + e.name.clipped(max(0, right - x - 1), unicode: unicode)
                x += frame.put(string: name + "   ", at: FramePoint(x: x, y: origin.y + r), clip: clip)
            }
            if last, !more.isEmpty { frame.put(string: more, at: FramePoint(x: x, y: origin.y + r), clip: clip) }
        }
    }

    /// `… N more` (`... N more` in ASCII).
    func moreText(_ count: Int) -> String { (unicode ? "… " : "... ") + "\(count) more" }

    /// Draws the legend into `box` (from ``box(in:placement:isUsed:)``), clearing it first;
    /// text is left-aligned, after the blank column when that is on the left. A box of one row
    /// too few for its entries is drawn as one row of ``drawLines(into:at:width:rows:)``.
    public func draw(into frame: inout Frame, box: FrameRect, area: FrameRect) {
        frame.fill(box)
        let blankOnLeft = box.x > area.x && box.width > width
        let textX = blankOnLeft ? box.x + 1 : box.x
        // Entries that do not fit are counted on the last row, the count whole; where it does
        // not fit whole, that row shows one more entry instead.
        let cut = entries.count > box.height
        if cut, box.height == 1 {
            drawLines(into: &frame, at: FramePoint(x: textX, y: box.y), width: box.maxX - textX, rows: 1)
            return
        }
        var shown = min(entries.count, box.height)
        if cut {
            let more = moreText(entries.count - (box.height - 1))
            if DisplayWidth.of(more) <= box.maxX - textX {
                shown = box.height - 1
                frame.put(string: more, at: FramePoint(x: textX, y: box.y + shown), clip: box)
            }
        }
        for (row, entry) in entries.prefix(shown).enumerated() {
            let used = frame.put(string: entry.sample, at: FramePoint(x: textX, y: box.y + row), foreground: entry.colour, clip: box)
            let name = entry.name.clipped(box.maxX - textX - used - 1, unicode: unicode)
            frame.put(string: " " + name, at: FramePoint(x: textX + used, y: box.y + row), clip: box)
        }
    }

    /// Draws the legend in a corner of `area` over what is there (the automatic corner avoids
    /// non-blank cells).
    public func draw(into frame: inout Frame, area: FrameRect, placement: LegendPlacement) {
        let snapshot = frame
        guard let rect = box(in: area, placement: placement, isUsed: { snapshot[$0, $1] != .blank }) else { return }
        draw(into: &frame, box: rect, area: area)
    }
}
