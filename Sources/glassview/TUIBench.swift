import GlassPlatform
import GlassIO
import GlassKit
import GlassPlot
import GlassTUI

/// The explorer's figures for `glassview bench` (issue 4 "Done when").
enum TUIBench {
    /// Six DSC states of `points` points each (deterministic), 20 K/min, with cooling rates.
    static func bigStudy(points: Int) -> Study {
        var datasets: [Dataset] = []
        for (k, rate) in [nil, 1.0, 2, 5, 10, 20].enumerated() {
            var d = Dataset(path: "s\(k).csv", kind: .dsc, state: rate.map(StatesByCoolingRate.label) ?? "as-cast")
            d.coolingRateKPerMin = rate
            d.heatingRateKPerMin = 20
            d.composition = "La30Ce30Ni10Al20Co10"
            d.temperatureKValues = (0..<points).map { 300 + 300 * Double($0) / Double(points - 1) }
            let a = 0.2 * Double(k)
            d.heatFlowWPerG = d.temperatureKValues.map { t in
                0.01 + (0.004 + 0.01 * a) * exp(-pow((t - 460) / 18, 2)) - 0.5 * exp(-pow((t - 560) / 6, 2))
                    + 1e-4 * sin(t * 37)
            }
            datasets.append(d)
        }
        var s = StudySettings()
        s.tsK = 420
        s.teK = 500
        return Study(name: "bench", datasets: datasets, settings: s)
    }

    static func run(study: String, binary: URL, report: (String, Duration, Duration?, String) -> Void) throws {
        let clock = ContinuousClock()
        let style = RenderStyle(braille: true, colours: true)

        // 1. First full frame: load, prepare, analyse, build series, render 120×40 (in-process).
        var first = Duration.seconds(1_000_000)
        for _ in 0..<5 {
            let t0 = clock.now
            let s = ExplorerState(studyPath: study, load: Result { try StudyLoader.load(study) }, style: style,
                                  exportDirectory: "/tmp", width: 120, height: 40)
            let f = ExplorerRenderer.render(s)
            first = min(first, clock.now - t0)
            if f.width != 120 || s.loadError != nil { throw GlassError(file: study, "bench: explorer did not open: \(s.loadError ?? "")") }
        }
        report("explorer first frame 120×40, sample study (in-process)", first, .milliseconds(150), "")

        // 2. One bound move: update (O(log n) recompute) + render of a 200×60 frame, 6 × 10^5 points.
        var s = ExplorerState(studyPath: "bench", load: .success(bigStudy(points: 100_000)), style: style,
                              exportDirectory: "/tmp", width: 200, height: 60)
        var times: [Duration] = []
        var cells = 0
        for k in 0..<200 {
            let t0 = clock.now
            s = ExplorerUpdate.update(s, .moveCursor(steps: k % 20 < 10 ? 1 : -1)).state
            let f = ExplorerRenderer.render(s)
            times.append(clock.now - t0)
            cells += f.cells.count
        }
        times.sort()
        report("explorer bound move + 200×60 frame, 6×10^5 points", times[times.count / 2], .milliseconds(3),
               cells > 0 && s.results?.dsc != nil ? "" : " (no results!)")

        // 2a. The same without colour (NO_COLOR): each line carries its marker glyphs (issue 13).
        var mono = ExplorerState(studyPath: "bench", load: .success(bigStudy(points: 100_000)),
                                 style: RenderStyle(braille: true, colours: false), exportDirectory: "/tmp", width: 200, height: 60)
        let monoMedian = median(200) { k in
            mono = ExplorerUpdate.update(mono, .moveCursor(steps: k % 20 < 10 ? 1 : -1)).state
            _ = ExplorerRenderer.render(mono)
        }
        report("explorer bound move + 200×60 frame without colour (glyphs), 6×10^5 points", monoMedian,
               .milliseconds(3), mono.results?.dsc != nil ? "" : " (no results!)")

        // 2b. One DMA window move on the sample study: DMA-only recompute (every state, master
        // curves included) + render of view 6 at 200×60. No target in issue 4; reported for tracking.
        var d = ExplorerState(studyPath: study, load: Result { try StudyLoader.load(study) }, style: style,
                              exportDirectory: "/tmp", width: 200, height: 60)
        d = ExplorerUpdate.update(d, .selectView(.tanDelta)).state
        let dmaMedian = median(20) { k in
            d = ExplorerUpdate.update(d, .moveCursor(steps: k % 4 < 2 ? 1 : -1)).state
            _ = ExplorerRenderer.render(d)
        }
        report("explorer QPD window move (DMA recompute) + 200×60 frame, sample study", dmaMedian, nil,
               d.results?.dma.isEmpty == false ? "" : " (no DMA results!)")

        // 2c. View 8 with the three DMA states overlaid: one 200×60 frame (issue 10: ≤ 1 ms).
        var chi = ExplorerUpdate.update(d, .selectView(.chi)).state
        chi.width = 200
        chi.height = 60
        let chiMedian = median(50) { _ in _ = ExplorerRenderer.render(chi) }
        report("view 8 χ(T), 3 states overlaid, one 200×60 frame", chiMedian, .milliseconds(1), "")

        // 2d. Zoom, pan and a typed range + a 200×60 frame, 6 × 10^5 points (issue 13: ≤ 1 ms each).
        let navigation: [Action] = [.zoomX(in: true), .pan(x: 1, y: 0), .zoomY(in: true), .pan(x: -1, y: 0), .fitY, .zoomX(in: false)]
        let navMedian = median(120) { k in
            s = ExplorerUpdate.update(s, navigation[k % navigation.count]).state
            _ = ExplorerRenderer.render(s)
        }
        report("explorer zoom/pan/fit + 200×60 frame, 6×10^5 points", navMedian, .milliseconds(1), "")

        // 2e. `analyze` of 20 copies of the sample study in one call vs one study (issue 10: ≤ 12×).
        try analyzeCopies(study: study, binary: binary, report: report)

        // 3. `glassview plot` of the sample study as a process.
        // posix_spawn + waitpid: Foundation's Process.waitUntilExit adds tens of ms on Linux.
        let plot = try BenchTiming.best(of: 10) {
            try BenchTiming.command(binary.path, ["plot", study, "--view", "heatflow", "--width", "200", "--height", "60"])
        }
        report("`glassview plot` 200×60, sample study (process, wall)", plot, .milliseconds(60), "")
    }


