import Foundation
import XCTest

/// `../shared/data` beside the clone (CI lays a copy of shared/ there); tests that need it
/// skip with a clear message when it is absent.
enum SharedData {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")

    static func url(_ relative: String) throws -> URL {
        let u = root.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: u.path) else {
            throw XCTSkip("shared data not found at \(u.path) (expected ../shared/data beside the clone)")
        }
        return u
    }
}
