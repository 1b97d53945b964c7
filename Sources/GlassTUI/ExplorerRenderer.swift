import GlassKit
import GlassPlot

/// The pure render of the explorer: state → frame. Layout: a title bar with the view tabs;
/// at the left the states pane above the results pane; the plot at the right; a probe line
/// (values at the cursor) and a status line (prompt, message or key hints) at the bottom.
public enum ExplorerRenderer {
    /// Smallest usable size; below it a "terminal too small" notice is drawn.
    public static let minimumWidth = 72
    /// Smallest usable height.
    public static let minimumHeight = 20

    /// The rectangles of a frame of `width` × `height`.
    struct Layout {
        var side: FrameRect
        var separatorColumn: Int
        var plot: FrameRect
        var probeRow: Int
        var statusRow: Int

        /// The layout at `width` × `height` whose side needs `names` columns for no state or
        /// study name to be cut: 3/10 of the width (28 to 36 columns), wider where names would be
        /// cut, up to 2/5 of the width (the plot keeps 3/5).
        init(width: Int, height: Int, names: Int = 0) {
            let sideWidth = max(min(36, max(28, width * 3 / 10)), min(names, width * 2 / 5))
            side = FrameRect(x: 0, y: 1, width: sideWidth, height: height - 3)
            separatorColumn = sideWidth
            plot = FrameRect(x: sideWidth + 1, y: 1, width: width - sideWidth - 1, height: height - 3)
            probeRow = height - 2
            statusRow = height - 1
        }
    }

    /// The layout of `s` at `width` × `height` (its own size by default): the side as wide as its
    /// names need (a state pane row `>[x] ■ NAME`, the results' lines that hold a name), within
    /// ``Layout/init(width:height:names:)``'s limits. `results`: the view's result lines, when the
    /// caller has them (a frame computes them once).
    static func frameLayout(_ s: ExplorerState, width: Int? = nil, height: Int? = nil, results: [ResultLine]? = nil) -> Layout {
        let widest = s.style.braille ? s.widestPaneLabel.unicode : s.widestPaneLabel.ascii
        let study = studyLine(s).map { DisplayWidth.of(ScreenText.fit($0.prefix + $0.name, unicode: s.style.braille)) } ?? 0
        let names = max(widest > 0 ? 7 + widest : 0, study, namesWidth(s, results ?? ViewRegistry.view(s.view).results(s)))
        return Layout(width: width ?? s.width, height: height ?? s.height, names: names)
    }

    /// The frame for the state's terminal size.
    public static func render(_ s: ExplorerState) -> Frame { render(s, width: s.width, height: s.height) }

    /// The frame at `width` × `height`.
    public static func render(_ s: ExplorerState, width: Int, height: Int) -> Frame {
        var cache = PlotPaneCache()
        return render(s, width: width, height: height, plotCache: &cache)
    }

    /// The frame for the state's terminal size, its plot copied from `plotCache` when the last
    /// frame drew the same plot (the runtime keeps one from frame to frame).
    public static func render(_ s: ExplorerState, plotCache: inout PlotPaneCache) -> Frame {
        render(s, width: s.width, height: s.height, plotCache: &plotCache)
    }

    /// The frame at `width` × `height`, its plot drawn through `plotCache`.
    public static func render(_ s: ExplorerState, width: Int, height: Int, plotCache: inout PlotPaneCache) -> Frame {
        var f = Frame(width: width, height: height)
        let uni = s.style.braille
        guard fits(width: width, height: height) else {
            tooSmall(&f, unicode: uni)
            return f
        }
        let view = ViewRegistry.view(s.view)
        // The view's result lines, once: the side's width and the results pane both read them.
        let results = view.results(s)
        let layout = frameLayout(s, width: width, height: height, results: results)
        titleBar(&f, s)
        statesPane(&f, s, layout.side, results: results)
        for y in layout.side.y..<layout.side.maxY { f[layout.separatorColumn, y] = Cell(s.style.boxLines ? "│" : "|", attributes: .dim) }
        plotPane(&f, s, view, layout.plot, cache: &plotCache)
        f.put(string: ScreenText.fitted(view.probe(s), width, unicode: uni), at: FramePoint(x: 0, y: layout.probeRow), attributes: .dim)
        statusLine(&f, s, row: layout.statusRow, probeRow: layout.probeRow)
        // The plot's region is final here; an overlay drawn over it next writes to a copy.
        plotCache.keep(f)
        if case .help(let top) = s.mode { helpOverlay(&f, s, top: top, unicode: uni) }
        if case .pickBaseline(let choices, let index) = s.mode {
            pickList(&f, s, title: " Baseline ", choices.map(\.description), index, current: s.baseline.description, layout.plot)
        }
        if case .warnings(let top) = s.mode { warningsOverlay(&f, s, top: top) }
        if case .pickStudy(let index) = s.mode {
            let names = StudyWorkspace.names(s)
            pickList(&f, s, title: " Study ", names, index, current: names[s.studyIndex], layout.plot)
        }
        return f
    }

