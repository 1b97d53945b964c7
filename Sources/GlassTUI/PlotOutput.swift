import CNcurses
import GlassKit
import GlassPlot

/// `glassview plot`: one view's plot alone, as text for stdout.
public enum PlotOutput {
    /// The plot of `view` at `width` × `height`, or the reason it is not computed. `xRange` and
    /// `yRange` replace the view's axis ranges (y then no longer fits the data).
    public static func render(_ s: ExplorerState, view id: ViewID, width: Int, height: Int,
                              xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil) -> Result<Frame, PlotUnavailable> {
        draw(s, view: id, width: width, height: height, xRange: xRange, yRange: yRange).map(\.frame)
    }

    /// The frame, where the data area landed and the spec drawn (its strings as shown).
    static func draw(_ s: ExplorerState, view id: ViewID, width: Int, height: Int,
                     xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil)
        -> Result<(frame: Frame, geometry: PlotGeometry?, spec: PlotSpec), PlotUnavailable>
    {
        let view = ViewRegistry.view(id)
        // The active cursor the explorer gives the view (β_lo in view 4, as T_s in view 1): drawn
        // solid, and kept in range (view 7 drew without β_lo, on a narrower axis than the explorer's).
        var s = s
        s.view = id
        ExplorerUpdate.fixCursor(&s)
        guard var plain = Navigation.plot(s, view: view, columns: width) else { return .failure(PlotUnavailable(reason: view.unavailable(s))) }
        for (range, axis, option) in [(xRange, \PlotSpec.x, "--xrange"), (yRange, \PlotSpec.y, "--yrange")] {
            guard let range else { continue }
            if plain[keyPath: axis].scale == .log, !(range.lowerBound > 0) {
                return .failure(PlotUnavailable(
                    reason: "the axis of view \(id.name) is logarithmic: expected LO > 0",
                    option: option))
            }
            plain[keyPath: axis].range = range
        }
        let spec = ScreenText.fit(plain, unicode: s.style.braille)
        var frame = Frame(width: width, height: height)
        let g = PlotRenderer.render(spec, into: &frame, region: frame.bounds, braille: s.style.braille, colours: s.style.colours)
        return .success((frame, g, spec))
    }

    /// The line `plot` prints above the plot: study, view, bounds (marked when proposed),
    /// baseline, and for the DMA views (4–9) T_ref and the states drawn (``statesField``).
    /// Longer than `width` it ends in `…` (`...` in ASCII).
    public static func titleLine(_ s: ExplorerState, view id: ViewID, width: Int = .max) -> String {
        func bound(_ c: CursorID) -> String {
            (s.value(of: c).map { Format.shortNumber($0) + " K" } ?? "—") + (s.isProposed(c) ? " (proposed)" : "")
        }
        if id == .compare, StudyWorkspace.count(s) > 1 {
            // Each study's proposed bounds said as the explorer's results pane says them.
            let names = zip(StudyWorkspace.names(s), StudyWorkspace.states(s)).map { name, st in
                name + (CompareView.proposedBounds(st).map { " (\($0))" } ?? "")
            }
            // The list of studies is the line's name part: cut first, as one study's name is.
            return fittedTitle(study: names.joined(separator: ", "), settings: ["view \(id.key) \(id.tab)"], states: "",
                               width: width, unicode: s.style.braille)
        }
        let u = s.style.braille
        var settings = ["view \(id.key) \(id.tab)", "T_s \(bound(.ts)), T_e \(bound(.te))", "baseline \(s.baseline)"]
        var states = ""
        if id.rawValue >= ViewID.moduli.rawValue, id != .compare {
            let r = s.selectedDMAResult
            settings.append("T_ref \((r?.master?.referenceTemperatureK ?? s.value(of: .tref)).map { Format.shortNumber($0) + " K" } ?? "—")")
            states = statesField(s, view: id)
        }
        return fittedTitle(study: s.studyName, settings: settings, states: states, width: width, unicode: u)
    }

    /// The title's fields joined by ` · `, the settings kept whole at the cost of the others:
    /// a line too long cuts the study name first (down to 12 columns), then the states (a list
    /// keeps its count in front, `3 states: as-cast, coo…`); when the settings do not fit even
    /// so, the whole line is cut at its end. Each cut ends in `…` (`~` in ASCII), by display width.
    static func fittedTitle(study: String, settings: [String], states: String, width: Int, unicode u: Bool) -> String {
        let fit = { (text: String) in ScreenText.fit(text, unicode: u) }
        let sep = fit(" · ")
        let shownSettings = settings.map(fit).joined(separator: sep)
        var name = fit(study), field = fit(states)
        func line() -> String { ([name, shownSettings] + (field.isEmpty ? [] : [field])).joined(separator: sep) }
        let over = DisplayWidth.of(line()) - width
        if over > 0 {
            let nameWidth = DisplayWidth.of(name)
            name = name.clipped(max(min(nameWidth, 12), nameWidth - over), unicode: u)
        }
        if !field.isEmpty, DisplayWidth.of(line()) > width {
            let room = width - DisplayWidth.of(line()) + DisplayWidth.of(field)
            if room > 0 {
                field = field.clipped(room, unicode: u)
            } else {
                // No room for ` · …`: the states are left out, said by a ` …` after the settings
                // where it fits (they went without a mark, the line looking whole).
                field = ""
                let mark = u ? " …" : " ~"
                if DisplayWidth.of(line()) + DisplayWidth.of(mark) <= width { return line() + mark }
                field = fit(states)
            }
        }
        if DisplayWidth.of(line()) <= width { return line() }
        // The settings alone are too wide: the line, its name cut as above and its states whole,
        // cut at its end (the name kept whole there had taken the settings' room).
        field = fit(states)
        return line().clipped(width, unicode: u)
    }

    /// What a DMA view's title says of its states: `state as-cast` for the views of one state (5,
    /// 6); the states drawn for the overlaid views (4, 7, 8: `3 states: as-cast, cooled-10,
    /// cooled-20`, in the states pane's order); view 9 the selected state and the other states
    /// whose master curves it draws under it (`state as-cast + cooled-10, cooled-20`).
    static func statesField(_ s: ExplorerState, view id: ViewID) -> String {
        let selected = s.selectedDMAResult?.state ?? "—"
        let drawn = DMAViewSupport.drawnStates(s, view: id)
        switch id {
        case .moduli, .arrhenius, .chi:
            guard drawn.count > 1 else { return "state \(drawn.first ?? selected)" }
            return "\(drawn.count) states: " + drawn.joined(separator: ", ")
        case .master:
            let others = drawn.filter { $0 != selected }
            return "state \(selected)" + (others.isEmpty ? "" : " + " + others.joined(separator: ", "))
        default:
            return "state \(selected)"
        }
    }

    /// Whether the current locale's character set is UTF-8 (call `setlocale(LC_CTYPE, "")` first).
    public static func localeIsUTF8() -> Bool { gv_utf8_locale() != 0 }
}

/// Why a view has no plot.
public struct PlotUnavailable: Error, Sendable {
    /// One line.
    public var reason: String
    /// The option at fault (`--xrange`, `--yrange`) when the request itself is wrong.
    public var option: String? = nil
}
