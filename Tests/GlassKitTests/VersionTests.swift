import XCTest
@testable import GlassKit
final class VersionTests: XCTestCase {
    func testVersionIsSemantic() {
        XCTAssertEqual(GlassKit.version.split(separator: ".").count, 3)
    }
}
