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
    /// baseline, and for the DMA views (4–9) the state shown and T_ref.
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
            let line = names.joined(separator: ", ") + " · view \(id.key) \(id.tab)"
            return ScreenText.fit(line, unicode: s.style.braille).clipped(width, unicode: s.style.braille)
        }
        var parts = [s.studyName, "view \(id.key) \(id.tab)", "T_s \(bound(.ts)), T_e \(bound(.te))", "baseline \(s.baseline)"]
        if id.rawValue >= ViewID.moduli.rawValue, id != .compare {
            let r = s.selectedDMAResult
            parts.append("state \(r?.state ?? "—")")
            parts.append("T_ref \((r?.master?.referenceTemperatureK ?? s.value(of: .tref)).map { Format.shortNumber($0) + " K" } ?? "—")")
        }
        // Cut by display width with the one rule of the screen (… or ~), as the explorer cuts.
        return ScreenText.fit(parts.joined(separator: " · "), unicode: s.style.braille).clipped(width, unicode: s.style.braille)
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