    /// Where the plot's data area is for the state's size (for mouse clicks).
    public static func plotGeometry(_ s: ExplorerState) -> PlotGeometry? {
        guard fits(width: s.width, height: s.height) else { return nil }
        let layout = frameLayout(s)
        guard let spec = Navigation.plot(s, view: ViewRegistry.view(s.view), columns: layout.plot.width) else { return nil }
        var f = Frame(width: s.width, height: s.height)
        return PlotRenderer.render(ScreenText.fit(spec, unicode: s.style.braille), into: &f, region: layout.plot,
                                   braille: s.style.braille, colours: s.style.colours)
    }

    /// The "terminal too small" notice, in the longest wording whose lines all fit the width
    /// (shorter on narrow screens), centred; on fewer rows than it has lines, its lines joined
    /// on one row, so that `q quits` stays in view. Lines that still do not fit are cut between
    /// words with `…`, so a size is never cut into another number. Rows that do not fit are left
    /// out from the last.
    static func tooSmall(_ f: inout Frame, unicode: Bool) {
        let size = "\(f.width)x\(f.height)", needed = "\(minimumWidth)x\(minimumHeight)"
        let wordings = [["terminal too small: \(size)", "glassview needs \(needed)", "enlarge the window; q quits"],
                        ["too small: \(size)", "needs \(needed)", "enlarge; q quits"],
                        ["too small", "need \(needed)", "q quits"]]
        let (width, height) = (f.width, f.height)
        let fitting = wordings.lazy.compactMap { lines -> [String]? in
            if lines.count > height { let one = lines.joined(separator: " · "); return DisplayWidth.of(one) <= width ? [one] : nil }
            return lines.allSatisfy { $0.count <= width } ? lines : nil
        }
        let chosen = fitting.first ?? wordings[wordings.count - 1]
        let lines = chosen.prefix(f.height).map { ScreenText.fit($0, unicode: unicode).clippedAtWords(f.width, unicode: unicode) }
        let top = max(0, (f.height - lines.count) / 2)
        for (i, l) in lines.enumerated() {
            f.put(string: l, at: FramePoint(x: max(0, (f.width - DisplayWidth.of(l)) / 2), y: top + i), attributes: i == 0 ? .bold : [])
        }
    }

    static func titleBar(_ f: inout Frame, _ s: ExplorerState) {
        let uni = s.style.braille
        func makeTabs(compact: Bool) -> [(String, Bool)] {
            ViewID.allCases.map { v in
                let text = compact && v != s.view ? v.key : "\(v.key) \(v.tab)"
                return (ScreenText.fit(text, unicode: uni), v == s.view)
            }
        }
        // Every tab named when that leaves 30 columns for the title; else only the current one.
        var tabs = makeTabs(compact: false)
        if f.width - tabs.reduce(0, { $0 + DisplayWidth.of($1.0) + 1 }) < 30 { tabs = makeTabs(compact: true) }
        let tabsWidth = tabs.reduce(0) { $0 + DisplayWidth.of($1.0) + 1 }
        // The study name is shortened before the composition, which names the glass.
        let room = max(0, f.width - tabsWidth - 1)
        let head = ScreenText.fit("glassview · ", unicode: uni)
        let tail = s.study?.composition.map { ScreenText.fit(" · " + $0, unicode: uni) } ?? ""
        let nameRoom = room - DisplayWidth.of(head) - DisplayWidth.of(tail)
        let name = ScreenText.fit(StudyWorkspace.currentName(s), unicode: uni)
        let title: String
        if nameRoom >= min(DisplayWidth.of(name), 8) {
            // Cut in its middle: studies whose names differ at the end (`vit1`, `vit1-netzsch`) stay apart.
            title = head + name.clippedInMiddle(nameRoom, unicode: uni) + tail
        } else {
            title = (head + name + tail).clipped(room, unicode: uni)
        }
        f.put(string: title, at: FramePoint(x: 0, y: 0), attributes: .bold)
        var x = f.width - tabsWidth
        for (text, current) in tabs {
            f.put(string: text, at: FramePoint(x: x, y: 0), attributes: current ? [.reverse, .bold] : [])
            x += DisplayWidth.of(text) + 1
        }
    }

