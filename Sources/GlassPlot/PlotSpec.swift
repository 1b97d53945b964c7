/// The kind of scale of an axis.
public enum ScaleKind: Equatable, Hashable, Sendable {
    /// Linear.
    case linear
    /// Base-10 logarithmic.
    case log
}

/// One axis of a plot: title, unit, scale and (optionally) a fixed range.
public struct Axis: Equatable, Sendable {
    /// Quantity name, e.g. `"T"`.
    public var title: String
    /// Unit, e.g. `"K"`; shown in parentheses after the title.
    public var unit: String?
    /// Linear or log.
    public var scale: ScaleKind
    /// Data range shown, or `nil` to fit the data (y fits the data within the x range).
    public var range: ClosedRange<Double>?
    /// A remark after the unit, e.g. `endo ↑` (the sign convention).
    public var note: String?

    /// Makes an axis.
    public init(title: String = "", unit: String? = nil, scale: ScaleKind = .linear, range: ClosedRange<Double>? = nil,
                note: String? = nil) {
        self.title = title
        self.unit = unit
        self.scale = scale
        self.range = range
        self.note = note
    }

    /// Title with unit and note, e.g. `"T (K)"`, `"W (W/g), endo ↑"`; empty when all are empty.
    public var displayTitle: String {
        var text = title
        if let unit, !unit.isEmpty { text = title.isEmpty ? "(\(unit))" : "\(title) (\(unit))" }
        if let note, !note.isEmpty { text += text.isEmpty ? note : ", " + note }
        return text
    }
}

/// How a vertical marker is drawn.
public enum VerticalMarkerStyle: Equatable, Sendable {
    /// A solid line (`│`, ASCII `|`).
    case solid
    /// A dashed line (`┊`, ASCII `:`).
    case dashed
    /// A shaded band from the marker's x to the given x (`░`, ASCII `/`), dim.
    case shaded(to: Double)
}

/// A vertical line or band at a data x, e.g. an onset temperature T_s, with a label.
/// Markers are drawn under the series: they only fill cells where no series is.
public struct VerticalMarker: Equatable, Sendable {
    /// Data x of the line (or of one edge of the band).
    public var x: Double
    /// Label shown at the top of the plot next to the line.
    public var label: String
    /// Line or band.
    public var style: VerticalMarkerStyle
    /// Colour index, or `nil` for the default colour (not used when ``active``).
    public var colour: Int?
    /// The cursor being moved: line and label are drawn in reverse video and bold, never in a
    /// colour (every colour may be a series' colour).
    public var active: Bool

    /// Makes a marker.
    public init(x: Double, label: String = "", style: VerticalMarkerStyle = .dashed, colour: Int? = nil, active: Bool = false) {
        self.x = x
        self.label = label
        self.style = style
        self.colour = colour
        self.active = active
    }
}

/// Where the legend goes inside the plot area.
public enum LegendPlacement: Equatable, Sendable {
    /// The corner that covers the fewest drawn cells (ties: top right, top left, bottom right,
    /// bottom left).
    case automatic
    /// Top right corner.
    case topRight
    /// Top left corner.
    case topLeft
    /// Bottom right corner.
    case bottomRight
    /// Bottom left corner.
    case bottomLeft
}

/// Everything a plot shows: what ``PlotRenderer`` draws.
public struct PlotSpec: Sendable {
    /// Title above the plot (may be empty).
    public var title: String
    /// Horizontal axis.
    public var x: Axis
    /// Vertical axis.
    public var y: Axis
    /// Curves, drawn in order (later ones on top).
    public var series: [Series]
    /// Vertical lines and bands.
    public var markers: [VerticalMarker]
    /// Whether to draw the legend.
    public var showsLegend: Bool
    /// Where the legend goes.
    public var legendPlacement: LegendPlacement
    /// Characters drawn in bold over the data at data points (a single braille dot is hard to
    /// see); the legend is placed with them in view.
    public var marks: [PlotMark]

    /// Makes a plot description.
    public init(
        title: String = "", x: Axis = Axis(), y: Axis = Axis(), series: [Series] = [],
        markers: [VerticalMarker] = [], showsLegend: Bool = true, legendPlacement: LegendPlacement = .automatic,
        marks: [PlotMark] = []
    ) {
        self.title = title
        self.x = x
        self.y = y
        self.series = series
        self.markers = markers
        self.showsLegend = showsLegend
        self.legendPlacement = legendPlacement
        self.marks = marks
    }
}

/// A character drawn over a plot at a data point.
public struct PlotMark: Equatable, Sendable {
    /// Data x.
    public var x: Double
    /// Data y.
    public var y: Double
    /// The character.
    public var character: Character
    /// Colour index.
    public var colour: Int?
    /// Makes a mark.
    public init(x: Double, y: Double, character: Character, colour: Int?) {
        self.x = x; self.y = y; self.character = character; self.colour = colour
    }
}
