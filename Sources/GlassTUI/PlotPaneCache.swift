import GlassPlot

/// The plot pane of the last frame drawn, for the runtime to hand to the next. Drawing the plot
/// costs O(curves × width) (1000 curves: most of a frame); a key that changes no curve, marker
/// or title (`j`/`k` in views 1–3, scrolling the warnings or the help, a message) gets the same
/// plot, so its cells are copied instead. The key is everything the drawing reads — the spec,
/// the region, the frame's size and the style — compared in full, so a copy is never stale.
///
/// The cells are not copied out when the plot is drawn: the cache keeps the composed frame
/// itself (``keep(_:)``), which shares its storage with the frame handed to the terminal, and
/// copies the region from it only when the next frame has the same plot. (A copy of the region
/// made at every frame was 256 KB at 200×60, and `ExplorerRenderer.render(_:)` threw it away.)
public struct PlotPaneCache: Sendable {
    /// The frame last kept, whose region holds the plot of `key`, and that plot's geometry.
    private var kept: (key: Key, frame: Frame, geometry: PlotGeometry?)?
    /// The plot drawn or copied by the last `render`, until its frame is kept.
    private var pending: (key: Key, geometry: PlotGeometry?)?
    /// Whether the last plot was copied rather than drawn (for tests).
    private(set) var copied = false

    /// An empty cache: the first frame draws its plot.
    public init() {}

    struct Key: Equatable, Sendable {
        var spec: PlotSpec
        var region: FrameRect
        var frameWidth: Int
        var frameHeight: Int
        var braille: Bool
        var colours: Bool
        var lineDrawing: Bool

        static func == (a: Key, b: Key) -> Bool {
            a.region == b.region && a.frameWidth == b.frameWidth && a.frameHeight == b.frameHeight
                && a.braille == b.braille && a.colours == b.colours && a.lineDrawing == b.lineDrawing
                && PlotPaneCache.same(a.spec, b.spec)
        }
    }

    /// Whether two specs draw the same: every stored property of `PlotSpec` and `Series` (a test
    /// checks that these are all of them). A series' envelope is made from its x and y; arrays that
    /// share storage compare in O(1), so the cached curves of an unchanged plot cost O(curves).
    static func same(_ a: PlotSpec, _ b: PlotSpec) -> Bool {
        guard a.title == b.title, a.x == b.x, a.y == b.y, a.markers == b.markers, a.showsLegend == b.showsLegend,
              a.legendPlacement == b.legendPlacement, a.marks == b.marks, a.series.count == b.series.count else { return false }
        return zip(a.series, b.series).allSatisfy { s, t in
            s.name == t.name && s.colour == t.colour && s.marker == t.marker && s.style == t.style && s.x == t.x && s.y == t.y
        }
    }

    /// Draws `spec` into `region` of `frame` as `PlotRenderer.render` does, or copies the cells of
    /// the frame last kept when its plot had the same key; returns the plot's geometry either way.
    mutating func render(_ spec: PlotSpec, into frame: inout Frame, region: FrameRect, braille: Bool, colours: Bool,
                         lineDrawing: Bool = false) -> PlotGeometry? {
        let next = Key(spec: spec, region: region, frameWidth: frame.width, frameHeight: frame.height, braille: braille, colours: colours,
                       lineDrawing: lineDrawing)
        // The renderer draws inside the region only (clipped to the frame); rows are copied whole.
        if let kept, kept.key == next {
            copied = true
            frame.setCells(in: region, from: kept.frame)
            pending = (next, kept.geometry)
            return kept.geometry
        }
        copied = false
        let geometry = PlotRenderer.render(spec, into: &frame, region: region, braille: braille, colours: colours, lineDrawing: lineDrawing)
        pending = (next, geometry)
        return geometry
    }

    /// Keeps `frame` for the next frame to copy its plot from: call it once the frame is composed,
    /// before anything is drawn over the plot's region (a later write to `frame` then copies it,
    /// the kept one staying as it was).
    mutating func keep(_ frame: Frame) {
        guard let pending else { return }
        kept = (pending.key, frame, pending.geometry)
        self.pending = nil
    }
}