    /// The states pane's first row with several studies open: `Study 2/3 (s) ` and the name,
    /// which is cut in its middle and widens the side as a state's name does.
    static func studyLine(_ s: ExplorerState) -> (prefix: String, name: String)? {
        guard s.workspace.count > 1 else { return nil }
        return ("Study \(s.studyIndex + 1)/\(s.workspace.count) (s) ", StudyWorkspace.currentName(s))
    }

    /// One row of a side pane, drawn at a row once the pane knows which rows fit.
    typealias PaneRow = (inout Frame, Int) -> Void

    /// The states pane above the results pane. When both do not fit, the states pane keeps at
    /// least half the side (scrolled so the selected state is shown) and the results pane the
    /// rest; a list cut short says how many lines are above or below (`… 11 more`).
    static func statesPane(_ f: inout Frame, _ s: ExplorerState, _ r: FrameRect, results lines: [ResultLine]) {
        let uni = s.style.braille
        func text(_ t: String, fg: Int? = nil, attributes: CellAttributes = []) -> PaneRow {
            { f, y in f.put(string: ScreenText.fitted(t, r.width, unicode: uni), at: FramePoint(x: r.x, y: y),
                            foreground: fg, attributes: attributes, clip: r) }
        }
        var header: [PaneRow] = []
        if let line = studyLine(s) {
            let prefix = ScreenText.fit(line.prefix, unicode: uni)
            let name = ScreenText.fit(line.name, unicode: uni).clippedInMiddle(max(0, r.width - DisplayWidth.of(prefix)), unicode: uni)
            header.append(text(prefix + name, attributes: .bold))
        }
        header.append(text("States", attributes: .bold))
        // Only the rows shown are made: a frame costs O(rows), not O(states).
        let entries = s.paneStates
        let states: (count: Int, row: (Int) -> PaneRow) = entries.isEmpty
            ? (1, { _ in text(s.loadError != nil ? "(study not loaded)" : "(no states)", attributes: .dim) })
            : (entries.count, { stateRow(s, $0, entries[$0], r) })
        let results = resultRows(s, r, lines)
        let split = sideSplit(s, height: r.height, headerRows: header.count, states: states.count, results: results.count)
        let window = split.states
        var rows = header
        if window.above > 0 { rows.append(text("… \(window.above) above", attributes: .dim)) }
        rows += window.range.map { states.row($0) }
        if window.below > 0 { rows.append(text("… \(window.below) more", attributes: .dim)) }
        rows.append { _, _ in }
        // The results' lines below their title, from the line PgUp/PgDn scrolled to; the title
        // says which are shown when they are not all (`Results · 6 tanδ 9–26/79`).
        let shown = ScrollWindow.from(top: s.resultsTop, total: results.count, rows: split.resultRows)
        let tab = ViewRegistry.view(s.view).id.tab
        var title = "Results · " + tab
        if shown.above + shown.below > 0, shown.count > 0 {
            let position = "\(shown.first + 1)–\(shown.first + shown.count)/\(results.count)"
            title = (DisplayWidth.of(title) + 1 + position.count <= r.width ? title : tab) + " " + position
        }
        rows.append(text(title, attributes: .bold))
        if shown.above > 0 { rows.append(text("… \(shown.above) above", attributes: .dim)) }
        rows += shown.range.map { results[$0] }
        if shown.below > 0 { rows.append(text(moreLine(shown.below, warnings: s.results?.warnings.count ?? 0, width: r.width, unicode: uni), attributes: .dim)) }
        for (k, row) in rows.prefix(r.height).enumerated() { row(&f, r.y + k) }
    }

    /// The results pane's last row when lines are left out below: `… 20 more`, and, as the
    /// warnings count is the pane's last line (so among those left out), the count too where it
    /// fits: `… 20 more · warnings: 181 (W)`. A long list (view 9's log10 a_T by isotherm) would
    /// otherwise hide that the analysis warned at all. Each form is measured as drawn (`... 20
    /// more - 181 warnings` on an ASCII terminal).
    static func moreLine(_ below: Int, warnings: Int, width: Int, unicode: Bool = true) -> String {
        let more = "… \(below) more"
        guard warnings > 0 else { return more }
        for tail in [" · warnings: \(warnings) (W)", " · \(warnings) warnings", " · !\(warnings)"]
        where DisplayWidth.of(ScreenText.fit(more + tail, unicode: unicode)) <= width {
            return more + tail
        }
        return more
    }

