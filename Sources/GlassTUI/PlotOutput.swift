import CNcurses
import GlassPlot

/// `glassview plot`: one view's plot alone, as text for stdout.
public enum PlotOutput {
    /// The plot of `view` at `width` × `height`, or the reason it is not computed.
    public static func render(_ s: ExplorerState, view id: ViewID, width: Int, height: Int) -> Result<Frame, PlotUnavailable> {
        draw(s, view: id, width: width, height: height).map(\.frame)
    }

    /// The frame, where the data area landed and the spec drawn (its strings as shown).
    static func draw(_ s: ExplorerState, view id: ViewID, width: Int, height: Int)
        -> Result<(frame: Frame, geometry: PlotGeometry?, spec: PlotSpec), PlotUnavailable>
    {
        let view = ViewRegistry.view(id)
        guard let plain = view.plot(s, columns: width) else { return .failure(PlotUnavailable(reason: view.unavailable(s))) }
        let spec = ScreenText.fit(plain, unicode: s.style.braille)
        var frame = Frame(width: width, height: height)
        let g = PlotRenderer.render(spec, into: &frame, region: frame.bounds, braille: s.style.braille, colours: s.style.colours)
        if let g { ExplorerRenderer.drawMarks(&frame, view.marks(s), geometry: g, colours: s.style.colours) }
        return .success((frame, g, spec))
    }

    /// Whether the current locale's character set is UTF-8 (call `setlocale(LC_ALL, "")` first).
    public static func localeIsUTF8() -> Bool { gv_utf8_locale() != 0 }
}

/// Why a view has no plot.
public struct PlotUnavailable: Error, Sendable {
    /// One line.
    public var reason: String
}
