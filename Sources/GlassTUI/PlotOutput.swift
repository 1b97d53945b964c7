import CNcurses
import GlassPlot

/// `glassview plot`: one view's plot alone, as text for stdout.
public enum PlotOutput {
    /// The plot of `view` at `width` × `height`, or the reason it is not computed.
    public static func render(_ s: ExplorerState, view id: ViewID, width: Int, height: Int) -> Result<Frame, PlotUnavailable> {
        let view = ViewRegistry.view(id)
        guard let spec = Navigation.plot(s, view: view, columns: width) else { return .failure(PlotUnavailable(reason: view.unavailable(s))) }
        var frame = Frame(width: width, height: height)
        if let g = PlotRenderer.render(ScreenText.fit(spec, unicode: s.style.braille), into: &frame, region: frame.bounds,
                                       braille: s.style.braille, colours: s.style.colours) {
            ExplorerRenderer.drawMarks(&frame, view.marks(s), geometry: g, colours: s.style.colours)
        }
        return .success(frame)
    }

    /// Whether the current locale's character set is UTF-8 (call `setlocale(LC_ALL, "")` first).
    public static func localeIsUTF8() -> Bool { gv_utf8_locale() != 0 }
}

/// Why a view has no plot.
public struct PlotUnavailable: Error, Sendable {
    /// One line.
    public var reason: String
}
