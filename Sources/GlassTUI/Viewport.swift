import GlassPlatform
import GlassKit
import GlassPlot

/// What part of a view's plot is shown. A nil axis follows the data: x is the view's own range
/// (the whole scan), y is autoscaled to what is visible in x (gnuplot's habit).
public struct Viewport: Equatable, Sendable {
    /// The x range shown, or nil for the view's own.
    public var x: ClosedRange<Double>?
    /// The y range shown, or nil to fit what is visible.
    public var y: ClosedRange<Double>?
    /// Follows the data on both axes.
    public init(x: ClosedRange<Double>? = nil, y: ClosedRange<Double>? = nil) { self.x = x; self.y = y }
}

/// Which axis a typed range or a zoom acts on.
public enum PlotAxis: String, Equatable, Sendable {
    case x, y
}

/// Zoom, pan and ranges over a view's plot: pure functions of the state. A view builds its
/// plot for the whole data; the viewport of that view (``ExplorerState/viewports``) narrows it,
/// the same way in the explorer and in `glassview plot`.
public enum Navigation {
    /// Zoom factor of one key press.
    public static let zoomFactor = 2.0
    /// Pan step, as a fraction of the span shown.
    public static let panFraction = 0.25

    /// The view's plot with the state's viewport applied and the view's marks.
    public static func plot(_ s: ExplorerState, view: any ExplorerView, columns: Int) -> PlotSpec? {
        guard var spec = view.plot(s, columns: columns) else { return nil }
        spec.marks = view.marks(s)
        if let vp = s.viewports[view.id] {
            if let x = vp.x { spec.x.range = x }
            if let y = vp.y { spec.y.range = y }
        }
        return spec
    }

    /// The ranges shown now (the viewport's, else the data's as the renderer would take them).
    public static func shown(_ s: ExplorerState, columns: Int) -> (x: ClosedRange<Double>, y: ClosedRange<Double>, xLog: Bool, yLog: Bool)? {
        PlotRanges(s, columns: columns).map { ($0.x, $0.y, $0.xLog, $0.yLog) }
    }

    /// `r` scaled by 1/`factor` around `centre` (inside `r`, else its middle); in decades on a log axis.
    public static func zoom(_ r: ClosedRange<Double>, factor: Double, centre: Double?, log: Bool) -> ClosedRange<Double>? {
        let (lo, hi) = log ? (log10(r.lowerBound), log10(r.upperBound)) : (r.lowerBound, r.upperBound)
        guard lo.isFinite, hi.isFinite, hi > lo else { return nil }
        var c = (lo + hi) / 2
        if let centre, r.contains(centre) { c = log ? log10(centre) : centre }
        // Keep the centre at the same place on screen.
        let a = c - (c - lo) / factor, b = c + (hi - c) / factor
        // Zooming out of -1e308…1e308 would reach ±∞, which no axis draws: the range stays.
        guard a.isFinite, b.isFinite, b > a, (b - a) > 1e-9 * max(1, abs(c)) else { return nil }
        return unlogged(a, b, log: log)
    }

    /// `a...b` back from decades on a log axis; nil where that leaves the numbers (10^309 is
    /// infinite, 10^-330 is 0), which no axis draws.
    static func unlogged(_ a: Double, _ b: Double, log: Bool) -> ClosedRange<Double>? {
        let (lo, hi) = log ? (pow(10, a), pow(10, b)) : (a, b)
        guard lo.isFinite, hi.isFinite, lo < hi, !log || lo > 0 else { return nil }
        return lo...hi
    }

    /// The range of all the data of an axis of the view's plot, as the renderer takes it without a
    /// viewport: x the data's (or the view's own range); y the data's over the x range shown.
    public static func dataRange(_ s: ExplorerState, axis: PlotAxis, columns: Int) -> ClosedRange<Double>? {
        PlotRanges(s, columns: columns)?.data(axis)
    }

