// libFuzzer entry point for study.toml (not part of the SwiftPM package: scripts/fuzz.sh
// compiles it with swiftc together with GlassKit's sources and GlassIO's study.toml files, linked
// against the TOMLKit objects of the package's own debug build; see docs/fuzzing.md).
//
// Bytes → UTF-8 (as StudyLoader requires) → StudyToml.parse → the explorer's `w` on the document
// (StudyTomlEditor) → settings resolution (ResolvedSettings, the DMA per-state resolution) → the per-file overrides applied to a small
// DSC file → the analysis. Any thrown GlassError is a correct answer.

import Foundation

/// A small valid DSC run (native format) for the per-file overrides to act on.
let fuzzRunText = """
# kind: dsc
# state: cooled-10
# heating_rate: 20 K/min
T/K,W/(W/g),Segment
400,0.010,1
410,0.011,1
420,0.012,1
430,0.013,1
440,0.013,2
450,0.012,2
460,0.010,2
470,0.009,2
480,0.008,2
490,0.008,2
500,0.009,2
510,0.010,2

"""

func parseAndResolve(_ bytes: [UInt8]) {
    guard let text = String(validating: bytes, as: UTF8.self) else { return }
    guard let contents = try? StudyToml.parse(text) else { return }
    // The explorer's `w` on every accepted document: the editor finds each key wherever TOML lets
    // it be written (TomlSource), replaces or adds it, and reads the result back.
    let states = contents.keyLines.keys.filter { $0.count == 2 && $0[0] == "states" }.map { $0[1] }.sorted().prefix(2)
    let assignments = [TomlAssignment(key: "ts_K", value: "420"), TomlAssignment(key: "beta_window_K", value: "[320, 420]")]
        + states.map { TomlAssignment(state: $0, key: "tg_K", value: "431") }
    _ = try? StudyTomlEditor.write(assignments, in: text, path: "study.toml")
    // A string that needs escapes (a literal string cannot hold it) and a new state, which may make
    // an inline `states` table's line long (written as dotted keys): what is written reads back.
    let label = "state:it's \"q\" \\ é"
    let more = [TomlAssignment(key: "baseline", value: TomlString.basic(label)),
                TomlAssignment(state: "fuzz-new-state-with-a-long-name", key: "beta_window_K", value: "[330, 425]")]
    if let written = try? StudyTomlEditor.write(more, in: text, path: "study.toml") {
        guard written.contents.settings.baseline == label,
              written.contents.settings.perState["fuzz-new-state-with-a-long-name"]?.betaWindowK == 330...425 else {
            fatalError("w wrote a value that reads back otherwise:\n\(written.text)")
        }
    }
    let options = AnalysisOptions()
    _ = try? ResolvedSettings.resolve(options, contents.settings)
    guard let lines = try? TextDecoding.utf8Bytes(of: Array(fuzzRunText.utf8), file: "run.csv"),
          let table = try? NativeReader.read(TextLines(lines.bytes), path: "run.csv", encoding: lines.encoding) else { return }
    var datasets: [Dataset] = []
    for (_, overrides) in contents.files.sorted(by: { $0.key < $1.key }) {
        if let d = try? DatasetBuilder.build(table, overrides: overrides) { datasets.append(d) }
    }
    if datasets.isEmpty, let d = try? DatasetBuilder.build(table) { datasets.append(d) }
    let study = Study(name: "fuzz", datasets: datasets, settings: contents.settings)
    _ = try? Analysis.run(study, options: options)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStudyToml(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    parseAndResolve(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
