import XCTest
final class GlassTUITargetTests: XCTestCase {}
