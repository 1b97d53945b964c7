/// How a pen's strokes alternate between drawn and skipped dots. ``PlotRenderer`` draws every
/// series solid (dashed braille breaks into specks) and tells series apart by marker glyphs.
public enum DashPattern: Equatable, Hashable, Sendable, CaseIterable {
    /// Every dot drawn.
    case solid
    /// 4 dots on, 3 off.
    case dashed
    /// 1 dot on, 1 off.
    case dotted
    /// 6 on, 2 off, 1 on, 2 off.
    case dashDot

    /// The on/off cycle, `true` meaning "draw this dot".
    public var cycle: [Bool] {
        switch self {
        case .solid: return [true]
        case .dashed: return [true, true, true, true, false, false, false]
        case .dotted: return [true, false]
        case .dashDot: return Array(repeating: true, count: 6) + [false, false, true, false, false]
        }
    }

    /// A three-column sample of the pattern in box-drawing characters, for legends.
    public var sample: String {
        switch self {
        case .solid: return "───"
        case .dashed: return "╌╌╌"
        case .dotted: return "┈┈┈"
        case .dashDot: return "─·─"
        }
    }
}

/// What a dot stands for: a data point (drawn with the series marker on ASCII canvases) or a
/// dot interpolated on a line between data points.
public enum DotKind: Sendable {
    /// A data point, or a dot of a column's min–max span.
    case data
    /// A dot on a connecting line.
    case line
}

/// The drawing state of one series on a canvas: colour, marker and dash progress.
public struct Pen: Sendable {
    /// Foreground colour index, or `nil` for the default colour.
    public var colour: Int?
    /// Marker character (ASCII canvases).
    public var marker: Character
    /// Dash pattern applied to every dot drawn with this pen.
    public var dash: DashPattern
    private let cycle: [Bool]
    private var step = 0

    /// Makes a pen.
    public init(colour: Int? = nil, marker: Character = "*", dash: DashPattern = .solid) {
        self.colour = colour
        self.marker = marker
        self.dash = dash
        self.cycle = dash.cycle
    }

    /// Advances the dash pattern by one dot and tells whether that dot is drawn.
    public mutating func advance() -> Bool {
        guard cycle.count > 1 else { return true }
        let on = cycle[step]
        step = (step + 1) % cycle.count
        return on
    }
}
