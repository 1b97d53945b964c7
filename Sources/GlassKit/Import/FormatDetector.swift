/// Recognises a file's format from its first lines and hands it to the right reader.
public enum FormatDetector {
    /// Decodes and recognises `bytes` (SPEC §2.4 encodings; §2.1 native, §2.2 instruments).
    ///
    /// Returns one table per dataset, never none: one for most files, one per sweep for files
    /// that hold several isothermal sweeps (a `Set` column, TRIOS frequency-sweep steps), each
    /// with its own `part`.
    public static func read(bytes: [UInt8], path: String) throws -> [RawTable] {
        let (utf8, encoding) = try TextDecoding.utf8Bytes(of: bytes, file: path)
        let lines = TextLines(utf8)
        if NetzschReader.recognises(lines) { return [try NetzschReader.read(lines, path: path, encoding: encoding)] }
        if TAUniversalReader.recognises(lines) { return [try TAUniversalReader.read(lines, path: path, encoding: encoding)] }
        if TriosReader.recognises(lines) { return try TriosReader.read(lines, path: path, encoding: encoding) }
        if MettlerReader.recognises(lines) { return [try MettlerReader.read(lines, path: path, encoding: encoding)] }
        if PyrisReader.recognises(lines) { return [try PyrisReader.read(lines, path: path, encoding: encoding)] }
        if EplexorReader.recognises(lines) { return [try EplexorReader.read(lines, path: path, encoding: encoding)] }
        if JSONRefusal.recognises(lines) { throw JSONRefusal.error(lines, path: path) }
        return try SweepSplitter.split(try NativeReader.read(lines, path: path, encoding: encoding))
    }
}
