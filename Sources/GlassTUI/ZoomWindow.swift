/// The x range shown at a zoom level: the full span / 2^zoom, centred on a point when it can
/// be, kept inside the full range.
public enum ZoomWindow {
    /// The range at `zoom` around `centre` (the middle when nil or outside).
    public static func range(full: ClosedRange<Double>, zoom: Int, centre: Double?) -> ClosedRange<Double> {
        guard zoom > 0, full.upperBound > full.lowerBound else { return full }
        let span = (full.upperBound - full.lowerBound) / Double(1 << min(zoom, 30))
        let mid = centre.flatMap { full.contains($0) ? $0 : nil } ?? (full.lowerBound + full.upperBound) / 2
        var lo = mid - span / 2
        lo = max(full.lowerBound, min(lo, full.upperBound - span))
        return lo...(lo + span)
    }
}