    /// `analyze` of 20 copies of `study` in one call against `analyze` of the study alone (issue 10:
    /// ≤ 12×). Copies, each in a directory of its own below a temporary directory, not the one path
    /// given 20 times, which `analyze` refuses as one study given twice (`StudyBatch.refuseRepeats`);
    /// nor links to it, which are the same study. Made before the clock starts, removed after.
    static func analyzeCopies(study: String, binary: URL, report: (String, Duration, Duration?, String) -> Void) throws {
        let one = try BenchTiming.best(of: 5) { try BenchTiming.command(binary.path, ["analyze", study]) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glassview-bench-copies-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let name = PathInfo.named(study).split(separator: "/").last.map(String.init) ?? "study"
        var copies: [String] = []
        for k in 1...20 {
            let copy = dir.appendingPathComponent("\(k)").appendingPathComponent(name).path
            do {
                try FileManager.default.createDirectory(atPath: PathInfo.directory(of: copy), withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: study, toPath: copy)
            } catch {
                throw GlassError(.cannotCreate, file: copy, "bench: cannot copy the study \(study) here: \(error)")
            }
            copies.append(copy)
        }
        let twenty = try BenchTiming.best(of: 3) { try BenchTiming.command(binary.path, ["analyze"] + copies) }
        report("`glassview analyze` of 20 copies of the sample study, one call (process, wall)", twenty, one * 12,
               CFormat.printf(" (%.1f× one study's %.0f ms)", twenty / one, Double(one.components.seconds) * 1e3 + Double(one.components.attoseconds) / 1e15))
    }

    /// The median time of `runs` calls of `body` (given the run's index).
    static func median(_ runs: Int, _ body: (Int) -> Void) -> Duration {
        let clock = ContinuousClock()
        var times: [Duration] = []
        times.reserveCapacity(runs)
        for k in 0..<runs {
            let t0 = clock.now
            body(k)
            times.append(clock.now - t0)
        }
        times.sort()
        return times[times.count / 2]
    }
}