    /// The pane state (its index in ``ExplorerState/paneStates``) drawn at a screen cell, for a
    /// click: the rows ``statesPane`` gives the states, nil elsewhere (a heading, `… 3 above`).
    public static func paneState(at point: FramePoint, _ s: ExplorerState) -> Int? {
        guard fits(width: s.width, height: s.height) else { return nil }
        let r = Layout(width: s.width, height: s.height).side
        guard r.contains(point), !s.paneStates.isEmpty else { return nil }
        let headerRows = s.workspace.count > 1 ? 2 : 1
        let split = sideSplit(s, height: r.height, headerRows: headerRows, states: s.paneStates.count, results: resultRows(s, r).count)
        let k = point.y - r.y - headerRows - (split.states.above > 0 ? 1 : 0)
        return (0..<split.states.count).contains(k) ? split.states.first + k : nil
    }

    /// How the side splits between the states list and the results: the states' window (all
    /// when everything fits, else at least half of what is left, scrolled to the selection) and
    /// the rows left for the results' lines under their title.
    static func sideSplit(_ s: ExplorerState, height: Int, headerRows: Int, states: Int, results: Int) -> (states: ScrollWindow, resultRows: Int) {
        let room = height - headerRows - 1, withTitle = results + 1
        let stateRows = states + withTitle <= room ? states
            : min(states, max(min(states, max(3, room / 2)), room - withTitle))
        let window = ScrollWindow.around(selection: min(s.selection, max(0, states - 1)), total: states, rows: stateRows)
        let used = headerRows + (window.above > 0 ? 1 : 0) + window.count + (window.below > 0 ? 1 : 0) + 1
        return (window, height - used - 1)
    }

    /// The results pane's scrolling at the state's size: a page (the lines shown between the
    /// `… above` and `… more` lines) and the first line of the last screenful (0: all fit).
    static func resultsScroll(_ s: ExplorerState) -> (page: Int, lastTop: Int) {
        guard fits(width: s.width, height: s.height) else { return (1, 0) }
        let side = frameLayout(s).side
        let headerRows = s.workspace.count > 1 ? 2 : 1
        let results = resultRows(s, side).count
        let rows = sideSplit(s, height: side.height, headerRows: headerRows, states: max(1, s.paneStates.count), results: results).resultRows
        let last = ScrollWindow.from(top: results, total: results, rows: rows)
        return (max(1, rows - 2), last.first)
    }

    /// The row of pane state `i` (entry `st`): pointer, check box, colour or marker, label, cooling
    /// rate. The label is the state's name and comes first: the DMA mark, then the rate, give way
    /// before it is cut, and then it is cut in its middle, so two states never look alike.
    static func stateRow(_ s: ExplorerState, _ i: Int, _ st: ExplorerState.PaneState, _ r: FrameRect) -> PaneRow {
        let uni = s.style.braille
        let visible = s.isVisible(st.label)
        let rateOnly = st.coolingRateKPerMin.map { "\(Format.shortNumber($0)) K/min" } ?? "as-cast"
        let selected = i == s.selection
        let head = (selected ? ">" : " ") + (visible ? "[x]" : "[ ]") + " "
        // A coloured square while the palette lasts; past it (colours repeat) the state's marker,
        // which its curve then carries too.
        let glyph: String = s.style.colours && uni && i < Series.palette.count ? "■" : String(CurveSeries.marker(stateIndex: i))
        // In the screen's character set first, then fitted: `冷却` is 4 columns, `??` two.
        let label = ScreenText.fit(st.label, unicode: uni)
        let room = r.width - head.count - 2
        let rate = [rateOnly + (st.dmaOnly ? " DMA" : ""), rateOnly, ""]
            .first { DisplayWidth.of(label) + ($0.isEmpty ? 0 : 1 + $0.count) <= room } ?? ""
        let labelWidth = max(1, room - (rate.isEmpty ? 0 : rate.count + 1))
        let text = label.fittedInMiddle(labelWidth, unicode: uni) + (rate.isEmpty ? "" : " " + rate)
        return { f, y in
            f.put(string: head, at: FramePoint(x: r.x, y: y), attributes: selected ? .bold : [], clip: r)
            f.put(string: ScreenText.fit(glyph, unicode: uni), at: FramePoint(x: r.x + head.count, y: y),
                  foreground: s.style.colours ? CurveSeries.colour(stateIndex: i) : nil, clip: r)
            f.put(string: (" " + text).clipped(r.width - head.count - 1, unicode: uni),
                  at: FramePoint(x: r.x + head.count + 1, y: y), attributes: visible ? (selected ? .bold : []) : .dim, clip: r)
        }
    }

