// libFuzzer entry point for the readers (not part of the SwiftPM package: scripts/fuzz.sh
// compiles it with swiftc together with GlassKit's sources; see docs/fuzzing.md).
//
// The target is chosen by the environment variable GLASSVIEW_FUZZ_TARGET:
// native, netzsch, ta, trios, eplexor, multisweep (bytes through one reader, then the dataset
// builder and the analysis), or detect (FormatDetector, as `analyze` reads a file).
// Any thrown GlassError is a correct answer; a trap or a sanitizer report is a finding.

import Foundation

enum ReaderTarget: String {
    case native, netzsch, ta, trios, eplexor, multisweep, detect
}

nonisolated(unsafe) let readerTarget: ReaderTarget = {
    let name = ProcessInfo.processInfo.environment["GLASSVIEW_FUZZ_TARGET"] ?? "detect"
    guard let t = ReaderTarget(rawValue: name) else {
        fatalError("GLASSVIEW_FUZZ_TARGET=\(name): expected native, netzsch, ta, trios, eplexor, multisweep or detect")
    }
    return t
}()

func tables(_ bytes: [UInt8], path: String) throws -> [RawTable] {
    if readerTarget == .detect { return try FormatDetector.read(bytes: bytes, path: path) }
    let (utf8, encoding) = try TextDecoding.utf8Bytes(of: bytes, file: path)
    let lines = TextLines(utf8)
    switch readerTarget {
    case .native: return [try NativeReader.read(lines, path: path, encoding: encoding)]
    case .netzsch: return [try NetzschReader.read(lines, path: path, encoding: encoding)]
    case .ta: return [try TAUniversalReader.read(lines, path: path, encoding: encoding)]
    case .trios: return try TriosReader.read(lines, path: path, encoding: encoding)
    case .eplexor: return [try EplexorReader.read(lines, path: path, encoding: encoding)]
    case .multisweep: return try SweepSplitter.split(try NativeReader.read(lines, path: path, encoding: encoding))
    case .detect: return []
    }
}

/// Reads, builds datasets, and analyses them as `glassview analyze --ts 420 --te 500` would.
func readAndAnalyse(_ bytes: [UInt8]) {
    let path = "fuzz.txt"
    guard let raw = try? tables(bytes, path: path) else { return }
    var datasets: [Dataset] = []
    for t in raw {
        guard let d = try? DatasetBuilder.build(t) else { continue }
        datasets.append(d)
    }
    guard !datasets.isEmpty else { return }
    let sources = [SourceFile(path: path, sha256: "", kind: datasets[0].kind, state: datasets[0].state)]
    var settings = StudySettings()
    settings.composition = "La30Ce30Ni10Al20Co10"
    let study = Study(name: "fuzz", datasets: datasets, sources: sources, settings: settings)
    _ = try? Analysis.run(study, options: AnalysisOptions(tsK: 420, teK: 500))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReaders(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    readAndAnalyse(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
