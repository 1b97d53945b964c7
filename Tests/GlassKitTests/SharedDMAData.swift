import Foundation

/// The real instrument files copied into `Tests/Fixtures/real` (their origin and licence in
/// `Tests/Fixtures/real/SOURCES.md`); every clone has them, so no test skips.
enum SharedDMAData {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/real")

    /// The file at `relative` below the real-file fixtures.
    static func url(_ relative: String) throws -> URL {
        root.appendingPathComponent(relative)
    }
}