    static func plotPane(_ f: inout Frame, _ s: ExplorerState, _ view: any ExplorerView, _ r: FrameRect, cache: inout PlotPaneCache) {
        let uni = s.style.braille
        if let spec = Navigation.plot(s, view: view, columns: r.width) {
            _ = cache.render(ScreenText.fit(spec, unicode: uni), into: &f, region: r, braille: uni, colours: s.style.colours,
                             lineDrawing: s.style.lineDrawing)
            return
        }
        // Wrapped, a word wider than the pane (a file path) broken across lines: nothing is cut.
        let lines = ScreenText.fit(view.unavailable(s), unicode: uni).wrapped(max(10, r.width - 4), unicode: uni)
        let top = r.y + max(0, (r.height - lines.count) / 2)
        for (i, l) in lines.enumerated() {
            let shown = l.clipped(r.width, unicode: uni)
            f.put(string: shown, at: FramePoint(x: r.x + max(0, (r.width - DisplayWidth.of(shown)) / 2), y: top + i), clip: r)
        }
    }

    /// Key hints for the status line, most important first; what does not fit is left out and
    /// `? more` closes the line.
    static func hints(_ s: ExplorerState) -> [String] {
        // `W` whenever it lists something: the warnings, or why the study was not opened or analysed.
        KeyBindings.hints(for: s.view, studies: s.workspace.count, warnings: !WarningList.lines(s).isEmpty,
                          studyOpened: s.loadError == nil, unicode: s.style.braille)
    }

    /// The hints that fit in `width`, then `? more` (or `? help` when all fit).
    static func hintLine(_ s: ExplorerState, width: Int) -> String {
        var line = ""
        let all = hints(s)
        for (k, h) in all.enumerated() {
            let closing = k == all.count - 1 ? "  ? help" : "  ? more"
            if (line.isEmpty ? h : line + "  " + h).count + closing.count > width { return line + (line.isEmpty ? "? more" : "  ? more") }
            line = line.isEmpty ? h : line + "  " + h
        }
        return line + "  ? help"
    }

