import Foundation

/// Writes a small DSC study in the native format (five states whose relaxation endotherm
/// near 460 K grows with cooling rate, a crystalline run; 0.25 K steps) with a study.toml
/// that names the composition but no bounds, so the explorer proposes them.
enum ExplorerStudyFixture {
    static func write(into dir: URL) throws -> URL {
        let study = dir.appendingPathComponent("syn")
        try FileManager.default.createDirectory(at: study, withIntermediateDirectories: true)
        let states: [(String, Double?, Double)] = [("as-cast", nil, 0), ("cooled-1", 1, 0.3), ("cooled-5", 5, 0.6),
                                                   ("cooled-10", 10, 0.8), ("cooled-20", 20, 1.0)]
        func temperatures() -> [Double] { (0...1200).map { 350 + Double($0) * 0.25 } }
        for (label, rate, a) in states {
            var text = "# kind: dsc\n# state: \(label)\n"
            if let rate { text += "# cooling_rate: \(rate) K/min\n" }
            text += "# role: sample\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n"
            for t in temperatures() {
                let w = 0.01 + 0.0001 * (t - 350) + (0.004 + 0.01 * a) * exp(-pow((t - 460) / 18, 2)) + 0.05 * exp(-pow((t - 560) / 6, 2))
                text += String(format: "%.2f,%.8f\n", t, w)
            }
            try text.write(to: study.appendingPathComponent("\(label).csv"), atomically: true, encoding: .utf8)
        }
        var c = "# kind: dsc\n# state: crystalline\n# role: crystalline\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n"
        for t in temperatures() { c += String(format: "%.2f,%.8f\n", t, 0.01 + 0.0001 * (t - 350)) }
        try c.write(to: study.appendingPathComponent("crystalline.csv"), atomically: true, encoding: .utf8)
        try "# written by the end-to-end test\ncomposition = \"La30Ce30Ni10Al20Co10\"\n\n[states.\"cooled-10\"]\nbeta_window_K = [330, 425]\n"
            .write(to: study.appendingPathComponent("study.toml"), atomically: true, encoding: .utf8)
        return study
    }
}
