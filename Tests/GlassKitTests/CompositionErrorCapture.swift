import XCTest
@testable import GlassKit

extension XCTestCase {
    /// The error reading `text` as a composition gives; a failure of the calling test when it reads.
    func compositionError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> CompositionError? {
        do {
            _ = try Composition(text)
            XCTFail("expected an error for \"\(text)\"", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }
}
