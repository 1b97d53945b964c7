import Foundation
import XCTest

extension XCTestCase {
    /// A fresh directory for one test, removed when the test ends (named `prefix`, the process
    /// and a random number, so that tests running side by side never share one).
    func scratchDirectory(_ prefix: String) throws -> String {
        let dir = NSTemporaryDirectory() + "\(prefix)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }
}
