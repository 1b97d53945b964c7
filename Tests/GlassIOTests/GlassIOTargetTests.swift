import XCTest
final class GlassIOTargetTests: XCTestCase {}
