import Crypto
import Foundation

/// SHA-256 of bytes as lowercase hex (SPEC §5 `sources`), via swift-crypto.
public enum FileDigest {
    /// Hex digest of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