    static func statusLine(_ f: inout Frame, _ s: ExplorerState, row: Int, probeRow: Int) {
        let uni = s.style.braille
        let text: String
        var attributes: CellAttributes = []
        // A prompt's caret: the column of the character it stands on (reverse video), or of
        // the `_` after its text while it is at the end.
        var caret: Int?
        // In ASCII `^ v` would name other keys: the arrows in words.
        let arrows = uni ? "↑↓" : "Up/Down"
        switch s.mode {
        case .input(let c, let typed):
            let head = "\(c.rawValue) (\(c.unit)) = "
            caret = caretColumn(head, typed, s)
            text = head + promptShown(typed, s) + (s.inputNote.map { $0 + "; " } ?? "") + "Enter sets, \(clearHint(s)), Esc cancels"
            attributes = .bold
        case .warnings:
            // The list covers the probe line a long hint would take: a short one where it does not fit.
            let full = "warnings: \(arrows) j k scroll, J K or PgDn PgUp a page, Home End the ends, Esc or q closes"
            text = DisplayWidth.of(full) <= f.width ? full : "warnings: j k scroll, J K a page, Home End the ends, Esc or q closes"
            attributes = .bold
        case .help:
            // The overlay's own keys (the normal mode's hints do nothing here).
            text = "help: \(arrows) j k scroll, J K or PgDn PgUp a page, Esc ? or q closes"
            attributes = .bold
        case .pickStudy:
            text = "study: \(arrows) choose, Enter opens, Esc, q or s cancels"
            attributes = .bold
        case .pickBaseline:
            text = "baseline: \(arrows) choose, Enter applies, Esc, q or b cancels"
            attributes = .bold
        case .rangeInput(let axis, let typed):
            let head = "\(axis.rawValue) range = "
            caret = caretColumn(head, typed, s)
            text = head + promptShown(typed, s) + (s.inputNote.map { $0 + "; " } ?? "") + "LO HI, Enter sets, \(clearHint(s)), Esc cancels"
            attributes = .bold
        case .confirm(let q, _):
            text = q
            attributes = .bold
        case .normal:
            if let m = s.message {
                text = m
                attributes = .bold
            } else if let e = s.analysisError {
                text = "analysis: " + e
                attributes = .bold
            } else {
                text = hintLine(s, width: f.width)
            }
        }
        var shown = ScreenText.fit(text, unicode: uni)
        // Inside the text the caret's character is shown in reverse video; at the end it is the `_`.
        let inside = s.inputCaret > 0
        if DisplayWidth.of(shown) > f.width, probeRow >= 0 {
            // A long message or question takes the probe line too: its head there, the rest below.
            var cut = shown.startIndex, used = 0
            while cut < shown.endIndex, used + DisplayWidth.of(shown[cut]) <= f.width { used += DisplayWidth.of(shown[cut]); cut = shown.index(after: cut) }
            if let space = shown[..<cut].lastIndex(of: " "), shown.distance(from: shown.startIndex, to: space) > f.width / 2 { cut = space }
            f.put(string: String(shown[..<cut]).fitted(f.width, unicode: uni), at: FramePoint(x: 0, y: probeRow), attributes: attributes)
            let head = DisplayWidth.of(String(shown[..<cut]))
            if let c = caret, c < head {
                if inside { f[c, probeRow].attributes.insert(.reverse) }
                f.caret = FramePoint(x: c, y: probeRow)
            }
            let rest = shown[cut...]
            shown = String(rest).trimmingWhitespace
            // The caret below, after the spaces the cut left out (on one of them: the row's start).
            caret = caret.flatMap { $0 < head ? nil : max(0, $0 - head - (DisplayWidth.of(String(rest)) - DisplayWidth.of(shown))) }
        }
        f.put(string: shown.fitted(f.width, unicode: uni), at: FramePoint(x: 0, y: row), attributes: attributes)
        if let c = caret, c < f.width {
            if inside { f[c, row].attributes.insert(.reverse) }
            f.caret = FramePoint(x: c, y: row)
        }
    }

    /// Ctrl-U clears what is before the caret: all of it at the end, as the hint then says.
    static func clearHint(_ s: ExplorerState) -> String {
        s.inputCaret == 0 ? "Ctrl-U clears" : "Ctrl-U/K clear before/after the caret"
    }

    /// A prompt's text as the status line shows it: `_` after it while the caret is at its end,
    /// a blank otherwise (the character at the caret is then shown in reverse video).
    static func promptShown(_ typed: String, _ s: ExplorerState) -> String {
        typed + (s.inputCaret == 0 ? "_   " : "    ")
    }

    /// The column of a prompt's caret: of the character it stands on, or of the `_` after the
    /// text while it is at the end.
    static func caretColumn(_ head: String, _ typed: String, _ s: ExplorerState) -> Int {
        DisplayWidth.of(ScreenText.fit(head + PromptLine(typed, after: s.inputCaret).beforeCaret, unicode: s.style.braille))
    }

    /// A pick-list at the top left of the plot: the chosen line in reverse video, the one in
    /// force marked with `*`.
    static func pickList(_ f: inout Frame, _ s: ExplorerState, title: String, _ items: [String], _ index: Int, current: String,
                         _ area: FrameRect) {
        let uni = s.style.braille
        // In the screen's character set before the box is measured (ScreenText.fitted's rule).
        let lines = items.map { ScreenText.fit(($0 == current ? "* " : "  ") + $0, unicode: uni) }
        let title = ScreenText.fit(title, unicode: uni)
        let h = min(area.height, lines.count + 2)
        // From the list's own top, moved only to keep the chosen line visible; a list cut short
        // says so on its bottom edge (`3 above, 9 more`), as every list does.
        let first = pickFirst(index: index, top: s.pickTop, count: lines.count, rows: h - 2)
        let above = first, below = max(0, lines.count - first - (h - 2))
        let note = [above > 0 ? "\(above) above" : nil, below > 0 ? "\(below) more" : nil].compactMap { $0 }.joined(separator: ", ")
        // As wide as its lines, its title (`┌─ Study ─┐` over two short names) and the note; inside
        // the plot, which it starts one column into (a long state label ran it past the screen).
        let w = min(area.width - 1, max(lines.map(DisplayWidth.of).max() ?? 0, DisplayWidth.of(title), DisplayWidth.of(note) + 2) + 4)
        let box = FrameRect(x: area.x + 1, y: area.y, width: w, height: h)
        drawBox(&f, box, title: title, unicode: uni, lines: s.style.boxLines)
        let inner = FrameRect(x: box.x + 1, y: box.y + 1, width: w - 2, height: h - 2)
        for (row, k) in (first..<lines.count).prefix(inner.height).enumerated() {
            let text = (" " + lines[k]).fitted(inner.width, unicode: uni)
            f.put(string: text, at: FramePoint(x: inner.x, y: inner.y + row), attributes: k == index ? [.reverse, .bold] : [], clip: inner)
        }
        if !note.isEmpty {
            f.put(string: (" " + note + " ").clipped(box.width - 3, unicode: uni), at: FramePoint(x: box.x + 2, y: box.maxY - 1), clip: box)
        }
    }

