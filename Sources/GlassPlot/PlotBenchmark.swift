import Foundation

/// A small rendering benchmark for `glassview bench`.
public enum PlotBenchmark {
    /// Timings of one benchmark run.
    public struct Result: Sendable {
        /// Time to build the series (envelopes included).
        public var setup: Duration
        /// Median time to render one frame.
        public var render: Duration
        /// Frames rendered.
        public var frames: Int
        /// Points a frame.
        public var points: Int
    }

    /// Six noisy DSC-like curves of `pointsPerSeries` points with sorted x (deterministic).
    public static func sampleSeries(pointsPerSeries: Int = 100_000) -> [Series] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func noise() -> Double {
            // SplitMix64, mapped to [-0.5, 0.5).
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Double(z >> 11) / Double(1 << 53) - 0.5
        }
        let n = max(2, pointsPerSeries)
        return (0..<6).map { s in
            let x = (0..<n).map { 400 + 300 * Double($0) / Double(n - 1) }
            let peak = 550 + 15 * Double(s)
            let y = x.map { t in
                0.1 * Double(s) - 0.8 * exp(-pow((t - peak) / 6, 2)) + 0.02 * (t - 400) / 300 + 0.01 * noise()
            }
            return Series(name: "run \(s + 1)", x: x, y: y)
        }
    }

    /// Renders 6 series × `pointsPerSeries` points into a 200 × 60 braille frame with colour,
    /// `frames` times, and reports the setup time and the median frame time.
    public static func run(pointsPerSeries: Int = 100_000, frames: Int = 20) -> Result {
        let clock = ContinuousClock()
        var series: [Series] = []
        let setup = clock.measure { series = sampleSeries(pointsPerSeries: pointsPerSeries) }
        let spec = PlotSpec(
            title: "benchmark", x: Axis(title: "T", unit: "K"), y: Axis(title: "DSC", unit: "W/g"), series: series,
            markers: [VerticalMarker(x: 560, label: "T_s"), VerticalMarker(x: 600, label: "T_e", style: .shaded(to: 610))])
        var times: [Duration] = []
        var frame = Frame(width: 200, height: 60)
        for _ in 0..<max(1, frames) {
            times.append(clock.measure {
                PlotRenderer.render(spec, into: &frame, region: frame.bounds, braille: true, colours: true)
            })
        }
        times.sort()
        return Result(setup: setup, render: times[times.count / 2], frames: times.count,
                      points: series.reduce(0) { $0 + $1.count })
    }

    /// The median time to render one 200 × 60 frame of 6 series × 10^5 points (series built
    /// once beforehand, not timed).
    public static func renderMillionPoints() -> Duration {
        run().render
    }
}
