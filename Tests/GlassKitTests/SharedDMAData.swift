import Foundation
import XCTest

/// `../shared/data` beside the clone, for the DMA tests that read real files; they skip with a
/// clear message when it is absent.
enum SharedDMAData {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")

    /// The file at `relative` below the shared data, or a skip.
    static func url(_ relative: String) throws -> URL {
        let u = root.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: u.path) else {
            throw XCTSkip("shared data not found at \(u.path) (expected ../shared/data beside the clone)")
        }
        return u
    }
}