    /// `r` moved by `fraction` of its span (in decades on a log axis).
    public static func pan(_ r: ClosedRange<Double>, fraction: Double, log: Bool) -> ClosedRange<Double>? {
        let (lo, hi) = log ? (log10(r.lowerBound), log10(r.upperBound)) : (r.lowerBound, r.upperBound)
        guard lo.isFinite, hi.isFinite, hi > lo else { return nil }
        let d = (hi - lo) * fraction
        guard d.isFinite, (lo + d).isFinite, (hi + d).isFinite else { return nil }  // not past ±1.8e308
        return unlogged(lo + d, hi + d, log: log)
    }

    /// `r` moved the least so that `value` lies inside it with a 5 % margin (the view follows a
    /// cursor only when it reaches an edge); nil when it is inside already.
    public static func follow(_ r: ClosedRange<Double>, value: Double, log: Bool) -> ClosedRange<Double>? {
        let f: (Double) -> Double = log ? { log10($0) } : { $0 }
        let (lo, hi, v) = (f(r.lowerBound), f(r.upperBound), f(value))
        guard lo.isFinite, hi.isFinite, v.isFinite, hi > lo else { return nil }
        let margin = (hi - lo) * 0.05
        var d = 0.0
        if v < lo + margin { d = v - margin - lo } else if v > hi - margin { d = v + margin - hi }
        guard d != 0, d.isFinite, (lo + d).isFinite, (hi + d).isFinite else { return nil }
        return unlogged(lo + d, hi + d, log: log)
    }

    /// Why a typed range is refused, as the prompt's message says it.
    public enum RangeRefusal: Error, Equatable, Sendable {
        /// Not two numbers.
        case notTwoNumbers
        /// A number beyond ±1.8e308 (`-1e309 1e309`).
        case beyondRange
        /// LO is not below HI.
        case notIncreasing
        /// LO ≤ 0 on a log axis.
        case notPositive

        /// The words after the typed text.
        public var explanation: String {
            switch self {
            case .notTwoNumbers: return "expected two numbers LO HI"
            case .beyondRange: return "a number \(TypedNumber.beyondRangeText)"
            case .notIncreasing: return "expected two numbers LO HI with LO < HI"
            case .notPositive: return "expected two numbers LO HI, both > 0 (log axis)"
            }
        }
    }

    /// Parses a typed range `LO HI` (also `LO:HI`, `LO,HI`): two finite numbers, LO < HI, both
    /// positive on a log axis.
    /// Two numbers apart by spaces or a colon, each with either decimal mark (`0,5 1,5`); or, with
    /// neither, by a comma (`420,480`).
    public static func parseRange(_ text: String, log: Bool) -> ClosedRange<Double>? {
        try? readRange(text, log: log).get()
    }

    /// ``parseRange(_:log:)``, with what is wrong when it gives nothing.
    public static func readRange(_ text: String, log: Bool) -> Result<ClosedRange<Double>, RangeRefusal> {
        let spaced = text.contains(" ") || text.contains(":")
        let fields = text.split(whereSeparator: { $0 == " " || $0 == ":" || (!spaced && $0 == ",") })
        let read = fields.map { TypedNumber.read($0) }
        guard fields.count == 2, !read.contains(.notANumber) else { return .failure(.notTwoNumbers) }
        guard case .value(let lo) = read[0], case .value(let hi) = read[1] else { return .failure(.beyondRange) }
        guard lo < hi else { return .failure(.notIncreasing) }
        guard !log || lo > 0 else { return .failure(.notPositive) }
        return .success(lo...hi)
    }

    /// The region of interest of view 1: T_s to T_e and `windows` (the glass transition), with a
    /// margin of a quarter of that span (at least 10 K) on each side, inside the data; nil
    /// without bounds or windows.
    public static func regionOfInterest(tsK: Double?, teK: Double?, windows: [ClosedRange<Double>] = [],
                                        data: ClosedRange<Double>?) -> ClosedRange<Double>? {
        var ends = windows.flatMap { [$0.lowerBound, $0.upperBound] }
        if let ts = tsK, let te = teK, te > ts { ends += [ts, te] }
        guard let a = ends.min(), let b = ends.max(), b > a else { return nil }
        let m = max(10, (b - a) / 4)
        var lo = a - m, hi = b + m
        if let d = data { lo = max(lo, d.lowerBound); hi = min(hi, d.upperBound) }
        return hi > lo ? lo...hi : nil
    }
}
