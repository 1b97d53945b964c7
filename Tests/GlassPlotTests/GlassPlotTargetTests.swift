import XCTest
final class GlassPlotTargetTests: XCTestCase {}
