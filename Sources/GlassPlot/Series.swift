/// How a series is drawn.
public enum SeriesStyle: Equatable, Hashable, Sendable {
    /// Successive points joined by lines; a non-finite point breaks the line.
    case line
    /// Points only.
    case points
}

/// One curve of a plot. Building a series precomputes its ``Envelope`` (O(n)) when x is
/// non-decreasing, so keep series values around between frames rather than rebuilding them.
public struct Series: Sendable {
    /// Name shown in the legend.
    public var name: String
    /// X values (data units).
    public let x: [Double]
    /// Y values (data units); only the first `min(x.count, y.count)` points are used.
    public let y: [Double]
    /// Colour index, or `nil` to take one from ``Series/palette`` by position.
    public var colour: Int?
    /// Marker character, or `nil` to take one from ``Series/markers`` by position.
    public var marker: Character?
    /// Line or points.
    public var style: SeriesStyle
    /// The min/max envelope, or `nil` when x is not non-decreasing (drawn point by point).
    public let envelope: Envelope?

    /// Default markers by series position, distinct so that series differ without colour.
    /// Twelve symbols, then the capital letters (gnuplot's dumb terminal marks its points so): 38
    /// series look different without colour (a 13th state took the first's `*`).
    public static let markers: [Character] = ["*", "+", "o", "x", "#", "@", "%", "&", "=", "$", "~", "?"]
        + "ABCDEFGHIJKLMNOPQRSTUVWXYZ".map { $0 }
    /// Default colours by series position (ANSI: red, blue, green, magenta, cyan, yellow).
    public static let palette: [Int] = [1, 4, 2, 5, 6, 3]

    /// Makes a series and precomputes its envelope.
    public init(
        name: String, x: [Double], y: [Double], colour: Int? = nil, marker: Character? = nil,
        style: SeriesStyle = .line
    ) {
        self.name = name
        self.x = x
        self.y = y
        self.colour = colour
        self.marker = marker
        self.style = style
        self.envelope = Envelope(x: x, y: y)
    }

    /// Number of points used.
    public var count: Int { min(x.count, y.count) }

    /// The colour of this series at position `index` in a plot.
    public func resolvedColour(index: Int) -> Int {
        colour ?? Series.palette[index % Series.palette.count]
    }

    /// The marker of this series at position `index` in a plot.
    public func resolvedMarker(index: Int) -> Character {
        marker ?? Series.markers[index % Series.markers.count]
    }
}