    /// The first entry shown of a list of `count` in `rows` rows: `top`, moved as little as keeps
    /// `index` visible.
    static func pickFirst(index: Int, top: Int, count: Int, rows: Int) -> Int {
        var first = top
        if index < first { first = index }
        if index >= first + rows { first = index - rows + 1 }
        return max(0, min(first, count - rows))
    }

    /// The rows a pick-list of `count` entries has at the state's size (the plot pane's, less the frame).
    static func pickRows(_ s: ExplorerState, count: Int) -> Int {
        max(1, min(frameLayout(s).plot.height, count + 2) - 2)
    }

    /// The open pick-list's chosen entry and length, nil when none is open.
    static func openPickList(_ s: ExplorerState) -> (index: Int, count: Int)? {
        switch s.mode {
        case .pickStudy(let i): return (i, s.workspace.count)
        case .pickBaseline(let choices, let i): return (i, choices.count)
        default: return nil
        }
    }

    /// Clears `box` and draws its frame with a title, cut with `…` rather than over the corner;
    /// the frame in box-drawing characters when `lines` (the title's text follows `unicode`).
    static func drawBox(_ f: inout Frame, _ box: FrameRect, title: String, unicode: Bool, lines: Bool) {
        f.fill(box)
        let horizontal: Character = lines ? "─" : "-", vertical: Character = lines ? "│" : "|"
        let corners: [Character] = lines ? ["┌", "┐", "└", "┘"] : ["+", "+", "+", "+"]
        for x in box.x..<box.maxX { f[x, box.y] = Cell(horizontal); f[x, box.maxY - 1] = Cell(horizontal) }
        for y in box.y..<box.maxY { f[box.x, y] = Cell(vertical); f[box.maxX - 1, y] = Cell(vertical) }
        f[box.x, box.y] = Cell(corners[0]); f[box.maxX - 1, box.y] = Cell(corners[1])
        f[box.x, box.maxY - 1] = Cell(corners[2]); f[box.maxX - 1, box.maxY - 1] = Cell(corners[3])
        f.put(string: title.clipped(box.width - 3, unicode: unicode), at: FramePoint(x: box.x + 2, y: box.y), attributes: .bold, clip: box)
    }

    /// The first line of the warning list's last screenful at the state's size: the last lines
    /// that fit whole once wrapped (O(lines shown), from the end).
    static func warningsLastTop(_ s: ExplorerState) -> Int {
        let lines = WarningList.lines(s), rows = max(1, s.height - 4)
        var used = 0, top = lines.count
        while top > 0 {
            let n = wrappedWarning(lines[top - 1], width: s.width - 4, unicode: s.style.braille).count
            if used + n > rows { break }
            used += n
            top -= 1
        }
        return min(top, max(0, lines.count - 1))
    }

    /// A line of the warning list as the overlay shows it: in the screen's character set, wrapped
    /// to `width` under its own indent (a warning's text under its first word).
    static func wrappedWarning(_ l: WarningList.Line, width: Int, unicode: Bool) -> [String] {
        // The item's own indent on every row (its group shows), its continuation two further in.
        ScreenText.fit(l.text, unicode: unicode).wrappedUnderIndent(width, unicode: unicode)
    }

    /// The help box at a frame of `width` × `height` for `lines` lines: the box and the rows inside
    /// it that show lines (the one geometry of the overlay and of its scrolling).
    static func helpGeometry(width: Int, height: Int, lines: [String]) -> (box: FrameRect, inner: FrameRect) {
        let w = min(width - 2, (lines.map(DisplayWidth.of).max() ?? 0) + 4)
        let h = min(height - 2, lines.count + 4)
        let box = FrameRect(x: (width - w) / 2, y: (height - h) / 2, width: w, height: h)
        // A blank row inside the frame above and below, unless the lines need it.
        let pad = lines.count + 4 <= h ? 1 : 0
        return (box, FrameRect(x: box.x + 2, y: box.y + 1 + pad, width: w - 4, height: h - 2 - 2 * pad))
    }

