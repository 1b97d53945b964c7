import Crypto
import Foundation

/// SHA-256 of bytes as lowercase hex (SPEC §5 `sources`), via swift-crypto.
public enum FileDigest {
    /// Hex digest of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for b in SHA256.hash(data: bytes) { out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
