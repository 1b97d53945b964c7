import Testing
@testable import GlassKit

/// A file's text read as `analyze` reads it (format detection, then the datasets with study.toml's
/// `overrides`), for the import tests that write their files as strings.
enum TextImport {
    static func datasets(_ text: String, path: String = "f.txt", overrides: [String: MetadataEntry] = [:]) throws -> [Dataset] {
        try ScanSplitter.datasets(try FormatDetector.read(bytes: Array(text.utf8), path: path), overrides: overrides)
    }

    /// The first dataset.
    static func read(_ text: String, path: String = "f.txt", overrides: [String: MetadataEntry] = [:]) throws -> Dataset {
        try #require(try datasets(text, path: path, overrides: overrides).first)
    }

    /// The error reading `text` gives ("" when it reads).
    static func error(_ text: String, path: String = "f.txt", overrides: [String: MetadataEntry] = [:]) -> String {
        do { _ = try datasets(text, path: path, overrides: overrides); return "" } catch { return "\(error)" }
    }
}
