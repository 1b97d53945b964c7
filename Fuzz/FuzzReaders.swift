// libFuzzer entry point for the readers (not part of the SwiftPM package: scripts/fuzz.sh
// compiles it with swiftc together with GlassKit's sources; see docs/fuzzing.md).
//
// The target is chosen by the environment variable GLASSVIEW_FUZZ_TARGET:
// native, netzsch, ta, trios, eplexor, multisweep (bytes through one reader, then the dataset
// builder and the analysis), detect (FormatDetector, as `analyze` reads a file), or stream (a
// large file made from the input, imported whole and streamed: any difference traps).
// Any thrown GlassError is a correct answer; a trap or a sanitizer report is a finding.

import Foundation

enum ReaderTarget: String {
    case native, netzsch, ta, trios, eplexor, multisweep, detect, stream
}

nonisolated(unsafe) let readerTarget: ReaderTarget = {
    let name = ProcessInfo.processInfo.environment["GLASSVIEW_FUZZ_TARGET"] ?? "detect"
    guard let t = ReaderTarget(rawValue: name) else {
        fatalError("GLASSVIEW_FUZZ_TARGET=\(name): expected native, netzsch, ta, trios, eplexor, multisweep, detect or stream")
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
    case .detect, .stream: return []
    }
}

/// Reads, builds datasets, and analyses them as `glassview analyze --ts 420 --te 500` would.
func readAndAnalyse(_ bytes: [UInt8]) {
    let path = "fuzz.txt"
    guard let raw = try? tables(bytes, path: path) else { return }
    var datasets: [Dataset] = []
    for t in raw {
        // As the study loader reads a table: split into the datasets it holds (`ScanSplitter`).
        guard let d = try? ScanSplitter.datasets(t) else { continue }
        datasets.append(contentsOf: d)
    }
    guard !datasets.isEmpty else { return }
    let sources = [SourceFile(path: path, sha256: "", kind: datasets[0].kind, state: datasets[0].state)]
    var settings = StudySettings()
    settings.composition = "La30Ce30Ni10Al20Co10"
    let study = Study(name: "fuzz", datasets: datasets, sources: sources, settings: settings)
    _ = try? Analysis.run(study, options: AnalysisOptions(tsK: 420, teK: 500))
}

/// The stream target: the input, its last line (up to 40 bytes) 12 000 times, and the input
/// again — enough lines to be streamed — imported whole (FormatDetector + DatasetBuilder) and
/// streamed (StreamingImport, small pieces or pieces cut in halves); they must agree on the
/// datasets or the error, and the streamed bytes must be digested exactly once, in order.
func streamDifferential(_ input: [UInt8]) {
    var body = input
    while body.last == 0x0A || body.last == 0x0D { body.removeLast() }
    let lastLine = Array(body[(body.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)...].prefix(40))
    var file = input + [0x0A]
    file.reserveCapacity(file.count + 12_000 * (lastLine.count + 1) + input.count)
    for _ in 0..<12_000 { file += lastLine; file.append(0x0A) }
    file += input
    let path = "fuzz.txt"
    var wholeDatasets: [Dataset]?
    var wholeError = ""
    do {
        wholeDatasets = try FormatDetector.read(bytes: file, path: path).flatMap { try ScanSplitter.datasets($0) }
    } catch {
        wholeError = "\(error)"
    }
    final class Sink: @unchecked Sendable { var bytes: [UInt8] = [] }
    let sink = Sink()
    var at = 0
    let chunk = input.count % 2 == 0 ? 4_096 : 300_000
    do {
        let outcome = try StreamingImport.read(path: path, overrides: [:], sizeHint: file.count, from: { buf in
            let n = min(buf.count, file.count - at, 70_001)
            guard n > 0, let dst = buf.baseAddress else { return 0 }
            file.withUnsafeBytes { src in
                if let s = src.baseAddress { dst.copyMemory(from: s + at, byteCount: n) }
            }
            at += n
            return n
        }, digest: { sink.bytes.append(contentsOf: $0) }, chunk: chunk)
        switch outcome {
        case .datasets(let d):
            guard let w = wholeDatasets, w == d else { fatalError("streamed datasets differ from the whole import: \(wholeError)") }
            guard sink.bytes == file else { fatalError("digested bytes are not the file") }
        case .whole(let w):
            guard w == file else { fatalError("the whole bytes returned are not the file") }
        case .reread:
            break
        }
    } catch {
        guard wholeDatasets == nil, wholeError == "\(error)" else { fatalError("streamed error '\(error)' differs from the whole import: \(wholeError)") }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReaders(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if readerTarget == .stream { streamDifferential(bytes) } else { readAndAnalyse(bytes) }
    return 0
}
