import GlassKit
import GlassPlot

/// The plot series of one DSC curve, built once (its min/max envelope costs O(n)) and kept in
/// the state so that a keystroke never rebuilds it.
public struct CurveSeries: Sendable {
    /// Index of the state in `DSCPrepared.states`.
    public var stateIndex: Int
    /// Index of the curve within the state.
    public var curveIndex: Int
    /// W(T) after crystalline subtraction, W/g against K.
    public var series: Series

    /// Colour of state `index` (ANSI index), the same in every view.
    public static func colour(stateIndex index: Int) -> Int { Series.palette[index % Series.palette.count] }
    /// Marker of state `index`, the same in every view.
    public static func marker(stateIndex index: Int) -> Character { Series.markers[index % Series.markers.count] }

    /// The series of every curve of `prepared`, the first curve of a state named after it.
    public static func build(_ prepared: DSCPrepared) -> [CurveSeries] {
        var places: [(state: Int, curve: Int)] = []
        for (i, s) in prepared.states.enumerated() { for j in s.curves.indices { places.append((i, j)) } }
        // Each series builds its envelope trees (O(n)): the curves are built concurrently.
        let states = prepared.states
        return ParallelMap.map(places.map { [$0.state, $0.curve] }) { p -> CurveSeries in
            let (i, j) = (p[0], p[1])
            let s = states[i], c = s.curves[j]
            let series = Series(name: j == 0 ? s.state : "", x: c.curve.x, y: c.curve.y,
                                colour: colour(stateIndex: i), marker: marker(stateIndex: i))
            return CurveSeries(stateIndex: i, curveIndex: j, series: series)
        }
    }
}
