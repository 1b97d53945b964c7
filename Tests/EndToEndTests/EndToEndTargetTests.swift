import XCTest
final class EndToEndTargetTests: XCTestCase {}
