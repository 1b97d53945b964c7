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

    /// A scratch study of one native DSC run, `a.csv` (40 rows, 400–439 K).
    func scratchStudyOfOneRun(_ prefix: String) throws -> String {
        let dir = try scratchDirectory(prefix)
        var body = "# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n"
        for i in 0..<40 { body += "\(400 + i),\(0.1 + 0.001 * Double(i))\n" }
        try body.write(toFile: dir + "/a.csv", atomically: true, encoding: .utf8)
        return dir
    }
}