    /// The help's lines for the state's view, wrapped to the overlay's width: a key's text goes
    /// on under its own column, so nothing is cut off.
    static func helpLines(_ s: ExplorerState) -> [String] {
        let unicode = s.style.braille, width = max(8, s.width - 6)
        return KeyBindings.help(for: s.view, unicode: unicode).flatMap { line -> [String] in
            let text = ScreenText.fit(line, unicode: unicode)
            return text.wrapped(width, indent: KeyBindings.helpKeyColumn(text) ?? 2, unicode: unicode)
        }
    }

    /// The first line of the help's last screenful at the state's size.
    static func helpLastTop(_ s: ExplorerState) -> Int {
        let lines = helpLines(s)
        return max(0, lines.count - max(1, helpGeometry(width: s.width, height: s.height, lines: lines).inner.height))
    }

    static func warningsOverlay(_ f: inout Frame, _ s: ExplorerState, top: Int) {
        let uni = s.style.braille
        let box = FrameRect(x: 1, y: 1, width: f.width - 2, height: f.height - 2)
        let lines = WarningList.lines(s)
        let inner = FrameRect(x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2)
        // Long warnings wrap (nothing is cut off); the list scrolls by warnings.
        // Whole warnings only (the title counts those shown); one taller than the box is cut with `…`.
        var rows: [(text: String, bold: Bool)] = [], next = min(max(0, top), lines.count)
        while next < lines.count {
            let wrapped = wrappedWarning(lines[next], width: inner.width, unicode: uni).map { ($0, lines[next].isHeading) }
            if rows.count + wrapped.count > inner.height {
                if rows.isEmpty {
                    rows = Array(wrapped.prefix(inner.height))
                    if let last = rows.last { rows[rows.count - 1].text = String(last.text.prefix(max(0, inner.width - 1))) + (uni ? "…" : "~") }
                    next += 1
                }
                break
            }
            rows += wrapped
            next += 1
        }
        // A study not opened or analysed lists its reason, no warning.
        let title = s.results == nil ? " Not computed " : " Warnings: \(s.results?.warnings.count ?? 0), entries \(min(top + 1, lines.count))–\(next) of \(lines.count) "
        drawBox(&f, box, title: ScreenText.fit(title, unicode: uni), unicode: uni, lines: s.style.boxLines)
        for (row, r) in rows.prefix(inner.height).enumerated() {
            f.put(string: r.text.fitted(inner.width, unicode: uni), at: FramePoint(x: inner.x, y: inner.y + row),
                  attributes: r.bold ? .bold : [], clip: inner)
        }
    }

    /// The help in a box; lines wider than the box end with `…`. When the lines do not all fit,
    /// the title says which are shown and the bottom edge how many follow (`↓ 9 more`), starting
    /// from line `top`.
    static func helpOverlay(_ f: inout Frame, _ s: ExplorerState, top: Int = 0, unicode: Bool) {
        let lines = helpLines(s)
        let (box, inner) = helpGeometry(width: f.width, height: f.height, lines: lines)
        let first = min(max(0, top), max(0, lines.count - inner.height))
        let shown = first..<min(lines.count, first + inner.height)
        let title = shown.count < lines.count ? " Keys, lines \(shown.lowerBound + 1)–\(shown.upperBound) of \(lines.count) " : " Keys "
        drawBox(&f, box, title: ScreenText.fit(title, unicode: unicode), unicode: unicode, lines: s.style.boxLines)
        for (row, k) in shown.enumerated() {
            f.put(string: lines[k].clipped(inner.width, unicode: unicode), at: FramePoint(x: inner.x, y: inner.y + row), clip: inner)
        }
        if shown.upperBound < lines.count {
            let below = lines.count - shown.upperBound
            let more = (unicode ? " ↓ \(below) more (j, ↓ or PgDn) " : " \(below) more below (j, Down or PgDn) ")
                .clipped(box.width - 4, unicode: unicode)
            f.put(string: more, at: FramePoint(x: box.x + 2, y: box.maxY - 1), attributes: .bold, clip: box)
        }
    }
}
