import GlassKit
import GlassPlot

/// Text for the screen in the current character set (``AsciiSpelling``), plot specs included.
enum ScreenText {
    /// `text` as shown: unchanged when `unicode`, else ASCII (``AsciiSpelling``).
    static func fit(_ text: String, unicode: Bool) -> String { AsciiSpelling.fit(text, unicode: unicode) }

    /// `text` in the screen's character set, then fitted to `n` columns (``String/fitted(_:unicode:)``).
    /// Always in this order: a text measured before it is spelled in ASCII (`冷却`, 4 columns,
    /// becomes `??`, 2) comes out short, and a column after it shifts.
    static func fitted(_ text: String, _ n: Int, unicode: Bool) -> String {
        fit(text, unicode: unicode).fitted(n, unicode: unicode)
    }

    /// `spec` with every string made ASCII when not `unicode`.
    static func fit(_ spec: PlotSpec, unicode: Bool) -> PlotSpec {
        guard !unicode else { return spec }
        var s = spec
        s.title = fit(s.title, unicode: false)
        s.x.title = fit(s.x.title, unicode: false)
        s.y.title = fit(s.y.title, unicode: false)
        s.x.unit = s.x.unit.map { fit($0, unicode: false) }
        s.y.unit = s.y.unit.map { fit($0, unicode: false) }
        s.x.note = s.x.note.map { fit($0, unicode: false) }
        s.y.note = s.y.note.map { fit($0, unicode: false) }
        for i in s.series.indices { s.series[i].name = fit(s.series[i].name, unicode: false) }
        for i in s.markers.indices { s.markers[i].label = fit(s.markers[i].label, unicode: false) }
        return s
    }
}
