import Foundation
import XCTest
import GlassKit
@testable import GlassIO

/// The loader keeps the SHA-256 of study.toml's bytes as read (a BOM and CR LF included), which
/// the explorer's `w` compares with the file on disk. Digests from coreutils' `sha256sum`.
final class StudyTomlDigestTests: XCTestCase {
    func study(_ toml: [UInt8]?) throws -> String {
        let dir = try scratchDirectory("glassview-digest")
        let rows = stride(from: 400, through: 520, by: 1).map { "\($0),0.1\n" }.joined()
        try ("# kind: dsc\n# state: as-cast\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n" + rows)
            .write(toFile: dir + "/a.csv", atomically: true, encoding: .utf8)
        if let toml { try Data(toml).write(to: URL(fileURLWithPath: dir + "/study.toml")) }
        return dir
    }

    func testTheDigestIsOfTheBytesRead() throws {
        // printf 'ts_K = 420\n' | sha256sum
        XCTAssertEqual(try StudyLoader.load(try study(Array("ts_K = 420\n".utf8))).settingsFileDigest,
                       "e26c8043ce5a0b4e19eb018b6f93496709d49ce3a7ac4dc08f037f2877b68ae4")
        // printf '\xef\xbb\xbfts_K = 420\r\n' | sha256sum
        XCTAssertEqual(try StudyLoader.load(try study([0xEF, 0xBB, 0xBF] + Array("ts_K = 420\r\n".utf8))).settingsFileDigest,
                       "57fe21fd38f527c6530f5e1ca8f034634a696b9f6e9c7514840fc8c46e654a2f")
        XCTAssertNil(try StudyLoader.load(try study(nil)).settingsFileDigest, "no study.toml")
    }
}
